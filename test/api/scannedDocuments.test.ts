import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FileKind } from '../../shared/api/files';
import type { FileDialogs } from '../../electron/app/fileTokens';
import { sniffScan } from '../../electron/documents/scans';
import { clientInput, consult, newClient, ownContactPoint } from '../support/caseFixtures';
import { ADMIN, createTestApp, inlineBytes, type TestApp } from '../support/testApp';

// Scanned papers and photos kept with a client, a consultation or a case: checked by their content,
// photos made smaller and stripped of their metadata, thumbnails, deletion, erasure, the filing
// wizard's list of attachments, and the printed consent form and receipt kept with the client.

let t: TestApp;
let clientId: string;
afterEach(async () => t?.cleanup());
beforeEach(async () => {
  t = await createTestApp();
  await ownContactPoint(t);
  clientId = await newClient(t);
});

const b64 = (bytes: Buffer) => bytes.toString('base64');

/** A phone photo of a paper: 4000 × 3000, with the camera's EXIF and a GPS position in Dushanbe. */
async function phonePhoto(width = 4000, height = 3000): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#e8e0d0', noise: { type: 'gaussian', mean: 140, sigma: 18 } } })
    .jpeg({ quality: 90 })
    .withExif({ IFD0: { Make: 'PhoneMaker', Model: 'X1' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '38/1 33/1 3600/100', GPSLongitudeRef: 'E', GPSLongitude: '68/1 46/1 4800/100' } })
    .toBuffer();
}

/** A small one-page PDF, as a scanner writes it. */
function tinyPdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
    'latin1',
  );
}

