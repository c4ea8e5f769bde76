import type { Worker } from 'node:worker_threads';
import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import { prepareScanOffThread } from '../../electron/app/renderJobs';
import { AppError } from '../../shared/api/errors';

// The render worker: photos made smaller (and reports drawn) in a thread of its own, which stays for
// the next job and hands back the bytes and the refusals as the same code in this thread would.

const started: Worker[] = [];
vi.mock('../../electron/app/workerFile', async (original) => {
  const real = await original<typeof import('../../electron/app/workerFile')>();
  return { ...real, startWorkerFile: (...args: Parameters<typeof real.startWorkerFile>) => started[started.push(real.startWorkerFile(...args)) - 1]! };
});

async function photo(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#a06040' } }).jpeg().toBuffer();
}

describe('the render worker', () => {
  it('makes a photo smaller with its thumbnail, refuses what is not one by name, and serves both from one thread', async () => {
    const picked = Buffer.from(await photo(3000, 2000));
    const stored = await prepareScanOffThread('IMG_2041.jpeg', picked);
    // The picked bytes were handed to the worker, not copied: no second copy stays behind.
    expect(picked.length).toBe(0);
    expect(stored).toMatchObject({ mimeType: 'image/jpeg', fileName: 'IMG_2041.jpg', width: 2400, height: 1600 });
    expect(Buffer.isBuffer(stored.content)).toBe(true);
    expect((await sharp(stored.content).metadata()).width).toBe(2400);
    expect((await sharp(stored.thumbnail!).metadata()).width).toBe(240);

    const refused = await prepareScanOffThread('passport.jpg', Buffer.from('not a picture at all')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).toInfo()).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'file', key: 'notScan', params: { name: 'passport.jpg' } }] });

    // Two at once, after the refusal: the same thread answers each its own.
    const [a, b] = await Promise.all([prepareScanOffThread('a.jpg', await photo(800, 600)), prepareScanOffThread('b.jpg', await photo(600, 800))]);
    expect([a.width, a.height, b.width, b.height]).toEqual([800, 600, 600, 800]);
    expect(started).toHaveLength(1);
    // A heap of its own size, not one sized from the machine's memory (collected sooner).
    expect(started[0]!.resourceLimits).toMatchObject({ maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 8 });
  });

  it('starts a new thread for the next job when the last one stopped', async () => {
    await prepareScanOffThread('a.jpg', await photo(100, 100));
    const before = started.length;
    await started.at(-1)!.terminate();
    expect((await prepareScanOffThread('b.jpg', await photo(120, 100))).width).toBe(120);
    expect(started).toHaveLength(before + 1);
  });
});
