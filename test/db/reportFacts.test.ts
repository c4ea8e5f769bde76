import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../db/migrations';
import { computeIndicators } from '../../db/queries/indicators';
import { countConsultations } from '../../db/queries/indicatorCount';
import { countFromFacts } from '../../db/queries/indicatorFacts';
import { checkFacts, deferFacts, rebuildAllFacts } from '../../db/queries/reportFactsUpkeep';
import { verifyDatabase } from '../../db/verify';
import type { ReportQuery } from '../../shared/api/reportTypes';
import { consult, newClient, ownContactPoint } from '../support/caseFixtures';
import { ADMIN, createTestApp, type TestApp } from '../support/testApp';

// Migration 0009: the report counts from report_facts, kept up to date by triggers. Whatever happens
// to consultations, their issues, sessions and clients — through the app, or as an exchange merge
// writes rows (plain UPDATEs in any order) — the counts must equal those of the former pass over the
// consultations themselves (countConsultations, which the PostgreSQL hub still runs).

let t: TestApp;
const db = () => t.app.requireUnlocked().db;
const raw = () => t.app.requireUnlocked().raw;
const PERIODS: ReportQuery[] = [
  { from: '2024-01-01', to: '2024-12-31' },
  { from: '2024-03-01', to: '2024-06-30' },
  { from: '2023-01-01', to: '2025-12-31', region: 'SU' },
  { from: '2024-01-01', to: '2024-12-31', districtId: 'su-bobojon-ghafurov' },
];

async function expectFactsMatch(nonEmpty = false): Promise<void> {
  for (const q of PERIODS) {
    const region = q.region === 'SU' ? ['su-khujand', 'su-bobojon-ghafurov', 'su-istaravshan'] : null;
    const f = { districtIds: q.districtId ? [q.districtId] : region, contactPointId: null };
    // The region's districts are resolved by the engine; here a subset of them is enough to compare.
    const facts = await countFromFacts(db(), q, f);
    const scan = await countConsultations(db(), q, f);
    expect(facts).toEqual(scan);
  }
  if (!nonEmpty) return;
  // Not a comparison of two empty reports.
  const year = await countFromFacts(db(), PERIODS[0]!, { districtIds: null, contactPointId: null });
  expect(year.consultations.filter((r) => r.dim === 'total').reduce((n, r) => n + r.n, 0)).toBeGreaterThan(10);
  expect(year.women.filter((r) => r.dim === 'total' && r.venue === 'mobile_session').length).toBeGreaterThan(0);
}

/** A deterministic pseudo-random sequence, so a failure can be replayed. */
function prng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const wife = (surname: string, birthDate: string) => ({
  surname,
  birthDate,
  phones: [],
  household: { relation: 'wife' as const, departureDate: '2020-01-01', lastRemittanceDate: '2023-06-01', maritalStatus: 'registered' as const },
});

beforeAll(async () => {
  t = await createTestApp();
  await ownContactPoint(t);
});
afterAll(() => t.cleanup());

