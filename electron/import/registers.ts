import type { Kysely } from 'kysely';
import { saveContactPoint } from '../../db/queries/contactPoints';
import { saveSession } from '../../db/queries/mobileSessions';
import { audit, type WriteCtx } from '../../db/queries/writeContext';
import type { Database } from '../../db/schema';
import type { Writer } from '../../db/write';
import type { ImportError, ImportKind, ImportSummary } from '../../shared/api/reportTypes';
import type { SessionUser } from '../../shared/api/types';
import { bareName } from '../../shared/reference/addresses';
import { changeSessionStatus } from '../services/mobileSessions';
import { COLUMNS, mapHeader } from './registerColumns';
import { planConsultations, writeConsultations } from './consultationImport';
import { readContactPoint, readConsultation, readSession, REASONS, RowReader, type ContactPointRow, type SessionRow } from './registerRows';
import { readTable, TableFormatError } from './tableReader';

// Import of the registers contact points keep in Excel or on paper. The whole file is read and checked
// first; if any row is invalid nothing is written and every problem is listed. Otherwise everything is
// written in one transaction through the repository functions the screens use (saveContactPoint,
// saveSession, saveClient, insertConsultation: the same columns, checks, change messages and audit
// entries), followed by one audit entry for the import. Importing the same file again adds nothing:
// contact points and sessions are known by their code, consultations by (person, date, venue, contact
// point, session, kind, advice) — see consultationImport.ts.

export interface ImportContext {
  db: Kysely<Database>;
  writer: Writer;
  user: SessionUser;
}

function fileError(key: string, column = ''): ImportError {
  return { row: 1, column, key, reason: REASONS[key] ?? key };
}

export async function importRegister(ctx: ImportContext, kind: ImportKind, bytes: Buffer, commit: boolean): Promise<ImportSummary> {
  const summary: ImportSummary = { kind, rows: 0, toAdd: 0, alreadyPresent: 0, newClients: 0, errors: [], committed: false };
  let table;
  try {
    table = await readTable(bytes);
  } catch (error) {
    if (error instanceof TableFormatError) {
      summary.errors.push({ ...fileError('fileFormat'), reason: error.message });
      return summary;
    }
    throw error;
  }
  const { index, unknown, duplicate } = mapHeader(kind, table.header);
  for (const h of unknown) summary.errors.push(fileError('unknownColumn', h));
  for (const h of duplicate) summary.errors.push(fileError('duplicateColumn', h));
  for (const spec of COLUMNS[kind]) if (spec.required && !index.has(spec.name)) summary.errors.push(fileError('missingColumn', spec.name));
  if (summary.errors.length) return summary;
  summary.rows = table.rows.length;
  if (table.rows.length === 0) {
    summary.errors.push(fileError('noRows'));
    return summary;
  }

  const readers = table.rows.map((r) => ({ line: r.line, reader: new RowReader(index, r.line, r.cells) }));
  let write: ((w: WriteCtx) => Promise<void>) | null = null;

  if (kind === 'contact-points') {
    const rows = readers.map(({ line, reader }) => readContactPoint(reader, line));
    checkDuplicateCodes(rows, readers.map((r) => r.reader));
    const existing = new Set((await ctx.db.selectFrom('contact_points').select('code').where('deleted_at', 'is', null).execute()).map((r) => r.code));
    const fresh = rows.filter((r) => !existing.has(r.code));
    summary.toAdd = fresh.length;
    summary.alreadyPresent = rows.length - fresh.length;
    write = async (w) => {
      for (const r of fresh) {
        const { code, name, districtId, address, organisation, establishedOn, closedOn } = r;
        await saveContactPoint(w, { code, name, districtId, address, organisation, establishedOn, closedOn, notes: '' });
      }
    };
  } else if (kind === 'mobile-sessions') {
    const rows = readers.map(({ line, reader }) => readSession(reader, line));
    checkDuplicateCodes(rows, readers.map((r) => r.reader));
    const cps = new Map((await ctx.db.selectFrom('contact_points').select(['id', 'code']).where('deleted_at', 'is', null).execute()).map((r) => [r.code, r.id]));
    rows.forEach((r, i) => {
      if (r.contactPointCode && !cps.has(r.contactPointCode)) readers[i]!.reader.error('contact_point', 'unknownContactPoint');
    });
    const existing = new Set((await ctx.db.selectFrom('mobile_sessions').select('code').where('deleted_at', 'is', null).execute()).map((r) => r.code));
    const fresh = rows.filter((r) => !existing.has(r.code));
    summary.toAdd = fresh.length;
    summary.alreadyPresent = rows.length - fresh.length;
    write = async (w) => {
      for (const r of fresh) {
        const id = await saveSession(
          w,
          { code: r.code, contactPointId: cps.get(r.contactPointCode)!, date: r.date, districtId: r.districtId, jamoat: '', village: bareName('village', r.location), partnerAuthority: '', notes: '', team: [] },
          null,
        );
        // The register tells how the session went, by the screens' rule; the change is dated on the session's day.
        if (r.status !== 'planned') await changeSessionStatus(w, { id, status: 'planned', date: r.date }, r.status, r.date);
      }
    };
  } else {
    const rows = readers.map(({ line, reader }) => readConsultation(reader, line));
    const plan = await planConsultations(ctx.db, rows, readers.map((r) => r.reader));
    summary.toAdd = plan.toInsert.length;
    summary.alreadyPresent = rows.length - plan.toInsert.length;
    summary.newClients = plan.newClients.length;
    write = (w) => writeConsultations(w, plan);
  }

  for (const { reader } of readers) summary.errors.push(...reader.errors);
  summary.errors.sort((a, b) => a.row - b.row);
  if (summary.errors.length || !commit) return summary;

  await ctx.db.transaction().execute(async (trx) => {
    const w: WriteCtx = { trx, w: ctx.writer, user: ctx.user };
    await write(w);
    await audit(w, 'import.register', kind, null, { rows: summary.rows, added: summary.toAdd, alreadyPresent: summary.alreadyPresent, newClients: summary.newClients });
  });
  summary.committed = true;
  return summary;
}

function checkDuplicateCodes(rows: (ContactPointRow | SessionRow)[], readers: RowReader[]): void {
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    if (!r.code) return;
    if (seen.has(r.code)) readers[i]!.error('code', 'duplicateCode', { other: seen.get(r.code)! });
    else seen.set(r.code, r.line);
  });
}
