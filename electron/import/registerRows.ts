import type { ImportError, ImportKind } from '../../shared/api/reportTypes';
import { checkDate, todayIso } from '../../shared/domain/dates';
import {
  CONSULTATION_KINDS,
  EDUCATION,
  EMPLOYMENT,
  ISSUE_CATEGORIES,
  RESIDENCE,
  MOBILE_SESSION_STATUSES,
  VENUE_KINDS,
  type ConsultationKind,
  type Education,
  type Employment,
  type IssueCategory,
  type Residence,
  type MobileSessionStatus,
  type Sex,
  type VenueKind,
} from '../../shared/domain/enums';
import { normalizePhone } from '../../shared/domain/phone';
import { parseAge, parseDistrict, parseEnum, parseSex, parseYesNo } from './registerColumns';

// Turns the text cells of one register row into a typed record, collecting every problem of the row
// (not only the first) as { row, column, reason }. Reasons never repeat the cell's content: a name or a
// phone number must not end up in a terminal log.

export interface ContactPointRow {
  line: number;
  code: string;
  name: string;
  districtId: string;
  establishedOn: string;
  closedOn: string | null;
  address: string;
  organisation: string;
}

export interface SessionRow {
  line: number;
  code: string;
  contactPointCode: string;
  date: string;
  districtId: string;
  location: string;
  status: MobileSessionStatus;
}

export interface ConsultationRow {
  line: number;
  rowId: string;
  date: string;
  venue: VenueKind;
  contactPointCode: string;
  sessionCode: string | null;
  surname: string;
  givenName: string;
  patronymic: string;
  sex: Sex;
  birthDate: string | null;
  age: number | null;
  districtId: string | null;
  phone: string | null;
  migrant: boolean;
  husbandCountry: string;
  lastRemittance: string | null;
  abandoned: boolean | null;
  employment: Employment;
  education: Education;
  residence: Residence;
  issues: IssueCategory[];
  advice: string;
  kind: ConsultationKind;
}

export const REASONS: Record<string, string> = {
  unknownColumn: 'unknown column name',
  duplicateColumn: 'the column appears twice',
  missingColumn: 'required column is missing',
  required: 'required value is empty',
  invalidDate: 'not a date (use YYYY-MM-DD or DD.MM.YYYY)',
  noSuchDay: 'no such day in that month',
  futureDate: 'the date is in the future',
  beforeBirth: "the date is before the client's birth date",
  invalidValue: 'value not recognised',
  unknownDistrict: 'no such district or city',
  ambiguousDistrict: 'several districts have this name; use the district id',
  unknownContactPoint: 'no contact point with this code (import the contact points first)',
  unknownSession: 'no mobile session with this code (import the mobile sessions first)',
  sessionRequired: 'a consultation on a mobile session needs the session code',
  sessionNotAllowed: 'a consultation at the contact point cannot name a mobile session',
  sessionOtherContactPoint: 'the mobile session belongs to another contact point',
  sessionOtherDate: 'the mobile session took place on another date',
  contactPointClosed: 'the contact point was not open on that date',
  duplicateCode: 'the same code appears on another row of the file',
  duplicateRowId: 'the same row_id appears on another row of the file',
  closedBeforeEstablished: 'closed before it was established',
  sexConflict: 'the same person has another sex on another row',
  abandonedNotMigrant: '"abandoned" needs migrant_household = yes',
  invalidPhone: 'not a Tajik phone number',
  fileFormat: 'the file cannot be read',
  noRows: 'the file has no data rows',
};

export class RowReader {
  readonly errors: ImportError[] = [];
  constructor(
    private readonly index: Map<string, number>,
    private readonly line: number,
    private readonly cells: string[],
  ) {}

  error(column: string, key: string, params?: Record<string, string | number>): void {
    this.errors.push({ row: this.line, column, key, reason: REASONS[key] ?? key, ...(params ? { params } : {}) });
  }

  text(column: string, required = false, max = 500): string {
    const i = this.index.get(column);
    const v = (i === undefined ? '' : (this.cells[i] ?? '')).normalize('NFC').trim().replace(/\s+/g, ' ');
    if (required && v === '') this.error(column, 'required');
    return v.slice(0, max);
  }

  date(column: string, required: boolean, notFuture = true): string | null {
    const s = this.text(column, required);
    if (s === '') return null;
    // The one date rule of the forms: the same problems, in the same order, with the same words.
    const c = checkDate(s, { notAfter: notFuture ? todayIso() : null });
    if (c.problem === 'noSuchDay') this.error(column, c.problem, { days: c.daysInMonth ?? 31 });
    else if (c.problem) this.error(column, c.problem);
    return c.iso;
  }

  district(column: string, required: boolean): string | null {
    const s = this.text(column, required);
    if (s === '') return null;
    const d = parseDistrict(s);
    if ('id' in d) return d.id;
    this.error(column, d.error === 'ambiguous' ? 'ambiguousDistrict' : 'unknownDistrict');
    return null;
  }

