import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema';
import type { Writer } from '../write';
import { appendAudit } from './audit';

// What a write inside one transaction needs: the transaction, the change writer (HLC + change_log) and
// the user for the audit trail. Built by the services (withWrite in electron/services/index.ts); every
// repository write takes it first.

export type Db = Kysely<Database> | Transaction<Database>;

/** Who writes: what the audit trail records of the signed-in user. */
export interface WriteUser {
  id: string;
  username: string;
}

export interface WriteCtx {
  trx: Transaction<Database>;
  w: Writer;
  user: WriteUser;
}

/** Audit entry in the same transaction. `detail`: ids, field names and counts only, never personal data. */
export async function audit(ctx: WriteCtx, action: string, entity: string, entityId: string | null, detail?: Record<string, unknown>): Promise<void> {
  await appendAudit(ctx.trx, { userId: ctx.user.id, username: ctx.user.username, action, entity, entityId, ...(detail ? { detail } : {}) });
}

export const bool = (v: number | null): boolean | null => (v === null ? null : v !== 0);
export const int = (v: boolean | null): number | null => (v === null ? null : v ? 1 : 0);
