import { clientInput } from '../../shared/api/clientInputs';
import { addMonths } from '../../shared/domain/dates';
import type { CaseType, IssueCategory, Referral, Sex } from '../../shared/domain/enums';
import { REGIONS } from '../../shared/reference/regions';
import type { ClientIn } from './appRows';
import { MALE_NAMES, patronymicOf, personName } from './names';
import type { Rng } from './prng';

// Building blocks of the synthetic national data: clients (with migrant households, children,
// phones), issue mixes and the case a consultation may open. Distributions are rough but plausible:
// mostly women 18–45, two thirds from migrant households, a large share of them abandoned under the
// six-month rule (shared/domain/abandonment.ts decides it from the dates generated here).

export interface DistrictPick {
  id: string;
  kind: string;
  region: string;
  name: string;
}

export const DISTRICTS: DistrictPick[] = REGIONS.flatMap((r) => r.divisions.map((d) => ({ id: d.id, kind: d.kind, region: r.code, name: d.name.tg })));
export const DISTRICTS_BY_REGION = new Map<string, DistrictPick[]>();
for (const d of DISTRICTS) DISTRICTS_BY_REGION.set(d.region, [...(DISTRICTS_BY_REGION.get(d.region) ?? []), d]);

const VILLAGES = ['Чоргулбоғ', 'Ҳисор', 'Навобод', 'Дилкушо', 'Гулистон', 'Ободӣ', 'Зарафшон', 'Ваҳдат', 'Истиқлол', 'Сомониён', 'Навбаҳор', 'Қалъача', 'Пахтакор', 'Ҷӯйбор'];
const STREETS = ['кӯчаи Сомонӣ', 'кӯчаи Рӯдакӣ', 'кӯчаи Айнӣ', 'кӯчаи Ленин', 'кӯчаи Истиқлол', 'кӯчаи Навбаҳор', 'кӯчаи Бухоро', 'кӯчаи Фирдавсӣ'];
const ABROAD: Array<readonly [[string, string[]], number]> = [
  [['Россия', ['Москва', 'Санкт-Петербург', 'Екатеринбург', 'Новосибирск', 'Казань', 'Самара', 'Сургут']], 80],
  [['Қазоқистон', ['Алмаато', 'Астана']], 8],
  [['Туркия', ['Истанбул']], 4],
  [['Аморати Муттаҳидаи Араб', ['Дубай']], 3],
  [['Кореяи Ҷанубӣ', ['Сеул']], 2],
  [['номаълум', ['']], 3],
];
const OPERATORS = ['90', '91', '92', '93', '98', '99', '50', '55', '88', '77'];

export const ISSUE_MIX: ReadonlyArray<readonly [IssueCategory, number]> = [
  ['alimony', 25], ['alimony_abroad', 10], ['birth_certificate', 12], ['paternity', 8], ['marriage_registration', 8], ['divorce', 8],
  ['property_division', 6], ['inheritance', 5], ['land', 4], ['eviction', 3], ['missing_person', 3], ['search_missing', 2],
  ['family_violence', 5], ['marital_status_unclear', 4], ['interest_free_loan', 2], ['sexual_assault', 0.5], ['suicide_incitement', 0.3], ['other', 5],
];

/** The case a consultation about this issue may open (null: advice only). */
export const CASE_FOR_ISSUE: Partial<Record<IssueCategory, ReadonlyArray<readonly [CaseType, number]>>> = {
  alimony: [['alimony_share', 70], ['alimony_fixed_sum', 30]],
  alimony_abroad: [['alimony_fixed_sum', 60], ['alimony_share', 40]],
  birth_certificate: [['birth_registration', 1]],
  paternity: [['paternity', 80], ['paternity_fact', 20]],
  divorce: [['divorce', 1]],
  property_division: [['property_division', 1]],
  inheritance: [['inheritance', 1]],
  land: [['land_certificate', 1]],
  eviction: [['eviction_housing', 1]],
  missing_person: [['missing_person', 1]],
  family_violence: [['domestic_violence_protection', 1]],
  marriage_registration: [['other', 1]],
};

