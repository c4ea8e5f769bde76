import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countConsultations } from '../../db/queries/indicatorCount';
import { countFromFacts } from '../../db/queries/indicatorFacts';
import { checkFacts } from '../../db/queries/reportFactsUpkeep';
import { FACT_TRIGGERS } from '../../db/reportFactsSql';
import type { IndicatorReport } from '../../shared/api/reportTypes';
import { REFERRALS } from '../../shared/domain/enums';
import { INDICATOR_DIMENSIONS, SET_DIMENSIONS } from '../../shared/domain/indicatorDimensions';
import { consult, newClient, ownContactPoint } from '../support/caseFixtures';
import { createTestApp, type TestApp } from '../support/testApp';

// The referral breakdown (where a consultation sent the woman), added to the report by its declaration
// alone. Five consultations at the contact point in 2024, worked out by hand:
//   Hotam's wife  (W1): 10 Feb court + police; 1 Mar court
//   Nazir's wife  (W2):  5 Apr no referral
//   Karimov (a man, M1): 5 May police
//   Saidov's wife (W3):  6 Jun crisis centre, corrected afterwards to court
// and one recorded on 7 Jul for W2 with the NGO, then removed.

let t: TestApp;
const db = () => t.app.requireUnlocked().db;
const raw = () => t.app.requireUnlocked().raw;
const YEAR = { from: '2024-01-01', to: '2024-12-31' };
const ids: Record<string, string> = {};

const wife = (surname: string, birthDate: string) => ({
  surname,
  birthDate,
  phones: [],
  household: { relation: 'wife' as const, departureDate: '2020-01-01', lastRemittanceDate: '2023-06-01', maritalStatus: 'registered' as const },
});
const to = (...referrals: (typeof REFERRALS)[number][]) => ({ referrals: referrals.map((referral) => ({ referral, note: '' })) });
/** The non-zero cells of a referral breakdown. */
const cells = (r: IndicatorReport, key: keyof IndicatorReport['breakdowns']) =>
  Object.fromEntries(Object.entries(r.breakdowns[key].referral!).filter(([, n]) => n !== 0));

beforeAll(async () => {
  t = await createTestApp();
  await ownContactPoint(t);
  const w1 = await newClient(t, wife('Ҳотамова', '1991-01-01'));
  const w2 = await newClient(t, wife('Назирова', '1992-02-02'));
  const m1 = await newClient(t, { surname: 'Каримов', givenName: 'Фарҳод', sex: 'M', birthDate: '1980-01-01', phones: [] });
  const w3 = await newClient(t, wife('Саидова', '1993-03-03'));
  ids.c1 = (await consult(t, w1, '2024-02-10', to('court', 'police'))).id;
  ids.c2 = (await consult(t, w1, '2024-03-01', to('court'))).id;
  ids.c3 = (await consult(t, w2, '2024-04-05')).id;
  ids.c4 = (await consult(t, m1, '2024-05-05', to('police'))).id;
  const c5 = await consult(t, w3, '2024-06-06', to('crisis_centre'));
  ids.c5 = c5.id;
  await t.call('consultations:save', { id: c5.id, clientId: w3, date: '2024-06-06', venueKind: 'contact_point', issues: ['alimony'], ...to('court') });
  const removed = (await consult(t, w2, '2024-07-07', to('ngo'))).id;
  await sql`UPDATE consultations SET deleted_at = '2024-12-30T00:00:00.000Z' WHERE id = ${removed}`.execute(db());
});
afterAll(() => t.cleanup());

describe('the referral breakdown', () => {
  it('counts each consultation once under each of its referrals, and each woman at her first consultation', async () => {
    const r = await t.call('reports:indicators', YEAR);
    expect(r.indicators['1.2.3'].consultations).toBe(5);
    // court: c1, c2, c5 (corrected); police: c1, c4; none: c3. Six cells for five consultations.
    expect(cells(r, '1.2.3.consultations')).toEqual({ court: 3, police: 2, none: 1 });
    expect(r.multiValuedDimensions).toContain('referral');
    // Every referral shows, in the order of the vocabulary, then "none".
    expect(Object.keys(r.breakdowns['1.2.10.consultations'].referral!)).toEqual([...REFERRALS, 'none']);
    // W1 at 10 Feb (court, police), W2 at 5 Apr (none), W3 at 6 Jun (court).
    expect(r.indicators['1.2.3'].womenFromMigrantHouseholds).toBe(3);
    expect(cells(r, '1.2.3.womenFromMigrantHouseholds')).toEqual({ court: 2, police: 1, none: 1 });
    // The pass over the consultations (the hub's) gives the same rows as the facts.
    const f = { districtIds: null, contactPointId: null };
    expect(await countFromFacts(db(), YEAR, f)).toEqual(await countConsultations(db(), YEAR, f));
    expect(await checkFacts(db())).toEqual({ missing: 0, stale: 0, extra: 0 });
  });

  it('opens each referral cell to the consultations behind it', async () => {
    const drill = (key: string) => t.call('reports:drilldown', { ...YEAR, target: '1.2.3.consultations', dimension: 'referral', key });
    expect((await drill('court')).rows.map((x) => x.consultationId).sort()).toEqual([ids.c1, ids.c2, ids.c5].sort());
    expect((await drill('police')).rows.map((x) => x.date)).toEqual(['2024-02-10', '2024-05-05']);
    expect((await drill('none')).rows.map((x) => x.consultationId)).toEqual([ids.c3]);
    expect((await drill('crisis_centre')).total).toBe(0);
  });

  it('is kept up to date by triggers generated from the declaration, three per table the facts read', () => {
    const stored = (raw().prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name GLOB 'report_facts_*' ORDER BY name").pluck().all() as string[]);
    expect(stored).toEqual(FACT_TRIGGERS.map((x) => x.name).sort());
    // Insert, update and delete on consultations, on mobile sessions and on each set dimension's table.
    expect(stored).toHaveLength(3 * (2 + SET_DIMENSIONS.length));
    for (const table of ['consultations', 'mobile_sessions', ...SET_DIMENSIONS.map((d) => d.source.table)]) {
      const on = raw().prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name GLOB 'report_facts_*' AND tbl_name = ?").pluck().get(table);
      expect([table, on]).toEqual([table, 3]);
    }
    expect(SET_DIMENSIONS.map((d) => d.key)).toEqual(INDICATOR_DIMENSIONS.filter((d) => d.source.kind === 'set').map((d) => d.key));
  });
});
