import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import decode from 'heic-decode';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sniffScan } from '../../electron/documents/scans';
import { newClient, ownContactPoint } from '../support/caseFixtures';
import { createTestApp, type TestApp } from '../support/testApp';

// A real phone photo in HEIC (test/fixtures/scans/README.md says where it comes from) attached to a
// client: stored as a JPEG the documents list and the filing can show, upright, with a small thumbnail.

const HEIC = readFileSync(join(__dirname, '..', 'fixtures', 'scans', 'pug-portrait-564x870.heic'));
let t: TestApp;
let clientId: string;
beforeEach(async () => {
  t = await createTestApp();
  await ownContactPoint(t);
  clientId = await newClient(t);
});
afterEach(async () => t?.cleanup());

/** The picture as 8 × 8 grey levels: enough to tell which way up it is. */
async function sketch(image: sharp.Sharp): Promise<number[]> {
  return [...(await image.resize(8, 8, { fit: 'fill' }).greyscale().raw().toBuffer())];
}
const distance = (a: number[], b: number[]) => a.reduce((sum, v, i) => sum + Math.abs(v - b[i]!), 0) / a.length;

describe('a HEIC photo attached to a client', () => {
  it('is stored as a JPEG of the same upright picture, portrait kept, with a portrait thumbnail', async () => {
    expect(sniffScan(HEIC)).toBe('heic');
    const doc = await t.call('documents:attach', { clientId, type: 'passport', fileName: 'IMG_0417.HEIC', file: { base64: HEIC.toString('base64') } });
    expect(doc).toMatchObject({ mimeType: 'image/jpeg', fileName: 'IMG_0417.jpg', attachmentType: 'passport' });

    const row = await t.app.requireUnlocked().db.selectFrom('documents').select(['content', 'thumbnail', 'size_bytes']).where('id', '=', doc.id).executeTakeFirstOrThrow();
    const stored = Buffer.from(row.content);
    const meta = await sharp(stored).metadata();
    // Under the longest side kept (2400) the photo keeps its size; it is re-encoded, without metadata.
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 564, 870]);
    expect(meta.exif).toBeUndefined();
    expect(row.size_bytes).toBe(stored.length);

    const thumb = await sharp(Buffer.from(row.thumbnail!)).metadata();
    expect([thumb.format, thumb.width, thumb.height]).toEqual(['jpeg', 156, 240]);

    // The same way up as the photo: close to the decoded HEIC, far from it turned upside down.
    const heic = await decode({ buffer: HEIC });
    const original = () => sharp(Buffer.from(heic.data.buffer, heic.data.byteOffset, heic.data.byteLength), { raw: { width: heic.width, height: heic.height, channels: 4 } });
    const storedSketch = await sketch(sharp(stored));
    const upright = distance(storedSketch, await sketch(original()));
    const upsideDown = distance(storedSketch, await sketch(sharp(await original().rotate(180).png().toBuffer())));
    expect(upright).toBeLessThan(6);
    expect(upsideDown).toBeGreaterThan(4 * upright);
    expect(distance(await sketch(sharp(Buffer.from(row.thumbnail!))), storedSketch)).toBeLessThan(6);

    const [listed] = await t.call('documents:list', { clientId });
    expect(listed!.thumbnail).toMatch(/^data:image\/jpeg;base64,\/9j\//);
  });
});
