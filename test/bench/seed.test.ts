import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { saveCase, writeCaseStatus } from '../../db/queries/cases';
import { completeTask, saveHearing, saveTask } from '../../db/queries/caseWork';
import { saveClient } from '../../db/queries/clientWrite';
import { saveConsultation } from '../../db/queries/consultations';
import { saveContactPoint } from '../../db/queries/contactPoints';
import { insertFilingDocument } from '../../db/queries/documents';
import { saveSession, writeSessionStatus } from '../../db/queries/mobileSessions';
import { createDatabase, type UnlockedDatabase } from '../../electron/app/database';
import { AppRows } from '../../electron/seed/appRows';
import { BulkWriter } from '../../electron/seed/bulkWriter';
import { generateClient, DISTRICTS } from '../../electron/seed/generators';
import { NAME_LETTERS, TAJIK_SURNAME_SUFFIXES, personName } from '../../electron/seed/names';
import { seedNational, type SizeSpec } from '../../electron/seed/national';
import { Rng } from '../../electron/seed/prng';
import { caseInput, hearingInput, taskInput } from '../../shared/api/caseInputs';
import { clientInput } from '../../shared/api/clientInputs';
import { consultationInput } from '../../shared/api/consultationInputs';
import { contactPointInput } from '../../shared/api/contactPointInputs';
import { mobileSessionInput } from '../../shared/api/mobileSessionInputs';
import type { CaseOutcome, CaseStatus } from '../../shared/domain/enums';
import { HybridClock, nodeIdFromInstallation } from '../../shared/sync/hlc';
import { FAST_KDF, tempDir } from '../support/temp';

// The synthetic data of the benchmark: valid Tajik names, the same data for the same seed, and rows
// identical to what the app's own repository functions write (the seed's fast path must not drift).

