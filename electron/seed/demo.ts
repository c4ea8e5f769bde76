import type { Kysely } from 'kysely';
import { saveCase, setCaseDetails } from '../../db/queries/cases';
import { saveClient } from '../../db/queries/clientWrite';
import { saveConsultation } from '../../db/queries/consultations';
import { saveContactPoint } from '../../db/queries/contactPoints';
import { setMeta, META_KEYS } from '../../db/queries/meta';
import { saveSession } from '../../db/queries/mobileSessions';
import { audit, type WriteCtx } from '../../db/queries/writeContext';
import type { Database } from '../../db/schema';
import { caseInput } from '../../shared/api/caseInputs';
import { clientInput } from '../../shared/api/clientInputs';
import { consultationInput } from '../../shared/api/consultationInputs';
import { contactPointInput } from '../../shared/api/contactPointInputs';
import { mobileSessionInput } from '../../shared/api/mobileSessionInputs';
import type { CaseType, IssueCategory } from '../../shared/domain/enums';
import type { UnlockedDatabase } from '../app/database';

// A small demo data set (`npm run cli -- seed --db FILE --demo`): one contact point, one conducted
// mobile session, and one client with a case of each filing type, with everything the filings need
// (children, migrant household, respondent, court, the wizard's answers). Everything goes through the
// case-tracking repository functions, so snapshots, search keys, numbers and the change log are made
// exactly as the app makes them. A national-scale seed can call seedDemoInto() with other data.

export interface DemoClient {
  surname: string;
  givenName: string;
  patronymic: string;
  birthDate: string;
  districtId: string;
  village: string;
  jamoat: string;
  address: string;
  phone: string;
  idDocNumber: string;
  household: {
    migrantSurname: string;
    migrantGivenName: string;
    migrantPatronymic: string;
    country: string;
    city: string;
    departureDate: string;
    lastContactDate: string;
    lastRemittanceDate: string | null;
    maritalStatus: 'registered' | 'religious_only' | 'divorce_in_process';
  } | null;
  children: Array<{ surname: string; givenName: string; patronymic: string; birthDate: string; sex: 'F' | 'M'; birthCertificate: string }>;
}

export interface DemoCase {
  caseType: CaseType;
  issues: IssueCategory[];
  client: DemoClient;
  respondentName: string;
  respondentAddress: string;
  respondentWhereabouts: string;
  courtName: string;
  courtDistrictId: string | null;
  monthlyAlimonyDiram: number | null;
  venue: 'contact_point' | 'mobile_session';
  /** The wizard's answers, kept with the case (cases.details.filing): neutral ones, then text per language. */
  filing: Record<string, unknown>;
}

/** Children of one father: [given name, birth date, sex, certificate, surname and patronymic if not the father's]. */
const kids = (surname: string, patronymic: string, list: Array<[string, string, 'F' | 'M', string, string?, string?]>) =>
  list.map(([givenName, birthDate, sex, birthCertificate, ownSurname, ownPatronymic]) => ({
    surname: ownSurname ?? surname,
    givenName,
    patronymic: ownPatronymic ?? patronymic,
    birthDate,
    sex,
    birthCertificate,
  }));

