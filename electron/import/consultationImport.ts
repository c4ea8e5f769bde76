import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { insertRow, type Writer } from '../../db/write';
import { nameKeys } from '../../shared/domain/names';
import { takeSnapshot } from '../../shared/domain/snapshot';
import type { ConsultationRow, RowReader } from './registerRows';

// Consultations of an imported register: who the person is, what is already in the database, and the
// snapshot stored with each consultation (status as of that day — what the reports read).
//
// Person matching (issue 5): the same person when surname, given name, patronymic and birth date
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
    (await db.selectFrom('contact_points').select(['id', 'code', 'district_id']).where('deleted_at', 'is', null).execute()).map((r) => [r.code, r]),
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
 * The snapshot columns of a consultation: the person's status on the consultation date, through the
 * same takeSnapshot as consultations recorded on screen. The register's own abandoned yes/no acts as the
 * lawyer's override (reason "override"); blank means the rule decides.
 */
export function snapshotOf(row: ConsultationRow) {
  const s = takeSnapshot(
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
          relation: row.sex === 'F' ? 'wife' : 'other',
          departureDate: null,
          lastRemittanceDate: row.lastRemittance,
          maritalStatus: 'unknown',
          abandonedOverride: row.abandoned,
        }
      : null,
    row.date,
  );
  const bit = (b: boolean | null) => (b === null ? null : b ? 1 : 0);
  return {
    snap_sex: s.sex,
    snap_age: s.age,
    snap_age_band: s.ageBand,
    snap_migrant_household: s.migrantHousehold ? 1 : 0,
    snap_relation: s.relation,
    snap_marital_status: s.maritalStatus,
    snap_abandoned: bit(s.abandoned),
    snap_abandoned_computed: bit(s.abandonedComputed),
    snap_abandoned_reason: s.abandonedReason,
    snap_employment: s.employment,
    snap_education: s.education,
    snap_residence: s.residence,
    snap_social_assistance: bit(s.socialAssistance),
    snap_residence_district_id: s.residenceDistrictId,
  };
}

export async function writeConsultations(trx: Kysely<Database>, w: Writer, plan: ConsultationPlan): Promise<void> {
  const clientIds = new Map(plan.existing);
  // A new client's record is made from the latest of her rows in the file (her situation "now").
  const latest = new Map<string, ConsultationRow>();
  for (const p of plan.toInsert) {
    const cur = latest.get(p.personKey);
    if (!cur || p.row.date >= cur.date) latest.set(p.personKey, p.row);
  }
  for (const c of plan.newClients) {
    const row = latest.get(c.key) ?? c.row;
    const keys = nameKeys({ surname: row.surname, givenName: row.givenName, patronymic: row.patronymic });
    const id = await insertRow(trx, w, 'clients', {
      surname: row.surname,
      given_name: row.givenName,
      patronymic: row.patronymic,
      search_name: keys.searchName,
      search_key: keys.searchKey,
      sex: row.sex,
      birth_date: row.birthDate,
      age_recorded: row.birthDate ? null : row.age,
      age_recorded_on: row.birthDate || row.age === null ? null : row.date,
      id_doc_type: '',
      id_doc_number: '',
      residence_district_id: row.districtId,
      residence_jamoat: '',
      residence_village: '',
      residence_address: '',
      residence_type: row.residence,
      languages: '[]',
      employment: row.employment,
      education: row.education,
      notes: '',
    });
    clientIds.set(c.key, id);
    if (row.migrant) {
      await insertRow(trx, w, 'migrant_households', {
        client_id: id,
        relation: row.sex === 'F' ? 'wife' : 'other',
        migrant_surname: '',
        migrant_given_name: '',
        migrant_patronymic: '',
        country: row.husbandCountry,
        city: '',
        last_remittance_date: row.lastRemittance,
        marital_status: 'unknown',
        abandoned_override_reason: '',
        notes: '',
      });
    }
    if (row.phone) await insertRow(trx, w, 'client_phones', { client_id: id, phone: row.phone, label: '' });
  }
  for (const p of plan.toInsert) {
    const id = await insertRow(trx, w, 'consultations', {
      client_id: clientIds.get(p.personKey)!,
      date: p.row.date,
      venue_kind: p.row.venue,
      contact_point_id: p.contactPointId,
      mobile_session_id: p.sessionId,
      district_id: p.districtId,
      lawyer_name: '',
      kind: p.row.kind,
      advice: p.row.advice,
      ...snapshotOf(p.row),
    });
    for (const issue of p.row.issues) await insertRow(trx, w, 'consultation_issues', { consultation_id: id, issue });
  }
}