export const REFERRAL_MIX: ReadonlyArray<readonly [Referral, number]> = [
  ['court', 30], ['civil_registry', 25], ['police', 8], ['crisis_centre', 5], ['medical', 4], ['psychological', 6], ['social_protection', 10], ['migration_service', 7], ['ngo', 5],
];

export function issuesFor(rng: Rng): IssueCategory[] {
  const n = rng.weighted([[1, 60], [2, 30], [3, 10]] as const);
  const out = new Set<IssueCategory>();
  while (out.size < n) out.add(rng.weighted(ISSUE_MIX));
  return [...out];
}

export function dayIso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function dateBetween(rng: Rng, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return dayIso(a + Math.floor(rng.next() * Math.max(1, b - a + 1)));
}

function years(on: string, n: number): string {
  return addMonths(on, -12 * n);
}

const phonesUsed = new WeakMap<Rng, Set<string>>();

function phone(rng: Rng): string {
  const used = phonesUsed.get(rng) ?? phonesUsed.set(rng, new Set()).get(rng)!;
  for (;;) {
    const p = `+992 ${rng.pick(OPERATORS)} ${rng.int(100, 999)} ${String(rng.int(0, 9999)).padStart(4, '0')}`;
    if (!used.has(p)) return (used.add(p), p);
  }
}

export interface GeneratedClient {
  input: ClientIn;
  /** The husband's (or other migrant's) full name, for a case's respondent. */
  migrantName: string | null;
}

