import { sql, type Kysely, type Transaction } from 'kysely';
import type { RawDatabase } from '../../db/open';
import type { Database } from '../../db/schema';
import { SYNCED_TABLES } from '../../db/schema';
import { columnValue, encodeValue } from '../../db/changeLog';
import { isHlc } from '../../shared/sync/hlc';
import { uuidv7 } from '../../shared/util/uuidv7';
import { PackageRefused } from './refusal';

// The payload of a full package and its merge. A change message is one write: [hlc, table, row id,
// {column: value}, origin]. For each cell (table, row, column) the value with the newest stamp wins, on
// every installation, whatever order the messages arrive in — so all copies converge. Every message
// received is kept in change_log with its original stamp and origin (so it is relayed onwards and
// recognised when it comes again); only the winners are written to the rows.
//
// Packages are streamed (a national year is hundreds of thousands of messages), so the merge
// takes the messages in chunks and works on each chunk with a few set-wise reads and prepared statements
// on the driver, inside the caller's transaction.

type Db = Kysely<Database> | Transaction<Database>;

/** Installation-local tables: accounts (with their key slots) and the trusted peers never travel. */
export const LOCAL_ONLY_TABLES = new Set(['users', 'peers']);
export const EXCHANGED_TABLES: readonly string[] = SYNCED_TABLES.filter((t) => !LOCAL_ONLY_TABLES.has(t));

/**
 * What becomes active in every filing: a paired installation may send it, but it waits in
 * proposed_changes until an administrator here accepts it (a package's signature proves which
 * installation sent it, not that its author may change the law a filing cites).
 */
export const PROPOSED_TABLES: ReadonlySet<string> = new Set(['legal_references', 'template_versions']);


/**
 * Columns that point at a user account. Accounts stay on their installation, so on arrival a reference to
 * an account that does not exist here is stored as NULL (the message itself is kept and relayed as it was).
 */
const USER_REFERENCES: Record<string, string[]> = {
  staff: ['user_id'],
  clients: ['recorded_by_user_id'],
  cases: ['responsible_user_id'],
  case_status_history: ['user_id'],
  hearing_postponements: ['user_id'],
  case_transfers: ['from_user_id', 'to_user_id', 'user_id'],
  tasks: ['assignee_user_id'],
  consultations: ['lawyer_user_id'],
  documents: ['created_by_user_id'],
  template_versions: ['imported_by_user_id'],
};

/** One message on the wire. */
export type WireChange = [hlc: string, table: string, rowId: string, data: Record<string, unknown>, origin: string];

/**
 * A full package's body: an opening line (an object), one line per message (an array), and a closing
 * line { end: { changes, newest } } — written last because the count and the newest stamp are only known
 * once the messages have streamed out; the import checks both before it commits.
 */
export interface FullPackageOpening {
  /** Sent to other contact points only: the network's pseudonym secret (base64) and its generation (absent: 1). */
  networkSecret?: string;
  networkGeneration?: number;
}

export interface FullPackageEnd {
  end: { changes: number; newest: string | null };
}

export async function maxSeq(db: Db): Promise<number> {
  const r = await sql<{ n: number | null }>`SELECT MAX(seq) AS n FROM change_log`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/** Parses the closing line of a full package (null when the line is not one). */
export function parseEnd(line: string): FullPackageEnd['end'] | null {
  if (!line.startsWith('{')) return null;
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    throw new PackageRefused('badContent');
  }
  const end = (v as Partial<FullPackageEnd> | null)?.end;
  if (!end || !Number.isInteger(end.changes) || (end.newest !== null && (typeof end.newest !== 'string' || !isHlc(end.newest)))) throw new PackageRefused('badContent');
  return end;
}

// `+table_name`: keeps SQLite on the seq range (the rowid) instead of the (table_name, row_id, hlc)
// index, which made every page of a national package walk whole tables (found by the benchmark).
const PAGE = 5000;

/** The kind of document (scanned papers and photos) a package carries only when asked. */
export const ATTACHMENT_KIND = 'attachment';

/**
 * The condition that leaves the messages of scanned papers and photos out of a package: `log` names
 * the change_log row, `documents` the documents table beside it (another schema's, for the bench's floor).
 */