async function documentsRow(id: string) {
  return t.app.requireUnlocked().db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

describe('attaching a scanned paper or photo', () => {
  it('makes a phone photo smaller (longest side 2400), re-encodes it as JPEG without EXIF or GPS, and lists it with a thumbnail', async () => {
    const photo = await phonePhoto();
    const before = await sharp(photo).metadata();
    // The GPS directory's tag (0x8825, little-endian as libvips writes EXIF) is in the photo as taken.
    const GPS_TAG = Buffer.from([0x25, 0x88]);
    expect(before.exif!.includes(GPS_TAG), 'the test photo carries a GPS position').toBe(true);

    const doc = await t.call('documents:attach', { clientId, type: 'passport', fileName: 'IMG_2041.JPG', file: { base64: b64(photo) } });
    expect(doc).toMatchObject({ kind: 'attachment', attachmentType: 'passport', mimeType: 'image/jpeg', fileName: 'IMG_2041.jpg', clientId, createdBy: ADMIN.displayName });

    const row = await documentsRow(doc.id);
    const stored = Buffer.from(row.content);
    const meta = await sharp(stored).metadata();
    expect(meta.format).toBe('jpeg');
    expect([meta.width, meta.height]).toEqual([2400, 1800]);
    expect(meta.exif).toBeUndefined();
    expect(stored.includes(Buffer.from('Exif'))).toBe(false);
    expect(stored.includes(Buffer.from('PhoneMaker'))).toBe(false);
    expect(stored.length).toBeLessThan(photo.length);
    expect(row.size_bytes).toBe(stored.length);

    const thumb = await sharp(Buffer.from(row.thumbnail!)).metadata();
    expect(Math.max(thumb.width!, thumb.height!)).toBe(240);
    const [listed] = await t.call('documents:list', { clientId });
    expect(listed!.thumbnail).toMatch(/^data:image\/jpeg;base64,\/9j\//);
    expect(listed!.id).toBe(doc.id);
    // Looking at her documents is a read in the audit trail, by ids only.
    const read = await t.app.requireUnlocked().db.selectFrom('audit_log').select(['entity', 'detail']).where('action', '=', 'read').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(read.entity).toBe('documents:list');
    expect(JSON.parse(read.detail!)).toMatchObject({ records: 1, filter: { clientId } });
  });

  it('keeps a small PNG scan at its size (as JPEG) and a PDF byte for byte, without a thumbnail', async () => {
    const png = await sharp({ create: { width: 800, height: 1100, channels: 4, background: { r: 255, g: 255, b: 255, alpha: 1 } } }).png().toBuffer();
    const a = await t.call('documents:attach', { clientId, type: 'birth_certificate', fileName: 'scan-001.png', file: { base64: b64(png) } });
    const m = await sharp(Buffer.from((await documentsRow(a.id)).content)).metadata();
    expect([m.format, m.width, m.height]).toEqual(['jpeg', 800, 1100]);

    const pdf = tinyPdf();
    const p = await t.call('documents:attach', { clientId, type: 'court_decision', fileName: 'decision.pdf', file: { base64: b64(pdf) } });
    expect(p).toMatchObject({ mimeType: 'application/pdf', thumbnail: null, fileName: 'decision.pdf', sizeBytes: pdf.length });
    expect(Buffer.from((await documentsRow(p.id)).content).equals(pdf)).toBe(true);
    const file = await t.call('documents:get', { id: p.id });
    expect(inlineBytes(file).equals(pdf)).toBe(true);
  });

  it('refuses a program renamed to .jpg by its content, naming the file, and stores nothing', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(2000, 7)]);
    const res = await t.raw('documents:attach', { clientId, type: 'passport', fileName: 'passport.jpg', file: { base64: b64(exe) } });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'file', key: 'notScan', params: { name: 'passport.jpg' } }] } });
    const count = await t.app.requireUnlocked().db.selectFrom('documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('refuses a file over the limit before it is decoded', async () => {
    const big = 'A'.repeat(4 * Math.ceil((20 * 1024 * 1024 + 1) / 3));
    const res = await t.raw('documents:attach', { clientId, type: 'other', fileName: 'huge.jpg', file: { base64: big } });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ key: 'fileTooLarge', params: { megabytes: 20 } }] } });
  });

  it('knows a HEIC photo by its first bytes, and refuses one that cannot be decoded, naming it', async () => {
    // The header phones write, on bytes that are no picture (a real HEIC photo: heicScan.test.ts).
    const header = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1')]);
    expect(sniffScan(header)).toBe('heic');
    expect(sniffScan(Buffer.from('ftypisom', 'latin1'))).toBeNull();
    const res = await t.raw('documents:attach', { clientId, type: 'passport', fileName: 'IMG_0001.HEIC', file: { base64: b64(Buffer.concat([header, Buffer.alloc(500, 1)])) } });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'file', key: 'unreadableScan', params: { name: 'IMG_0001.HEIC' } }] } });
  });

  it('takes files picked in the Electron dialog, several at once (a scanner folder)', async () => {
    await t.cleanup();
    const folder: string[] = [];
    const dialogs: FileDialogs = {
      open: async () => folder[0] ?? null,
      openMany: async (kind: FileKind) => (kind === 'scan' ? folder : []),
      save: async () => null,
    };
    t = await createTestApp({ fileDialogs: dialogs });
    await ownContactPoint(t);
    clientId = await newClient(t);
    const dir = join(t.dir, 'scanner');
    mkdirSync(dir);
    for (const [i, bytes] of [await phonePhoto(1200, 1600), tinyPdf()].entries()) {
      const path = join(dir, `page-${i}.${i ? 'pdf' : 'jpg'}`);
      writeFileSync(path, bytes);
      folder.push(path);
    }
    const { files } = await t.call('files:open', { kind: 'scan', multiple: true });
    expect(files!.map((f) => f.name)).toEqual(['page-0.jpg', 'page-1.pdf']);
    for (const f of files!) await t.call('documents:attach', { clientId, type: 'other', fileName: f.name, file: { token: f.token } });
    expect((await t.call('documents:list', { clientId })).map((d) => d.fileName).sort()).toEqual(['page-0.jpg', 'page-1.pdf']);
  });

  it('goes with a case or a consultation, and the client’s list holds them all', async () => {
    const { case: c } = await t.call('cases:save', { clientId, caseType: 'alimony_share' });
    const k = await consult(t, clientId, '2024-06-30');
    const onCase = await t.call('documents:attach', { caseId: c.id, type: 'court_decision', fileName: 'd.pdf', file: { base64: b64(tinyPdf()) } });
    const onConsultation = await t.call('documents:attach', { consultationId: k.id, type: 'remittance_receipt', fileName: 'r.pdf', file: { base64: b64(tinyPdf()) } });
    expect(onCase).toMatchObject({ caseId: c.id, clientId });
    expect(onConsultation).toMatchObject({ consultationId: k.id, clientId });
    expect((await t.call('documents:list', { caseId: c.id })).map((d) => d.id)).toEqual([onCase.id]);
    expect((await t.call('documents:list', { consultationId: k.id })).map((d) => d.id)).toEqual([onConsultation.id]);
    expect((await t.call('documents:list', { clientId })).map((d) => d.id).sort()).toEqual([onCase.id, onConsultation.id].sort());
  });

  it('is not for an analyst or a read-only user', async () => {
    for (const role of ['analyst', 'readonly'] as const) {
      await t.call('users:create', { username: role, displayName: role, role, password: 'a long enough password 1', passwordConfirm: 'a long enough password 1' });
      await t.call('login:lock', {});
      await t.call('login:unlock', { username: role, passphrase: 'a long enough password 1' });
      const res = await t.raw('documents:attach', { clientId, type: 'other', fileName: 'x.pdf', file: { base64: b64(tinyPdf()) } });
      expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      await t.call('login:lock', {});
      await t.call('login:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    }
  });
});

