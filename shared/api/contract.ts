import { z } from 'zod';
import { LANGUAGES } from '../domain/enums';
import type { Permission } from '../domain/permissions';
import type { ChannelName } from './channels';
import * as S from './securityTypes';
import type { AuditPage, BackupSummary, KeyRotationProgress, LawyerOption, KeyRotationSummary, RecoveryBackups, RestoreResult, RetentionItem, SecuritySettings, TrustedKeyInfo, UpdateResult, UserSummary } from './securityTypes';
import type { CaseDetail, Caseload, CaseSummary, Hearing, Task } from './caseTypes';
import { conflictCheckInput, conflictDeclineInput, sensitiveInput } from './protectionInputs';
import type { ConflictCheck } from './protectionTypes';
import type { CalendarRange, CalendarReminders, CaseHolder } from './calendarTypes';
import { calendarExportInput, calendarRangeInput } from './calendarInputs';
import type { ClientDetail, ClientSummary, DuplicateCandidate } from './clientTypes';
import type { ConsultationDetail, ConsultationSummary, DeskRegistration } from './consultationTypes';
import type { ContactPoint, StaffMember } from './contactPointTypes';
import type { DashboardSummary, SearchResult } from './dashboardTypes';
import type { MobileSessionDetail, MobileSessionSummary } from './mobileSessionTypes';
import type { Paged } from './pagedCount';
import {
  caseInput,
  caseListInput,
  caseloadInput,
  caseTransferInput,
  caseStatusInput,
  completeTaskInput,
  hearingInput,
  postponeHearingInput,
  removeCaseItemInput,
  taskInput,
} from './caseInputs';
import {
  clientInput,
  clientListInput,
  duplicatesInput,
  mergeInput,
  overrideInput,
} from './clientInputs';
import { consultationInput, consultationListInput, deskRegisterInput } from './consultationInputs';
import { contactPointCode, contactPointInput, staffInput } from './contactPointInputs';
import { dashboardInput, receiptInput, searchInput } from './dashboardInputs';
import { mobileSessionInput, mobileSessionListInput, mobileSessionStatusInput } from './mobileSessionInputs';
import { idInput } from './validation';
import { draftKeyInput, draftPutInput } from './draftInputs';
import type { Draft } from './draftTypes';
import * as F from './filingsInputs';
import type * as FT from './filingsTypes';
import type { AppStatus, IdleState, RegionRef } from './types';
import * as R from './reportInputs';
import type { DrilldownResult, ImportSummary, IndicatorReport } from './reportTypes';
import * as X from './exchangeTypes';
import { hubStoreSaveInput, type HubStoreInfo } from './hubStoreTypes';
import { fileOpenInput, fileSaveInput, type FileOut, type OpenedFile } from './files';
import { districtId, optionalPastIsoDate, optionalRecordId, passphrase, requiredText, username } from './validation';

// The one typed API of the app: channel `area:verb` → zod input schema, output type, and who may call
// it. Main parses every argument as `unknown` with the schema; the renderer gets the types.
// `access: 'public'` channels work before the database is unlocked; everything else needs a session
// and the named permission.

type Access = 'public' | 'signedIn' | Permission;

interface ChannelDef<I extends z.ZodType, O> {
  input: I;
  access: Access;
  /** Phantom: the output type, never read at run time. */
  output?: O;
}

function channel<O>() {
  return <I extends z.ZodType>(input: I, access: Access): ChannelDef<I, O> => ({ input, access });
}

const empty = z.object({}).strict();
const languageSchema = z.enum(LANGUAGES);

