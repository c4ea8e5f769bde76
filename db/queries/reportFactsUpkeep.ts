import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema';

// Deferred upkeep of report_facts (migration 0009) for writes of many rows at once (an exchange merge
// of a year of national changes). Between deferFacts and rebuildStaleFacts — both inside ONE
// transaction, so a failure rolls the flag back with everything else — the triggers only note the
// consultations that changed, and the rebuild then makes their facts set-wise from the view
// report_fact_values: one pass per dictionary instead of a dozen index probes per row and per issue.

type Db = Kysely<Database> | Transaction<Database>;

const REBUILD = [
  // The values of the changed consultations that are live (the view leaves out tombstoned ones).
  `CREATE TEMP TABLE report_rebuild AS SELECT v.* FROM report_stale s JOIN report_fact_values v ON v.id = s.id`,
  // Their facts under their current key (a changed key's old fact was removed by the update trigger).
  `DELETE FROM report_facts WHERE (date, created_at, id) IN (SELECT c.date, c.created_at, c.id FROM report_stale s JOIN consultations c ON c.id = s.id)`,
  `INSERT INTO report_dims (woman, small) SELECT DISTINCT r.woman, r.small FROM temp.report_rebuild r
     WHERE NOT EXISTS (SELECT 1 FROM report_dims d WHERE d.woman = r.woman AND d.small = r.small)`,
  `INSERT INTO report_places (district_id, home_district_id, contact_point_id) SELECT DISTINCT r.district_id, r.home_district_id, r.contact_point_id
     FROM temp.report_rebuild r WHERE NOT EXISTS (SELECT 1 FROM report_places p
       WHERE p.district_id = r.district_id AND p.home_district_id = r.home_district_id AND p.contact_point_id = r.contact_point_id)`,
  `INSERT INTO report_people (client_id) SELECT DISTINCT r.client_id FROM temp.report_rebuild r
     WHERE NOT EXISTS (SELECT 1 FROM report_people pe WHERE pe.client_id = r.client_id)`,
  `INSERT INTO report_issue_sets (issues) SELECT DISTINCT r.issues FROM temp.report_rebuild r
     WHERE r.issues IS NOT NULL AND NOT EXISTS (SELECT 1 FROM report_issue_sets i WHERE i.issues = r.issues)`,
  `INSERT INTO report_facts (date, created_at, id, counted, dims, place, issues, person)
     SELECT r.date, r.created_at, r.id, r.counted, d.id, p.id, COALESCE(i.id, 0), pe.id
     FROM temp.report_rebuild r
     JOIN report_dims d ON d.woman = r.woman AND d.small = r.small
     JOIN report_places p ON p.district_id = r.district_id AND p.home_district_id = r.home_district_id AND p.contact_point_id = r.contact_point_id
     JOIN report_people pe ON pe.client_id = r.client_id
     LEFT JOIN report_issue_sets i ON i.issues = r.issues`,
  'DROP TABLE temp.report_rebuild',
  'DELETE FROM report_stale',
  'UPDATE report_state SET deferred = 0',
];

/** From now until rebuildStaleFacts, in this transaction, the triggers only note what changed. */
export async function deferFacts(trx: Transaction<Database>): Promise<void> {
  await sql`UPDATE report_state SET deferred = 1`.execute(trx);
}

/** Makes the facts of every consultation noted since deferFacts, and ends the deferral. */
export async function rebuildStaleFacts(trx: Transaction<Database>): Promise<void> {
  for (const statement of REBUILD) await sql.raw(statement).execute(trx);
}

/** Whether the facts are complete (no deferral left open); the report checks this before it counts. */
export async function factsCurrent(db: Db): Promise<boolean> {
  const { rows } = await sql<{ ok: number }>`
    SELECT (SELECT deferred FROM report_state) = 0 AND NOT EXISTS (SELECT 1 FROM report_stale) AS ok`.execute(db);
  return rows[0]?.ok === 1;
}