export function notAttachmentMessage(log: string, documents = 'documents'): string {
  return `NOT (${log}.table_name = 'documents' AND EXISTS (SELECT 1 FROM ${documents} d WHERE d.id = ${log}.row_id AND d.kind = '${ATTACHMENT_KIND}'))`;
}

/**
 * The package's message lines, in our arrival order, read a page at a time, then the closing line;
 * `tally` holds the count and the newest stamp when the lines are done. SQLite writes each line (the
 * data column is already the JSON of the message's values) and hands it over as bytes: a national year
 * is 175 MB of JSON, which as JavaScript strings cost more in decoding, encoding again and garbage
 * collection than reading it.
 */
export function* changeLines(
  raw: RawDatabase,
  recipient: string,
  afterSeq: number,
  seqTo: number,
  tally: FullPackageEnd['end'],
  withAttachments = false,
): Generator<string | Buffer> {
  const tables = EXCHANGED_TABLES.map((t) => `'${t}'`).join(', ');
  // Scanned papers are large: they travel only when the user asks for them. Left out, they stay out for
  // good (the peer confirms the sequence numbers they had), so the choice is worded as such on screen.
  // Looked up by id for the documents' messages only: a list of every attachment, made again for each
  // page, read the whole documents table each time (seconds in a national year's package).
  const attachments = withAttachments ? '' : `AND ${notAttachmentMessage('change_log')}`;
  const page = raw
    .prepare<[number, number, string, number]>(
      `SELECT seq, hlc, CAST('[' || json_quote(hlc) || ',' || json_quote(table_name) || ',' || json_quote(row_id) || ',' || data || ',' || json_quote(origin) || ']' AS BLOB)
       FROM change_log WHERE seq > ? AND seq <= ? AND origin <> ? AND +table_name IN (${tables}) ${attachments} ORDER BY seq LIMIT ?`,
    )
    .raw(true);
  let from = afterSeq;
  for (;;) {
    const rows = page.all(from, seqTo, recipient, PAGE) as [number, string, Buffer][];
    for (const [, hlc, line] of rows) {
      tally.changes += 1;
      if (tally.newest === null || hlc > tally.newest) tally.newest = hlc;
      yield line;
    }
    if (rows.length < PAGE) {
      yield JSON.stringify({ end: tally } satisfies FullPackageEnd);
      return;
    }
    from = Number(rows[rows.length - 1]![0]);
  }
}

const columnCache = new Map<string, { all: Set<string>; required: string[] }>();
function columnsOf(raw: RawDatabase, table: string): { all: Set<string>; required: string[] } {
  const cached = columnCache.get(table);
  if (cached) return cached;
  const info = raw.prepare(`SELECT name, "notnull" AS nn, dflt_value AS dflt FROM pragma_table_info(?)`).all(table) as { name: string; nn: number; dflt: unknown }[];
  const bookkeeping = new Set(['id', 'created_at', 'updated_at', 'hlc']);
  const entry = { all: new Set(info.map((c) => c.name)), required: info.filter((c) => c.nn && c.dflt === null && !bookkeeping.has(c.name)).map((c) => c.name) };
  columnCache.set(table, entry);
  return entry;
}

const NOT_SENT = new Set(['id', 'updated_at', 'hlc']);

function isWireValue(v: unknown): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'number') return true;
  return !!v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 1 && typeof (v as { $bytes?: unknown }).$bytes === 'string';
}

/**
 * A message as parsed from its line, with the JSON text of its values: the text the sender wrote goes
 * into change_log as it is (serialising every message's values again cost more than a second
 * for a national year).
 */
export type IncomingChange = [...WireChange, dataText: string];

