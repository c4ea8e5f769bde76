import { describe, expect, it } from 'vitest';
import { MessageChannel } from 'node:worker_threads';
import { transferList } from '../../electron/app/workerFile';

// A job's result (a full package's bytes) crosses from the worker thread: handed over when it owns its
// memory, copied when it is a slice of Node's shared Buffer pool, which may not be transferred.

describe('the bytes a job hands back', () => {
  it('are transferred when they are a whole ArrayBuffer, and copied when they share the Buffer pool', async () => {
    const small = Buffer.from('a small package');
    expect(small.buffer.byteLength).toBeGreaterThan(small.byteLength); // a slice of the pool
    expect(transferList(small)).toEqual([]);
    const large = Buffer.concat([Buffer.alloc(64 * 1024, 1)]);
    expect(transferList(large)).toEqual([large.buffer]);
    expect(transferList(new Uint8Array(16).subarray(4))).toEqual([]);
    expect(transferList(undefined)).toEqual([]);

    // As the worker posts them: the small bytes arrive whole and stay usable on the sending side.
    const { port1, port2 } = new MessageChannel();
    const received = new Promise<Uint8Array>((resolve) => port2.once('message', (m: { content: Uint8Array }) => resolve(m.content)));
    port1.postMessage({ content: small }, transferList(small));
    expect(Buffer.from(await received).toString()).toBe('a small package');
    expect(small.toString()).toBe('a small package');
    port1.close();
  });
});