  yesNo(column: string): boolean | null {
    const s = this.text(column);
    if (s === '') return null;
    const v = parseYesNo(s);
    if (v === null) this.error(column, 'invalidValue');
    return v;
  }

  oneOf<T extends string>(column: string, name: Parameters<typeof parseEnum>[0], codes: readonly T[], fallback: T, required = false): T {
    const s = this.text(column, required);
    if (s === '') return fallback;
    const v = parseEnum(name, codes, s);
    if (v === null) this.error(column, 'invalidValue');
    return v ?? fallback;
  }
}

export function readContactPoint(r: RowReader, line: number): ContactPointRow {
  const row: ContactPointRow = {
    line,
    code: r.text('code', true, 40),
    name: r.text('name', true, 200),
    districtId: r.district('district', true) ?? '',
    establishedOn: r.date('established_on', true) ?? '',
    closedOn: r.date('closed_on', false),
    address: r.text('address'),
    organisation: r.text('organisation'),
  };
  if (row.closedOn && row.establishedOn && row.closedOn < row.establishedOn) r.error('closed_on', 'closedBeforeEstablished');
  return row;
}

export function readSession(r: RowReader, line: number): SessionRow {
  const row: SessionRow = {
    line,
    code: r.text('code', true, 40),
    contactPointCode: r.text('contact_point', true, 40),
    // Planned (and cancelled) sessions may lie ahead; a session is conducted on its day or later.
    date: r.date('date', true, false) ?? '',
    districtId: r.district('district', true) ?? '',
    location: r.text('location'),
    status: r.oneOf('status', 'sessionStatus', MOBILE_SESSION_STATUSES, 'conducted'),
  };
  if (row.status === 'conducted' && row.date > todayIso()) r.error('date', 'futureDate');
  return row;
}

export function readConsultation(r: RowReader, line: number): ConsultationRow {
  const venue = r.oneOf('venue', 'venueKind', VENUE_KINDS, 'contact_point', true);
  const sexText = r.text('sex', true);
  const sex = sexText === '' ? null : parseSex(sexText);
  if (sexText !== '' && sex === null) r.error('sex', 'invalidValue');
  const ageText = r.text('age');
  const age = ageText === '' ? null : parseAge(ageText);
  if (ageText !== '' && age === null) r.error('age', 'invalidValue');
  const phoneText = r.text('phone');
  const phone = phoneText === '' ? null : normalizePhone(phoneText);
  if (phoneText !== '' && phone === null) r.error('phone', 'invalidPhone');
  const issuesText = r.text('issues');
  const issues: IssueCategory[] = [];
  for (const part of issuesText.split(/[;,]/).map((s) => s.trim()).filter(Boolean)) {
    const code = parseEnum('issue', ISSUE_CATEGORIES, part);
    if (code === null) r.error('issues', 'invalidValue');
    else if (!issues.includes(code)) issues.push(code);
  }
  const row: ConsultationRow = {
    line,
    rowId: r.text('row_id', false, 80),
    date: r.date('date', true) ?? '',
    venue,
    contactPointCode: r.text('contact_point', true, 40),
    sessionCode: r.text('mobile_session', false, 40) || null,
    surname: r.text('surname', true, 120),
    givenName: r.text('given_name', true, 120),
    patronymic: r.text('patronymic', false, 120),
    sex: sex ?? 'F',
    birthDate: r.date('birth_date', false),
    age,
    districtId: r.district('district', false),
    phone,
    migrant: r.yesNo('migrant_household') ?? false,
    husbandCountry: r.text('husband_country', false, 80),
    lastRemittance: r.date('last_remittance_date', false),
    abandoned: r.yesNo('abandoned'),
    employment: r.oneOf('employment', 'employment', EMPLOYMENT, 'unknown'),
    education: r.oneOf('education', 'education', EDUCATION, 'unknown'),
    residence: r.oneOf('residence', 'residence', RESIDENCE, 'unknown'),
    issues,
    advice: r.text('advice', false, 4000),
    kind: r.oneOf('kind', 'consultationKind', CONSULTATION_KINDS, 'legal'),
  };
  if (venue === 'mobile_session' && !row.sessionCode) r.error('mobile_session', 'sessionRequired');
  if (venue === 'contact_point' && row.sessionCode) r.error('mobile_session', 'sessionNotAllowed');
  if (row.date && checkDate(row.date, { birthDate: row.birthDate }).problem === 'beforeBirth') r.error('date', 'beforeBirth');
  if (row.abandoned === true && !row.migrant) r.error('abandoned', 'abandonedNotMigrant');
  return row;
}

export type ParsedRow<K extends ImportKind> = K extends 'contact-points' ? ContactPointRow : K extends 'mobile-sessions' ? SessionRow : ConsultationRow;