/** A new client met at a consultation on `on` in `district` (the venue's). */
export function generateClient(rng: Rng, on: string, district: DistrictPick): GeneratedClient {
  const sex: Sex = rng.chance(0.88) ? 'F' : 'M';
  const age = rng.weighted([[rng.int(16, 17), 4], [rng.int(18, 29), 40], [rng.int(30, 44), 36], [rng.int(45, 59), 15], [rng.int(60, 78), 5]] as const);
  const birth = dateBetween(rng, years(on, age + 1), years(on, age));
  const bornYear = Number(birth.slice(0, 4));
  const name = personName(rng, sex, bornYear);
  const home = rng.chance(0.7) ? district : rng.pick(DISTRICTS_BY_REGION.get(district.region)!);
  const rural = home.kind === 'city' ? rng.chance(0.15) : rng.chance(0.8);
  const village = rural ? rng.pick(VILLAGES) : '';
  const knownBirth = rng.chance(0.88);

  let household: ClientIn['household'] = null;
  let migrantName: string | null = null;
  let fatherOfChildren: string = rng.pick(MALE_NAMES);
  let childSurname = name.surname;
  if (rng.chance(sex === 'F' ? 0.66 : 0.08)) {
    const relation = sex === 'F' ? rng.weighted([['wife', 78], ['mother', 12], ['daughter', 4], ['sister', 4], ['other', 2]] as const) : 'other';
    const migrant = personName(rng, 'M', bornYear - rng.int(-2, 6));
    if (relation === 'wife') {
      fatherOfChildren = migrant.givenName;
      childSurname = migrant.surname;
    }
    const [country, cities] = rng.weighted(ABROAD);
    const departure = dateBetween(rng, addMonths(on, -120), addMonths(on, -2));
    // A third never sent money since leaving; of the others half sent some in the last months, half
    // stopped long ago — so about half of the wives come out abandoned under the six-month rule.
    const recentFrom = departure > addMonths(on, -5) ? departure : addMonths(on, -5);
    const remittance = rng.chance(0.3) ? null : rng.chance(0.5) ? dateBetween(rng, recentFrom, on) : dateBetween(rng, departure, recentFrom);
    household = {
      relation,
      migrantSurname: migrant.surname,
      migrantGivenName: migrant.givenName,
      migrantPatronymic: migrant.patronymic,
      migrantBirthDate: rng.chance(0.6) ? dateBetween(rng, `${bornYear - 8}-01-01`, `${bornYear + 2}-12-31`) : null,
      country,
      city: rng.pick(cities),
      departureDate: departure,
      lastContactDate: rng.chance(0.7) ? dateBetween(rng, departure, on) : null,
      lastRemittanceDate: remittance,
      maritalStatus: relation === 'wife' ? rng.weighted([['registered', 50], ['religious_only', 30], ['divorce_in_process', 5], ['divorced_not_dissolved', 5], ['unknown', 10]] as const) : 'unknown',
      notes: '',
    };
    migrantName = [migrant.surname, migrant.givenName, migrant.patronymic].filter(Boolean).join(' ');
  }

  const children: ClientIn['children'] = [];
  if (sex === 'F' && age >= 19) {
    const n = rng.weighted([[0, 15], [1, 30], [2, 30], [3, 15], [4, 10]] as const);
    for (let i = 0; i < n; i++) {
      const childSex: Sex = rng.chance(0.5) ? 'F' : 'M';
      const childBirth = dateBetween(rng, years(on, Math.min(age - 18, 17)), on);
      children.push({
        surname: childSex === 'F' ? childSurname.replace(/(ов|ев)$/, '$1а') : childSurname.replace(/(ов|ев)а$/, '$1'),
        givenName: rng.pick(childSex === 'F' ? ['Зарина', 'Мадина', 'Сафина', 'Меҳрона', 'Ситора', 'Нозанин'] : ['Алишер', 'Сомон', 'Муҳаммад', 'Исмоил', 'Амир', 'Ҷамшед']),
        patronymic: patronymicOf(fatherOfChildren, childSex),
        birthDate: childBirth,
        sex: childSex,
        birthCertificate: rng.chance(0.8) ? `I-${rng.pick(['СҒ', 'ДШ', 'ХТ', 'ВМ'])} № ${rng.int(100000, 999999)}` : '',
        paternityRegistered: rng.chance(0.8),
        notes: '',
      });
    }
  }

  const input = clientInput.parse({
    surname: name.surname,
    givenName: name.givenName,
    patronymic: name.patronymic,
    sex,
    birthDate: knownBirth ? birth : null,
    age: knownBirth ? null : age,
    idDocType: rng.chance(0.75) ? 'passport' : '',
    idDocNumber: rng.chance(0.75) ? `A${String(rng.int(0, 99999999)).padStart(8, '0')}` : '',
    residenceDistrictId: home.id,
    residenceJamoat: village,
    residenceVillage: village,
    residenceAddress: `${rng.pick(STREETS)} ${rng.int(1, 120)}`,
    residenceType: rural ? 'rural' : 'urban',
    languages: name.style === 'russian' ? ['ru'] : rng.chance(0.4) ? ['tg', 'ru'] : ['tg'],
    employment: rng.weighted([['homemaker', 40], ['unemployed', 25], ['self_employed', 10], ['employed', 10], ['student', 3], ['pensioner', 4], ['other', 3], ['unknown', 5]] as const),
    education: rng.weighted([['none', 3], ['primary', 5], ['basic_secondary', 20], ['general_secondary', 45], ['vocational', 15], ['higher', 8], ['unknown', 4]] as const),
    socialAssistance: rng.chance(0.1) ? null : rng.chance(0.25),
    consentOn: on,
    consentMethod: rng.weighted([['written', 70], ['oral', 25], ['electronic', 5]] as const),
    phones: rng.chance(0.92) ? [{ phone: phone(rng), label: 'мобилӣ' }, ...(rng.chance(0.1) ? [{ phone: phone(rng), label: 'хона' }] : [])] : [],
    household,
    children,
  });
  return { input, migrantName };
}

/** A respondent when the client has no migrant on record (a former husband, a relative). */
export function respondentName(rng: Rng): string {
  const p = personName(rng, 'M', 1985);
  return [p.surname, p.givenName, p.patronymic].filter(Boolean).join(' ');
}

export function lawyerNames(rng: Rng, n: number): string[] {
  return Array.from({ length: n }, () => {
    const p = personName(rng, rng.chance(0.6) ? 'F' : 'M', 1985);
    return `${p.surname} ${p.givenName}`;
  });
}
