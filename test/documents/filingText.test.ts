import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullName } from '../../electron/documents/filingValues';
import { generateFiling, type FilingRequest } from '../../electron/documents/filings';
import { legalRefMap } from '../../electron/services/legalRefs';
import type { SeedResult } from '../../electron/seed/demo';
import type { LegalRef, PropertyItem } from '../../shared/api/filingsTypes';
import { otherLanguageWords } from '../../shared/domain/filingLanguage';
import { courtAddressRefKey, courtRefKey, registryAddressRefKey } from '../../shared/reference/courts';
import { MANIFESTS } from '../../templates/manifests';
import { tempDir, type TestApp } from '../support/testApp';
import { fold, libreofficeConvert, pdfText, seededApp } from './support';

// Every filing as a court clerk reads it: the sixteen filings (eight types, Tajik and Russian) of the
// demo data, and a few of them again with the data changed (a man as the claimant, one child instead
// of two), all converted by LibreOffice in one run and read back with pdftotext. The Russian filings
// get the answers a lawyer types in Russian (the wizard asks free text in the filing's language).

const TAJIK_ONLY = /[ҷҳқғӣӯ]/i;

/** The wizard's answers in Russian, per filing type. */
const RU_ANSWERS: Record<string, Record<string, string>> = {
  'alimony-share': { marriage_cert: '№ 0456789, 14.09.2013, ЗАГС г. Худжанда' },
  'alimony-fixed-sum': {
    paternity_basis: 'решение суда района Рудаки от 12.05.2021 № 2-345/21',
    income_abroad: 'Работает на стройке, зарплата около 60 000 рублей в месяц, в российских рублях.',
    children_needs: 'Питание, одежда, лекарства и детский сад — около 1 500 сомони в месяц.',
  },
  paternity: {
    relationship: 'С 2019 по 2022 год мы жили вместе и вели общее хозяйство.',
    evidence: 'Денежные переводы на моё имя (2022), переписка в телефоне, показания соседей.',
  },
  'paternity-fact': {
    acknowledgment: 'Называл ребёнка своим, содержал его, есть семейные фотографии.',
    interested_persons: 'Кадырова Мавлуда (мать умершего), г. Исфара',
    purpose: 'получения пенсии по потере кормильца и наследства',
  },
  'missing-person': {
    search_efforts: 'Заявление в ОВД г. Куляба (2022), запросы в Миграционную службу и в Посольство РТ в Москве, опрос родственников.',
    purpose: 'назначения детям пенсии по потере кормильца',
  },
  'property-division': { marriage_cert: '№ 0123987, 20.06.2008, ЗАГС района Сино', requested_share: 'мебель и автомобиль Opel Astra.' },
  divorce: {
    marriage_cert: '№ 0345612, 05.10.2012, ЗАГС района Гиссар',
    reason: 'В 2020 году ответчик уехал за рубеж, создал там другую семью и не участвует в содержании семьи.',
  },
  'birth-registration': { birth_document: 'справка роддома г. Пенджикента № 1187 от 02.06.2023', court_decision: 'суд города Пенджикента, 15.01.2024, № 2-77/24' },
};
const RU_PROPERTY: PropertyItem[] = [
  { item: 'Двухкомнатная квартира, г. Душанбе, ул. Бухоро 21-5', value: '250000', acquiredOn: '2012-03-01' },
  { item: 'Автомобиль Opel Astra, 2009 г.', value: '45000', acquiredOn: '2016-07-15' },
  { item: 'Мебель', value: '12500,50', acquiredOn: '2014-11-20' },
];

interface Made {
  label: string;
  lang: 'tg' | 'ru';
  docx: string;
  children: number;
  /** The district whose court (or civil registry) the filing is addressed to, as the case has it. */
  districtId: string | null;
  /** Words the client gave as proper names: people and the numbers of their documents. */
  givenWords: Set<string>;
  /** The paragraph before the date: the last attachment. */
  lastParagraph: string;
}

let t: TestApp;
let seed: SeedResult;
let dir: string;
let refs: Map<string, LegalRef>;
const made: Made[] = [];
const texts = new Map<string, string>();
const pages = new Map<string, string[]>();