const TINY: SizeSpec = { contactPoints: 5, sessions: 6, clients: 120, consultations: 300, cases: 40, documents: 10, days: 40 };
/** Every table the seed's fast path writes. */
const WRITTEN = [
  'contact_points', 'mobile_sessions', 'mobile_session_team', 'clients', 'client_phones', 'migrant_households', 'children', 'cases', 'case_status_history',
  'consultations', 'consultation_issues', 'consultation_referrals', 'tasks', 'hearings', 'documents',
];
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

  it("writes the same rows, change messages and audit entries as the app's repository functions, for every kind of record it writes", async () => {
    const viaApp = await freshDb('app');
    const viaSeed = await freshDb('seed');
    const day = '2024-03-05';
    const later = '2024-03-20';
    const rng = new Rng(3);
    const district = DISTRICTS.find((d) => d.id === 'su-khujand')!;
    const generated = generateClient(rng, day, district).input;
    // A client with everything the form can hold: an age instead of a birth date, phones, a household, children.
    const full = clientInput.parse({
      surname: 'Раҳимова', givenName: 'Малика', patronymic: 'Давлатовна', sex: 'F', age: 34, residenceDistrictId: 'su-khujand', residenceType: 'urban',
      employment: 'homemaker', education: 'general_secondary', socialAssistance: true, languages: ['tg', 'ru'], consentOn: day, consentMethod: 'written',
      phones: [{ phone: '+992927001122', label: 'мобилӣ' }, { phone: '+992935551234' }],
      household: { relation: 'wife', migrantSurname: 'Раҳимов', country: 'Россия', departureDate: '2022-01-10', lastRemittanceDate: '2023-05-01', maritalStatus: 'registered' },
      children: [{ givenName: 'Меҳрона', birthDate: '2019-02-02', sex: 'F', paternityRegistered: false }, { givenName: 'Сино', birthDate: '2021-07-07' }],
    });
    const cp = contactPointInput.parse({ code: 'KHU', name: 'Нуқтаи тамос', districtId: 'su-khujand', establishedOn: '2020-01-01' });
    const held = { date: day, districtId: 'su-istaravshan', jamoat: 'Ғозиён', village: 'Ғозиён', partnerAuthority: 'Ҷамоат', team: [{ name: 'Давлатова Сабоҳат', role: 'ҳуқуқшинос' }] };
    const cancelled = { date: later, districtId: 'su-khujand' };
    const caseFor = (clientId: string, cpId: string) =>
      caseInput.parse({ clientId, caseType: 'alimony_share', openedOn: day, contactPointId: cpId, respondentName: 'Каримов Рустам', monthlyAlimonyDiram: 150_000 });
    const atDesk = (clientId: string, cpId: string, caseId: string) =>
      consultationInput.parse({ clientId, venueKind: 'contact_point', contactPointId: cpId, date: day, issues: ['alimony', 'divorce'], referrals: [{ referral: 'court', note: '' }], caseId, followUpOn: later });
    const inSession = (clientId: string, sessionId: string) => consultationInput.parse({ clientId, venueKind: 'mobile_session', mobileSessionId: sessionId, lawyerName: 'Давлатова Сабоҳат', issues: ['land'] });
    const moves: Array<[CaseStatus, CaseStatus, string, CaseOutcome | null]> = [
      ['open', 'preparing_documents', day, null],
      ['preparing_documents', 'filed', day, null],
      ['filed', 'hearing', later, null],
      ['hearing', 'decided', later, 'granted'],
      ['decided', 'closed', later, 'granted'],
    ];
    const filing = (caseId: string, clientId: string) => ({
      caseId, clientId, title: 'Ариза', fileName: 'ariza.tg.docx', content: Buffer.from('PK sample filing'), language: 'tg', templateId: 'alimony-share', templateVersion: '1', legalRefVersion: '2024-01', dataHash: 'f'.repeat(64),
    });

    await viaApp.db.transaction().execute(async (trx) => {
      const ctx = { trx, w: viaApp.writer, user: viaApp.user };
      const cpId = await saveContactPoint(ctx, cp);
      const heldId = await saveSession(ctx, mobileSessionInput.parse(held), cpId);
      const cancelledId = await saveSession(ctx, mobileSessionInput.parse(cancelled), cpId);
      await writeSessionStatus(ctx, cancelledId, 'planned', 'cancelled', day);
      const fullId = await saveClient(ctx, full, day);
      const generatedId = await saveClient(ctx, generated, day);
      const caseId = await saveCase(ctx, caseFor(fullId, cpId), cpId);
      await saveConsultation(ctx, atDesk(fullId, cpId, caseId), cpId, day);
      await saveConsultation(ctx, inSession(generatedId, heldId), cpId, day);
      const taskId = await saveTask(ctx, taskInput.parse({ caseId, title: 'Тайёр кардани ариза', dueOn: later }));
      await saveTask(ctx, taskInput.parse({ caseId, title: 'Пардохти боҷ', dueOn: later }));
      await completeTask(ctx, taskId, true, day, day);
      for (const [from, to, on, outcome] of moves.slice(0, 2)) await writeCaseStatus(ctx, { id: caseId, from, status: to, on, outcome, note: '' });
      await insertFilingDocument(ctx, filing(caseId, fullId));
      await saveHearing(ctx, hearingInput.parse({ caseId, date: later, time: '10:00', place: 'Суди шаҳри Хуҷанд' }));
      for (const [from, to, on, outcome] of moves.slice(2)) await writeCaseStatus(ctx, { id: caseId, from, status: to, on, outcome, note: '' });
    });

    const clock = new HybridClock(nodeIdFromInstallation(viaSeed.installation.id), undefined, () => Date.parse(`${day}T09:00:00Z`));
    const w = new BulkWriter({ raw: viaSeed.raw, clock, origin: viaSeed.installation.id, rng: new Rng(1), user: viaSeed.user, changeLog: true });
    w.nowMs = Date.parse(`${day}T09:00:00Z`);
    const rows = new AppRows(w);
    const userId = viaSeed.user.id;
    viaSeed.raw.exec('BEGIN');
    const cpId = rows.contactPoint(cp);
    const cpRef = { id: cpId, code: 'KHU' };
    const heldId = rows.session(mobileSessionInput.parse(held), cpRef);
    const cancelledId = rows.session(mobileSessionInput.parse(cancelled), cpRef);
    rows.sessionStatus(cancelledId, 'planned', 'cancelled', day, false);
    const fullState = rows.client(full, day);
    const generatedState = rows.client(generated, day);
    const kase = rows.kase(caseFor(fullState.id, cpId), cpRef, userId);
    rows.consultation(atDesk(fullState.id, cpId, kase.id), fullState, { date: day, contactPointId: cpId, districtId: 'su-khujand' }, null);
    rows.consultation(inSession(generatedState.id, heldId), generatedState, { date: day, contactPointId: cpId, districtId: 'su-istaravshan' }, day);
    const taskId = rows.task(taskInput.parse({ caseId: kase.id, title: 'Тайёр кардани ариза', dueOn: later }));
    rows.task(taskInput.parse({ caseId: kase.id, title: 'Пардохти боҷ', dueOn: later }));
    rows.completeTask(taskId, day);
    for (const [from, to, on, outcome] of moves.slice(0, 2)) rows.caseStatus(kase.id, from, to, on, outcome, userId);
    rows.filing(filing(kase.id, fullState.id), userId);
    rows.hearing(hearingInput.parse({ caseId: kase.id, date: later, time: '10:00', place: 'Суди шаҳри Хуҷанд' }));
    for (const [from, to, on, outcome] of moves.slice(2)) rows.caseStatus(kase.id, from, to, on, outcome, userId);
    w.flush();
    viaSeed.raw.exec('COMMIT');

    // Ids, stamps and times differ by nature: ids are named by their order of first appearance; every
    // other column, every change message and every audit entry must match.
    const recorded = (db: UnlockedDatabase) => {
      const names = new Map<string, string>();
      const name = (v: unknown) => {
        if (typeof v !== 'string' || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(v)) return v;
        if (!names.has(v)) names.set(v, `id${names.size + 1}`);
        return names.get(v);
      };
      const table = (t: string) =>
        (db.raw.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all() as Record<string, unknown>[]).map((r) =>
          Object.fromEntries(Object.entries(r).filter(([c]) => !['created_at', 'updated_at', 'hlc'].includes(c)).map(([c, v]) => [c, name(v)])),
        );
      const tables = Object.fromEntries(WRITTEN.map((t) => [t, table(t)]));
      const changes = (db.raw.prepare(`SELECT table_name, row_id, data FROM change_log WHERE table_name <> 'users' ORDER BY seq`).all() as { table_name: string; row_id: string; data: string }[]).map((c) => ({
        table: c.table_name,
        row: name(c.row_id),
        data: Object.fromEntries(Object.entries(JSON.parse(c.data) as Record<string, unknown>).map(([k, v]) => [k, k === 'created_at' ? 'time' : name(v)])),
      }));
      const audit = (db.raw.prepare(`SELECT action, entity, entity_id, detail FROM audit_log WHERE action <> 'database.create' ORDER BY seq`).all() as Record<string, string>[]).map((a) => ({
        action: a.action,
        entity: a.entity,
        entityId: name(a.entity_id),
        detail: JSON.parse(a.detail!, (_k, v: unknown) => name(v)) as unknown,
      }));
      return { tables, changes, audit };
    };
    const app = recorded(viaApp);
    const seed = recorded(viaSeed);
    for (const t of WRITTEN) {
      expect(app.tables[t]!.length, t).toBeGreaterThan(0);
      expect(seed.tables[t], t).toEqual(app.tables[t]);
    }
    expect(seed.changes).toEqual(app.changes);
    expect(seed.audit).toEqual(app.audit);
    await viaApp.close();
    await viaSeed.close();
  });
});
