import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { unlockDatabase } from '../../electron/app/database';
import { DB_FILE } from '../../electron/app/paths';
import { runCliCaptured } from '../support/cli';
import { newClient, ownContactPoint } from '../support/caseFixtures';
import { ADMIN, createTestApp, type TestApp } from '../support/testApp';

// `attach`: a scanner's folder from the command line, as a user; all files are checked first, and a
// refused one (not an image or PDF by its content, or too large) is named and nothing is stored.

let t: TestApp;
afterEach(async () => {
  delete process.env.LEGAL_AID_PASSPHRASE;
  await t?.cleanup();
});

async function setup() {
  t = await createTestApp();
  await ownContactPoint(t);
  const clientId = await newClient(t);
  const { case: c } = await t.call('cases:save', { clientId, caseType: 'alimony_share' });
  await t.app.lock();
  process.env.LEGAL_AID_PASSPHRASE = ADMIN.passphrase;
  return { clientId, caseId: c.id, db: join(t.dir, DB_FILE) };
}

async function stored(db: string) {
  const open = await unlockDatabase(db, 'admin', ADMIN.passphrase);
  try {
    return await open.db.selectFrom('documents').select(['file_name', 'attachment_type', 'mime_type', 'case_id', 'client_id', 'content']).orderBy('file_name').execute();
  } finally {
    await open.close();
  }
}

describe('npm run cli -- attach', () => {
  it('stores a scanner folder with a case: photos made smaller, PDFs kept', async () => {
    const { db, caseId, clientId } = await setup();
    const jpg = join(t.dir, 'page1.jpg');
    const pdf = join(t.dir, 'page2.pdf');
    writeFileSync(jpg, await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#eee' } }).jpeg().toBuffer());
    writeFileSync(pdf, '%PDF-1.4\n%%EOF\n');
    const r = await runCliCaptured(['attach', '--db', db, '--case', caseId, '--type', 'court_decision', jpg, pdf]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('Stored page1.jpg');
    const rows = await stored(db);
    expect(rows.map((d) => [d.file_name, d.attachment_type, d.mime_type, d.case_id, d.client_id])).toEqual([
      ['page1.jpg', 'court_decision', 'image/jpeg', caseId, clientId],
      ['page2.pdf', 'court_decision', 'application/pdf', caseId, clientId],
    ]);
    expect((await sharp(Buffer.from(rows[0]!.content)).metadata()).width).toBe(2400);
  });

  it('refuses a renamed program and a file over the limit, naming each, and stores nothing (exit 1)', async () => {
    const { db, clientId } = await setup();
    const good = join(t.dir, 'ok.pdf');
    const exe = join(t.dir, 'passport.jpg');
    const huge = join(t.dir, 'huge.pdf');
    writeFileSync(good, '%PDF-1.4\n%%EOF\n');
    writeFileSync(exe, Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(4000)]));
    writeFileSync(huge, Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(20 * 1024 * 1024 + 1)]));
    const r = await runCliCaptured(['attach', '--db', db, '--client', clientId, '--type', 'passport', good, exe, huge]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('“passport.jpg” is not a picture (JPEG, PNG, HEIC) or a PDF');
    expect(r.out).toContain('huge.pdf: The file is too large: at most 20 MB.');
    expect(await stored(db)).toEqual([]);
  });

  it('needs a known type and exactly one record', async () => {
    const { db, clientId, caseId } = await setup();
    expect((await runCliCaptured(['attach', '--db', db, '--client', clientId, '--type', 'selfie', 'x.jpg'])).code).toBe(2);
    expect((await runCliCaptured(['attach', '--db', db, '--client', clientId, '--case', caseId, '--type', 'other', 'x.jpg'])).code).toBe(2);
  });
});