describe('the filing wizard’s list of attachments', () => {
  it('ticks each paper the client’s documents hold, and only those', async () => {
    await t.call('clients:save', { ...clientInput(), id: clientId, children: [{ givenName: 'Фотима', surname: 'Раҳимова', birthDate: '2018-03-01', sex: 'F' }] } as never);
    const { case: c } = await t.call('cases:save', { clientId, caseType: 'alimony_share' });
    const ticks = async () => {
      const prep = await t.call('filings:prepare', { caseId: c.id, templateId: 'alimony-share', language: 'ru' });
      const list = prep.lists.find((l) => l.name === 'attachments')!;
      return Object.fromEntries(list.lines.map((line, i) => [line.replace(/^\d+\. /, ''), list.present![i]]));
    };
    const before = await ticks();
    expect(before['Копия паспорта истца']).toBe(false);
    expect(before['Копия свидетельства о рождении ребёнка']).toBe(false);
    expect(before['Справка с места жительства']).toBeNull();

    await t.call('documents:attach', { clientId, type: 'passport', fileName: 'passport.pdf', file: { base64: b64(tinyPdf()) } });
    const after = await ticks();
    expect(after['Копия паспорта истца']).toBe(true);
    expect(after['Копия свидетельства о рождении ребёнка']).toBe(false);
  });
});

