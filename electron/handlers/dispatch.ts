import { contract, isChannel } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/envelope';
import { AppError } from '../../shared/api/errors';
import { zodToFieldErrors } from '../../shared/api/validation';
import { can } from '../../shared/domain/permissions';
import { isSqliteError, mapSqliteError } from '../../db/errors';
import { appendAudit } from '../../db/queries/audit';
import type { AppContext } from '../app/appContext';
import { HANDLERS } from './registry';

/** Opening one person's record is audited as a view (who looked at whose file, and when). */
const VIEWS: Partial<Record<string, string>> = {
  'clients:get': 'clients',
  'cases:get': 'cases',
  'consultations:get': 'consultations',
  'sessions:get': 'mobile_sessions',
  'documents:get': 'documents',
};

async function auditView(app: AppContext, channel: string, input: unknown): Promise<void> {
  const entity = VIEWS[channel];
  const session = app.session;
  const id = (input as { id?: unknown })?.id;
  if (!entity || !session || typeof id !== 'string') return;
  await appendAudit(session.db, { userId: session.user.id, username: session.user.username, action: 'view', entity, entityId: id });
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
      const session = app.requireSession();
      if (def.access !== 'session' && !can(session.user.role, def.access)) {
        await appendAudit(session.db, {
          userId: session.user.id,
          username: session.user.username,
          action: 'access.denied',
          entity: channel,
          detail: { permission: def.access },
        });
        throw new AppError('FORBIDDEN', 'Your role does not allow this action', undefined, { permission: def.access });
      }
    }
    const handler = HANDLERS.get(channel)!;
    const value = await handler(parsed.data as never, { app });
    await auditView(app, channel, parsed.data);
    return { ok: true, value };
  } catch (error) {
    const appError = mapSqliteError(error);
    // A damaged page met during work (SQLCipher checks each page as it is read): writing on into a
    // damaged file can spread the damage, so the database is closed and recovery offered.
    if (appError.code === 'DATABASE_CORRUPT' && isSqliteError(error) && app.session) await app.enterRecovery();
    if (appError.code === 'INTERNAL') {
      // Only the channel and the error's class/code: messages can carry personal data.
      const code = (error as { code?: unknown })?.code;
      process.stderr.write(`[legal-aid] internal error on ${channel}: ${(error as Error)?.name ?? 'Error'}${code ? ` ${String(code)}` : ''}\n`);
    }
    return { ok: false, error: appError.toInfo() };
  }
}
