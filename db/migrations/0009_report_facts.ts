import { sql, type Kysely } from 'kysely';

// The indicator report at national scale. Counting from the consultations themselves (even
// through the covering index of 0006) read about 300 bytes of text per consultation and turned each
// into a JavaScript string: 433 ms of SQLite alone for a year, above the 300 ms target. The report
// now reads report_facts: one short row per live consultation, kept up to date by the triggers
// below on every write (the app's own, an exchange merge, the seed), with each value the report
// needs replaced by a small number from a dictionary:
// - report_dims: the small dimensions of indicatorTally.ts SMALL, joined by char(30), and whether the
//   client was a woman from a migrant household at that consultation;
// - report_places: where the help was given (district, contact point) and the home district;
// - report_issue_sets: the consultation's live issues, each as `<length>:<issue>`, in order (0 = none);
// - report_people: the client.
// The primary key (date, time of recording, id) is the order of the first-consultation rule, so a
// range of it gives each woman's first consultation first. `counted` says whether the venue counts: a
// contact point, or a mobile session that is conducted and not tombstoned; the session triggers keep
// it true when a session's status changes or the session arrives after its consultations.
// Clients are not copied: the few removed or merged ones are looked up when the report runs.
// These tables are derived, local and never synced (no change log, no audit); the migration fills
// them from the existing rows. Dictionaries only grow; a value no longer used costs one short row.

const SMALL = (x: string) => `concat_ws(char(30), ${x}.venue_kind, ${x}.kind, ${x}.snap_sex, ${x}.snap_age_band, ${x}.snap_employment,
  ${x}.snap_education, ${x}.snap_residence,
  CASE WHEN ${x}.snap_social_assistance = 1 THEN 'yes' WHEN ${x}.snap_social_assistance = 0 THEN 'no' ELSE 'unknown' END,
  CASE WHEN ${x}.snap_abandoned = 1 THEN 'yes' WHEN ${x}.snap_abandoned = 0 THEN 'no' ELSE 'unknown' END)`;
const WOMAN = (x: string) => `(${x}.snap_sex = 'F' AND ${x}.snap_migrant_household = 1)`;
const HOME = (x: string) => `COALESCE(${x}.snap_residence_district_id, 'unknown')`;
const ISSUES = (consultationId: string) => `(SELECT string_agg(length(ci.issue) || ':' || ci.issue, '' ORDER BY ci.issue)
  FROM consultation_issues ci WHERE ci.consultation_id = ${consultationId} AND ci.deleted_at IS NULL)`;
const COUNTED = (x: string) => `(${x}.venue_kind = 'contact_point' OR EXISTS (SELECT 1 FROM mobile_sessions ms
  WHERE ms.id = ${x}.mobile_session_id AND ms.status = 'conducted' AND ms.deleted_at IS NULL))`;

// Inside a trigger the conflict clause of the statement that fired it overrides the trigger's own
// (an upsert at the hub made INSERT OR IGNORE fail), so the dictionaries are added to with NOT EXISTS.

/** Adds the issue set of consultation `consultationId` to its dictionary. */
function addIssueSet(consultationId: string, guard: string): string {
  return `INSERT INTO report_issue_sets(issues) SELECT s FROM (SELECT ${ISSUES(consultationId)} AS s)
    WHERE s IS NOT NULL AND ${guard} AND NOT EXISTS (SELECT 1 FROM report_issue_sets i WHERE i.issues = s)`;
}

