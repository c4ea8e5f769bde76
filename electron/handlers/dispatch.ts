import { contract, isChannel, type ChannelName, type ChannelOutput, type ChannelParsed } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/envelope';
import { AppError } from '../../shared/api/errors';
import { zodToFieldErrors } from '../../shared/api/validation';
import { isSqliteError, mapSqliteError } from '../../db/errors';
import { appendReadEntry } from '../../db/queries/audit';
import type { AppContext } from '../app/appContext';
import type { UnlockedDatabase } from '../app/database';
import { requirePermission } from './permissionGate';
import { HANDLERS } from './registry';

/** Opening one person's record is audited as a view (who looked at whose file, and when). */
const VIEWS: Partial<Record<ChannelName, string>> = {
  'clients:get': 'clients',
  'cases:get': 'cases',
  'consultations:get': 'consultations',
  'mobileSessions:get': 'mobile_sessions',
  'documents:get': 'documents',
};

/**
 * A channel that returns personal data in bulk. Its audit entry says how many records were returned
 * and with which filter: the fields named in `shown` (ids, dates, choices from a list, paging) as they
 * were given; any other field only by the fact that it was given (and a text by its length), because a
 * searched name, a typed phone number or a filing's answers are personal data themselves.
 */
interface ReadAudit<C extends ChannelName> {
  records: (value: ChannelOutput<C>) => number;
  shown: readonly (keyof ChannelParsed<C> & string)[];
}

const PAGING = ['offset', 'limit', 'sort', 'dir'] as const;
const FILING = ['caseId', 'templateId', 'language'] as const;

/** Every channel that returns personal data other than one record by id (VIEWS): one entry per call. */
const READS: { [C in ChannelName]?: ReadAudit<C> } = {
  'clients:list': { records: (v) => v.rows.length, shown: [...PAGING, 'sex', 'migrantHousehold', 'residenceDistrictId', 'abandoned', 'issue', 'lawyerUserId'] },
  'clients:findDuplicates': { records: (v) => v.length, shown: ['excludeId'] },
  'consultations:list': {
    records: (v) => v.rows.length,
    shown: [...PAGING, 'from', 'to', 'venueKind', 'contactPointId', 'mobileSessionId', 'clientId', 'caseId', 'lawyerUserId', 'issue'],
  },
  'cases:list': { records: (v) => v.rows.length, shown: [...PAGING, 'status', 'caseType', 'responsibleUserId', 'clientId', 'overdue'] },
  'search:global': { records: (v) => v.clients.length + v.cases.length, shown: ['limit'] },
  'dashboard:summary': { records: (v) => v.hearingsThisWeek.length + v.overdueTasks.length, shown: [] },
  'documents:list': { records: (v) => v.length, shown: ['caseId', 'clientId', 'consultationId'] },
  'calendar:range': { records: (v) => v.hearings.length + v.tasks.length + v.sessions.length, shown: ['from', 'to', 'lawyerUserId', 'contactPointId'] },
  'calendar:reminders': { records: (v) => v.hearingsToday.length + v.hearingsNext7Days.length + v.overdueTasks.length, shown: [] },
  'filings:prepare': { records: () => 1, shown: FILING },
  'filings:preview': { records: () => 1, shown: FILING },
  'exchange:conflicts': { records: (v) => v.length, shown: ['includeResolved'] },
  'reports:drilldown': { records: (v) => v.rows.length, shown: ['from', 'to', 'target', 'dimension', 'key', 'limit'] },
};

function describeFilter(input: Record<string, unknown>, shown: readonly string[]): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(input)) {
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    if (shown.includes(field)) filter[field] = value;
    else filter[field] = typeof value === 'string' ? { length: value.length } : { given: true };
  }
  return filter;
}

async function auditRead(app: AppContext, channel: ChannelName, input: unknown, value: unknown): Promise<void> {
  const unlocked = app.unlocked;
  if (!unlocked) return;
  const who = { userId: unlocked.user.id, username: unlocked.user.username };
  const entity = VIEWS[channel];
  const id = (input as { id?: unknown })?.id;
  if (entity && typeof id === 'string') {
    await appendReadEntry(unlocked, { ...who, action: 'view', entity, entityId: id });
    return;
  }
  const read = READS[channel] as ReadAudit<ChannelName> | undefined;
  if (read) await appendReadAudit(unlocked, channel, input as Record<string, unknown>, read.records(value as never));
}

/**
 * The `read` entry of a channel that returns personal data in bulk: who, which channel, how many
 * records, the filter (see ReadAudit). The command line writes it too, for the channel it does the work of.
 */
export async function appendReadAudit(unlocked: UnlockedDatabase, channel: ChannelName, input: Record<string, unknown>, records: number): Promise<void> {
  const shown = (READS[channel] as ReadAudit<ChannelName> | undefined)?.shown ?? [];
  await appendReadEntry(unlocked, {
    userId: unlocked.user.id,
    username: unlocked.user.username,
    action: 'read',
    entity: channel,
    detail: { records, filter: describeFilter(input, shown) },
  });
}

/**
 * The single entry of every call, whatever the transport (Electron IPC, loopback HTTP, tests):
 * unknown channel → refused; input parsed from `unknown` with the channel's schema; session and
 * permission checked (refusals audited); any error turned into { code, message } without internals.
 */
export async function dispatch(app: AppContext, channel: string, rawInput: unknown): Promise<Envelope<unknown>> {
  try {
    if (!isChannel(channel)) throw new AppError('UNKNOWN_CHANNEL', 'Unknown API channel');
    const def = contract[channel];
    const parsed = def.input.safeParse(rawInput ?? {});
    if (!parsed.success) throw new AppError('VALIDATION', 'Some fields are not valid', zodToFieldErrors(parsed.error));
    if (def.access !== 'public') {
      await app.enforceIdleLock();
      const unlocked = app.requireUnlocked();
      if (def.access !== 'signedIn') await requirePermission(unlocked, def.access, channel);
    }
    const handler = HANDLERS.get(channel)!;
    const value = await handler(parsed.data as never, { app });
    await auditRead(app, channel, parsed.data, value);
    return { ok: true, value };
  } catch (error) {
    const appError = mapSqliteError(error);
    // A damaged page met during work (SQLCipher checks each page as it is read): writing on into a
    // damaged file can spread the damage, so the database is closed and recovery offered.
    if (appError.code === 'DATABASE_CORRUPT' && isSqliteError(error) && app.unlocked) await app.enterRecovery();
    if (appError.code === 'INTERNAL') {
      // Only the channel and the error's class/code: messages can carry personal data.
      const code = (error as { code?: unknown })?.code;
      process.stderr.write(`[legal-aid] internal error on ${channel}: ${(error as Error)?.name ?? 'Error'}${code ? ` ${String(code)}` : ''}\n`);
    }
    return { ok: false, error: appError.toInfo() };
  }
}