export const DEMO_CASES: DemoCase[] = [
  {
    caseType: 'alimony_share',
    issues: ['alimony'],
    client: {
      surname: 'Раҳимова', givenName: 'Малика', patronymic: 'Саидовна', birthDate: '1992-04-12', districtId: 'su-khujand', village: '', jamoat: '',
      address: 'кӯчаи Ленин 45, хонаи 12', phone: '+992 92 700 1101', idDocNumber: 'A01234567',
      household: { migrantSurname: 'Каримов', migrantGivenName: 'Рустам', migrantPatronymic: 'Саидович', country: 'Россия', city: 'Москва', departureDate: '2021-03-01', lastContactDate: '2023-10-02', lastRemittanceDate: '2023-06-15', maritalStatus: 'registered' },
      children: kids('Каримов', 'Рустамович', [['Алишер', '2015-06-20', 'M', 'I-СҒ № 123456'], ['Зарина', '2018-02-11', 'F', 'I-СҒ № 223344', 'Каримова', 'Рустамовна']]),
    },
    respondentName: 'Каримов Рустам Саидович', respondentAddress: 'ш. Хуҷанд, кӯчаи Ленин 45, хонаи 12', respondentWhereabouts: 'Федератсияи Россия, ш. Москва',
    courtName: '', courtDistrictId: 'su-khujand', monthlyAlimonyDiram: null, venue: 'contact_point',
    filing: {
      tg: { marriage_cert: '№ 0456789, 14.09.2013, САҲШ-и ш. Хуҷанд' },
      ru: { marriage_cert: '№ 0456789, 14.09.2013, ЗАГС г. Худжанд' },
    },
  },
  {
    caseType: 'alimony_fixed_sum',
    issues: ['alimony_abroad'],
    client: {
      surname: 'Назарова', givenName: 'Гулнора', patronymic: 'Аҳмадовна', birthDate: '1995-11-03', districtId: 'ra-rudaki', village: 'Чоргулбоғ', jamoat: 'Чоргулбоғ',
      address: 'кӯчаи Сомонӣ 7', phone: '+992 93 700 1102', idDocNumber: 'A02345678',
      household: { migrantSurname: 'Шарипов', migrantGivenName: 'Фаридун', migrantPatronymic: 'Бахтиёрович', country: 'Россия', city: 'Екатеринбург', departureDate: '2020-09-15', lastContactDate: '2024-01-20', lastRemittanceDate: '2023-02-01', maritalStatus: 'religious_only' },
      children: kids('Шарипов', 'Фаридунович', [['Сомон', '2019-07-30', 'M', 'I-ДШ № 345678']]),
    },
    respondentName: 'Шарипов Фаридун Бахтиёрович', respondentAddress: 'ноҳияи Рӯдакӣ, деҳаи Чоргулбоғ', respondentWhereabouts: 'Федератсияи Россия, ш. Екатеринбург',
    courtName: '', courtDistrictId: 'ra-rudaki', monthlyAlimonyDiram: 150000, venue: 'mobile_session',
    filing: {
      tg: {
        paternity_basis: 'қарори Суди ноҳияи Рӯдакӣ аз 12.05.2021, № 2-345/21',
        income_abroad: 'Дар сохтмон кор мекунад, маош тақрибан 60 000 рубл дар як моҳ, бо рубли русӣ.',
        children_needs: 'Ғизо, либос, дору ва хароҷоти боғча тақрибан 1 500 сомонӣ дар як моҳ.',
      },
      ru: {
        paternity_basis: 'решение суда района Рудаки от 12.05.2021 № 2-345/21',
        income_abroad: 'Работает на стройке, зарплата около 60 000 рублей в месяц, в российских рублях.',
        children_needs: 'Питание, одежда, лекарства и детский сад — около 1 500 сомони в месяц.',
      },
    },
  },
  {
    caseType: 'paternity',
    issues: ['paternity'],
    client: {
      surname: 'Саидова', givenName: 'Фарзона', patronymic: 'Каримовна', birthDate: '1998-01-25', districtId: 'kt-bokhtar', village: '', jamoat: '',
      address: 'кӯчаи Айнӣ 3', phone: '+992 91 700 1103', idDocNumber: 'A03456789',
      household: { migrantSurname: 'Мирзоев', migrantGivenName: 'Ҷамшед', migrantPatronymic: 'Олимович', country: 'Қазоқистон', city: 'Алмаато', departureDate: '2022-04-10', lastContactDate: '2023-12-01', lastRemittanceDate: null, maritalStatus: 'religious_only' },
      children: kids('Мирзоев', 'Ҷамшедович', [['Муҳаммад', '2021-10-05', 'M', 'I-ХТ № 456789']]),
    },
    respondentName: 'Мирзоев Ҷамшед Олимович', respondentAddress: 'ш. Бохтар, кӯчаи Айнӣ 3', respondentWhereabouts: 'Ҷумҳурии Қазоқистон, ш. Алмаато',
    courtName: '', courtDistrictId: 'kt-bokhtar', monthlyAlimonyDiram: null, venue: 'contact_point',
    filing: {
      with_alimony: 'yes',
      tg: {
        relationship: 'Аз соли 2019 то соли 2022 якҷоя зиндагӣ карда, хоҷагии муштарак бурдем.',
        evidence: 'Интиқоли пул ба номи ман (2022), мактубҳо дар телефон, шаҳодати ҳамсояҳо.',
      },
      ru: {
        relationship: 'С 2019 по 2022 год мы жили вместе и вели общее хозяйство.',
        evidence: 'Денежные переводы на моё имя (2022), переписка в телефоне, показания соседей.',
      },
    },
  },
  {
    caseType: 'paternity_fact',
    issues: ['paternity', 'inheritance'],
    client: {
      surname: 'Ҷӯраева', givenName: 'Нигина', patronymic: 'Раҳматовна', birthDate: '1990-08-08', districtId: 'su-isfara', village: '', jamoat: '',
      address: 'кӯчаи Истиқлол 18', phone: '+992 92 700 1104', idDocNumber: 'A04567890',
      household: null,
      children: kids('Қодиров', 'Баҳромович', [['Меҳрона', '2016-03-14', 'F', 'I-СҒ № 567890', 'Қодирова', 'Баҳромовна']]),
    },
    respondentName: 'Қодиров Баҳром Исмоилович', respondentAddress: 'ш. Исфара, кӯчаи Истиқлол 18',
    respondentWhereabouts: '', courtName: 'Суди шаҳри Исфара', courtDistrictId: 'su-isfara', monthlyAlimonyDiram: null, venue: 'contact_point',
    filing: {
      death_date: '2023-05-02',
      tg: {
        acknowledgment: 'Кӯдакро фарзанди худ меномид, барои ӯ хароҷот мекард, дар аксҳои оилавӣ бо ӯ ҳаст.',
        interested_persons: 'Қодирова Мавлуда (модари марҳум), ш. Исфара',
        purpose: 'гирифтани нафақа барои гум кардани саробон ва мерос',
      },
      ru: {
        acknowledgment: 'Называл ребёнка своим, нёс расходы на его содержание, снят с ним на семейных фотографиях.',
        interested_persons: 'Кодирова Мавлуда (мать умершего), г. Исфара',
        purpose: 'получение пенсии по случаю потери кормильца и наследства',
      },
    },
  },
  {
    caseType: 'missing_person',
    issues: ['missing_person', 'search_missing'],
    client: {
      surname: 'Бобоева', givenName: 'Шаҳло', patronymic: 'Ғафуровна', birthDate: '1987-12-30', districtId: 'kt-kulob', village: '', jamoat: '',
      address: 'кӯчаи Рӯдакӣ 90', phone: '+992 90 700 1105', idDocNumber: 'A05678901',
      household: { migrantSurname: 'Бобоев', migrantGivenName: 'Фирӯз', migrantPatronymic: 'Назарович', country: 'Россия', city: 'Новосибирск', departureDate: '2018-02-20', lastContactDate: '2021-08-15', lastRemittanceDate: '2021-07-01', maritalStatus: 'registered' },
      children: kids('Бобоев', 'Фирӯзович', [['Исмоил', '2010-05-01', 'M', 'I-ХТ № 678901'], ['Мадина', '2013-09-09', 'F', 'I-ХТ № 789012', 'Бобоева', 'Фирӯзовна']]),
    },
    respondentName: 'Бобоев Фирӯз Назарович', respondentAddress: 'ш. Кӯлоб, кӯчаи Рӯдакӣ 90', respondentWhereabouts: 'номаълум (охирин бор — Россия, ш. Новосибирск)',
    courtName: '', courtDistrictId: 'kt-kulob', monthlyAlimonyDiram: null, venue: 'mobile_session',
    filing: {
      tg: {
        search_efforts: 'Ариза ба ШВКД-и ш. Кӯлоб (2022), дархост ба Хадамоти муҳоҷират ва Сафорати ҶТ дар Маскав, пурсиши хешовандон.',
        purpose: 'гирифтани нафақа барои гум кардани саробон ба кӯдакон',
      },
      ru: {
        // The case's whereabouts line is free text in Tajik; this is its Russian wording for the filings.
        respondent_whereabouts: 'неизвестно (последние сведения — Российская Федерация, г. Новосибирск)',
        search_efforts: 'Заявление в ОВД г. Куляба (2022), запросы в Миграционную службу и Посольство РТ в Москве, опрос родственников.',
        purpose: 'получение пенсии по случаю потери кормильца для детей',
      },
    },
  },
  {
    caseType: 'property_division',
    issues: ['property_division'],
    client: {
      surname: 'Исмоилова', givenName: 'Дилором', patronymic: 'Юсуфовна', birthDate: '1985-06-17', districtId: 'du-sino', village: '', jamoat: '',
      address: 'кӯчаи Бухоро 21, хонаи 5', phone: '+992 98 700 1106', idDocNumber: 'A06789012',
      household: { migrantSurname: 'Исмоилов', migrantGivenName: 'Шерали', migrantPatronymic: 'Давлатович', country: 'Россия', city: 'Санкт-Петербург', departureDate: '2019-05-05', lastContactDate: '2024-02-02', lastRemittanceDate: '2023-01-10', maritalStatus: 'divorce_in_process' },
      children: [],
    },
    respondentName: 'Исмоилов Шерали Давлатович', respondentAddress: 'ш. Душанбе, кӯчаи Бухоро 21, хонаи 5', respondentWhereabouts: 'Федератсияи Россия, ш. Санкт-Петербург',
    courtName: '', courtDistrictId: 'du-sino', monthlyAlimonyDiram: null, venue: 'contact_point',
    filing: {
      claimed_share: '1/2',
      tg: {
        marriage_cert: '№ 0123987, 20.06.2008, САҲШ-и ноҳияи Сино',
        requested_share: 'Нисфи арзиши хона ва мошин; мебел ба даъвогар дода шавад.',
        property: [
          { item: 'Хонаи дуҳуҷрагӣ, ш. Душанбе, кӯчаи Бухоро 21-5', value: '250000', acquiredOn: '2012-03-01' },
          { item: 'Мошини Opel Astra, 2009', value: '45000', acquiredOn: '2016-07-15' },
          { item: 'Мебели хона', value: '12500,50', acquiredOn: '2014-11-20' },
        ],
      },
      ru: {
        marriage_cert: '№ 0123987, 20.06.2008, ЗАГС района Сино',
        requested_share: 'Половину стоимости квартиры и автомобиля; мебель передать истцу.',
        property: [
          { item: 'Двухкомнатная квартира, г. Душанбе, ул. Бухоро 21-5', value: '250000', acquiredOn: '2012-03-01' },
          { item: 'Автомобиль Opel Astra, 2009', value: '45000', acquiredOn: '2016-07-15' },
          { item: 'Домашняя мебель', value: '12500,50', acquiredOn: '2014-11-20' },
        ],
      },
    },
  },
  {
    caseType: 'divorce',
    issues: ['divorce', 'marital_status_unclear'],
    client: {
      surname: 'Холова', givenName: 'Зулфия', patronymic: 'Аминовна', birthDate: '1993-02-02', districtId: 'ra-hisor', village: 'Хонақоҳ', jamoat: 'Хонақоҳ',
      address: 'кӯчаи Навбаҳор 4', phone: '+992 92 700 1107', idDocNumber: 'A07890123',
      household: { migrantSurname: 'Холов', migrantGivenName: 'Некрӯз', migrantPatronymic: 'Саттарович', country: 'Туркия', city: 'Истанбул', departureDate: '2020-01-10', lastContactDate: '2023-03-03', lastRemittanceDate: '2022-10-10', maritalStatus: 'registered' },
      children: kids('Холов', 'Некрӯзович', [['Амир', '2014-12-12', 'M', 'I-ДШ № 890123']]),
    },
    respondentName: 'Холов Некрӯз Саттарович', respondentAddress: 'ш. Ҳисор, кӯчаи Навбаҳор 4', respondentWhereabouts: 'Ҷумҳурии Туркия, ш. Истанбул',
    courtName: '', courtDistrictId: 'ra-hisor', monthlyAlimonyDiram: null, venue: 'mobile_session',
    filing: {
      separated_since: '2020-01-10',
      children_residence: 'claimant',
      children_support: 'yes',
      tg: {
        marriage_cert: '№ 0345612, 05.10.2012, САҲШ-и шаҳри Ҳисор',
        reason: 'Ҷавобгар соли 2020 ба хориҷа рафта, дар он ҷо оила бунёд кардааст ва дар таъминоти оила иштирок намекунад.',
      },
      ru: {
        marriage_cert: '№ 0345612, 05.10.2012, ЗАГС города Гиссар',
        reason: 'В 2020 году ответчик уехал за рубеж, создал там другую семью и в содержании семьи не участвует.',
      },
    },
  },
  {
    caseType: 'birth_registration',
    issues: ['birth_certificate'],
    client: {
      surname: 'Мирзоева', givenName: 'Парвина', patronymic: 'Олимовна', birthDate: '2000-09-19', districtId: 'su-panjakent', village: '', jamoat: '',
      address: 'кӯчаи Рӯдакӣ 12', phone: '+992 93 700 1108', idDocNumber: 'A08901234',
      household: { migrantSurname: 'Раҳмонов', migrantGivenName: 'Одил', migrantPatronymic: 'Шарифович', country: 'Россия', city: 'Казань', departureDate: '2022-11-01', lastContactDate: '2024-03-01', lastRemittanceDate: '2024-02-20', maritalStatus: 'religious_only' },
      children: kids('Раҳмонзода', 'Одилович', [['Сафина', '2023-06-01', 'F', '', 'Раҳмонзода', 'Одиловна']]),
    },
    respondentName: 'Раҳмонов Одил Шарифович', respondentAddress: 'ш. Панҷакент, кӯчаи Рӯдакӣ 12', respondentWhereabouts: 'Федератсияи Россия, ш. Казань',
    courtName: '', courtDistrictId: 'su-panjakent', monthlyAlimonyDiram: null, venue: 'contact_point',
    filing: {
      father_entry: 'court',
      tg: {
        birth_document: 'маълумотномаи таваллудхонаи ш. Панҷакент № 1187 аз 02.06.2023',
        court_decision: 'Суди шаҳри Панҷакент, 15.01.2024, № 2-77/24',
      },
      ru: {
        birth_document: 'справка родильного дома г. Пенджикента № 1187 от 02.06.2023',
        court_decision: 'суд города Пенджикент, 15.01.2024, № 2-77/24',
      },
    },
  },
];

