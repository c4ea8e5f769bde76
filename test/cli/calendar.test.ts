import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_FILE } from '../../electron/app/paths';
import { newClient, ownContactPoint } from '../support/caseFixtures';
import { runCliCaptured } from '../support/cli';
import { ADMIN, createTestApp, type TestApp } from '../support/testApp';

// `calendar --db F [--user NAME] [--lawyer NAME] --from D --to D --out F.ics`: a lawyer's hearings as an
// .ics file, written as that user with the screens' permission.

const PASS = ADMIN.passphrase;
let t: TestApp;
let db = '';
const hearingIds: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  db = join(t.dir, DB_FILE);
  await ownContactPoint(t);
  const clientId = await newClient(t);
  for (const [username, displayName, role] of [['aziza', 'Азиза Каримова', 'lawyer'], ['bakhtiyor', 'Бахтиёр Назаров', 'lawyer'], ['analyst', 'Таҳлилгар', 'analyst']] as const) {
    const id = (await t.call('users:create', { username, displayName, role, password: PASS, passwordConfirm: PASS })).id;
    if (role !== 'lawyer') continue;
    const c = await t.call('cases:save', { clientId, caseType: 'paternity', openedOn: '2024-01-10', responsibleUserId: id, courtName: 'Суди шаҳри Хуҷанд' });
    hearingIds[username] = (await t.call('cases:saveHearing', { caseId: c.case.id, date: '2026-05-12', time: '08:45' })).id;
  }
  await t.app.lock();
  process.env.LEGAL_AID_PASSPHRASE = PASS;
}, 60_000);

afterAll(async () => {
  delete process.env.LEGAL_AID_PASSPHRASE;
  await t.cleanup();
});

const uids = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^UID:(.+)\r$/gm)].map((m) => m[1]);

describe('npm run cli -- calendar', () => {
  it('writes the signed-in lawyer’s own hearings, or those of --lawyer', async () => {
    const own = join(t.dir, 'own.ics');
    const r = await runCliCaptured(['calendar', '--db', db, '--user', 'aziza', '--from', '2026-05-01', '--to', '2026-05-31', '--out', own]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('1 hearings');
    expect(uids(own)).toEqual([`${hearingIds.aziza}@legal-aid-desk`]);
    expect(readFileSync(own, 'utf8')).toContain('DTSTART;TZID=Asia/Dushanbe:20260512T084500\r\n');

    const his = join(t.dir, 'his.ics');
    const b = await runCliCaptured(['calendar', '--db', db, '--lawyer', 'Bakhtiyor', '--from', '2026-05-01', '--to', '2026-05-31', '--out', his, '--lang', 'ru']);
    expect(b.code, b.err).toBe(0);
    expect(uids(his)).toEqual([`${hearingIds.bakhtiyor}@legal-aid-desk`]);
    expect(readFileSync(his, 'utf8')).toContain('SUMMARY:Заседание: ');
  });

  it('refuses an analyst (audited), an unknown lawyer and a period that ends before it starts, writing nothing', async () => {
    const out = join(t.dir, 'refused.ics');
    const analyst = await runCliCaptured(['calendar', '--db', db, '--user', 'analyst', '--from', '2026-05-01', '--to', '2026-05-31', '--out', out]);
    expect(analyst.code).toBe(1);
    expect(analyst.err).toContain('FORBIDDEN');
    const nobody = await runCliCaptured(['calendar', '--db', db, '--lawyer', 'nobody', '--from', '2026-05-01', '--to', '2026-05-31', '--out', out]);
    expect(nobody.code).toBe(2);
    expect(nobody.err).toContain('No user "nobody"');
    const backwards = await runCliCaptured(['calendar', '--db', db, '--from', '2026-05-31', '--to', '2026-05-01', '--out', out]);
    expect(backwards.code).toBe(2);
    expect(backwards.err).toContain('--to: dateOrder');
    expect(existsSync(out)).toBe(false);
  });
});
