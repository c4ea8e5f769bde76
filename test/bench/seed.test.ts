import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { saveCase } from '../../db/queries/cases';
import { saveClient } from '../../db/queries/clientWrite';
import { saveConsultation } from '../../db/queries/consultations';
import { saveContactPoint } from '../../db/queries/contactPoints';
import { createDatabase, type UnlockedDatabase } from '../../electron/app/database';
import { AppRows } from '../../electron/seed/appRows';
import { BulkWriter } from '../../electron/seed/bulkWriter';
import { generateClient, DISTRICTS } from '../../electron/seed/generators';
import { NAME_LETTERS, TAJIK_SURNAME_SUFFIXES, personName } from '../../electron/seed/names';
import { seedNational, type SizeSpec } from '../../electron/seed/national';
import { Rng } from '../../electron/seed/prng';
import { caseInput, consultationInput, contactPointInput } from '../../shared/api/caseTrackingInputs';
import { HybridClock, nodeIdFromInstallation } from '../../shared/sync/hlc';
import { FAST_KDF, tempDir } from '../support/temp';

// The synthetic data of the benchmark: valid Tajik names, the same data for the same seed, and rows
// identical to what the app's own repository functions write (the seed's fast path must not drift).

const TINY: SizeSpec = { contactPoints: 5, sessions: 6, clients: 120, consultations: 300, cases: 40, documents: 10, days: 40 };
let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

async function freshDb(name: string): Promise<UnlockedDatabase> {
  const dir = tempDir('lad-seed-');
  dirs.push(dir);
  return createDatabase({ dbPath: join(dir, `${name}.db`), username: 'admin', displayName: 'Admin', passphrase: 'correct horse battery staple', installationName: name, kdf: FAST_KDF });
}

function tableCounts(db: UnlockedDatabase): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of ['contact_points', 'mobile_sessions', 'clients', 'client_phones', 'migrant_households', 'children', 'consultations', 'consultation_issues', 'cases', 'hearings', 'tasks', 'documents', 'change_log']) {
    out[t] = (db.raw.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  }
  return out;
}