export const contract = {
  'app:status': channel<AppStatus>()(empty, 'public'),

  'prefs:setLanguage': channel<{ language: z.infer<typeof languageSchema> }>()(
    z.object({ language: languageSchema }).strict(),
    'public',
  ),

  'login:create': channel<AppStatus>()(
    z
      .object({
        username,
        displayName: requiredText(120),
        passphrase,
        passphraseConfirm: z.string(),
        installationName: requiredText(120),
        /**
         * Given when this installation is a contact point: the contact point (named installationName) is
         * created with the database and made the installation's own. Left out for a mobile team or a hub.
         */
        contactPointCode: contactPointCode.optional(),
        districtId: z.union([z.literal(''), districtId]).optional(),
        /** Since when the contact point works (consultations before it are refused); empty: today. */
        establishedOn: optionalPastIsoDate,
      })
      .strict()
      .refine((v) => v.passphrase === v.passphraseConfirm, { message: 'passphraseMismatch', path: ['passphraseConfirm'] })
      .refine((v) => v.contactPointCode === undefined || !!v.districtId, { message: 'required', path: ['districtId'] }),
    'public',
  ),
  'login:unlock': channel<AppStatus>()(
    z.object({ username, passphrase: z.string().min(1, { message: 'required' }).max(1024) }).strict(),
    'public',
  ),
  'login:lock': channel<AppStatus>()(empty, 'public'),
  // The one idle clock lives in the main process. Reporting keystrokes and clicks is use (it needs the
  // session, and like every such call it restarts the clock); asking what is left is not, so it is
  // public and tells nothing but the time.
  'idle:activity': channel<IdleState>()(empty, 'signedIn'),
  'idle:remaining': channel<IdleState>()(empty, 'public'),
  // Recovery works before anyone is signed in, and only while the database is damaged: the list gives
  // dates and sizes; a restore needs an administrator's passphrase from that backup's own key file.
  'recovery:backups': channel<RecoveryBackups>()(empty, 'public'),
  'recovery:restore': channel<RestoreResult>()(S.recoveryRestoreInput, 'public'),

  'reference:regions': channel<RegionRef[]>()(empty, 'public'),

  // ---- Records: contact points, mobile sessions, clients, consultations, cases. Inputs and outputs: ./<area>Inputs.ts and ./<area>Types.ts.
  // Contact points and staff are the installation's set-up (administrator); lists are needed by every screen.
  'contactPoints:list': channel<ContactPoint[]>()(z.object({ includeClosed: z.boolean().default(true) }).strict(), 'signedIn'),
  'contactPoints:save': channel<ContactPoint>()(contactPointInput, 'settings:manage'),
  'contactPoints:setOwn': channel<AppStatus>()(z.object({ contactPointId: optionalRecordId }).strict(), 'settings:manage'),
  'staff:list': channel<StaffMember[]>()(
    z.object({ contactPointId: optionalRecordId, includeInactive: z.boolean().default(false) }).strict(),
    'signedIn',
  ),
  'staff:save': channel<StaffMember>()(staffInput, 'settings:manage'),

  'mobileSessions:list': channel<Paged<MobileSessionSummary>>()(mobileSessionListInput, 'personal:read'),
  'mobileSessions:get': channel<MobileSessionDetail>()(idInput, 'personal:read'),
  'mobileSessions:save': channel<MobileSessionDetail>()(mobileSessionInput, 'personal:write'),
  'mobileSessions:setStatus': channel<MobileSessionDetail>()(mobileSessionStatusInput, 'personal:write'),

  'clients:list': channel<Paged<ClientSummary>>()(clientListInput, 'personal:read'),
  'clients:get': channel<ClientDetail>()(idInput, 'personal:read'),
  'clients:save': channel<ClientDetail>()(clientInput, 'personal:write'),
  'clients:findDuplicates': channel<DuplicateCandidate[]>()(duplicatesInput, 'personal:read'),
  'clients:merge': channel<ClientDetail>()(mergeInput, 'personal:delete'),
  'clients:setAbandonedOverride': channel<ClientDetail>()(overrideInput, 'personal:write'),
  // Sensitive records (shared/domain/sensitivity.ts): marked or cleared by whoever may see the record.
  'clients:setSensitive': channel<ClientDetail>()(sensitiveInput, 'personal:write'),

  'consultations:list': channel<Paged<ConsultationSummary>>()(consultationListInput, 'personal:read'),
  'consultations:get': channel<ConsultationDetail>()(idInput, 'personal:read'),
  'consultations:save': channel<ConsultationDetail>()(consultationInput, 'personal:write'),
  'desk:register': channel<DeskRegistration>()(deskRegisterInput, 'personal:write'),

  'cases:list': channel<Paged<CaseSummary>>()(caseListInput, 'personal:read'),
  'cases:get': channel<CaseDetail>()(idInput, 'personal:read'),
  'cases:save': channel<CaseDetail>()(caseInput, 'personal:write'),
  'cases:setStatus': channel<CaseDetail>()(caseStatusInput, 'personal:write'),
  'cases:saveHearing': channel<Hearing>()(hearingInput, 'personal:write'),
  'cases:postponeHearing': channel<CaseDetail>()(postponeHearingInput, 'personal:write'),
  'cases:removeHearing': channel<CaseDetail>()(removeCaseItemInput, 'personal:write'),
  'cases:saveTask': channel<Task>()(taskInput, 'personal:write'),
  'cases:completeTask': channel<Task>()(completeTaskInput, 'personal:write'),
  'cases:removeTask': channel<CaseDetail>()(removeCaseItemInput, 'personal:write'),
  // The conflict-of-interest check of a case's respondent, run by the form before saving (both audited).
  'cases:checkConflicts': channel<ConflictCheck>()(conflictCheckInput, 'personal:write'),
  'cases:declineConflict': channel<{ declined: true }>()(conflictDeclineInput, 'personal:write'),
  'cases:setSensitive': channel<CaseDetail>()(sensitiveInput, 'personal:write'),

  'cases:transfer': channel<CaseDetail>()(caseTransferInput, 'personal:write'),
  // Counts per lawyer, no client: for whoever runs the office.
  'cases:caseload': channel<Caseload>()(caseloadInput, 'caseload:read'),

  // The calendar names clients beside their hearings, so it needs personal:read. The .ics export names
  // none (case number, type and court only), but it is still a lawyer's case work.
  'calendar:range': channel<CalendarRange>()(calendarRangeInput, 'personal:read'),
  'calendar:reminders': channel<CalendarReminders>()(empty, 'personal:read'),
  'calendar:lawyers': channel<CaseHolder[]>()(empty, 'personal:read'),
  'calendar:export': channel<FileOut>()(calendarExportInput, 'personal:read'),

  // Unsaved entries, per user and form: only roles that may write records have forms to keep.
  'drafts:get': channel<{ draft: Draft | null }>()(draftKeyInput, 'personal:write'),
  'drafts:put': channel<{ savedAt: string }>()(draftPutInput, 'personal:write'),
  'drafts:discard': channel<{ discarded: boolean }>()(draftKeyInput, 'personal:write'),

  'search:global': channel<SearchResult>()(searchInput, 'personal:read'),
  // Hearings and tasks on the dashboard name clients, so it needs personal:read, not only stats:read.
  'dashboard:summary': channel<DashboardSummary>()(dashboardInput, 'personal:read'),
  'receipts:consultation': channel<FileOut>()(receiptInput, 'personal:read'),

  // Users, audit, backups and settings (security issue).
  'users:list': channel<UserSummary[]>()(empty, 'users:manage'),
  // The names the lists' lawyer filter offers: whoever reads the records may see who worked on them.
  'users:lawyers': channel<LawyerOption[]>()(empty, 'personal:read'),
  'users:create': channel<UserSummary>()(S.userCreateInput, 'users:manage'),
  'users:update': channel<UserSummary>()(S.userUpdateInput, 'users:manage'),
  'users:setActive': channel<UserSummary>()(S.userSetActiveInput, 'users:manage'),
  'users:resetPassword': channel<UserSummary>()(S.userResetPasswordInput, 'users:manage'),
  'security:rotateKey': channel<KeyRotationSummary>()(empty, 'users:manage'),
  'security:rotateKeyProgress': channel<KeyRotationProgress>()(empty, 'users:manage'),
  'login:changePassword': channel<{ changed: true }>()(S.changeOwnPasswordInput, 'signedIn'),
  'audit:list': channel<AuditPage>()(S.auditListInput, 'audit:read'),
  'audit:export': channel<FileOut>()(S.auditExportInput, 'audit:read'),
  'backups:list': channel<BackupSummary[]>()(empty, 'settings:manage'),
  'backups:create': channel<BackupSummary>()(empty, 'settings:manage'),
  'backups:restore': channel<RestoreResult>()(S.backupRestoreInput, 'settings:manage'),
  'backups:listBeforeRotation': channel<BackupSummary[]>()(empty, 'settings:manage'),
  'backups:destroyBeforeRotation': channel<{ destroyed: number }>()(empty, 'settings:manage'),
  'settings:get': channel<SecuritySettings>()(empty, 'signedIn'),
  'settings:save': channel<SecuritySettings>()(S.settingsSaveInput, 'settings:manage'),
  // Data protection: erasure on request (her statistics stay, anonymous) and the retention review.
  'clients:erase': channel<{ rows: number }>()(S.eraseClientInput, 'personal:delete'),
  'cases:retentionReview': channel<RetentionItem[]>()(empty, 'personal:read'),
  // Templates and legal references from outside: only from update files signed by a trusted key.
  'updates:apply': channel<UpdateResult>()(S.updateApplyInput, 'settings:manage'),
  'updates:trustedKeys': channel<TrustedKeyInfo[]>()(empty, 'settings:manage'),
  'updates:trustKey': channel<{ fingerprint: string }>()(S.trustKeyInput, 'settings:manage'),

  // ---- Filings. Inputs: ./filingsInputs.ts; outputs: ./filingsTypes.ts.
  'filings:templates': channel<FT.FilingTemplateSummary[]>()(F.filingTemplatesInput, 'personal:read'),
  'filings:prepare': channel<FT.FilingPreparation>()(F.filingInput, 'personal:read'),
  'filings:preview': channel<FT.FilingPreview>()(F.filingInput, 'personal:read'),
  'filings:save': channel<FT.DocumentSummary>()(F.filingInput, 'documents:write'),
  'documents:list': channel<FT.DocumentSummary[]>()(F.documentsListInput, 'personal:read'),
  'documents:get': channel<FT.DocumentFile>()(F.documentGetInput, 'personal:read'),
  // Scanned papers and photos: stored (made smaller, metadata removed) with a client, consultation or case.
  'documents:attach': channel<FT.DocumentSummary>()(F.documentAttachInput, 'documents:write'),
  'documents:delete': channel<{ deleted: true }>()(F.documentDeleteInput, 'documents:write'),
  // Printed for the client and kept with her documents, so printing it is a write.
  'receipts:consent': channel<FileOut>()(F.consentFormInput, 'documents:write'),
  'legalRefs:list': channel<FT.LegalRef[]>()(empty, 'signedIn'),
  // Article numbers and fees shape every filing: only administrators change or confirm them.
  'legalRefs:save': channel<FT.LegalRef[]>()(F.legalRefSaveInput, 'settings:manage'),
  'legalRefs:confirm': channel<FT.LegalRef[]>()(F.legalRefConfirmInput, 'settings:manage'),
  'templates:import': channel<FT.TemplateImportResult>()(F.templateImportInput, 'settings:manage'),
  'templates:restore': channel<{ templateId: string; language: FT.FilingLang }>()(F.templateRestoreInput, 'settings:manage'),
  // Templates and legal references from paired installations wait for an administrator's decision.
  'proposals:list': channel<FT.ProposedChange[]>()(empty, 'settings:manage'),
  'proposals:decide': channel<FT.ProposedChange[]>()(F.proposalDecideInput, 'settings:manage'),

  // ---- Reports and register import. Aggregates need stats:read; importing registers writes
  // personal data.
  'reports:indicators': channel<IndicatorReport>()(R.reportQueryInput, 'stats:read'),
  // The drill-down lists consultations one by one: records, not statistics, so not for analysts.
  'reports:drilldown': channel<DrilldownResult>()(R.drilldownInput, 'personal:read'),
  'reports:export': channel<FileOut>()(R.reportExportInput, 'stats:read'),
  'import:preview': channel<ImportSummary>()(R.importInput, 'personal:write'),
  'import:commit': channel<ImportSummary>()(R.importInput, 'personal:write'),

  // ---- Exchange between installations and the Ombudsman hub. Types: ./exchangeTypes.ts.
  'exchange:identity': channel<X.ExchangeIdentity>()(empty, 'signedIn'),
  // The role decides what an installation may send and receive: administrators only.
  'exchange:setRole': channel<X.ExchangeIdentity>()(X.setRoleInput, 'settings:manage'),
  'exchange:pairingFile': channel<X.PairingFile>()(empty, 'exchange:run'),
  'exchange:importPairing': channel<X.PeerSummary>()(X.importPairingInput, 'exchange:run'),
  'exchange:peers': channel<X.PeerSummary[]>()(empty, 'exchange:run'),
  // No longer trusting an installation (a stolen laptop) is an administrator's call.
  'exchange:unpair': channel<X.PeerSummary[]>()(X.unpairInput, 'settings:manage'),
  'exchange:exportPackage': channel<X.PackageFileOut>()(X.exportPackageInput, 'exchange:run'),
  'exchange:importPackage': channel<X.ImportResult>()(X.importPackageInput, 'exchange:run'),
  'exchange:progress': channel<X.ExchangeProgress>()(empty, 'exchange:run'),
  'exchange:conflicts': channel<X.ConflictItem[]>()(X.conflictsInput, 'exchange:run'),
  'exchange:resolveConflict': channel<X.ConflictItem[]>()(X.resolveConflictInput, 'exchange:run'),
  'exchange:auditAlerts': channel<X.AuditWitnessAlert[]>()(X.auditAlertsInput, 'exchange:run'),
  // Accepting a sender's packages again after its audit trail was rewritten is an administrator's call.
  'exchange:networkSecret': channel<X.ExchangeIdentity>()(X.networkSecretInput, 'settings:manage'),
  'exchange:acknowledgeAuditAlert': channel<X.AuditWitnessAlert[]>()(X.acknowledgeAuditAlertInput, 'audit:read'),
  'hub:submissions': channel<X.HubSubmission[]>()(empty, 'stats:read'),
  // Where the hub keeps its statistics (its SQLite file or PostgreSQL): an administrator's setting.
  'hubStore:get': channel<HubStoreInfo>()(empty, 'settings:manage'),
  'hubStore:save': channel<HubStoreInfo>()(hubStoreSaveInput, 'settings:manage'),

  // ---- Files through the main process's own dialogs (Electron only; browser mode refuses them). The
  // channel that takes or makes the file checks its own permission.
  // multiple: several files in one dialog (a scanner's folder); `files` holds them all, `file` the first.
  'files:open': channel<{ file: OpenedFile | null; files?: OpenedFile[] }>()(fileOpenInput, 'signedIn'),
  'files:save': channel<{ saved: boolean }>()(fileSaveInput, 'signedIn'),
} as const satisfies Record<ChannelName, ChannelDef<z.ZodType, unknown>>;

export type Contract = typeof contract;
export type { ChannelName };
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ChannelParsed<C extends ChannelName> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = NonNullable<Contract[C]['output']>;

export { CHANNEL_NAMES as CHANNELS } from './channels';

export function isChannel(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
