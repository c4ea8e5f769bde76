import type { ClientDetail } from '../../../../shared/api/clientTypes';
import type { ChannelInput } from '../../../../shared/api/contract';
import { bareName } from '../../../../shared/reference/addresses';
import type { MaritalStatus, RelationToMigrant, Sex } from '../../../../shared/domain/enums';

// The client form keeps every value as the text the user sees; toClientInput turns it into the
// channel's input (numbers, nulls, booleans), and the channel's schema says what is wrong, per field.

export type YesNo = '' | 'yes' | 'no';

export interface HouseholdValues {
  relation: RelationToMigrant;
  migrantSurname: string;
  migrantGivenName: string;
  migrantPatronymic: string;
  migrantBirthDate: string;
  country: string;
  city: string;
  departureDate: string;
  lastContactDate: string;
  lastRemittanceDate: string;
  maritalStatus: MaritalStatus;
  notes: string;
}

export interface ChildValues {
  id?: string;
  surname: string;
  givenName: string;
  patronymic: string;
  birthDate: string;
  sex: '' | Sex;
  birthCertificate: string;
  hasBirthCertificate: YesNo;
  paternityRegistered: YesNo;
  notes: string;
}

export interface ClientValues {
  id?: string;
  surname: string;
  givenName: string;
  patronymic: string;
  sex: Sex;
  birthDate: string;
  age: string;
  idDocType: string;
  idDocNumber: string;
  residenceDistrictId: string;
  residenceJamoat: string;
  residenceVillage: string;
  residenceAddress: string;
  residenceType: string;
  languages: string;
  employment: string;
  education: string;
  socialAssistance: YesNo;
  consentOn: string;
  consentMethod: string;
  notes: string;
  phones: Array<{ id?: string; phone: string; label: string }>;
  hasHousehold: boolean;
  household: HouseholdValues;
  children: ChildValues[];
}

export const emptyHousehold = (): HouseholdValues => ({
  relation: 'wife',
  migrantSurname: '',
  migrantGivenName: '',
  migrantPatronymic: '',
  migrantBirthDate: '',
  country: '',
  city: '',
  departureDate: '',
  lastContactDate: '',
  lastRemittanceDate: '',
  maritalStatus: 'unknown',
  notes: '',
});

export const emptyChild = (): ChildValues => ({
  surname: '',
  givenName: '',
  patronymic: '',
  birthDate: '',
  sex: '',
  birthCertificate: '',
  hasBirthCertificate: '',
  paternityRegistered: '',
  notes: '',
});

export const emptyClient = (): ClientValues => ({
  surname: '',
  givenName: '',
  patronymic: '',
  sex: 'F',
  birthDate: '',
  age: '',
  idDocType: '',
  idDocNumber: '',
  residenceDistrictId: '',
  residenceJamoat: '',
  residenceVillage: '',
  residenceAddress: '',
  residenceType: 'unknown',
  languages: '',
  employment: 'unknown',
  education: 'unknown',
  socialAssistance: '',
  consentOn: '',
  consentMethod: '',
  notes: '',
  phones: [{ phone: '', label: '' }],
  hasHousehold: false,
  household: emptyHousehold(),
  children: [],
});

const yesNo = (b: boolean | null): YesNo => (b === null ? '' : b ? 'yes' : 'no');
export const toBool = (v: YesNo): boolean | null => (v === '' ? null : v === 'yes');

export function clientValuesFrom(detail: ClientDetail): ClientValues {
  const c = detail.client;
  const h = detail.household;
  return {
    id: c.id,
    surname: c.surname,
    givenName: c.givenName,
    patronymic: c.patronymic,
    sex: c.sex,
    birthDate: c.birthDate ?? '',
    age: c.birthDate ? '' : c.age === null ? '' : String(c.age),
    idDocType: c.idDocType,
    idDocNumber: c.idDocNumber,
    residenceDistrictId: c.residenceDistrictId ?? '',
    // Names saved with their word typed in («деҳаи …») come back bare: the form shows the word.
    residenceJamoat: bareName('jamoat', c.residenceJamoat),
    residenceVillage: bareName('village', c.residenceVillage),
    residenceAddress: c.residenceAddress,
    residenceType: c.residenceType,
    languages: c.languages.join(', '),
    employment: c.employment,
    education: c.education,
    socialAssistance: yesNo(c.socialAssistance),
    consentOn: c.consentOn ?? '',
    consentMethod: c.consentMethod ?? '',
    notes: c.notes,
    phones: detail.phones.length ? detail.phones.map((p) => ({ id: p.id, phone: p.phone, label: p.label })) : [{ phone: '', label: '' }],
    hasHousehold: h !== null,
    household: h
      ? {
          relation: h.relation,
          migrantSurname: h.migrantSurname,
          migrantGivenName: h.migrantGivenName,
          migrantPatronymic: h.migrantPatronymic,
          migrantBirthDate: h.migrantBirthDate ?? '',
          country: h.country,
          city: h.city,
          departureDate: h.departureDate ?? '',
          lastContactDate: h.lastContactDate ?? '',
          lastRemittanceDate: h.lastRemittanceDate ?? '',
          maritalStatus: h.maritalStatus,
          notes: h.notes,
        }
      : emptyHousehold(),
    children: detail.children.map((ch) => ({
      id: ch.id,
      surname: ch.surname,
      givenName: ch.givenName,
      patronymic: ch.patronymic,
      birthDate: ch.birthDate ?? '',
      sex: ch.sex ?? '',
      birthCertificate: ch.birthCertificate,
      hasBirthCertificate: yesNo(ch.hasBirthCertificate),
      paternityRegistered: yesNo(ch.paternityRegistered),
      notes: ch.notes,
    })),
  };
}

export type ClientInput = ChannelInput<'clients:save'>;

export function toClientInput(v: ClientValues): ClientInput {
  const age = v.age.trim() === '' ? null : Number(v.age.trim());
  return {
    ...(v.id ? { id: v.id } : {}),
    surname: v.surname,
    givenName: v.givenName,
    patronymic: v.patronymic,
    sex: v.sex,
    birthDate: v.birthDate,
    age: v.birthDate ? null : age,
    idDocType: v.idDocType,
    idDocNumber: v.idDocNumber,
    residenceDistrictId: v.residenceDistrictId,
    residenceJamoat: v.residenceJamoat,
    residenceVillage: v.residenceVillage,
    residenceAddress: v.residenceAddress,
    residenceType: v.residenceType as ClientInput['residenceType'],
    languages: v.languages
      .split(/[,;]/)
      .map((s) => s.trim())
      .filter(Boolean),
    employment: v.employment as ClientInput['employment'],
    education: v.education as ClientInput['education'],
    socialAssistance: toBool(v.socialAssistance),
    consentOn: v.consentOn,
    consentMethod: (v.consentMethod || null) as ClientInput['consentMethod'],
    notes: v.notes,
    phones: v.phones.filter((p) => p.phone.trim() !== '').map((p) => ({ ...(p.id ? { id: p.id } : {}), phone: p.phone, label: p.label })),
    household: v.hasHousehold ? { ...v.household } : null,
    children: v.children.map((ch) => ({
      ...(ch.id ? { id: ch.id } : {}),
      surname: ch.surname,
      givenName: ch.givenName,
      patronymic: ch.patronymic,
      birthDate: ch.birthDate,
      sex: ch.sex || null,
      birthCertificate: ch.birthCertificate,
      hasBirthCertificate: toBool(ch.hasBirthCertificate),
      paternityRegistered: toBool(ch.paternityRegistered),
      notes: ch.notes,
    })),
  };
}
