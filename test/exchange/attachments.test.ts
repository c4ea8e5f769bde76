import { rmSync } from 'node:fs';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import type { UnlockedDatabase } from '../../electron/app/database';
import { exportPackage, importPackage, openPackage } from '../../electron/exchange/exchangeService';
import { attachDocument } from '../../electron/services/documents';
import { consentForm } from '../../electron/services/receipts';
import { tempDir } from '../support/temp';
import { twoContactPointsAndHub, write } from './network';
import { client, consultation, KHUJAND, KULOB, type Person } from './records';

// Scanned papers are large and personal: a statistics package never carries them, and a full package
// carries them only when the user asks for it (the Exchange screen's choice, export-package
// --with-attachments). Printed consent forms are small and always travel with the client.

const id = (n: number) => `0190c000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
const CP_A = id(1);
const CP_B = id(2);
const woman: Person = { id: id(100), surname: 'Саидова', givenName: 'Мавлуда', patronymic: '', birthDate: '1991-02-03', phone: '+992917770001', doc: 'A77' };

let dir = '';
const open: UnlockedDatabase[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function network() {
  dir = tempDir();
  const n = await twoContactPointsAndHub(dir, { id: CP_A, code: 'KH-01', districtId: KHUJAND }, { id: CP_B, code: 'KL-01', districtId: KULOB });
  open.push(n.cpA, n.cpB, n.hub);
  await write(n.cpA, client(woman));
  await write(n.cpA, consultation({ id: id(200), clientId: woman.id, date: '2024-05-10', cpId: CP_A, districtId: KHUJAND, issues: ['alimony'] }));
  const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#ddd', noise: { type: 'gaussian', mean: 120, sigma: 20 } } }).jpeg().toBuffer();
  const scan = await attachDocument(n.cpA, { clientId: woman.id, type: 'passport', fileName: 'passport.jpg', bytes: photo });
  await consentForm(n.cpA, woman.id, 'ru');
  return { ...n, scan };
}

async function documentsAt(db: UnlockedDatabase) {
  return db.db.selectFrom('documents').select(['id', 'kind', 'sha256', 'content', 'thumbnail']).where('deleted_at', 'is', null).orderBy('kind').execute();
}

describe('scanned papers in exchange packages', () => {
  it('a full package leaves them out unless asked, and carries them whole when asked', async () => {
    const { cpA, cpB, scan } = await network();
    const without = await exportPackage(cpA, cpB.installation.id, { kind: 'full' });
    await importPackage(cpB, without.content);
    const first = await documentsAt(cpB);
    expect(first.map((d) => d.kind)).toEqual(['consent']);
    expect(await cpB.db.selectFrom('clients').select('surname').where('id', '=', woman.id).executeTakeFirst()).toEqual({ surname: 'Саидова' });

    // B answers, confirming what it received; then a second scan, sent with the user's choice.
    await importPackage(cpA, (await exportPackage(cpB, cpA.installation.id, { kind: 'full' })).content);
    const photo = await sharp({ create: { width: 600, height: 800, channels: 3, background: '#fafafa' } }).png().toBuffer();
    const second = await attachDocument(cpA, { clientId: woman.id, type: 'birth_certificate', fileName: 'cert.png', bytes: photo });
    const withScans = await exportPackage(cpA, cpB.installation.id, { kind: 'full', withAttachments: true });
    await importPackage(cpB, withScans.content);
    const after = await documentsAt(cpB);
    const arrived = after.find((d) => d.id === second.id)!;
    expect(arrived.sha256).toBe(second.sha256);
    const original = await cpA.db.selectFrom('documents').select(['content', 'thumbnail']).where('id', '=', second.id).executeTakeFirstOrThrow();
    expect(Buffer.from(arrived.content).equals(Buffer.from(original.content))).toBe(true);
    expect(Buffer.from(arrived.thumbnail!).equals(Buffer.from(original.thumbnail!))).toBe(true);
    // Left out once, the first scan stays out: the peer confirmed those changes.
    expect(after.some((d) => d.id === scan.id)).toBe(false);
  });

  it('a statistics package never carries a document, a name or a file', async () => {
    const { cpA, hub, scan } = await network();
    const stats = await exportPackage(cpA, hub.installation.id, { kind: 'stats', from: '2024-01-01', to: '2024-12-31' });
    const { payload } = await openPackage(hub, stats.content);
    const text = JSON.stringify(payload);
    expect((payload as { consultations: unknown[] }).consultations).toHaveLength(1);
    for (const needle of [scan.sha256, 'passport.jpg', 'Саидова', 'documents', '/9j/', 'JVBERi0']) expect(text, needle).not.toContain(needle);
  });
});