describe('deleting and erasing', () => {
  it('deleting clears the content (in its history too) and tombstones the document', async () => {
    const doc = await t.call('documents:attach', { clientId, type: 'passport', fileName: 'p.jpg', file: { base64: b64(await phonePhoto(1000, 800)) } });
    await t.call('documents:delete', { id: doc.id });
    const row = await documentsRow(doc.id);
    expect(row.deleted_at).not.toBeNull();
    expect([row.content.length, row.thumbnail, row.size_bytes]).toEqual([0, null, 0]);
    expect(await t.call('documents:list', { clientId })).toEqual([]);
    const history = t.app.requireUnlocked().raw.prepare(`SELECT data FROM change_log WHERE table_name = 'documents' AND row_id = ?`).all(doc.id) as { data: string }[];
    expect(history.length).toBeGreaterThan(1);
    // No message of its history still holds the picture (nor its thumbnail).
    expect(history.filter((h) => /"\$bytes":"[A-Za-z0-9+/=]{100}/.test(h.data))).toEqual([]);
    expect(await t.raw('documents:get', { id: doc.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('erasure removes her scanned papers and printed forms, content and history', async () => {
    const { case: c } = await t.call('cases:save', { clientId, caseType: 'alimony_share' });
    const a = await t.call('documents:attach', { caseId: c.id, type: 'marriage_certificate', fileName: 'nikah.jpg', file: { base64: b64(await phonePhoto(900, 700)) } });
    await t.call('receipts:consent', { clientId, language: 'tg' });
    await t.call('clients:erase', { id: clientId, confirm: true });
    const s = t.app.requireUnlocked();
    const rows = await s.db.selectFrom('documents').selectAll().execute();
    expect(rows.length).toBe(2);
    for (const r of rows) expect([r.content.length, r.thumbnail, r.deleted_at !== null, r.file_name]).toEqual([0, null, true, '—']);
    const history = s.raw.prepare(`SELECT data FROM change_log WHERE table_name = 'documents'`).all() as { data: string }[];
    expect(history.some((h) => h.data.includes(a.sha256))).toBe(false);
    expect(history.every((h) => !/"\$bytes":"[A-Za-z0-9+/]{100}/.test(h.data))).toBe(true);
    expect(await t.raw('documents:attach', { clientId, type: 'other', fileName: 'x.pdf', file: { base64: b64(tinyPdf()) } })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('consent form and receipt', () => {
  function pdfText(bytes: Buffer): string {
    const file = join(t.dir, 'printed.pdf');
    writeFileSync(file, bytes);
    return execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  }

  it('prints the consent form from her record in Tajik and Russian, and keeps each with the day and who printed it', async () => {
    for (const [language, title] of [['tg', 'Розигӣ ба коркарди маълумоти шахсӣ'], ['ru', 'Согласие на обработку персональных данных']] as const) {
      const file = await t.call('receipts:consent', { clientId, language });
      expect(file.fileName).toMatch(new RegExp(`^consent-\\d{4}-\\d{2}-\\d{2}-.{8}-${language}\\.pdf$`));
      expect(file.fileName).not.toMatch(/Раҳимова/);
      const text = pdfText(inlineBytes(file));
      expect(text).toContain(title);
      expect(text).toContain('Раҳимова Малика Ҷамшедовна');
      expect(text).toContain('15.05.1990');
      expect(text).toContain(ADMIN.displayName);
    }
    const kept = (await t.call('documents:list', { clientId })).filter((d) => d.kind === 'consent');
    expect(kept.map((d) => d.language).sort()).toEqual(['ru', 'tg']);
    for (const d of kept) {
      expect(d.createdBy).toBe(ADMIN.displayName);
      expect(d.createdAt.slice(0, 10)).toBe(new Date().toISOString().slice(0, 10));
    }
    const prints = await t.app.requireUnlocked().db.selectFrom('audit_log').select(['entity', 'entity_id']).where('action', '=', 'print').execute();
    expect(prints).toEqual([
      { entity: 'clients', entity_id: clientId },
      { entity: 'clients', entity_id: clientId },
    ]);
  });

  it('keeps the printed intake receipt with the client and its consultation; a read-only user’s print is not stored', async () => {
    const k = await consult(t, clientId, '2024-06-30');
    await t.call('receipts:consultation', { consultationId: k.id, language: 'ru' });
    const kept = await t.call('documents:list', { consultationId: k.id });
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ kind: 'receipt', clientId, language: 'ru', mimeType: 'application/pdf', createdBy: ADMIN.displayName });
    expect(pdfText(inlineBytes(await t.call('documents:get', { id: kept[0]!.id })))).toContain('Справка о юридической консультации');

    await t.call('users:create', { username: 'reader', displayName: 'Reader', role: 'readonly', password: 'a long enough password 1', passwordConfirm: 'a long enough password 1' });
    await t.call('login:lock', {});
    await t.call('login:unlock', { username: 'reader', passphrase: 'a long enough password 1' });
    await t.call('receipts:consultation', { consultationId: k.id, language: 'tg' });
    expect(await t.call('documents:list', { consultationId: k.id })).toHaveLength(1);
    expect(await t.raw('receipts:consent', { clientId, language: 'tg' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
