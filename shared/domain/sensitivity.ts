import type { SensitiveKind, UserRole } from './enums';

// Sensitive records: a case or a client marked for violence, sexual assault or HIV is seen only by the
// people who work on it and by administrators. The rule, as the screens and the database apply it
// (the SQL form is db/queries/visibility.ts, which must say the same):
//
// - an administrator sees every record;
// - a sensitive CASE is seen by its responsible lawyer (cases.responsible_user_id);
// - a sensitive CLIENT is seen by whoever recorded her (clients.recorded_by_user_id; for a client
//   recorded before the app kept that, whoever first marked her sensitive) and by the responsible
//   lawyer of any of her cases;
// - a case is seen only by those who also see its client (its page shows her).
//
// Others still meet the record where a count must stay right (a list shows a "restricted" row in its
// place, without a name), never in search results, and are refused its page. Statistics count it as
// any other: they hold no names.

/** Who looks. */
export interface Viewer {
  userId: string;
  role: UserRole;
}

/** Whether this role sees every sensitive record. */
export function seesEverySensitiveRecord(role: UserRole): boolean {
  return role === 'administrator';
}

export interface ClientAccess {
  sensitive: SensitiveKind | null;
  recordedByUserId: string | null;
  /** The responsible lawyers of her live cases. */
  caseLawyerIds: readonly (string | null)[];
}

export interface CaseAccess {
  sensitive: SensitiveKind | null;
  responsibleUserId: string | null;
}

export function maySeeClient(viewer: Viewer, client: ClientAccess): boolean {
  if (!client.sensitive || seesEverySensitiveRecord(viewer.role)) return true;
  return client.recordedByUserId === viewer.userId || client.caseLawyerIds.includes(viewer.userId);
}

export function maySeeCase(viewer: Viewer, kase: CaseAccess, client: ClientAccess): boolean {
  if (!maySeeClient(viewer, client)) return false;
  if (!kase.sensitive || seesEverySensitiveRecord(viewer.role)) return true;
  return kase.responsibleUserId === viewer.userId;
}

/** A client record's protection: its mark and who it is kept for. */
export interface ClientProtection {
  sensitive: SensitiveKind | null;
  recordedByUserId: string | null;
}

/**
 * The protection of the record that survives a merge of two records of one person. A mark is never lost:
 * if either record is sensitive, the survivor is. It is kept for the one the mark's record was kept for:
 * when the mark comes from the merged-away record, its recorder — the lawyer she was entrusted to — takes
 * the survivor over, and not whoever recorded the unmarked duplicate (say, at a village session), who was
 * never shown what the sensitive record holds and would otherwise see all of it on the merged page. A
 * record kept for nobody (recorded before the app kept that) is kept for the user who merges, as when
 * marking it (that user sees both records). The responsible lawyers of her cases keep seeing her: the
 * cases move to the survivor with their lawyers and marks unchanged.
 */
export function mergedProtection(kept: ClientProtection, merged: ClientProtection, mergingUserId: string): ClientProtection {
  const source = kept.sensitive ? kept : merged.sensitive ? merged : null;
  if (!source) return kept;
  const other = source === kept ? merged : kept;
  // Both marked: the survivor's own recorder first, the other one's when it has none.
  const recordedByUserId = source.recordedByUserId ?? (other.sensitive ? other.recordedByUserId : null) ?? mergingUserId;
  return { sensitive: source.sensitive, recordedByUserId };
}