/** The statements that add the fact of consultation `x` (NEW in a trigger); `guard` limits them to live rows. */
function addFact(x: string, guard: string): string[] {
  return [
    `INSERT INTO report_dims(woman, small) SELECT ${WOMAN(x)}, ${SMALL(x)}
     WHERE ${guard} AND NOT EXISTS (SELECT 1 FROM report_dims d WHERE d.woman = ${WOMAN(x)} AND d.small = ${SMALL(x)})`,
    `INSERT INTO report_places(district_id, home_district_id, contact_point_id) SELECT ${x}.district_id, ${HOME(x)}, ${x}.contact_point_id
     WHERE ${guard} AND NOT EXISTS (SELECT 1 FROM report_places p
       WHERE p.district_id = ${x}.district_id AND p.home_district_id = ${HOME(x)} AND p.contact_point_id = ${x}.contact_point_id)`,
    `INSERT INTO report_people(client_id) SELECT ${x}.client_id
     WHERE ${guard} AND NOT EXISTS (SELECT 1 FROM report_people pe WHERE pe.client_id = ${x}.client_id)`,
    addIssueSet(`${x}.id`, guard),
    `INSERT INTO report_facts(date, created_at, id, counted, dims, place, issues, person)
     SELECT ${x}.date, ${x}.created_at, ${x}.id, ${COUNTED(x)},
       (SELECT d.id FROM report_dims d WHERE d.woman = ${WOMAN(x)} AND d.small = ${SMALL(x)}),
       (SELECT p.id FROM report_places p WHERE p.district_id = ${x}.district_id AND p.home_district_id = ${HOME(x)} AND p.contact_point_id = ${x}.contact_point_id),
       COALESCE((SELECT i.id FROM report_issue_sets i WHERE i.issues = ${ISSUES(`${x}.id`)}), 0),
       (SELECT pe.id FROM report_people pe WHERE pe.client_id = ${x}.client_id)
     WHERE ${guard}`,
  ];
}

/** Recomputes the issues of consultation `consultationId` (a consultation_issues trigger). */
function refreshIssues(consultationId: string): string[] {
  return [
    addIssueSet(consultationId, '1'),
    `UPDATE report_facts SET issues = COALESCE((SELECT i.id FROM report_issue_sets i WHERE i.issues = ${ISSUES(consultationId)}), 0)
     WHERE (date, created_at, id) IN (SELECT c.date, c.created_at, c.id FROM consultations c WHERE c.id = ${consultationId})`,
  ];
}

/** Sets `counted` on the facts of session `x`'s consultations. */
function recount(x: string, counted: string): string {
  return `UPDATE report_facts SET counted = ${counted}
    WHERE (date, created_at, id) IN (SELECT c.date, c.created_at, c.id FROM consultations c WHERE c.mobile_session_id = ${x}.id)`;
}

const trigger = (name: string, event: string, statements: string[]) => `CREATE TRIGGER ${name} ${event} FOR EACH ROW BEGIN
  ${statements.map((s) => `${s};`).join('\n  ')}
END`;

// A large exchange merge replaces these triggers, inside its transaction, by light ones that only note
// the changed consultations, and rebuilds their facts set-wise from the view report_fact_values before
// it commits (db/queries/reportFactsUpkeep.ts). A trigger's whole program is set up for every row it
// fires on, even when its WHEN clause then says no, so a switch in a WHEN clause would not do.

/** Columns whose change changes a consultation's fact. */
const FACT_COLUMNS = `date, created_at, id, client_id, venue_kind, contact_point_id, mobile_session_id, district_id, kind, snap_sex,
  snap_age_band, snap_migrant_household, snap_abandoned, snap_employment, snap_education, snap_residence, snap_social_assistance,
  snap_residence_district_id, deleted_at`;

const TABLES = [
  'CREATE TABLE report_dims (id INTEGER PRIMARY KEY, woman INTEGER NOT NULL, small TEXT NOT NULL, UNIQUE (woman, small))',
  `CREATE TABLE report_places (id INTEGER PRIMARY KEY, district_id TEXT NOT NULL, home_district_id TEXT NOT NULL,
     contact_point_id TEXT NOT NULL, UNIQUE (district_id, home_district_id, contact_point_id))`,
  'CREATE TABLE report_issue_sets (id INTEGER PRIMARY KEY, issues TEXT NOT NULL UNIQUE)',
  'CREATE TABLE report_people (id INTEGER PRIMARY KEY, client_id TEXT NOT NULL UNIQUE)',
  `CREATE TABLE report_facts (date TEXT NOT NULL, created_at TEXT NOT NULL, id TEXT NOT NULL, counted INTEGER NOT NULL,
     dims INTEGER NOT NULL, place INTEGER NOT NULL, issues INTEGER NOT NULL, person INTEGER NOT NULL,
     PRIMARY KEY (date, created_at, id)) WITHOUT ROWID`,
  // What a live consultation's fact is made of, before the dictionaries (the triggers compute the same
  // from NEW; the set-wise rebuild reads this view).
  `CREATE VIEW report_fact_values AS SELECT c.id, c.date, c.created_at, ${COUNTED('c')} AS counted, ${WOMAN('c')} AS woman,
     ${SMALL('c')} AS small, c.district_id, ${HOME('c')} AS home_district_id, c.contact_point_id, c.client_id, ${ISSUES('c.id')} AS issues
     FROM consultations c WHERE c.deleted_at IS NULL`,
];

