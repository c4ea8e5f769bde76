import type { Kysely } from 'kysely';
import { saveClient, type ClientFields } from '../../db/queries/clientWrite';
import { insertConsultation, type ConsultationFields } from '../../db/queries/consultations';
import { openOn } from '../../db/queries/contactPoints';
import type { WriteCtx } from '../../db/queries/writeContext';
import type { Database } from '../../db/schema';
import { checkClient } from '../services/clients';
import { asIs } from '../services/fieldPaths';
import type { RelationToMigrant } from '../../shared/domain/enums';
import { takeSnapshot, type Snapshot } from '../../shared/domain/snapshot';
import type { ConsultationRow, RowReader } from './registerRows';

// Consultations of an imported register: who the person is, what is already in the database, and the
// snapshot stored with each consultation (status as of that day — what the reports read).
//
// Person matching: the same person when surname, given name, patronymic and birth date
// match after folding case, spaces and Unicode (NFC); without a birth date, when the names and the
// (home) district match. The two keys never mix, so the result does not depend on the order of rows.
//
// A consultation is "already present" when the same person has a consultation with the same date,
// venue, contact point, session, kind and advice. The counts are compared as multisets, so a file with
// two such rows (two visits the same day) imports two, and importing it again imports none.

const fold = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

export function personKey(p: { surname: string; givenName: string; patronymic: string; birthDate: string | null; districtId: string | null }): string {
  const names = `${fold(p.surname)}|${fold(p.givenName)}|${fold(p.patronymic)}`;
  return p.birthDate ? `${names}|b:${p.birthDate}` : `${names}|d:${p.districtId ?? ''}`;
}

interface NewClient {
  key: string;
  row: ConsultationRow;
  id?: string;
}

interface PlannedConsultation {
  row: ConsultationRow;
  personKey: string;
  contactPointId: string;
  sessionId: string | null;
  districtId: string;
}

export interface ConsultationPlan {
  toInsert: PlannedConsultation[];
  newClients: NewClient[];
  /** person key → existing client id */
  existing: Map<string, string>;
}

function naturalKey(person: string, date: string, venue: string, cp: string, session: string | null, kind: string, advice: string): string {
  return JSON.stringify([person, date, venue, cp, session ?? '', kind, fold(advice)]);
}

export async function planConsultations(db: Kysely<Database>, rows: ConsultationRow[], readers: RowReader[]): Promise<ConsultationPlan> {
  const cps = new Map(
    (await db.selectFrom('contact_points').select(['id', 'code', 'district_id', 'established_on', 'closed_on']).where('deleted_at', 'is', null).execute()).map((r) => [
      r.code,
      r,
    ]),
  );
  const sessions = new Map(
    (await db.selectFrom('mobile_sessions').select(['id', 'code', 'date', 'district_id', 'contact_point_id']).where('deleted_at', 'is', null).execute()).map(
      (r) => [r.code, r],
    ),
  );
  const clients = await db
    .selectFrom('clients')
    .select(['id', 'surname', 'given_name', 'patronymic', 'birth_date', 'residence_district_id', 'sex'])
    .where('deleted_at', 'is', null)
    .where('merged_into_id', 'is', null)
    .execute();
  const existing = new Map<string, string>();
  const existingSex = new Map<string, string>();
  for (const c of clients) {
    const key = personKey({ surname: c.surname, givenName: c.given_name, patronymic: c.patronymic, birthDate: c.birth_date, districtId: c.residence_district_id });
    if (!existing.has(key)) {
      existing.set(key, c.id);
      existingSex.set(key, c.sex);
    }
  }

  const planned: PlannedConsultation[] = [];
  const newClients = new Map<string, NewClient>();
  const sexOf = new Map<string, { sex: string; line: number }>([...existingSex].map(([k, sex]) => [k, { sex, line: 0 }]));
  const rowIds = new Map<string, number>();
  rows.forEach((row, i) => {
    const r = readers[i]!;
    if (row.rowId) {
      if (rowIds.has(row.rowId)) r.error('row_id', 'duplicateRowId', { other: rowIds.get(row.rowId)! });
      else rowIds.set(row.rowId, row.line);
    }
    const cp = cps.get(row.contactPointCode);
    if (row.contactPointCode && !cp) r.error('contact_point', 'unknownContactPoint');
    // As on the consultation screen: help at the desk only while the contact point was open.
    if (cp && row.venue === 'contact_point' && row.date && !openOn(cp, row.date)) r.error('date', 'contactPointClosed');
    let session = null;
    if (row.sessionCode && row.venue === 'mobile_session') {
      session = sessions.get(row.sessionCode) ?? null;
      if (!session) r.error('mobile_session', 'unknownSession');
      else {
        if (cp && session.contact_point_id !== cp.id) r.error('mobile_session', 'sessionOtherContactPoint');
        if (row.date && session.date !== row.date) r.error('mobile_session', 'sessionOtherDate');
      }
    }
    const key = personKey(row);
    const seen = sexOf.get(key);
    if (seen && seen.sex !== row.sex) r.error('sex', 'sexConflict', { other: seen.line });
    else if (!seen) sexOf.set(key, { sex: row.sex, line: row.line });
    if (!existing.has(key) && !newClients.has(key)) newClients.set(key, { key, row });
    if (cp) {
      planned.push({
        row,
        personKey: key,
        contactPointId: cp.id,
        sessionId: session?.id ?? null,
        // Where the help was given: the session's district, or the contact point's.
        districtId: session?.district_id ?? cp.district_id,
      });
    }
  });

  // Consultations already in the database for the people of this file, counted by natural key.
  const known = new Map<string, number>();
  const ids = [...new Set(planned.map((p) => existing.get(p.personKey)).filter((x): x is string => !!x))];
  const byId = new Map([...existing.entries()].map(([k, id]) => [id, k]));
  for (let i = 0; i < ids.length; i += 500) {
    const found = await db
      .selectFrom('consultations')
      .select(['client_id', 'date', 'venue_kind', 'contact_point_id', 'mobile_session_id', 'kind', 'advice'])
      .where('deleted_at', 'is', null)
      .where('client_id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const c of found) {
      const k = naturalKey(byId.get(c.client_id)!, c.date, c.venue_kind, c.contact_point_id, c.mobile_session_id, c.kind, c.advice);
      known.set(k, (known.get(k) ?? 0) + 1);
    }
  }
  const toInsert = planned.filter((p) => {
    const k = naturalKey(p.personKey, p.row.date, p.row.venue, p.contactPointId, p.sessionId, p.row.kind, p.row.advice);
    const left = known.get(k) ?? 0;
    if (left > 0) {
      known.set(k, left - 1);
      return false;
    }
    return true;
  });
  const needed = new Set(toInsert.map((p) => p.personKey));
  return { toInsert, newClients: [...newClients.values()].filter((c) => needed.has(c.key)), existing };
}