/** Parses and checks one message line before anything of it is used: names become SQL identifiers. */
export function parseChange(raw: RawDatabase, line: string): IncomingChange {
  let c: unknown;
  try {
    c = JSON.parse(line);
  } catch {
    throw new PackageRefused('badContent');
  }
  if (!Array.isArray(c) || c.length !== 5) throw new PackageRefused('badContent');
  const [hlc, table, rowId, data, origin] = c as unknown[];
  if (typeof hlc !== 'string' || !isHlc(hlc)) throw new PackageRefused('badContent');
  if (typeof table !== 'string' || !EXCHANGED_TABLES.includes(table)) throw new PackageRefused('badContent');
  if (typeof rowId !== 'string' || rowId.length === 0 || rowId.length > 64 || typeof origin !== 'string' || origin.length > 64) throw new PackageRefused('badContent');
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new PackageRefused('badContent');
  const columns = columnsOf(raw, table).all;
  let any = false;
  for (const column in data) {
    if (!Object.hasOwn(data, column)) continue;
    any = true;
    if (NOT_SENT.has(column) || !columns.has(column) || !isWireValue((data as Record<string, unknown>)[column])) throw new PackageRefused('badContent');
  }
  if (!any) throw new PackageRefused('badContent');
  return [hlc, table, rowId, data as Record<string, unknown>, origin, dataTextOf(line, hlc, table, rowId, origin) ?? JSON.stringify(data)];
}

/**
 * The text of a parsed line's values object, when the line is laid out as changeLines writes it: the
 * three strings before it and the one after it in their canonical JSON form. A JSON string token ends at
 * its first unescaped quote, so matching text around it leaves exactly the fourth element in between.
 */
function dataTextOf(line: string, hlc: string, table: string, rowId: string, origin: string): string | null {
  const head = `[${JSON.stringify(hlc)},${JSON.stringify(table)},${JSON.stringify(rowId)},`;
  const tail = `,${JSON.stringify(origin)}]`;
  if (!line.startsWith(head) || !line.endsWith(tail)) return null;
  const text = line.slice(head.length, line.length - tail.length);
  return text.startsWith('{') && text.endsWith('}') ? text : null;
}

/**
 * A row's write refused because a value of it (a contact point's or a session's code) is another
 * record's here: the package is refused naming the table, the field and the value, so that the people
 * at the two installations know what to change. Any other error is passed on as it is.
 */
function clashOf(error: unknown, table: string, values: Record<string, unknown>): unknown {
  const clash = /^UNIQUE constraint failed: (\w+)\.(\w+)$/.exec((error as Error)?.message ?? '');
  if ((error as { code?: string })?.code !== 'SQLITE_CONSTRAINT_UNIQUE' || !clash || clash[1] !== table) return error;
  const value = values[clash[2]!];
  return new PackageRefused('uniqueClash', clash[0], { table, column: clash[2]!, value: typeof value === 'string' || typeof value === 'number' ? value : '' });
}

export interface MergeOptions {
  sender: string;
  /** Our sequence number up to which the sender had our changes: later local changes are concurrent. */
  ack: number;
  now: string;
  /** Keep messages for PROPOSED_TABLES as proposals instead of merging them (a package); false when an administrator accepts one. */
  propose: boolean;
}

export interface MergeCounts {
  received: number;
  applied: number;
  conflicts: number;
  /** Messages kept as proposals for an administrator (templates, legal references). */
  proposed: number;
}

interface Cell {
  hlc: string;
  /** The value as a message holds it; its comparable text (encodeValue) is made only when compared. */
  wire: unknown;
  text?: string | null;
  /** Our arrival number; Infinity for a message of this import. */
  seq: number;
  origin: string;
}

function textOf(cell: Cell): string | null {
  if (cell.text === undefined) cell.text = encodeValue(cell.wire);
  return cell.text;
}

interface ConflictRecord {
  table: string;
  row: string;
  column: string;
  kept: string | null;
  keptHlc: string;
  lost: string | null;
  lostHlc: string;
}

type Stmt = { run(...params: unknown[]): unknown; all(...params: unknown[]): unknown[] };
const CHUNK = 2000;
const IDS = 500;
const ID_LIST_SIZES = [4, 32, 128, IDS];

/**
 * Merges messages into the database inside the caller's transaction (which must defer foreign keys).
 * Feed it with `add`, then call `finish`. Synchronous SQL on the driver: the caller yields between
 * chunks (`add` returns true when a chunk was written) so the interface can ask for progress.
 */
export class ChangeMerger {
  readonly counts: MergeCounts = { received: 0, applied: 0, conflicts: 0, proposed: 0 };
  private readonly buffer: IncomingChange[] = [];
  private readonly statements = new Map<string, Stmt>();
  private readonly writes = new Map<string, Stmt>();
  private readonly conflicts = new Map<string, ConflictRecord>();
  /** Rows that do not exist here and whose messages so far lack required columns: built at the end. */
  private readonly pending = new Map<string, { table: string; row: string }>();
  private readonly userIds: Set<string>;
  private readonly startSeq: number;