function words(s: string): string[] {
  return s.split(/[^\p{L}\p{N}-]+/u).filter(Boolean);
}

async function make(label: string, req: FilingRequest): Promise<void> {
  const db = t.app.requireUnlocked().db;
  const answers = req.language === 'ru' ? { ...RU_ANSWERS[req.templateId], ...req.answers } : req.answers;
  const property = req.property ?? (req.language === 'ru' && req.templateId === 'property-division' ? RU_PROPERTY : undefined);
  // Written even when the wizard's check would refuse it: this test reads what the page says, letter by letter.
  const g = await generateFiling(db, { ...req, answers, property, today: '2024-04-10', allowMixed: true });
  const docx = join(dir, `${label}.docx`);
  writeFileSync(docx, g.content);
  const { data, resolved } = g.worked;
  // Addresses, whereabouts, courts and every answer are not among them: they are written in the
  // filing's language (Russian spells the Tajik letters of a street or village name its own way).
  const given = [
    fullName(data.client),
    data.case.respondentName,
    // …and the same names declined («Мирзоева Ҷамшеда»).
    ...['client_name', 'respondent_name'].flatMap((n) => [resolved.values[`${n}_gen`] ?? '', resolved.values[`${n}_acc`] ?? '']),
    ...data.children.flatMap((c) => [fullName(c), c.birthCertificate]),
    data.client.idDocNumber,
  ];
  made.push({
    label,
    lang: req.language,
    docx,
    children: data.children.length,
    districtId: req.templateId === 'birth-registration' ? data.client.residenceDistrictId : data.case.courtDistrictId,
    givenWords: new Set(given.flatMap(words)),
    lastParagraph: resolved.attachments.at(-1) ?? '',
  });
}

beforeAll(async () => {
  ({ t, seed } = await seededApp());
  dir = tempDir('lad-filing-text-');
  const db = t.app.requireUnlocked().db;
  refs = await legalRefMap(db);
  const cases = await db.selectFrom('cases').select(['id', 'case_type', 'client_id']).where('id', 'in', seed.caseIds).execute();
  const caseOf = (templateId: string) => cases.find((c) => c.case_type === MANIFESTS.find((m) => m.id === templateId)!.caseTypes[0])!;
  for (const m of MANIFESTS) for (const lang of m.languages) await make(`${m.id}.${lang}`, { caseId: caseOf(m.id).id, templateId: m.id, language: lang });
  // A smaller property claim falls in another band of the fee's rule.
  const fridge: PropertyItem[] = [{ item: 'Холодильник Samsung', value: '6000', acquiredOn: '2019-05-04' }];
  await make('small-claim.property-division.ru', { caseId: caseOf('property-division').id, templateId: 'property-division', language: 'ru', property: fridge });

  // The same filings with the data changed. The daughter of the alimony-share client moves to the
  // paternity client: one child in the first, two in the second.
  const share = caseOf('alimony-share');
  const pat = caseOf('paternity');
  await db.updateTable('children').set({ client_id: pat.client_id }).where('client_id', '=', share.client_id).where('given_name', '=', 'Зарина').execute();
  for (const lang of ['tg', 'ru'] as const) {
    await make(`one-child.alimony-share.${lang}`, { caseId: share.id, templateId: 'alimony-share', language: lang });
    await make(`two-children.paternity.${lang}`, { caseId: pat.id, templateId: 'paternity', language: lang });
  }
  // A father claims paternity of his son; a husband asks to declare his wife missing; a man files for
  // divorce against a woman whose birth date and passport the case has.
  const setClient = async (clientId: string, surname: string, givenName: string, patronymic: string) =>
    db.updateTable('clients').set({ sex: 'M', surname, given_name: givenName, patronymic }).where('id', '=', clientId).execute();
  await setClient(pat.client_id, 'Мирзоев', 'Ҷамшед', 'Олимович');
  await db.updateTable('cases').set({ respondent_name: 'Саидова Фарзона Каримовна' }).where('id', '=', pat.id).execute();
  const missing = caseOf('missing-person');
  await setClient(missing.client_id, 'Бобоев', 'Фирӯз', 'Назарович');
  await db.updateTable('cases').set({ respondent_name: 'Бобоева Шаҳло Ғафуровна' }).where('id', '=', missing.id).execute();
  const divorce = caseOf('divorce');
  await setClient(divorce.client_id, 'Холов', 'Некрӯз', 'Саттарович');
  await db.updateTable('cases').set({ respondent_name: 'Холова Зулфия Аминовна', respondent_birth_date: '1993-02-02' }).where('id', '=', divorce.id).execute();
  for (const lang of ['tg', 'ru'] as const) {
    await make(`man.paternity.${lang}`, { caseId: pat.id, templateId: 'paternity', language: lang });
    await make(`man.missing-person.${lang}`, { caseId: missing.id, templateId: 'missing-person', language: lang });
    await make(`man.divorce.${lang}`, { caseId: divorce.id, templateId: 'divorce', language: lang, answers: { respondent_id_doc: 'A07890123' } });
  }

  const pdfs = libreofficeConvert(
    made.map((m) => m.docx),
    'pdf',
    join(dir, 'pdf'),
  );
  made.forEach((m, i) => {
    const raw = pdfText(pdfs[i]!);
    texts.set(m.label, fold(raw));
    pages.set(
      m.label,
      raw.split('\f').filter((p) => p.trim()).map(fold),
    );
  });
}, 300_000);