describe('national seed', () => {
  it('gives the same data for the same seed and other data for another seed', async () => {
    const runs: Array<{ counts: Record<string, number>; names: unknown[] }> = [];
    for (const seed of [7, 7, 8]) {
      const db = await freshDb(`s${seed}`);
      await seedNational(db, TINY, { seed, changeLog: true, samples: new Map() });
      const names = db.raw.prepare('SELECT surname, given_name, patronymic, birth_date FROM clients ORDER BY created_at, id LIMIT 20').all();
      runs.push({ counts: tableCounts(db), names });
      await db.close();
    }
    expect(runs[0]).toEqual(runs[1]);
    expect(runs[0]!.counts.consultations).toBeGreaterThan(250);
    // A message per write: at least one per row written (every consultation, its issues and referrals, …).
    expect(runs[0]!.counts.change_log).toBeGreaterThan(runs[0]!.counts.consultations! * 2);
    expect(runs[2]!.names).not.toEqual(runs[0]!.names);
  }, 60_000);

  it('generates Tajik names with Tajik letters and endings, patronymics sometimes left out', () => {
    const rng = new Rng(42);
    const names = Array.from({ length: 2000 }, (_, i) => personName(rng, i % 2 ? 'F' : 'M', 1970 + (i % 40)));
    for (const n of names) for (const part of [n.surname, n.givenName, n.patronymic]) if (part) expect(part).toMatch(NAME_LETTERS);
    const tajikForm = names.filter((n) => n.style === 'tajik_form');
    expect(tajikForm.length).toBeGreaterThan(300);
    for (const n of tajikForm) expect(TAJIK_SURNAME_SUFFIXES.some((s) => n.surname.endsWith(s))).toBe(true);
    for (const suffix of TAJIK_SURNAME_SUFFIXES) expect(tajikForm.some((n) => n.surname.endsWith(suffix))).toBe(true);
    // Older Russian-style surnames agree with the sex: -ов/-ев for men, -ова/-ева for women.
    for (const n of names.filter((x) => x.style === 'russian_form')) expect(n.surname).toMatch(/(ов|ев|ова|ева)$/);
    expect(names.some((n) => /[ҳҷқғӣӯ]/.test(n.surname + n.givenName))).toBe(true);
    expect(names.some((n) => n.patronymic === '')).toBe(true);
    expect(names.filter((n) => n.patronymic === '').length).toBeLessThan(names.length / 4);
    expect(names.some((n) => n.style === 'russian_spelling' && /Дж|х/.test(n.surname + n.givenName))).toBe(true);
  });

  it("writes the same rows and change messages as the app's repository functions", async () => {
    const viaApp = await freshDb('app');
    const viaSeed = await freshDb('seed');
    const rng = new Rng(3);
    const district = DISTRICTS.find((d) => d.id === 'su-khujand')!;
    const client = generateClient(rng, '2024-03-05', district).input;
    const cp = contactPointInput.parse({ code: 'KHU', name: 'Нуқтаи тамос', districtId: 'su-khujand', establishedOn: '2020-01-01' });

    const appIds = await viaApp.db.transaction().execute(async (trx) => {
      const ctx = { trx, w: viaApp.writer, user: viaApp.user };
      const cpId = await saveContactPoint(ctx, cp);
      const clientId = await saveClient(ctx, client, '2024-03-05');
      const caseId = await saveCase(ctx, caseInput.parse({ clientId, caseType: 'alimony_share', openedOn: '2024-03-05', contactPointId: cpId, respondentName: 'Каримов Рустам' }), cpId);
      const k = consultationInput.parse({ clientId, venueKind: 'contact_point', contactPointId: cpId, date: '2024-03-05', issues: ['alimony', 'divorce'], referrals: [{ referral: 'court', note: '' }], caseId });
      return { cpId, clientId, caseId, consultationId: await saveConsultation(ctx, k, cpId) };
    });

    const clock = new HybridClock(nodeIdFromInstallation(viaSeed.installation.id), undefined, () => Date.parse('2024-03-05T09:00:00Z'));
    const w = new BulkWriter({ raw: viaSeed.raw, clock, origin: viaSeed.installation.id, rng: new Rng(1), user: viaSeed.user, changeLog: true });
    w.nowMs = Date.parse('2024-03-05T09:00:00Z');
    const rows = new AppRows(w);
    viaSeed.raw.exec('BEGIN');
    const cpId = rows.contactPoint(cp);
    const state = rows.client(client, '2024-03-05');
    const kase = rows.kase(caseInput.parse({ clientId: state.id, caseType: 'alimony_share', openedOn: '2024-03-05', contactPointId: cpId, respondentName: 'Каримов Рустам' }), { id: cpId, code: 'KHU' }, viaSeed.user.id);
    const k = consultationInput.parse({ clientId: state.id, venueKind: 'contact_point', contactPointId: cpId, date: '2024-03-05', issues: ['alimony', 'divorce'], referrals: [{ referral: 'court', note: '' }], caseId: kase.id });
    const consultationId = rows.consultation(k, state, { date: '2024-03-05', contactPointId: cpId, districtId: 'su-khujand' }, null);
    w.flush();
    viaSeed.raw.exec('COMMIT');

    // Ids, stamps and times differ by nature; every other column and every change message must match.
    const ids = new Map<string, string>([
      [cpId, appIds.cpId],
      [state.id, appIds.clientId],
      [kase.id, appIds.caseId],
      [consultationId, appIds.consultationId],
      [viaSeed.user.id, viaApp.user.id],
    ]);
    const norm = (v: unknown) => (typeof v === 'string' ? (ids.get(v) ?? v) : v);
    const strip = (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).filter(([c]) => !['id', 'created_at', 'updated_at', 'hlc'].includes(c)).map(([c, v]) => [c, norm(v)]));
    for (const table of ['contact_points', 'clients', 'client_phones', 'migrant_households', 'children', 'cases', 'case_status_history', 'consultations', 'consultation_issues', 'consultation_referrals']) {
      const a = viaApp.raw.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all() as Record<string, unknown>[];
      const b = viaSeed.raw.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all() as Record<string, unknown>[];
      expect(b.map(strip), table).toEqual(a.map(strip));
    }
    // Times and ids inside a message are normalised like the rows' columns.
    const changes = (db: UnlockedDatabase) =>
      (db.raw.prepare(`SELECT table_name, data FROM change_log WHERE table_name <> 'users' ORDER BY seq`).all() as { table_name: string; data: string }[]).map((c) => ({
        table: c.table_name,
        data: Object.fromEntries(Object.entries(JSON.parse(c.data) as Record<string, unknown>).map(([k, v]) => [k, k === 'created_at' ? 'time' : norm(v)])),
      }));
    expect(changes(viaSeed)).toEqual(changes(viaApp));
    const actions = (db: UnlockedDatabase) => (db.raw.prepare(`SELECT action FROM audit_log WHERE action <> 'database.create' ORDER BY seq`).all() as { action: string }[]).map((a) => a.action);
    expect(actions(viaSeed)).toEqual(actions(viaApp));
    await viaApp.close();
    await viaSeed.close();
  });
});