const BACKFILL = [
  `INSERT OR IGNORE INTO report_dims(woman, small) SELECT DISTINCT ${WOMAN('c')}, ${SMALL('c')} FROM consultations c WHERE c.deleted_at IS NULL`,
  `INSERT OR IGNORE INTO report_places(district_id, home_district_id, contact_point_id)
     SELECT DISTINCT c.district_id, ${HOME('c')}, c.contact_point_id FROM consultations c WHERE c.deleted_at IS NULL`,
  'INSERT OR IGNORE INTO report_people(client_id) SELECT DISTINCT c.client_id FROM consultations c WHERE c.deleted_at IS NULL',
  `CREATE TEMP TABLE report_issues_of AS SELECT ci.consultation_id AS id, string_agg(length(ci.issue) || ':' || ci.issue, '' ORDER BY ci.issue) AS issues
     FROM consultation_issues ci WHERE ci.deleted_at IS NULL GROUP BY ci.consultation_id`,
  'CREATE UNIQUE INDEX temp.report_issues_of_id ON report_issues_of(id)',
  'INSERT OR IGNORE INTO report_issue_sets(issues) SELECT DISTINCT issues FROM report_issues_of',
  `INSERT INTO report_facts(date, created_at, id, counted, dims, place, issues, person)
     SELECT c.date, c.created_at, c.id, ${COUNTED('c')}, d.id, p.id, COALESCE(i.id, 0), pe.id
     FROM consultations c
     JOIN report_dims d ON d.woman = ${WOMAN('c')} AND d.small = ${SMALL('c')}
     JOIN report_places p ON p.district_id = c.district_id AND p.home_district_id = ${HOME('c')} AND p.contact_point_id = c.contact_point_id
     JOIN report_people pe ON pe.client_id = c.client_id
     LEFT JOIN report_issues_of io ON io.id = c.id
     LEFT JOIN report_issue_sets i ON i.issues = io.issues
     WHERE c.deleted_at IS NULL`,
  'DROP TABLE temp.report_issues_of',
];

const sessionCounted = "(NEW.status = 'conducted' AND NEW.deleted_at IS NULL)";
const TRIGGERS = [
  trigger('report_facts_consultation_insert', 'AFTER INSERT ON consultations', addFact('NEW', 'NEW.deleted_at IS NULL')),
  trigger('report_facts_consultation_update', `AFTER UPDATE OF ${FACT_COLUMNS} ON consultations`, [
    'DELETE FROM report_facts WHERE date = OLD.date AND created_at = OLD.created_at AND id = OLD.id',
    ...addFact('NEW', 'NEW.deleted_at IS NULL'),
  ]),
  trigger('report_facts_consultation_delete', 'AFTER DELETE ON consultations', [
    'DELETE FROM report_facts WHERE date = OLD.date AND created_at = OLD.created_at AND id = OLD.id',
  ]),
  trigger('report_facts_issue_insert', 'AFTER INSERT ON consultation_issues', refreshIssues('NEW.consultation_id')),
  trigger('report_facts_issue_update', 'AFTER UPDATE OF consultation_id, issue, deleted_at ON consultation_issues', [
    ...refreshIssues('OLD.consultation_id'),
    ...refreshIssues('NEW.consultation_id'),
  ]),
  trigger('report_facts_issue_delete', 'AFTER DELETE ON consultation_issues', refreshIssues('OLD.consultation_id')),
  trigger('report_facts_session_insert', 'AFTER INSERT ON mobile_sessions', [recount('NEW', sessionCounted)]),
  trigger('report_facts_session_update', 'AFTER UPDATE OF status, deleted_at ON mobile_sessions', [recount('NEW', sessionCounted)]),
  trigger('report_facts_session_delete', 'AFTER DELETE ON mobile_sessions', [recount('OLD', '0')]),
  // 0006's covering index served only the former counting pass over the consultations.
  'DROP INDEX consultations_report',
  // Indicator 2.2.1.b (alimony cases closed in the period) without reading the cases' rows (deleted_at is
  // listed only so that SQLite sees the index as covering).
  'CREATE INDEX cases_closed_report ON cases(closed_on, case_type, outcome, contact_point_id, deleted_at) WHERE deleted_at IS NULL',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [...TABLES, ...BACKFILL, ...TRIGGERS]) await sql.raw(statement).execute(db);
}