afterAll(async () => {
  await t?.cleanup();
});

const text = (label: string) => {
  const s = texts.get(label);
  if (s === undefined) throw new Error(`no filing ${label}`);
  return s;
};

describe('filings read as a court clerk reads them', () => {
  it('makes all sixteen filings and the variants', () => {
    expect(made.filter((m) => /^[a-z-]+\.(tg|ru)$/.test(m.label))).toHaveLength(16);
    for (const m of made) expect(text(m.label).length, m.label).toBeGreaterThan(500);
  });

  it('has no Tajik-only letter in a Russian filing but in the proper names the client gave', () => {
    for (const m of made.filter((x) => x.lang === 'ru')) {
      const foreign = words(text(m.label)).filter((w) => TAJIK_ONLY.test(w) && !m.givenWords.has(w));
      expect(foreign, m.label).toEqual([]);
    }
  });

  it("addresses every filing to the court (or the civil registry) by name and address in the filing's language", () => {
    const base = made.filter((m) => /^[a-z-]+\.(tg|ru)$/.test(m.label));
    expect(base).toHaveLength(16);
    for (const m of base) {
      const other = m.lang === 'tg' ? 'ru' : 'tg';
      const id = m.districtId!;
      const court = refs.get(courtRefKey(id))!;
      // A birth is registered by the civil registry office of the district whose court the reference names.
      const registry = m.label.startsWith('birth-registration');
      const name = registry ? { tg: court.textTg.replace(/^Суди /, 'Шуъбаи САҲШ-и '), ru: court.textRu.replace(/^суд /, 'отдел ЗАГС ') } : { tg: court.textTg, ru: court.textRu };
      const place = refs.get(registry ? registryAddressRefKey(id) : courtAddressRefKey(id))!;
      const address = { tg: place.textTg, ru: place.textRu };
      const head = text(m.label);
      // The first line of the header, and the address under it.
      expect(head.startsWith(`${m.lang === 'tg' ? 'Ба' : 'В'} ${name[m.lang]} ${address[m.lang]} `), `${m.label}: ${head.slice(0, 120)}`).toBe(true);
      expect(otherLanguageWords(`${name[m.lang]} ${address[m.lang]}`, m.lang), m.label).toEqual([]);
      expect(head, m.label).not.toContain(name[other]);
      if (address[other] !== address[m.lang]) expect(head, m.label).not.toContain(address[other]);
    }
  });

  it('writes one child in the singular and two in the plural, in both languages', () => {
    // Forms that must not appear with one child (plural), and with two (singular).
    const PLURAL_RU = [/несовершеннолетние дети/, /указанных детей/, /совершеннолетия детей/, /родились/, /Копии свидетельств о рождении детей/, /которые проживают/];
    const SINGULAR_RU = [/несовершеннолетний ребёнок/, /указанного ребёнка/, /совершеннолетия ребёнка/, /родился ребёнок/, /Копия свидетельства о рождении ребёнка/, /который проживает/];
    const PLURAL_TG = [/кӯдакони (ноболиғи )?зерин/, /кӯдак\(он\)/, /шаҳодатномаҳои таваллуди кӯдакон/, /балоғат расидани кӯдакон/, /таваллуд шудаанд/, /зиндагӣ мекунанд/];
    const SINGULAR_TG = [/кӯдаки (ноболиғи )?зерин/, /шаҳодатномаи таваллуди кӯдак(?!он)/, /балоғат расидани кӯдак(?!он)/, /таваллуд шудааст:/, /зиндагӣ мекунад(?!анд)/];
    for (const m of made.filter((x) => x.children > 0)) {
      const forbidden = m.children === 1 ? (m.lang === 'ru' ? PLURAL_RU : PLURAL_TG) : m.lang === 'ru' ? SINGULAR_RU : SINGULAR_TG;
      for (const re of forbidden) expect(text(m.label), `${m.label} (${m.children} children)`).not.toMatch(re);
    }
    // The same template with one child and with two.
    expect(text('one-child.alimony-share.ru')).toContain('У нас есть несовершеннолетний ребёнок, который проживает со мной и находится на моём иждивении');
    expect(text('alimony-share.ru')).toContain('У нас есть несовершеннолетние дети, которые проживают со мной и находятся на моём иждивении');
    expect(text('one-child.alimony-share.ru')).toContain('о взыскании алиментов на содержание несовершеннолетнего ребёнка');
    expect(text('one-child.alimony-share.tg')).toContain('Мо кӯдаки ноболиғи зерин дорем, ки бо ман зиндагӣ мекунад ва дар таъминоти ман мебошад');
    expect(text('alimony-share.tg')).toContain('Мо кӯдакони ноболиғи зерин дорем, ки бо ман зиндагӣ мекунанд ва дар таъминоти ман мебошанд');
    expect(text('paternity.ru')).toContain('У нас с ответчиком родился ребёнок');
    expect(text('two-children.paternity.ru')).toContain('У нас с ответчиком родились дети');
    expect(text('paternity.tg')).toContain('Аз муносибати мо кӯдаки зерин таваллуд шудааст');
    expect(text('two-children.paternity.tg')).toContain('Аз муносибати мо кӯдакони зерин таваллуд шудаанд');
  });

  it('lets the sex of the claimant and the respondent choose the words', () => {
    expect(text('missing-person.ru')).toContain('Мой муж Бобоев Фирӯз Назарович проживал по адресу');
    expect(text('missing-person.ru')).toContain('Признать Бобоева Фирӯза Назаровича безвестно отсутствующим.');
    expect(text('missing-person.tg')).toContain('Шавҳари ман Бобоев Фирӯз Назарович');
    expect(text('man.missing-person.ru')).toContain('Отсутствующая: Бобоева Шаҳло Ғафуровна');
    expect(text('man.missing-person.ru')).toContain('Моя жена Бобоева Шаҳло Ғафуровна проживала по адресу');
    expect(text('man.missing-person.ru')).toMatch(/она выехала на заработки за рубеж\. Последние сведения о ней получены/);
    expect(text('man.missing-person.ru')).toContain('Признать Бобоеву Шаҳло Ғафуровну безвестно отсутствующей.');
    expect(text('man.missing-person.tg')).toContain('Зани ман Бобоева Шаҳло Ғафуровна');
    expect(text('paternity-fact.ru')).toContain('В зарегистрированном браке с ним я не состояла.');
    // The claimant is exempt from the fee: «истец освобождена» for a woman, «освобождён» for a man.
    expect(text('alimony-share.ru')).toContain('истец освобождена от уплаты государственной пошлины');
    expect(text('man.paternity.ru')).toContain('истец освобождён от уплаты государственной пошлины');
    expect(text('paternity.ru')).toContain('Отцовство ответчика подтверждают следующие доказательства');
    expect(text('man.paternity.ru')).toContain('Моё отцовство подтверждают следующие доказательства');
    expect(text('man.paternity.ru')).toContain('она обязана уплачивать алименты');
    expect(text('man.paternity.ru')).toContain('Установить отцовство Мирзоева Ҷамшеда Олимовича в отношении указанных детей');
    expect(text('man.paternity.ru')).toContain('Взыскать с Саидовой Фарзоны Каримовны в мою пользу алименты');
    expect(text('man.paternity.tg')).toContain('Падарии ман бо далелҳои зерин тасдиқ мешавад');
    expect(text('man.divorce.ru')).toContain('Взыскать с Холовой Зулфии Аминовны в мою пользу алименты');
  });

  it('cites the law in the case the sentence needs («Согласно Гражданскому кодексу»)', () => {
    expect(text('missing-person.ru')).toContain('Согласно Гражданскому кодексу Республики Таджикистан');
    expect(text('property-division.ru')).toContain('Согласно статьям Семейного кодекса Республики Таджикистан о разделе общего имущества супругов');
    for (const m of made.filter((x) => x.lang === 'ru')) expect(text(m.label), m.label).not.toMatch(/[Сс]огласно (\p{L}+ого кодекса|статьи|Закона|правил )/u);
  });

  it('asks for what a court expects in each claim', () => {
    // Paternity with alimony: the share by the number of children.
    expect(text('paternity.ru')).toContain('Взыскать с Мирзоева Ҷамшеда Олимовича в мою пользу алименты на содержание несовершеннолетнего ребёнка в размере одной четверти (1/4)');
    expect(text('two-children.paternity.ru')).toContain('в размере одной трети (1/3) всех видов заработка');
    expect(text('paternity.tg')).toContain('алимент ба андозаи чоряк (1/4) ҳиссаи');
    // Divorce: where the child lives, and support.
    expect(text('divorce.ru')).toContain('После прекращения совместной жизни ребёнок проживает со мной.');
    expect(text('divorce.ru')).toContain('Определить место жительства несовершеннолетнего ребёнка с истцом.');
    expect(text('divorce.ru')).toContain('Взыскать с Холова Некрӯза Саттаровича в мою пользу алименты на содержание несовершеннолетнего ребёнка в размере одной четверти (1/4)');
    expect(text('divorce.tg')).toContain('Ҷойи зисти кӯдаки ноболиғ бо ман муайян карда шавад.');
    expect(text('divorce.tg')).toContain('алимент ба андозаи чоряк (1/4) ҳиссаи');
    // Property division: the Family Code on joint property, the items, the share and the claim's value.
    expect(text('property-division.ru')).toContain('имущество, нажитое супругами во время брака, является их совместной собственностью');
    expect(text('property-division.ru')).toContain('Цена иска: 153 750,25 сомони');
    expect(text('property-division.ru')).toContain('право на долю в размере 1/2, что составляет 153 750,25 сомони (сто пятьдесят три тысячи семьсот пятьдесят сомони 25 дирамов)');
    expect(text('property-division.ru')).toContain('Двухкомнатная квартира');
    expect(text('property-division.tg')).toContain('Нархи даъво: 153 750,25 сомонӣ');
    expect(text('property-division.tg')).toContain('Тибқи моддаҳои Кодекси оилаи Ҷумҳурии Тоҷикистон дар бораи тақсими молу мулки муштараки ҳамсарон');
    // Missing person: the Civil Code.
    expect(text('missing-person.ru')).toContain('Согласно Гражданскому кодексу Республики Таджикистан от 24.12.2022 № 1918');
    expect(text('missing-person.tg')).toContain('Тибқи Кодекси граждании Ҷумҳурии Тоҷикистон аз 24.12.2022 № 1918');
    // The state fee: an amount from the reference data, or the exemption citing the law. A property
    // claim pays a share of its value by bands (0.5 % above 37 500 somoni, 3 % up to 3 750): its value
    // here is half of 307 500,50, 153 750,25 somoni, and 0.5 % of it 768,75125, so 768,75 somoni; the
    // half of a 6 000-somoni fridge, 3 000 somoni, pays 3 %, 90 somoni.
    expect(text('property-division.ru')).toContain(
      'Государственная пошлина исходя из цены иска в размере 768,75 сомони (семьсот шестьдесят восемь сомони 75 дирамов) уплачена согласно Закону Республики Таджикистан «О государственной пошлине»',
    );
    expect(text('property-division.tg')).toMatch(/Боҷи давлатӣ аз рӯи нархи даъво ба андозаи 768,75 сомонӣ \([^)]+\) тибқи Қонуни Ҷумҳурии Тоҷикистон «Дар бораи боҷи давлатӣ»/);
    expect(text('small-claim.property-division.ru')).toContain('Цена иска: 3 000 сомони');
    expect(text('small-claim.property-division.ru')).toContain('Государственная пошлина исходя из цены иска в размере 90 сомони (девяносто сомони) уплачена');
    // Special proceedings pay a fixed fee; a birth is registered free of charge.
    for (const label of ['missing-person.ru', 'paternity-fact.ru']) expect(text(label), label).toMatch(/Государственная пошлина в размере 7,50 сомони \(семь сомони 50 дирамов\) уплачена согласно Закону/);
    expect(text('missing-person.tg')).toMatch(/Боҷи давлатӣ ба андозаи 7,50 сомонӣ \([^)]+\) тибқи Қонуни/);
    expect(text('birth-registration.ru')).toContain('Согласно Закону Республики Таджикистан «О государственной пошлине» от 28.02.2004 № 19 за государственную регистрацию рождения государственная пошлина не взимается.');
    expect(text('birth-registration.tg')).toContain('барои бақайдгирии давлатии таваллуд боҷи давлатӣ ситонида намешавад.');
    // Every filing has its state-fee line.
    for (const m of made) expect(text(m.label), m.label).toMatch(m.lang === 'tg' ? /боҷи давлатӣ/i : /государственн(ая|ой) пошлин/i);
    expect(text('divorce.ru')).toContain('Государственная пошлина в размере 1 050 сомони (одна тысяча пятьдесят сомони) уплачена согласно Закону Республики Таджикистан «О государственной пошлине»');
    expect(text('divorce.tg')).toMatch(/Боҷи давлатӣ ба андозаи 1 050 сомонӣ \([^)]+\) тибқи Қонуни Ҷумҳурии Тоҷикистон «Дар бораи боҷи давлатӣ»/);
    expect(text('alimony-fixed-sum.tg')).toContain('Тибқи Қонуни Ҷумҳурии Тоҷикистон «Дар бораи боҷи давлатӣ» аз 28.02.2004 № 19 даъвогар аз пардохти боҷи давлатӣ озод аст.');
  });

  it("names each party's birth date and identity document where the case has them, and leaves the line out otherwise", () => {
    expect(text('alimony-share.ru')).toContain('Истец: Раҳимова Малика Саидовна дата рождения: 12.04.1992 документ, удостоверяющий личность: A01234567');
    expect(text('alimony-share.tg')).toContain('Даъвогар: Раҳимова Малика Саидовна санаи таваллуд: 12.04.1992 ҳуҷҷати тасдиқкунандаи шахсият: A01234567');
    expect(text('alimony-share.ru')).toMatch(/Ответчик: Каримов Рустам Саидович последний известный адрес/);
    expect(text('man.divorce.ru')).toContain('Ответчик: Холова Зулфия Аминовна дата рождения: 02.02.1993 документ, удостоверяющий личность: A07890123');
    expect(text('man.divorce.tg')).toContain('Ҷавобгар: Холова Зулфия Аминовна санаи таваллуд: 02.02.1993 ҳуҷҷати тасдиқкунандаи шахсият: A07890123');
    for (const m of made) expect(text(m.label), m.label).not.toMatch(/: —/);
  });

  it('keeps the date and the signature on the page of the last paragraph', () => {
    for (const m of made) {
      const ps = pages.get(m.label)!;
      const signed = ps.findIndex((p) => p.includes('____________'));
      const dated = ps.findIndex((p) => /(Дата|Сана): \d\d\.\d\d\.\d{4}/.test(p));
      expect(signed, m.label).toBe(dated);
      expect(ps[dated], m.label).toContain(fold(m.lastParagraph));
    }
  });
});
