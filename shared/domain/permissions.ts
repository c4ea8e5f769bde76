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
  // Every lawyer's caseload side by side: for whoever runs the office (administrators).
  'caseload:read',
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

/** Roles a case can be assigned or transferred to (the responsible lawyer). */
export const CASE_HOLDER_ROLES = ['administrator', 'lawyer'] as const satisfies readonly UserRole[];

export function mayHoldCases(role: UserRole): boolean {
  return (CASE_HOLDER_ROLES as readonly UserRole[]).includes(role);
}
