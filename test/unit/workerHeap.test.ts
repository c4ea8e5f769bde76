import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { collectGarbageIfGrown } from '../../electron/app/workerHeap';

// A worker's garbage after large work (a photo's base64 text, a PDF's layout) is collected when the
// work ends, not whenever V8 gets round to it; an ordinary call's little garbage is left to V8.

const MiB = 2 ** 20;

/** Arrays of 1 MiB go straight to V8's large-object space: only a full collection frees them. */
function leaveGarbage(mib: number): void {
  let kept: number[][] | null = Array.from({ length: mib }, (_, i) => new Array<number>(MiB / 8).fill(i));
  expect(kept.length).toBe(mib);
  kept = null;
}

describe('garbage collected when a worker finishes large work', () => {
  it('collects what a large job left behind', () => {
    collectGarbageIfGrown();
    leaveGarbage(48);
    const before = getHeapStatistics().used_heap_size;
    collectGarbageIfGrown();
    expect(before - getHeapStatistics().used_heap_size).toBeGreaterThan(40 * MiB);
  });

  it('leaves a little garbage to V8', () => {
    collectGarbageIfGrown();
    leaveGarbage(4);
    const before = getHeapStatistics().used_heap_size;
    collectGarbageIfGrown();
    expect(before - getHeapStatistics().used_heap_size).toBeLessThan(2 * MiB);
  });
});