  constructor(
    private readonly raw: RawDatabase,
    private readonly opts: MergeOptions,
  ) {
    this.userIds = new Set((raw.prepare('SELECT id FROM users').all() as { id: string }[]).map((u) => u.id));
    this.startSeq = Number((raw.prepare('SELECT MAX(seq) AS n FROM change_log').get() as { n: number | null }).n ?? 0);
  }

  /** Takes one message; returns true when a chunk was merged (a good moment to yield). */
  add(change: IncomingChange): boolean {
    this.counts.received += 1;
    if (this.opts.propose && PROPOSED_TABLES.has(change[1])) {
      this.propose(change);
      return false;
    }
    this.buffer.push(change);
    if (this.buffer.length < CHUNK) return false;
    this.flush();
    return true;
  }

  /** Keeps a message as a proposal, unless it is already here (our own, relayed back) or already proposed. */
  private propose([hlc, table, row, , origin, dataText]: IncomingChange): void {
    if (this.stmt('SELECT 1 FROM change_log WHERE table_name = ? AND row_id = ? AND hlc = ?').all(table, row, hlc).length > 0) return;
    const stored = this.stmt(
      `INSERT INTO proposed_changes (id, sender_installation_id, received_at, hlc, table_name, row_id, origin, data)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (table_name, row_id, hlc) DO NOTHING`,
    ).run(uuidv7(), this.opts.sender, this.opts.now, hlc, table, row, origin, dataText) as { changes: number };
    this.counts.proposed += stored.changes;
  }

  finish(): MergeCounts {
    this.flush();
    for (const { table, row } of this.pending.values()) this.buildFromHistory(table, row);
    const insert = this.stmt(
      `INSERT INTO sync_conflicts (id, table_name, row_id, column_name, kept_value, kept_hlc, lost_value, lost_hlc, detected_at, resolved_at, resolution)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)`,
    );
    for (const c of this.conflicts.values()) insert.run(uuidv7(), c.table, c.row, c.column, c.kept, c.keptHlc, c.lost, c.lostHlc, this.opts.now);
    this.counts.conflicts = this.conflicts.size;
    return this.counts;
  }

  private stmt(sqlText: string): Stmt {
    let s = this.statements.get(sqlText);
    if (!s) this.statements.set(sqlText, (s = this.raw.prepare<unknown[]>(sqlText)));
    return s;
  }