describe('report facts (migration 0009)', () => {
  it('stay equal to counting the consultations through edits, sessions, issues, merges and removals', async () => {
    const rnd = prng(7);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const clients: string[] = [];
    for (let i = 0; i < 12; i++) {
      clients.push(i % 3 === 2 ? await newClient(t, { surname: `Каримов${i}`, givenName: 'Фарҳод', sex: 'M', birthDate: '1980-01-01', phones: [] }) : await newClient(t, wife(`Каримова${i}`, `19${70 + i}-02-03`)));
    }
    const sessions: string[] = [];
    for (const date of ['2024-03-05', '2024-05-20', '2024-09-09']) {
      sessions.push((await t.call('mobileSessions:save', { date, districtId: 'su-bobojon-ghafurov', team: [{ name: 'Шарипова Н.', role: 'lawyer' }] })).session.id);
    }
    const consultations: string[] = [];
    const issues = ['alimony', 'paternity', 'land', 'inheritance', 'divorce'] as const;
    for (let i = 0; i < 40; i++) {
      const atSession = rnd() < 0.4;
      const chosen = [pick(issues), ...issues.filter(() => rnd() < 0.3)];
      const c = atSession
        ? await t.call('consultations:save', { clientId: pick(clients), venueKind: 'mobile_session', mobileSessionId: pick(sessions), issues: chosen })
        : await consult(t, pick(clients), `2024-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`, { issues: chosen });
      consultations.push(c.id);
    }
    // A session is conducted by its first consultation; one reopened as planned does not count.
    expect((await t.call('mobileSessions:get', { id: sessions[0]! })).session.status).toBe('conducted');
    await sql`UPDATE mobile_sessions SET status = 'planned' WHERE id = ${sessions[2]!}`.execute(db());
    await expectFactsMatch(true);

    // Writes as a merge makes them: columns of rows changed one statement at a time.
    type Exec = Parameters<typeof countFromFacts>[0];
    const steps: Array<(x: Exec) => Promise<unknown>> = [
      (x) => sql`UPDATE consultations SET date = ${'2024-0' + String(1 + Math.floor(rnd() * 9)) + '-15'} WHERE id = ${pick(consultations)}`.execute(x),
      (x) => sql`UPDATE consultations SET snap_abandoned = ${rnd() < 0.5 ? 1 : 0} WHERE id = ${pick(consultations)}`.execute(x),
      (x) => sql`UPDATE consultations SET snap_residence_district_id = 'su-istaravshan', district_id = 'su-khujand' WHERE id = ${pick(consultations)}`.execute(x),
      (x) => sql`UPDATE consultations SET client_id = ${pick(clients)} WHERE id = ${pick(consultations)}`.execute(x),
      (x) => sql`UPDATE consultations SET deleted_at = '2024-12-30T00:00:00.000Z' WHERE id = ${pick(consultations)}`.execute(x),
      (x) => sql`UPDATE consultations SET deleted_at = NULL WHERE id = ${pick(consultations)}`.execute(x),
      (x) => sql`UPDATE consultations SET created_at = '2024-01-01T00:00:00.000Z' WHERE id = ${pick(consultations)}`.execute(x),
      (x) => sql`UPDATE consultation_issues SET deleted_at = '2024-12-30T00:00:00.000Z' WHERE consultation_id = ${pick(consultations)}`.execute(x),
      (x) => sql`UPDATE consultation_issues SET issue = 'eviction' WHERE id = (SELECT id FROM consultation_issues WHERE consultation_id = ${pick(consultations)} LIMIT 1)`.execute(x),
      (x) => sql`UPDATE mobile_sessions SET status = ${pick(['planned', 'conducted', 'cancelled'])} WHERE id = ${pick(sessions)}`.execute(x),
      (x) => sql`UPDATE mobile_sessions SET deleted_at = ${rnd() < 0.5 ? null : '2024-12-30T00:00:00.000Z'} WHERE id = ${pick(sessions)}`.execute(x),
      (x) => sql`UPDATE clients SET deleted_at = ${rnd() < 0.7 ? null : '2024-12-30T00:00:00.000Z'} WHERE id = ${pick(clients)}`.execute(x),
    ];
    for (let round = 0; round < 6; round++) {
      for (let k = 0; k < 8; k++) await pick(steps)(db());
      await expectFactsMatch();
    }
    // The same kinds of writes with the upkeep deferred, as an exchange merge does (reportFactsUpkeep.ts),
    // each round followed by writes with the triggers back.
    const triggers = () => raw().prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name GLOB 'report_facts_*'").pluck().get();
    const before = triggers();
    for (let round = 0; round < 4; round++) {
      await db()
        .transaction()
        .execute(async (trx) => {
          const deferral = await deferFacts(trx);
          for (let k = 0; k < 10; k++) await pick(steps)(trx);
          await sql`INSERT INTO consultation_issues (id, created_at, updated_at, hlc, deleted_at, consultation_id, issue)
            VALUES (${`0190f000-0000-7000-8000-00000000000${round}`}, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', '0', NULL, ${pick(consultations)}, 'land')`.execute(trx);
          // A report inside the merge would count from facts that are not up to date: it refuses.
          await expect(countFromFacts(trx, PERIODS[0]!, { districtIds: null, contactPointId: null })).rejects.toThrow(/not being kept up to date/);
          await deferral.finish();
        });
      expect(triggers()).toBe(before);
      await expectFactsMatch();
      for (let k = 0; k < 4; k++) await pick(steps)(db());
      await expectFactsMatch();
    }
    // A merge that fails puts the triggers back with its rollback.
    const failed = new Error('the package was refused');
    await expect(
      db()
        .transaction()
        .execute(async (trx) => {
          await deferFacts(trx);
          await pick(steps)(trx);
          throw failed;
        }),
    ).rejects.toBe(failed);
    expect(triggers()).toBe(before);
    for (let k = 0; k < 6; k++) await pick(steps)(db());
    await expectFactsMatch();
    // A session conducted, reopened as planned, conducted again — each in a merge of its own.
    const busiest = raw()
      .prepare('SELECT mobile_session_id AS id FROM consultations WHERE deleted_at IS NULL AND mobile_session_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1')
      .get() as { id: string };
    for (const status of ['conducted', 'planned', 'conducted']) {
      await db()
        .transaction()
        .execute(async (trx) => {
          const deferral = await deferFacts(trx);
          await sql`UPDATE mobile_sessions SET status = ${status}, deleted_at = NULL WHERE id = ${busiest.id}`.execute(trx);
          await deferral.finish();
        });
      await expectFactsMatch();
    }
    const [keep, merged] = [clients[0]!, clients[1]!];
    await sql`UPDATE clients SET deleted_at = NULL WHERE id IN (${keep}, ${merged})`.execute(db());
    await t.call('clients:merge', { keepId: keep, mergeId: merged });
    await expectFactsMatch();
    // Every live consultation has exactly one fact; none is left for a removed one.
    const live = raw().prepare('SELECT count(*) AS n FROM consultations WHERE deleted_at IS NULL').get() as { n: number };
    const facts = raw().prepare('SELECT count(*) AS n FROM report_facts f JOIN consultations c ON c.id = f.id AND c.date = f.date AND c.created_at = f.created_at WHERE c.deleted_at IS NULL').get() as { n: number };
    const all = raw().prepare('SELECT count(*) AS n FROM report_facts').get() as { n: number };
    expect(facts.n).toBe(live.n);
    expect(all.n).toBe(live.n);
  });

  it('give the right counts when a dictionary value seen inside a transaction is rolled back and its id reused', async () => {
    const year = PERIODS[0]!;
    const f = { districtIds: null, contactPointId: null };
    await countFromFacts(db(), year, f); // the dictionaries are now kept for this database handle
    const client = await newClient(t, wife('Нуриддинова', '1999-09-09'));
    const firstId = (await consult(t, client, '2024-04-04', { kind: 'psychological', issues: ['divorce'] })).id;
    const rolledBack = new Error('rolled back on purpose');
    await expect(
      db()
        .transaction()
        .execute(async (trx) => {
          await sql`UPDATE consultations SET snap_education = 'higher', snap_employment = 'student' WHERE id = ${firstId}`.execute(trx);
          expect(await countFromFacts(trx, year, f)).toEqual(await countConsultations(trx, year, f));
          throw rolledBack;
        }),
    ).rejects.toBe(rolledBack);
    // The same dictionary id now stands for another combination.
    await sql`UPDATE consultations SET snap_education = 'none', snap_employment = 'pensioner' WHERE id = ${firstId}`.execute(db());
    expect(await countFromFacts(db(), year, f)).toEqual(await countConsultations(db(), year, f));
  });

  it('stop the report, instead of being counted wrongly, when a fact holds an id the report cannot read', async () => {
    const year = PERIODS[0]!;
    const f = { districtIds: null, contactPointId: null };
    const first = raw().prepare('SELECT date, created_at, id FROM report_facts WHERE counted = 1 AND date >= ? ORDER BY date, created_at, id LIMIT 1').get(year.from) as { date: string; created_at: string; id: string };
    // An unknown combination, a negative id, ids too wide for the facts' fixed-width numbers (alone and
    // two of them, which a length check alone would not notice), an unknown person.
    const broken = ['dims = 999999', 'dims = -1', 'issues = 4294967301', 'dims = 4294967297, place = 4294967297', 'person = 4294967295'];
    for (const change of broken) {
      const rolledBack = new Error('rolled back on purpose');
      await expect(
        db()
          .transaction()
          .execute(async (trx) => {
            await sql.raw(`UPDATE report_facts SET ${change} WHERE date = '${first.date}' AND created_at = '${first.created_at}' AND id = '${first.id}'`).execute(trx);
            await expect(countFromFacts(trx, year, f), change).rejects.toThrow(/cannot read/);
            throw rolledBack;
          }),
      ).rejects.toBe(rolledBack);
    }
    await expectFactsMatch(true);
  });

  it('are checked by verify against the consultations, and built again when they disagree', async () => {
    expect(await checkFacts(db())).toEqual({ missing: 0, stale: 0, extra: 0 });
    const right = await computeIndicators(db(), PERIODS[0]!, new Date('2025-01-01T00:00:00Z'));
    // Facts gone wrong behind the triggers' back: one lost, one with another client, one left over.
    const facts = raw().prepare('SELECT date, created_at, id FROM report_facts ORDER BY date, created_at, id LIMIT 2').all() as { date: string; created_at: string; id: string }[];
    raw().prepare('DELETE FROM report_facts WHERE date = ? AND created_at = ? AND id = ?').run(facts[0]!.date, facts[0]!.created_at, facts[0]!.id);
    raw().prepare('UPDATE report_facts SET person = (SELECT max(id) FROM report_people) + 1 WHERE date = ? AND created_at = ? AND id = ?').run(facts[1]!.date, facts[1]!.created_at, facts[1]!.id);
    raw().prepare('INSERT INTO report_facts (date, created_at, id, counted, dims, place, issues, person) SELECT date, created_at, ?, counted, dims, place, issues, person FROM report_facts LIMIT 1').run('no-such-consultation');
    const report = await verifyDatabase(db());
    expect(report.reportFacts).toEqual({ missing: 1, stale: 1, extra: 1 });
    expect(report.ok).toBe(false);

    await db().transaction().execute((trx) => rebuildAllFacts(trx));
    const again = await verifyDatabase(db());
    expect(again.reportFacts).toEqual({ missing: 0, stale: 0, extra: 0 });
    expect(again.ok).toBe(true);
    expect(await computeIndicators(db(), PERIODS[0]!, new Date('2025-01-01T00:00:00Z'))).toEqual(right);
    await expectFactsMatch();
    // The triggers are back: a change after the rebuild still reaches the facts.
    await sql`UPDATE consultations SET deleted_at = '2025-01-01T00:00:00Z' WHERE id = ${facts[1]!.id}`.execute(db());
    expect(await checkFacts(db())).toEqual({ missing: 0, stale: 0, extra: 0 });
  });

  it('are filled from the existing consultations when the migrations run', async () => {
    // The same report, but for the audit head it names: unlocking again below adds an entry.
    const report = async () => {
      const rep = await computeIndicators(db(), PERIODS[0]!, new Date('2025-01-01T00:00:00Z'));
      return { ...rep, generated: { ...rep.generated, auditHead: null } };
    };
    const before = await report();
    const r = raw();
    const triggers = (r.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'report_facts_%'").all() as { name: string }[]).map((x) => x.name);
    for (const name of triggers) r.exec(`DROP TRIGGER ${name}`);
    for (const table of ['report_facts', 'report_dims', 'report_places', 'report_issue_sets', 'report_referral_sets', 'report_people']) r.exec(`DROP TABLE ${table}`);
    r.exec('DROP VIEW report_fact_values');
    r.exec('CREATE INDEX consultations_report ON consultations(date)'); // the index 0009 drops
    r.exec('DROP INDEX cases_closed_report'); // and the one it adds
    r.exec('DROP INDEX consultation_referrals_live'); // 0011's
    // The database as schema 8 left it, taken through the steps since: 0009 fills the facts with its
    // own triggers, 0011 adds the referrals' storage, and the open that follows replaces the triggers
    // by those of the declaration and builds every fact again.
    for (const m of MIGRATIONS.filter((m) => m.name === 'report_facts' || m.name === 'referral_facts')) await m.up(db() as never);
    await t.app.lock();
    await t.call('login:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(await report()).toEqual(before);
    await expectFactsMatch();
  });
  it('are built again a slice of consultations at a time, every fact right when there are more than a slice', async () => {
    const r = raw();
    const columns = (r.prepare("SELECT name FROM pragma_table_info('consultations')").all() as { name: string }[]).map((c) => c.name);
    const { n } = r.prepare('SELECT count(*) AS n FROM consultations WHERE deleted_at IS NULL').get() as { n: number };
    // Copies of every consultation under new ids: more than two of the rebuild's slices (5,000) of live ones.
    const copies = Math.ceil(12_000 / n);
    const list = columns.map((c) => `"${c}"`).join(', ');
    const values = columns.map((c) => (c === 'id' ? `c.id || '.copy' || k.value` : `c."${c}"`)).join(', ');
    r.exec(`INSERT INTO consultations (${list}) SELECT ${values} FROM consultations c, json_each('[${Array.from({ length: copies }, (_, i) => i + 1).join(',')}]') k`);
    try {
      expect((r.prepare('SELECT count(*) AS n FROM report_facts').get() as { n: number }).n).toBeGreaterThan(12_000);
      const right = await computeIndicators(db(), PERIODS[0]!, new Date('2025-01-01T00:00:00Z'));
      await db().transaction().execute((trx) => rebuildAllFacts(trx));
      expect(await checkFacts(db())).toEqual({ missing: 0, stale: 0, extra: 0 });
      expect(await computeIndicators(db(), PERIODS[0]!, new Date('2025-01-01T00:00:00Z'))).toEqual(right);
      await expectFactsMatch(true);
    } finally {
      r.exec(`DELETE FROM consultations WHERE id LIKE '%.copy%'`);
    }
    expect(await checkFacts(db())).toEqual({ missing: 0, stale: 0, extra: 0 });
  });
});