/**
 * The person's status on the consultation date, through the same takeSnapshot as consultations
 * recorded on screen, but from the register's row: the register recorded her situation that day, while
 * the client's record holds only her latest. The register's own abandoned yes/no acts as the lawyer's
 * override (reason "override"); blank means the rule decides.
 */
export function snapshotOf(row: ConsultationRow): Snapshot {
  return takeSnapshot(
    {
      sex: row.sex,
      birthDate: row.birthDate,
      ageRecorded: row.birthDate ? null : row.age,
      ageRecordedOn: row.birthDate ? null : row.date,
      employment: row.employment,
      education: row.education,
      residenceType: row.residence,
      socialAssistance: null,
      residenceDistrictId: row.districtId,
    },
    row.migrant
      ? {
          relation: relationOf(row),
          departureDate: null,
          lastRemittanceDate: row.lastRemittance,
          maritalStatus: 'unknown',
          abandonedOverride: row.abandoned,
        }
      : null,
    row.date,
  );
}

/** A register names the migrant only as the woman's husband; a man's household is "other". */
const relationOf = (row: ConsultationRow): RelationToMigrant => (row.sex === 'F' ? 'wife' : 'other');

/** A new client as the client form would send her, from the latest of her rows in the file (her situation "now"). */
function clientOf(row: ConsultationRow): ClientFields {
  return {
    surname: row.surname,
    givenName: row.givenName,
    patronymic: row.patronymic,
    sex: row.sex,
    birthDate: row.birthDate,
    age: row.birthDate ? null : row.age,
    idDocType: '',
    idDocNumber: '',
    residenceDistrictId: row.districtId,
    residenceJamoat: '',
    residenceVillage: '',
    residenceAddress: '',
    residenceType: row.residence,
    languages: [],
    employment: row.employment,
    education: row.education,
    socialAssistance: null,
    consentOn: null,
    consentMethod: null,
    notes: '',
    phones: row.phone ? [{ phone: row.phone, label: '' }] : [],
    household: row.migrant
      ? {
          relation: relationOf(row),
          migrantSurname: '',
          migrantGivenName: '',
          migrantPatronymic: '',
          migrantBirthDate: null,
          country: row.husbandCountry,
          city: '',
          departureDate: null,
          lastContactDate: null,
          lastRemittanceDate: row.lastRemittance,
          maritalStatus: 'unknown',
          notes: '',
        }
      : null,
    children: [],
  };
}

/**
 * Writes the plan through the repository functions of the screens: saveClient for each new person,
 * checked as the client service checks her (an age as told is recorded on the date of that row), insertConsultation for each consultation with
 * the register's snapshot. The register is history as written: a consultation it notes in a planned
 * or cancelled session leaves the session as the register has it (saveConsultation would mark a
 * planned session conducted and refuse a cancelled one).
 */
export async function writeConsultations(ctx: WriteCtx, plan: ConsultationPlan): Promise<void> {
  const clientIds = new Map(plan.existing);
  const latest = new Map<string, ConsultationRow>();
  for (const p of plan.toInsert) {
    const cur = latest.get(p.personKey);
    if (!cur || p.row.date >= cur.date) latest.set(p.personKey, p.row);
  }
  for (const c of plan.newClients) {
    const row = latest.get(c.key) ?? c.row;
    const client = clientOf(row);
    await checkClient(ctx.trx, client, asIs);
    clientIds.set(c.key, await saveClient(ctx, client, row.date));
  }
  for (const p of plan.toInsert) {
    const input: ConsultationFields = {
      clientId: clientIds.get(p.personKey)!,
      date: p.row.date,
      venueKind: p.row.venue,
      contactPointId: p.contactPointId,
      mobileSessionId: p.sessionId,
      lawyerUserId: null,
      lawyerName: '',
      kind: p.row.kind,
      issues: p.row.issues,
      advice: p.row.advice,
      referrals: [],
      followUpOn: null,
      caseId: null,
    };
    await insertConsultation(ctx, input, { date: p.row.date, contactPointId: p.contactPointId, districtId: p.districtId }, snapshotOf(p.row));
  }
}
