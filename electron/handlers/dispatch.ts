import { contract, isChannel } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/envelope';
import { AppError } from '../../shared/api/errors';
import { zodToFieldErrors } from '../../shared/api/validation';
import { can } from '../../shared/domain/permissions';
import { mapSqliteError } from '../../db/errors';
import { appendAudit } from '../../db/queries/audit';
import type { AppContext } from '../app/appContext';
import { HANDLERS } from './registry';

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
    return { ok: true, value };
  } catch (error) {
    const appError = mapSqliteError(error);
    if (appError.code === 'INTERNAL') {
      // Only the channel and the error's class/code: messages can carry personal data.
      const code = (error as { code?: unknown })?.code;
      process.stderr.write(`[legal-aid] internal error on ${channel}: ${(error as Error)?.name ?? 'Error'}${code ? ` ${String(code)}` : ''}\n`);
    }
    return { ok: false, error: appError.toInfo() };
  }
}
