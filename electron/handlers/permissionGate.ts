import { AppError } from '../../shared/api/errors';
import { can, type Permission } from '../../shared/domain/permissions';
import type { UnlockedDatabase } from '../app/database';
import { recordAudit } from '../app/dbJobs';

/**
 * The one refusal of every way in (the screens' channels and the command line's commands): a role
 * without the permission is refused, and the refusal is written to the audit trail as `access.denied`
 * with what was asked for (a channel, or a command line command).
 */
export async function requirePermission(unlocked: UnlockedDatabase, permission: Permission, asked: string): Promise<void> {
  if (can(unlocked.user.role, permission)) return;
  await recordAudit(unlocked, {
    userId: unlocked.user.id,
    username: unlocked.user.username,
    action: 'access.denied',
    entity: asked,
    detail: { permission },
  });
  throw new AppError('FORBIDDEN', 'Your role does not allow this action', undefined, { permission });
}
