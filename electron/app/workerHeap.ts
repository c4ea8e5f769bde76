import { getHeapSpaceStatistics, getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// Garbage left by large work, collected when the work ends. A worker that has just stored a photo or
// drawn a PDF holds what it no longer needs — the photo's base64 text and the bytes decoded from it,
// the picture handed back and forth, the PDF's layout — until V8 decides to collect it, and V8 puts a
// full collection off for a long time while the heap is far from its limit: buffers outside the heap
// may pile up to 64 MB per thread before they count at all. Six photos in a row left some 90 MB of
// garbage in the app's two workers, and the app's peak memory at national size came from that.
// So when a call or a job ends and the memory the thread keeps (its heap beyond the young generation,
// which V8 empties often anyway, and the buffers outside it) has grown by GROWTH since the last full
// collection, the thread collects at once. An ordinary call (a search, a list) leaves far less and
// never pays for it.

/** Growth of the kept memory that is worth a full collection (some 10–30 ms on these heaps). */
const GROWTH = 8 * 2 ** 20;

function keptBytes(): number {
  const young = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_used_size ?? 0;
  const heap = getHeapStatistics();
  return heap.used_heap_size - young + heap.external_memory;
}

let collect: (() => void) | null = null;

/**
 * V8's full collection. V8 gives scripts its collector only when asked at start (--expose-gc), which a
 * worker thread cannot be given; asked for now, V8 puts it in the next new context (as jest's leak
 * detector does), and the flag is put back at once.
 */
function fullCollection(): void {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    try {
      const gc: unknown = runInNewContext('gc');
      // Should a runtime refuse the flag, the garbage is left to V8 as before.
      collect = typeof gc === 'function' ? (gc as () => void) : () => {};
    } finally {
      setFlagsFromString('--no-expose-gc');
    }
  }
  collect();
}

let afterLastCollection = keptBytes();

/** Collects this thread's garbage if it keeps much more than after the last collection. */
export function collectGarbageIfGrown(): void {
  if (keptBytes() - afterLastCollection < GROWTH) return;
  fullCollection();
  afterLastCollection = keptBytes();
}

let underWay = 0;

/** A call or job of this thread: once it ends with nothing else under way, the garbage is looked at. */
export function collectingAfter(work: Promise<unknown>): void {
  underWay++;
  void work.finally(() => {
    if (--underWay === 0) collectGarbageIfGrown();
  });
}
