import { z } from 'zod';
import { INSTALLATION_ROLES, type InstallationRole } from '../domain/enums';
import { fileInput, type FileOut } from './files';

// Types and input schemas of the exchange channels: pairing, packages, conflicts, the hub.

/** Why a package was refused; each has a text under `exchange.refused.<reason>`. */
export const REFUSAL_REASONS = [
  'notPackage',
  'version',
  'truncated',
  'corrupt',
  'badSignature',
  'cannotDecrypt',
  'unknownSender',
  'unpaired',
  'notForUs',
  'wrongKind',
  'clockAhead',
  'badContent',
  'uniqueClash',
  'brokenReferences',
  'incomplete',
  'networkSecretMismatch',
  'noNetworkSecret',
  'noContactPoint',
  'badPairingFile',
  'ownPairingFile',
  'keysChanged',
  'auditRewritten',
  'olderStats',
  'olderNetworkSecret',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export interface ExchangeIdentity {
  installationId: string;
  name: string;
  role: InstallationRole;
  contactPointId: string | null;
  fingerprint: string;
  hasNetworkSecret: boolean;
  /** The network secret's generation (1 until it is first replaced), and how many earlier ones are still kept. */
  networkGeneration: number | null;
  earlierNetworkSecrets: number;
}

export interface PairingFile {
  format: 'legal-aid-desk-pairing';
  version: 1;
  installationId: string;
  role: InstallationRole;
  name: string;
  signPublicKey: string;
  encPublicKey: string;
}

export interface PeerSummary {
  installationId: string;
  name: string;
  role: InstallationRole;
  fingerprint: string;
  pairedOn: string;
  lastSentAt: string | null;
  lastReceivedAt: string | null;
}

export type PackageFileOut = FileOut & {
  packageId: string;
  counts: Record<string, number>;
};

export interface ImportResult {
  packageId: string;
  kind: 'full' | 'stats' | 'networkKey';
  senderName: string;
  alreadyApplied: boolean;
  /** Full packages: changes received, applied (newest wins), conflicts found. Stats: facts stored. */
  counts: Record<string, number>;
}

export interface ConflictItem {
  id: string;
  tableName: string;
  rowId: string;
  columnName: string;
  keptValue: unknown;
  lostValue: unknown;
  keptHlc: string;
  lostHlc: string;
  detectedAt: string;
  /** The record was deleted since: a swap closes the conflict and the deletion stands. */
  recordDeleted: boolean;
  resolvedAt: string | null;
  resolution: ConflictOutcome | null;
}

/** How a conflict was closed: confirmed, swapped, or closed because its record was deleted since. */
export type ConflictOutcome = 'confirm' | 'swap' | 'recordDeleted';

/** A paired installation whose audit trail no longer holds what its earlier packages showed. */
export interface AuditWitnessAlert {
  id: string;
  senderInstallationId: string;
  senderName: string;
  packageId: string;
  detectedAt: string;
  /** The entry of the sender's trail that was seen before and is now different or gone. */
  witnessedSeq: number;
  acknowledgedAt: string | null;
}

export interface HubSubmission {
  packageId: string;
  senderInstallationId: string;
  senderName: string;
  contactPointCode: string;
  contactPointName: string;
  periodFrom: string;
  periodTo: string;
  appliedAt: string;
  consultations: number;
}

const installationId = z.string().regex(/^[0-9a-f-]{16,40}$/i, { message: 'invalid' });
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'invalidDate' });

export const importPairingInput = z.object({ json: z.string().min(2).max(20_000) }).strict();
export const setRoleInput = z.object({ role: z.enum(INSTALLATION_ROLES) }).strict();
/** Replace the network secret, or end the transition after a replacement (docs/exchange.md). */
export const networkSecretInput = z.object({ action: z.enum(['replace', 'endTransition']) }).strict();
export const exportPackageInput = z
  .object({
    peerId: installationId,
    kind: z.enum(['full', 'stats', 'networkKey']).default('full'),
    from: isoDay.optional(),
    to: isoDay.optional(),
    /** Full packages: include scanned papers and photos. */
    withAttachments: z.boolean().optional(),
  })
  .strict()
  .refine((v) => v.kind !== 'stats' || (v.from && v.to && v.from <= v.to), { message: 'dateOrder', path: ['to'] });
export const importPackageInput = z.object({ file: fileInput('package') }).strict();
export const conflictsInput = z.object({ includeResolved: z.boolean().default(false) }).strict();
export const auditAlertsInput = z.object({ includeAcknowledged: z.boolean().default(false) }).strict();
export const acknowledgeAuditAlertInput = z.object({ id: z.string().min(1).max(64) }).strict();
export const unpairInput = z.object({ installationId }).strict();
export const resolveConflictInput = z.object({ id: z.string().min(1).max(64), action: z.enum(['confirm', 'swap']) }).strict();

export interface ExchangeProgress {
  active: boolean;
  done: number;
  total: number;
}