  /** Rows for a list of ids, in statements of a few fixed sizes (padded with '' — no id is empty). */
  private byIds<T>(sqlText: string, ids: string[], first: unknown[] = []): T[] {
    const out: T[] = [];
    for (let i = 0; i < ids.length; i += IDS) {
      const slice = ids.slice(i, i + IDS);
      // A chunk touches many tables with a few rows each: padding every list to 500 probed the index
      // hundreds of times for nothing.
      const size = ID_LIST_SIZES.find((n) => n >= slice.length)!;
      while (slice.length < size) slice.push('');
      out.push(...(this.stmt(sqlText.replace('(?ids)', `(${Array(size).fill('?').join(',')})`)).all(...first, ...slice) as T[]));
    }
    return out;
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    const chunk = this.buffer.splice(0);
    const byTable = new Map<string, Map<string, IncomingChange[]>>();
    for (const c of chunk) {
      const rows = byTable.get(c[1]) ?? byTable.set(c[1], new Map()).get(c[1])!;
      (rows.get(c[2]) ?? rows.set(c[2], []).get(c[2])!).push(c);
    }
    const insertChange = this.stmt('INSERT INTO change_log (hlc, table_name, row_id, origin, data) VALUES (?, ?, ?, ?, ?)');
    // Tables that others point at first (the schema's order): rows then find what they point at, and
    // SQLite's count of deferred foreign-key violations stays at zero.
    const tables = [...byTable].sort(([a], [b]) => EXCHANGED_TABLES.indexOf(a) - EXCHANGED_TABLES.indexOf(b));
    for (const [table, rows] of tables) {
      const ids = [...rows.keys()];
      const existing = new Map<string, string>();
      for (const r of this.byIds<{ id: string; hlc: string }>(`SELECT id, hlc FROM "${table}" WHERE id IN (?ids)`, ids)) existing.set(r.id, r.hlc);
      // Only a row that is here (or waits, incomplete, in this import) has messages here: a committed
      // import always leaves its rows. New rows — most of a package — need no look at the log.
      const withHistory = ids.filter((id) => existing.has(id) || this.pending.has(`${table}\u0000${id}`));
      const history = new Map<string, { seq: number; hlc: string; data: string; origin: string }[]>();
      for (const h of this.byIds<{ seq: number; hlc: string; row_id: string; data: string; origin: string }>(
        'SELECT seq, hlc, row_id, data, origin FROM change_log WHERE table_name = ? AND row_id IN (?ids)',
        withHistory,
        [table],
      )) {
        (history.get(h.row_id) ?? history.set(h.row_id, []).get(h.row_id)!).push(h);
      }
      for (const [row, messages] of rows) {
        if (messages.length === 1 && !history.has(row) && !existing.has(row) && this.conflicts.size === 0) {
          this.writeNewRow(table, row, messages[0]!, insertChange);
          continue;
        }
        const known = new Set<string>();
        const cells = new Map<string, Cell>();
        for (const h of history.get(row) ?? []) {
          known.add(h.hlc);
          const data = JSON.parse(h.data) as Record<string, unknown>;
          for (const column in data) {
            const cell = cells.get(column);
            if (!cell || h.hlc > cell.hlc) cells.set(column, { hlc: h.hlc, wire: data[column], seq: Number(h.seq), origin: h.origin });
          }
        }
        const winners: Record<string, unknown> = {};
        let newest = '';
        let createdAt: string | null = null;
        for (const [hlc, , , data, origin, dataText] of messages) {
          if (known.has(hlc)) continue;
          known.add(hlc);
          insertChange.run(hlc, table, row, origin, dataText);
          for (const column in data) {
            const value = data[column];
            if (column === 'created_at') {
              if (typeof value === 'string') createdAt = value;
              continue;
            }
            if (this.mergeCell(table, row, column, value, hlc, origin, cells)) {
              winners[column] = columnValue(value);
              if (hlc > newest) newest = hlc;
            }
          }
        }
        if (newest === '') continue;
        this.writeRow(table, row, winners, newest, existing.get(row) ?? null, createdAt);
      }
    }
  }

  /**
   * Most of a package: a row that is not here, created by one message with nothing to compare it with
   * (no history, no conflict on record). Every value wins, as mergeCell would decide cell by cell — but
   * without a cell record per value (a national year has millions).
   */
  private writeNewRow(table: string, row: string, [hlc, , , data, origin, dataText]: IncomingChange, insertChange: Stmt): void {
    insertChange.run(hlc, table, row, origin, dataText);
    const values: Record<string, unknown> = {};
    let createdAt: string | null = null;
    let applied = 0;
    for (const column in data) {
      const value = data[column];
      if (column === 'created_at') {
        if (typeof value === 'string') createdAt = value;
        continue;
      }
      values[column] = columnValue(value);
      applied += 1;
    }
    this.counts.applied += applied;
    if (applied > 0) this.writeRow(table, row, values, hlc, null, createdAt);
  }

  /** Decides one cell; returns true when the incoming value wins. Records a conflict with a concurrent local value. */
  private mergeCell(table: string, row: string, column: string, wire: unknown, hlc: string, origin: string, cells: Map<string, Cell>): boolean {
    const local = cells.get(column);
    const incoming: Cell = { hlc, wire, seq: Infinity, origin };
    // Most cells of a package are new: no local value, no conflict on record, nothing to compare.
    if (!local && this.conflicts.size === 0) {
      cells.set(column, incoming);
      this.counts.applied += 1;
      return true;
    }
    const key = `${table}\u0000${row}\u0000${column}`;
    const recorded = this.conflicts.get(key);
    // Concurrent: the newest local value was here before this import and the sender had not seen it.
    const concurrent = !!local && local.seq <= this.startSeq && local.seq > this.opts.ack && local.origin !== this.opts.sender && textOf(local) !== textOf(incoming);
    const wins = !local || hlc > local.hlc;
    if (wins) {
      if (recorded) {
        recorded.kept = textOf(incoming);
        recorded.keptHlc = hlc;
      } else if (concurrent) {
        this.conflicts.set(key, { table, row, column, kept: textOf(incoming), keptHlc: hlc, lost: textOf(local), lostHlc: local.hlc });
      }
      cells.set(column, incoming);
      this.counts.applied += 1;
    } else if (recorded) {
      if (hlc > recorded.lostHlc) Object.assign(recorded, { lost: textOf(incoming), lostHlc: hlc });
    } else if (concurrent) {
      this.conflicts.set(key, { table, row, column, kept: textOf(local), keptHlc: local.hlc, lost: textOf(incoming), lostHlc: hlc });
    }
    return wins;
  }

