import { caseClientId } from '../../db/queries/cases';
import { clientBirthDate, getClientRow } from '../../db/queries/clients';
import { getSessionRow } from '../../db/queries/mobileSessions';
import type { ClientFields } from '../../db/queries/clientWrite';
import { findVenue, getConsultationRow, saveConsultation as saveConsultationRows, type ConsultationFields, type ConsultationListFilter } from '../../db/queries/consultations';
import { openOn } from '../../db/queries/contactPoints';
import { userExists } from '../../db/queries/users';
import type { Db, WriteCtx } from '../../db/queries/writeContext';
import type { ConsultationDetail, ConsultationSummary, DeskRegistration } from '../../shared/api/consultationTypes';
import type { Paged } from '../../shared/api/pagedCount';
import { checkDate, formatDate, todayIso } from '../../shared/domain/dates';
import { clientDetail, saveClientIn } from './clients';
import { requireContactPoint } from './contactPoints';
import { getConsultation as consultationView, listConsultations as listConsultationViews } from './consultationViews';
import { asIs, fieldError, under, type FieldPath } from './fieldPaths';
import { withWrite, type Unlocked } from './index';
import { requireVisibleCase, requireVisibleClient, viewerOf } from './visibility';

// Consultations: the list, one consultation, recording one at a contact point or in a mobile session,
// and the session desk that registers a woman and her consultation at once.

export async function listConsultations(s: Unlocked, f: Omit<ConsultationListFilter, 'viewer'>): Promise<Paged<ConsultationSummary>> {
  return listConsultationViews(s.db, { ...f, viewer: viewerOf(s) });
}

export async function getConsultation(s: Unlocked, id: string): Promise<ConsultationDetail> {
  const k = await consultationView(s.db, id);
  await requireVisibleClient(s, k.clientId);
  if (k.caseId) await requireVisibleCase(s, k.caseId);
  return k;
}

/**
 * What recording this consultation would break, reported on `at`'s paths. A session's consultations
 * are on its date, in a session neither cancelled nor to come; a contact point's, on a date it was
 * open; the follow-up is not before the consultation; the case is one of the client's.
 */
export async function checkConsultation(db: Db, input: ConsultationFields, ownContactPointId: string | null, at: FieldPath, today: string = todayIso()): Promise<void> {
  if (input.id) await getConsultationRow(db, input.id);
  const venue = await findVenue(db, input, ownContactPointId);
  let date: string;
  if (input.venueKind === 'mobile_session') {
    const s = venue.session;
    if (!s) throw fieldError('No such mobile session', at('mobileSessionId'), 'invalid');
    if (s.status === 'cancelled') throw fieldError('The session was cancelled', at('mobileSessionId'), 'invalid');
    if (input.date && input.date !== s.date) throw fieldError("A session's consultations are on its date", at('date'), 'invalid');
    if (s.date > today) throw fieldError('The session is in the future', at('date'), 'futureDate');
    date = s.date;
  } else {
    const cpId = input.contactPointId ?? ownContactPointId;
    if (!cpId) throw fieldError('Choose the contact point', at('contactPointId'), 'required');
    const cp = venue.contactPoint ?? (await requireContactPoint(db, cpId, at('contactPointId')));
    date = input.date!;
    if (!openOn(cp, date)) throw fieldError('The contact point was not open on that date', at('date'), 'invalid');
  }
  if (input.followUpOn && input.followUpOn < date) throw fieldError('Follow-up before the consultation', at('followUpOn'), 'dateOrder');
  if (input.caseId) {
    if ((await caseClientId(db, input.caseId)) !== input.clientId) throw fieldError("Not one of the client's cases", at('caseId'), 'invalid');
  }
  if (input.lawyerUserId && !(await userExists(db, input.lawyerUserId))) throw fieldError('No such user', at('lawyerUserId'), 'invalid');
  const birthDate = await clientBirthDate(db, input.clientId);
  if (birthDate === undefined) throw fieldError('No such client', at('clientId'), 'invalid');
  if (checkDate(date, { birthDate }).problem === 'beforeBirth') throw fieldError('The consultation is before the client was born', at('date'), 'beforeBirth');
}

async function saveConsultationIn(ctx: WriteCtx, input: ConsultationFields, ownContactPointId: string | null, at: FieldPath): Promise<string> {
  await checkConsultation(ctx.trx, input, ownContactPointId, at);
  return saveConsultationRows(ctx, input, ownContactPointId);
}

export async function saveConsultation(s: Unlocked, input: ConsultationFields): Promise<ConsultationDetail> {
  if (input.id) await getConsultation(s, input.id);
  await requireVisibleClient(s, input.clientId);
  if (input.caseId) await requireVisibleCase(s, input.caseId);
  const id = await withWrite(s, (ctx) => saveConsultationIn(ctx, input, s.installation.contactPointId, asIs));
  return consultationView(s.db, id);
}

/**
 * The desk's names for the consultation's fields: its own part is under `consultation.`; the session
 * and the client are the desk's own fields (the session gives the date).
 */
const deskPath: FieldPath = (field) => {
  if (field === 'mobileSessionId' || field === 'date') return 'mobileSessionId';
  if (field === 'clientId') return 'clientId';
  return `consultation.${field}`;
};

export interface DeskInput {
  mobileSessionId: string;
  clientId: string | null;
  client?: ClientFields;
  /** What the lawyer records at the desk; the venue and date are the session's. */
  consultation: Omit<ConsultationFields, 'id' | 'clientId' | 'date' | 'venueKind' | 'contactPointId' | 'mobileSessionId'>;
}

/**
 * The session desk: the woman's record (new, changed or as found) and her consultation in the session,
 * in one transaction; the session gives venue, date and district.
 */
export async function registerAtDesk(s: Unlocked, input: DeskInput): Promise<DeskRegistration> {
  if (input.clientId) await requireVisibleClient(s, input.clientId);
  const ids = await withWrite(s, async (ctx) => {
    let clientId = input.clientId;
    // A birth date typed at the desk after the session's day is wrong beside the birth date, where it was typed.
    // (A session that does not exist is reported on the session by the consultation's own check.)
    const born = input.client?.birthDate;
    const sessionDate = born ? await getSessionRow(ctx.trx, input.mobileSessionId).then((r) => r.date, () => null) : null;
    if (born && sessionDate && checkDate(sessionDate, { birthDate: born }).problem === 'beforeBirth') {
      throw fieldError('Born after the session', 'client.birthDate', 'bornAfterConsultation', { date: formatDate(sessionDate) });
    }
    if (input.client) clientId = await saveClientIn(ctx, input.client, under('client'));
    else await getClientRow(ctx.trx, clientId!);
    const consultation: ConsultationFields = {
      ...input.consultation,
      clientId: clientId!,
      venueKind: 'mobile_session',
      mobileSessionId: input.mobileSessionId,
      contactPointId: null,
      date: null,
    };
    const consultationId = await saveConsultationIn(ctx, consultation, s.installation.contactPointId, deskPath);
    return { clientId: clientId!, consultationId };
  });
  return { ...ids, client: await clientDetail(s, ids.clientId) };
}
