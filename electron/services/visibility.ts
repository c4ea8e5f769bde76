import { recordAudit } from '../app/dbJobs';
import { caseVisible, clientVisible, type Viewer } from '../../db/queries/visibility';
import { AppError } from '../../shared/api/errors';
import type { Unlocked } from './index';

// Opening a sensitive record one may not see (shared/domain/sensitivity.ts): refused with RESTRICTED,
// and the refusal written to the audit trail (who tried to open which record).

/** Who reads, for the visibility rule. */
export function viewerOf(s: Unlocked): Viewer {
  return { userId: s.user.id, role: s.user.role };
}

async function refuse(s: Unlocked, entity: 'cases' | 'clients', id: string): Promise<never> {
  await recordAudit(s, { userId: s.user.id, username: s.user.username, action: 'access.restricted', entity, entityId: id });
  throw new AppError('RESTRICTED', 'This record is restricted to its responsible lawyer and administrators');
}

/** Refuses (audited) a case the user may not see. */
export async function requireVisibleCase(s: Unlocked, id: string): Promise<void> {
  if (!(await caseVisible(s.db, viewerOf(s), id))) await refuse(s, 'cases', id);
}

/** Refuses (audited) a client the user may not see. */
export async function requireVisibleClient(s: Unlocked, id: string): Promise<void> {
  if (!(await clientVisible(s.db, viewerOf(s), id))) await refuse(s, 'clients', id);
}