  private clearUserReferences(table: string, values: Record<string, unknown>): void {
    for (const column of USER_REFERENCES[table] ?? []) {
      const ref = values[column];
      if (typeof ref === 'string' && !this.userIds.has(ref)) values[column] = null;
    }
  }

  private writeRow(table: string, row: string, values: Record<string, unknown>, hlc: string, currentHlc: string | null, createdAt: string | null): void {
    const key = `${table}\u0000${row}`;
    if (this.pending.has(key)) return;
    this.clearUserReferences(table, values);
    if (currentHlc !== null) {
      const columns = Object.keys(values);
      try {
        this.writeStatement('update', table, columns).run(...columns.map((c) => values[c]), this.opts.now, hlc > currentHlc ? hlc : currentHlc, row);
      } catch (error) {
        throw clashOf(error, table, values);
      }
      return;
    }
    if (columnsOf(this.raw, table).required.some((c) => !(c in values))) {
      this.pending.set(key, { table, row });
      return;
    }
    this.insertRow(table, row, values, hlc, createdAt ?? this.opts.now);
  }

  /**
   * The prepared insert or update of a table for a set of columns, in the order the messages name them
   * (a sender writes a table's columns in one order, so a package needs few). Looked up by the column
   * names alone: building each row's SQL text and hashing it to find its statement cost a national
   * year's import seconds.
   */
  private writeStatement(kind: 'insert' | 'update', table: string, columns: string[]): Stmt {
    const key = `${kind}\u0000${table}\u0000${columns.join('\u0000')}`;
    let s = this.writes.get(key);
    if (!s) {
      const quoted = columns.map((c) => `"${c}"`);
      s =
        kind === 'update'
          ? this.stmt(`UPDATE "${table}" SET ${[...quoted.map((c) => `${c} = ?`), 'updated_at = ?', 'hlc = ?'].join(', ')} WHERE id = ?`)
          : this.stmt(`INSERT INTO "${table}" (id, created_at, updated_at, hlc, deleted_at, ${quoted.join(', ')}) VALUES (${Array(columns.length + 5).fill('?').join(', ')})`);
      this.writes.set(key, s);
    }
    return s;
  }

  private insertRow(table: string, row: string, values: Record<string, unknown>, hlc: string, createdAt: string): void {
    const columns = Object.keys(values).filter((c) => c !== 'deleted_at');
    try {
      this.writeStatement('insert', table, columns).run(row, createdAt, this.opts.now, hlc, values.deleted_at ?? null, ...columns.map((c) => values[c]));
    } catch (error) {
      throw clashOf(error, table, values);
    }
  }

  /** A row first seen without all its columns: every message of it is here now; the newest value of each column wins. */
  private buildFromHistory(table: string, row: string): void {
    const history = this.stmt('SELECT hlc, data FROM change_log WHERE table_name = ? AND row_id = ? ORDER BY hlc').all(table, row) as { hlc: string; data: string }[];
    const values: Record<string, unknown> = {};
    let createdAt: string | null = null;
    let newest = '';
    for (const h of history) {
      for (const [column, value] of Object.entries(JSON.parse(h.data) as Record<string, unknown>)) {
        if (column === 'created_at') createdAt ??= typeof value === 'string' ? value : null;
        else values[column] = columnValue(value);
      }
      newest = h.hlc;
    }
    this.clearUserReferences(table, values);
    if (columnsOf(this.raw, table).required.some((c) => values[c] === undefined || values[c] === null)) throw new PackageRefused('incomplete');
    this.insertRow(table, row, values, newest, createdAt ?? this.opts.now);
  }
}
