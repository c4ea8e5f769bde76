import type { Kysely } from 'kysely';
import { appendAudit } from '../../db/queries/audit';
import type { Database } from '../../db/schema';
import { insertRow, type Writer } from '../../db/write';
import type { ImportError, ImportKind, ImportSummary } from '../../shared/api/reportTypes';
import { COLUMNS, mapHeader } from './registerColumns';
import { planConsultations, writeConsultations } from './consultationImport';
import { readContactPoint, readConsultation, readSession, REASONS, RowReader, type ContactPointRow, type SessionRow } from './registerRows';
import { readTable, TableFormatError } from './tableReader';

// Import of the registers contact points keep in Excel or on paper (issue 5). The whole file is read
// and checked first; if any row is invalid nothing is written and every problem is listed. Otherwise
// everything is written in one transaction through db/write.ts (change_log, tombstone-safe) with one
// audit entry. Importing the same file again adds nothing: contact points and sessions are known by
// their code, consultations by (person, date, venue, contact point, session, kind, advice) — see
// consultationImport.ts.

export interface ImportContext {
  db: Kysely<Database>;
  writer: Writer;
  user: { id: string; username: string };
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
  let write: ((trx: Kysely<Database>) => Promise<void>) | null = null;

  if (kind === 'contact-points') {
    const rows = readers.map(({ line, reader }) => readContactPoint(reader, line));
    checkDuplicateCodes(rows, readers.map((r) => r.reader));
    const existing = new Set((await ctx.db.selectFrom('contact_points').select('code').where('deleted_at', 'is', null).execute()).map((r) => r.code));
    const fresh = rows.filter((r) => !existing.has(r.code));
    summary.toAdd = fresh.length;
    summary.alreadyPresent = rows.length - fresh.length;
    write = async (trx) => {
      for (const r of fresh) {
        await insertRow(trx, ctx.writer, 'contact_points', {
          code: r.code,
          name: r.name,
          district_id: r.districtId,
          address: r.address,
          organisation: r.organisation,
          established_on: r.establishedOn,
          closed_on: r.closedOn,
          notes: '',
        });
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
    write = async (trx) => {
      for (const r of fresh) {
        await insertRow(trx, ctx.writer, 'mobile_sessions', {
          code: r.code,
          contact_point_id: cps.get(r.contactPointCode)!,
          date: r.date,
          district_id: r.districtId,
          jamoat: '',
          village: r.location,
          partner_authority: '',
          status: r.status,
          status_changed_on: r.status === 'planned' ? null : r.date,
          notes: '',
        });
      }
    };
  } else {
    const rows = readers.map(({ line, reader }) => readConsultation(reader, line));
    const plan = await planConsultations(ctx.db, rows, readers.map((r) => r.reader));
    summary.toAdd = plan.toInsert.length;
    summary.alreadyPresent = rows.length - plan.toInsert.length;
    summary.newClients = plan.newClients.length;
    write = (trx) => writeConsultations(trx, ctx.writer, plan);
  }

  for (const { reader } of readers) summary.errors.push(...reader.errors);
  summary.errors.sort((a, b) => a.row - b.row);
  if (summary.errors.length || !commit) return summary;

  await ctx.db.transaction().execute(async (trx) => {
    await write(trx);
    await appendAudit(trx, {
      userId: ctx.user.id,
      username: ctx.user.username,
      action: 'import.register',
      entity: kind,
      detail: { rows: summary.rows, added: summary.toAdd, alreadyPresent: summary.alreadyPresent, newClients: summary.newClients },
    });
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
