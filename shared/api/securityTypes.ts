import { z } from 'zod';
import { LANGUAGES, USER_ROLES, type UserRole } from '../domain/enums';
import { fileInput } from './files';
import { passphrase, requiredText, username } from './validation';
import type { AppStatus } from './types';

// Inputs and outputs of the users, audit, backup and settings channels (issue "Users, roles, audit,
// backups and crash safety").

/** A new database key: the backup made under the old one, and active users left without a slot. */
export interface KeyRotationSummary {
  backup: string;
  usersWithoutSlot: string[];
}

/**
 * After a restore: the state to show (the unlock screen), and the active users the restored key file
 * holds no slot for (only administrators have one in a backup): an administrator sets them a new password.
 */
export interface RestoreResult {
  status: AppStatus;
  usersWithoutSlot: string[];
}

/** The phases of a key rotation, in order. */
export const KEY_ROTATION_PHASES = ['backup', 'rekey', 'check', 'keyFile', 'done'] as const;
export type KeyRotationPhase = (typeof KEY_ROTATION_PHASES)[number];

/** The key rotation running now, read by the screen while it waits (phase null: none yet). */
export interface KeyRotationProgress {
  active: boolean;
  phase: KeyRotationPhase | null;
  percent: number;
}

/** A user who may advise clients or hold a case, as lists offer them to filter by. */
export interface LawyerOption {
  id: string;
  displayName: string;
  /** Still works here (a lawyer who left keeps her cases and consultations). */
  active: boolean;
}

export interface UserSummary {
  id: string;
  username: string;
  displayName: string;
  role: UserRole;
  active: boolean;
  lastLoginAt: string | null;
  /** Whether the user's password can open the database (a key slot exists). */
  canUnlock: boolean;
}

export interface AuditRow {
  seq: number;
  at: string;
  username: string;
  action: string;
  entity: string;
  entityId: string | null;
  detail: string;
}

export interface AuditPage {
  rows: AuditRow[];
  total: number;
  chainOk: boolean;
  brokenAt: number | null;
}

export interface BackupSummary {
  name: string;
  createdAt: string;
  reason: string;
  sizeBytes: number;
  /** The audit trail's newest entry in the backup: a witness of the trail as it was then. */
  auditHead: { seq: number; hash: string } | null;
}

/** What the recovery screen lists: the backups found, and the folder where it looked. */
export interface RecoveryBackups {
  folder: string;
  backups: BackupSummary[];
}

export interface SecuritySettings {
  idleLockMinutes: number;
  retentionYears: number;
}


const roleSchema = z.enum(USER_ROLES);
const confirmed = <T extends { password: string; passwordConfirm: string }>(schema: z.ZodType<T>) =>
  schema.refine((v) => v.password === v.passwordConfirm, { message: 'passphraseMismatch', path: ['passwordConfirm'] });

export const userCreateInput = confirmed(
  z.object({ username, displayName: requiredText(120), role: roleSchema, password: passphrase, passwordConfirm: z.string() }).strict(),
);
export const userUpdateInput = z.object({ id: z.string().uuid(), displayName: requiredText(120), role: roleSchema }).strict();
export const userSetActiveInput = z
  .object({ id: z.string().uuid(), active: z.boolean(), password: passphrase.optional() })
  .strict()
  .refine((v) => !v.active || v.password !== undefined, { message: 'required', path: ['password'] });
export const userResetPasswordInput = confirmed(z.object({ id: z.string().uuid(), password: passphrase, passwordConfirm: z.string() }).strict());
export const changeOwnPasswordInput = confirmed(
  z.object({ current: z.string().min(1, { message: 'required' }).max(1024), password: passphrase, passwordConfirm: z.string() }).strict(),
);
export const auditListInput = z
  .object({
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
    action: z.string().max(100).optional(),
    username: z.string().max(100).optional(),
  })
  .strict();
/** The audit trail as CSV, with the words and local times of the screen's language beside the codes. */
export const auditExportInput = z.object({ language: z.enum(LANGUAGES, { message: 'invalid' }).default('en') }).strict();
const backupName = z.string().regex(/^legal-aid-\d{8}T\d{6}Z-[a-z-]+\.db$/, { message: 'invalid' });
/** An administrator's name and passphrase from the backup are given only for a backup made under an earlier key. */
export const backupRestoreInput = z
  .object({ name: backupName, username: username.optional(), passphrase: z.string().min(1, { message: 'required' }).max(1024).optional() })
  .strict();
/** A restore before anyone is signed in: an administrator's passphrase as it was in that backup. */
export const recoveryRestoreInput = z
  .object({ name: backupName, username, passphrase: z.string().min(1, { message: 'required' }).max(1024) })
  .strict();
export const settingsSaveInput = z
  .object({
    idleLockMinutes: z.number({ message: 'invalid' }).int({ message: 'invalid' }).min(1, { message: 'invalid' }).max(240, { message: 'invalid' }),
    retentionYears: z.number({ message: 'invalid' }).int({ message: 'invalid' }).min(1, { message: 'invalid' }).max(75, { message: 'invalid' }),
  })
  .strict();

export const eraseClientInput = z.object({ id: z.string().uuid(), confirm: z.literal(true, { message: 'required' }) }).strict();

export interface RetentionItem {
  caseId: string;
  number: string;
  caseType: string;
  closedOn: string;
  clientId: string;
}

export const updateApplyInput = z.object({ file: fileInput('update') }).strict();
export const trustKeyInput = z.object({ id: requiredText(100), name: requiredText(200), publicKeyPem: z.string().includes('PUBLIC KEY', { message: 'invalid' }).max(2000) }).strict();

export interface UpdateResult {
  legalReferences: number;
  templates: number;
  keyId: string;
  /** The publisher's number of this update; the next one from the same key must be higher. */
  sequence: number;
}

export interface TrustedKeyInfo {
  id: string;
  name: string;
  fingerprint: string;
  shipped: boolean;
}