export interface SeedResult {
  contactPointId: string;
  sessionId: string;
  caseIds: string[];
  clientIds: string[];
}

type Db = Kysely<Database>;

export async function seedDemoInto(ctx: WriteCtx, cases: DemoCase[] = DEMO_CASES): Promise<SeedResult> {
  const cpId = await saveContactPoint(
    ctx,
    contactPointInput.parse({ code: 'KHJ', name: 'Нуқтаи тамоси ҳуқуқии Хуҷанд', districtId: 'su-khujand', address: 'ш. Хуҷанд, кӯчаи Камоли Хуҷандӣ 5', establishedOn: '2020-03-01' }),
  );
  await setMeta(ctx.trx, META_KEYS.contactPointId, cpId);
  const sessionId = await saveSession(
    ctx,
    mobileSessionInput.parse({ date: '2024-04-10', districtId: 'ra-rudaki', jamoat: 'Чоргулбоғ', village: 'Чоргулбоғ', partnerAuthority: 'Ҷамоати деҳоти Чоргулбоғ', team: [{ name: 'Давлатова Сабоҳат', role: 'ҳуқуқшинос' }] }),
    cpId,
  );
  const caseIds: string[] = [];
  const clientIds: string[] = [];
  for (const [i, d] of cases.entries()) {
    const c = d.client;
    const clientId = await saveClient(
      ctx,
      clientInput.parse({
        surname: c.surname,
        givenName: c.givenName,
        patronymic: c.patronymic,
        sex: 'F',
        birthDate: c.birthDate,
        idDocType: 'passport',
        idDocNumber: c.idDocNumber,
        residenceDistrictId: c.districtId,
        residenceJamoat: c.jamoat,
        residenceVillage: c.village,
        residenceAddress: c.address,
        residenceType: c.village ? 'rural' : 'urban',
        languages: ['tg', 'ru'],
        employment: i % 2 ? 'homemaker' : 'unemployed',
        education: i % 3 ? 'general_secondary' : 'vocational',
        socialAssistance: i % 2 === 0,
        consentOn: '2024-04-10',
        consentMethod: 'written',
        phones: [{ phone: c.phone, label: 'мобилӣ' }],
        household: c.household,
        children: c.children,
      }),
    );
    const caseId = await saveCase(
      ctx,
      caseInput.parse({
        clientId,
        caseType: d.caseType,
        openedOn: '2024-04-10',
        contactPointId: cpId,
        responsibleName: 'Давлатова Сабоҳат',
        courtName: d.courtName,
        courtDistrictId: d.courtDistrictId,
        respondentName: d.respondentName,
        respondentAddress: d.respondentAddress,
        respondentWhereabouts: d.respondentWhereabouts,
        monthlyAlimonyDiram: d.monthlyAlimonyDiram,
      }),
      cpId,
    );
    await setCaseDetails(ctx, caseId, { filing: d.filing });
    // The consultations are dated so that the abandonment rule has something to decide (snapshots are
    // taken by saveConsultation from the client's record on that date).
    await saveConsultation(
      ctx,
      consultationInput.parse(
        d.venue === 'mobile_session'
          ? { clientId, venueKind: 'mobile_session', mobileSessionId: sessionId, lawyerName: 'Давлатова Сабоҳат', issues: d.issues, caseId }
          : { clientId, venueKind: 'contact_point', contactPointId: cpId, date: '2024-04-10', lawyerName: 'Давлатова Сабоҳат', issues: d.issues, caseId },
      ),
      cpId,
    );
    caseIds.push(caseId);
    clientIds.push(clientId);
  }
  await audit(ctx, 'seed.demo', 'database', null, { cases: caseIds.length });
  return { contactPointId: cpId, sessionId, caseIds, clientIds };
}

/** Seeds an unlocked database in one transaction. */
export async function seedDemo(db: UnlockedDatabase): Promise<SeedResult> {
  return (db.db as Db).transaction().execute((trx) => seedDemoInto({ trx, w: db.writer, user: db.user }));
}
