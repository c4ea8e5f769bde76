import type { UserRole } from './enums';

// What each role may do. Enforced in the handlers (electron/handlers/dispatch.ts), never only by
// hiding buttons. Analysts see statistics only, never personal data.

export const PERMISSIONS = [
  'personal:read',
  'personal:write',
  'personal:delete',
  'documents:write',
  'stats:read',
  'exchange:run',
  'users:manage',
  'settings:manage',
  'audit:read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_PERMISSIONS: Record<UserRole, readonly Permission[]> = {
  administrator: PERMISSIONS,
  lawyer: ['personal:read', 'personal:write', 'personal:delete', 'documents:write', 'stats:read', 'exchange:run'],
  paralegal: ['personal:read', 'personal:write', 'documents:write', 'stats:read'],
  analyst: ['stats:read'],
  readonly: ['personal:read', 'stats:read'],
};

export function can(role: UserRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
