import { sql, SqliteAdapter, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { ReportQuery } from '../../shared/domain/indicatorReport';
import { monthsOf } from '../../shared/domain/reportTrends';
import { PLACE_DIMENSIONS, SET_DIMENSIONS, SMALL_DIMENSIONS } from '../../shared/domain/indicatorDimensions';
import { valueSql } from '../reportFactsSql';
import type { Database } from '../schema';
import { inList, type ResolvedFilters } from './indicatorSql';
import { compareText, emptyMonth, FS, Tally, unreadable, US, type HeadlineCounts, type PassCounts } from './indicatorTally';

// The counting pass of the indicator engine over the consultations themselves: on the hub's PostgreSQL
// store, and in the tests as the reference for the SQLite pass over report_facts (indicatorFacts.ts,
// migration 0009). The same rules as qualifyingConsultations and
// firstPerWoman in indicatorSql.ts (which the drill-down still uses), counted in one pass over the
// period's consultations instead of SQL sorts: at national scale the sorts for the first consultation
// of each woman, the districts and the issues took 4.5 s for a year and 16 s for five. The rows come
// a month at a time, so memory stays small.
//
// Each consultation crosses from SQLite into JavaScript as ONE text value: turning a database value
// into a JavaScript string costs more than cutting one string apart in JavaScript, and concat_ws builds
// it in one step (a chain of || copied it once per column). Fields, separated by US:
//   flag: 'W' for a woman from a migrant household, '-' otherwise
//   the small dimensions, separated by FS (indicatorTally.ts SMALL)
//   each place dimension (district, home district)
//   person, date, time of recording, id — only with the flag W (concat_ws leaves out the NULLs)
//   the set dimensions, one after the other without a separator: for each, the number of its values,
//   ';', and each value as `<length in characters>:<value>` — self-delimiting, so a value may hold
//   any character.
// A value holding a separator would change the number of fields, which is checked.

type Db = Kysely<Database> | Transaction<Database>;

const PLACE_COUNT = PLACE_DIMENSIONS.length;

/** A woman's first qualifying consultation so far (per venue). */
interface First {
  date: string;
  createdAt: string;
  id: string;
  s: string;
  places: string;
  sets: (string | null)[];
}

/**
 * [from, before) windows covering [from, to], one per calendar month (the months of the report's
 * series; a five-year report reads sixty, so the process keeps to a few hundred megabytes); the last one
 * ends at `to` inclusive (before = null).
 */
export function windows(from: string, to: string): [string, string | null][] {
  const months = monthsOf(from, to);
  return months.map((m, k) => [m.from, months[k + 1]?.from ?? null]);
}

export function isSqlite(db: Db): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

const SMALL_VALUES = sql.join(SMALL_DIMENSIONS.map((d) => sql.raw(valueSql(d.source, 'c'))));
const PLACE_VALUES = sql.join(PLACE_DIMENSIONS.map((d) => sql.raw(valueSql(d.source, 'c'))));
const SET_VALUES = sql.join(
  SET_DIMENSIONS.map(
    ({ source: { table, column } }) => sql`(SELECT CAST(count(*) AS TEXT) || ';' || COALESCE(string_agg(CAST(length(s.${sql.raw(column)}) AS TEXT) || ':' || s.${sql.raw(column)}, ''), '')
      FROM ${sql.table(table)} s WHERE s.consultation_id = c.id AND s.deleted_at IS NULL)`,
  ),
  sql` || `,
);

export function consultationsQuery(lo: string, before: string | null, to: string, f: ResolvedFilters, sqlite: boolean): RawBuilder<{ r: string | null }> {
  const woman = sql`c.snap_sex = 'F' AND c.snap_migrant_household = 1`;
  const conditions: RawBuilder<unknown>[] = [
    sql`c.deleted_at IS NULL`,
    sql`c.date >= ${lo}`,
    before === null ? sql`c.date <= ${to}` : sql`c.date < ${before}`,
    sql`(c.venue_kind = 'contact_point' OR c.mobile_session_id IN (SELECT ms.id FROM mobile_sessions ms WHERE ms.status = 'conducted' AND ms.deleted_at IS NULL))`,
    // The client must be live or merged into another record. SQLite enforces the foreign key, so a
    // consultation's client exists there and only the few removed clients need looking up (through
    // clients_not_live, whose condition is repeated here); the hub's PostgreSQL store has no foreign
    // keys, so there the client's existence is part of the test, as the former join made it.
    sqlite
      ? sql`c.client_id NOT IN (SELECT cl.id FROM clients cl WHERE (cl.deleted_at IS NOT NULL OR cl.merged_into_id IS NOT NULL) AND cl.merged_into_id IS NULL)`
      : sql`c.client_id IN (SELECT cl.id FROM clients cl WHERE cl.deleted_at IS NULL OR cl.merged_into_id IS NOT NULL)`,
  ];
  if (f.districtIds) conditions.push(inList(sql.ref('c.district_id'), f.districtIds));
  if (f.contactPointId) conditions.push(sql`c.contact_point_id = ${f.contactPointId}`);
  return sql<{ r: string | null }>`
    SELECT concat_ws(${US}, CASE WHEN ${woman} THEN 'W' ELSE '-' END, concat_ws(${FS}, ${SMALL_VALUES}), ${PLACE_VALUES},
      CASE WHEN ${woman} THEN c.client_id END, CASE WHEN ${woman} THEN c.date END,
      CASE WHEN ${woman} THEN c.created_at END, CASE WHEN ${woman} THEN c.id END,
      ${SET_VALUES}) AS r
    FROM consultations c
    WHERE ${sql.join(conditions, sql` AND `)}`;
}

/** The end of the set field that starts at `at` (`<count>;` and that many `<length>:<value>`). */
function setEnd(text: string, at: number): number {
  const semi = text.indexOf(';', at);
  const n = semi > at ? Number(text.slice(at, semi)) : NaN;
  if (!Number.isInteger(n) || n < 0) throw unreadable();
  let end = semi + 1;
  for (let i = 0; i < n; i++) {
    const colon = text.indexOf(':', end);
    const length = colon > end ? Number(text.slice(end, colon)) : NaN;
    if (!Number.isInteger(length) || length < 0) throw unreadable();
    end = colon + 1;
    for (let k = 0; k < length; k++) end += (text.codePointAt(end) ?? 0) > 0xffff ? 2 : 1;
    if (end > text.length) throw unreadable();
  }
  return end;
}

/** Position of the separator ending the field that starts at `from` (the text's length for the last). */
function fieldEnd(text: string, from: number): number {
  const end = text.indexOf(US, from);
  return end < 0 ? text.length : end;
}

/**
 * Every breakdown of the consultations (all qualifying ones) and of the women from migrant households
 * (each woman once per venue, in the cell of her first qualifying consultation of the period: date,
 * then time of recording, then id).
 */
export async function countConsultations(db: Db, q: ReportQuery, f: ResolvedFilters): Promise<PassCounts> {
  const sqlite = isSqlite(db);
  // A merged client's consultations count for the record she was merged into (one level, as before).
  const merged = new Map<string, string>();
  const mergedRows = await sql<{ id: string; merged_into_id: string }>`
    SELECT cl.id, cl.merged_into_id FROM clients cl
    WHERE (cl.deleted_at IS NOT NULL OR cl.merged_into_id IS NOT NULL) AND cl.merged_into_id IS NOT NULL`.execute(db);
  for (const r of mergedRows.rows) merged.set(r.id, r.merged_into_id);

  const all = new Tally();
  const firsts = new Map<string, Map<string, First>>();
  const months: HeadlineCounts[] = [];
  for (const [lo, before] of windows(q.from, q.to)) {
    const { rows } = await consultationsQuery(lo, before, q.to, f, sqlite).execute(db);
    // The window is a calendar month: each woman's first consultation in it (per venue) places her in the month.
    const month = emptyMonth();
    const firstsInMonth = [new Map<string, First & { abandoned: boolean }>(), new Map<string, First & { abandoned: boolean }>()];
    months.push(month);
    for (const { r: text } of rows) {
      // Cut the value apart (layout above) without a closure per row: this loop runs 400,000 times.
      if (text === null || text.length < 2 || text.charCodeAt(1) !== 0x1f) throw unreadable();
      const woman = text.charCodeAt(0) === 0x57; // 'W'
      if (!woman && text.charCodeAt(0) !== 0x2d) throw unreadable(); // '-'
      const sEnd = fieldEnd(text, 2);
      let at = sEnd + 1;
      for (let k = 0; k < PLACE_COUNT; k++) {
        const end = fieldEnd(text, at);
        if (end >= text.length) throw unreadable();
        at = end + 1;
      }
      const placesEnd = at - 1;
      let person = '';
      let date = '';
      let createdAt = '';
      let id = '';
      if (woman) {
        const pEnd = fieldEnd(text, at);
        const dtEnd = fieldEnd(text, pEnd + 1);
        const caEnd = fieldEnd(text, dtEnd + 1);
        const idEnd = fieldEnd(text, caEnd + 1);
        if (idEnd >= text.length) throw unreadable();
        person = text.slice(at, pEnd);
        date = text.slice(pEnd + 1, dtEnd);
        createdAt = text.slice(dtEnd + 1, caEnd);
        id = text.slice(caEnd + 1, idEnd);
        at = idEnd + 1;
      }
      const s = text.slice(2, sEnd);
      const places = text.slice(sEnd + 1, placesEnd);
      const sets: (string | null)[] = [];
      for (let k = 0; k < SET_DIMENSIONS.length; k++) {
        const end = setEnd(text, at);
        const semi = text.indexOf(';', at);
        sets.push(semi + 1 < end ? text.slice(semi + 1, end) : null);
        at = end;
      }
      if (at !== text.length) throw unreadable();
      const cell = all.add(s, places, sets);
      const v = cell.venue === 'mobile_session' ? 1 : 0;
      month.consultations[v]! += 1;
      if (!woman) continue;
      const who = merged.get(person) ?? person;
      const inMonth = firstsInMonth[v]!.get(who);
      if (!inMonth || (compareText(date, inMonth.date) || compareText(createdAt, inMonth.createdAt) || compareText(id, inMonth.id)) < 0) {
        firstsInMonth[v]!.set(who, { date, createdAt, id, s, places, sets, abandoned: cell.abandoned });
      }
      let byPerson = firsts.get(cell.venue);
      if (!byPerson) firsts.set(cell.venue, (byPerson = new Map()));
      const current = byPerson.get(who);
      if (
        !current ||
        (compareText(date, current.date) || compareText(createdAt, current.createdAt) || compareText(id, current.id)) < 0
      ) {
        byPerson.set(who, { date, createdAt, id, s, places, sets });
      }
    }
    firstsInMonth.forEach((byPerson, v) => {
      month.women[v] = byPerson.size;
      month.abandoned[v] = [...byPerson.values()].filter((w) => w.abandoned).length;
    });
  }
  const women = new Tally();
  const period = emptyMonth();
  for (const m of months) period.consultations = period.consultations.map((n, v) => n + m.consultations[v]!);
  for (const [venue, byPerson] of firsts) {
    const v = venue === 'mobile_session' ? 1 : 0;
    for (const w of byPerson.values()) {
      const cell = women.add(w.s, w.places, w.sets);
      period.women[v]! += 1;
      if (cell.abandoned) period.abandoned[v]! += 1;
    }
  }
  return { women: women.rows(), consultations: all.rows(), months, period };
}
