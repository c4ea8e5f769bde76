import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import divisions from '../../shared/reference/tajikistan-admin-divisions.json';

// The legal references of FILINGS.md as editable data: article numbers, fees and the courts
// of each district. confirmed = 1 only for facts FILINGS.md marks (v); every other entry is shown as
// "check against current law" in the filing wizard until an administrator confirms it.
// Every installation seeds the same rows, so ids are derived from the key and the stamp is the lowest
// possible: an administrator's later edit always wins the field-level merge, and the seed itself is not
// written to change_log (there is nothing to exchange: everyone has it).

interface Ref {
  key: string;
  tg: string;
  ru: string;
  en: string;
  value?: string;
  confirmed: 0 | 1;
  source: string;
}

const FC_TG = 'Кодекси оилаи Ҷумҳурии Тоҷикистон';
const FC_RU = 'Семейного кодекса Республики Таджикистан';
const FC_EN = 'of the Family Code of the Republic of Tajikistan';
const fc = (art: string, confirmed: 0 | 1, source: string): Ref => ({
  key: `family_art${art.replace(/\D+/g, '_').replace(/_$/, '')}`,
  tg: `моддаи ${art} ${FC_TG}`,
  ru: `ст. ${art} ${FC_RU}`,
  en: `art. ${art} ${FC_EN}`,
  confirmed,
  source,
});

const REFS: Ref[] = [
  fc('10', 1, 'FILINGS.md (v): only a registered marriage has legal force'),
  fc('49', 1, 'FILINGS.md (v): presumption of paternity'),
  fc('50', 1, 'FILINGS.md (v): establishing paternity in court'),
  fc('51', 0, 'FILINGS.md (?): acknowledgment of paternity after death'),
  fc('54', 1, 'FILINGS.md (v): equal rights of children'),
  fc('80', 1, "FILINGS.md (v): parents' duty to support minor children"),
  fc('81', 1, 'FILINGS.md (v): alimony as a share of earnings'),
  { ...fc('83(1)', 1, 'FILINGS.md (v): fixed sum, payer abroad or foreign-currency income'), key: 'family_art83_1' },
  { key: 'alimony_share_1', tg: 'чоряк (1/4)', ru: 'одной четверти (1/4)', en: 'one quarter (1/4)', value: '1/4', confirmed: 1, source: 'FILINGS.md (v): art. 81, one child' },
  { key: 'alimony_share_2', tg: 'сеяк (1/3)', ru: 'одной трети (1/3)', en: 'one third (1/3)', value: '1/3', confirmed: 0, source: 'FILINGS.md (?): art. 81, two children' },
  { key: 'alimony_share_3', tg: 'нисф (1/2)', ru: 'половины (1/2)', en: 'one half (1/2)', value: '1/2', confirmed: 0, source: 'FILINGS.md (?): art. 81, three or more children' },
  {
    key: 'family_arrears',
    tg: `${FC_TG} (ситонидани алимент барои давраи гузашта, то се сол)`,
    ru: `${FC_RU} (взыскание алиментов за прошлое время, до трёх лет)`,
    en: 'Family Code: recovery of alimony for past periods (up to three years)',
    confirmed: 0,
    source: 'FILINGS.md (?): article and period not confirmed',
  },
  {
    key: 'family_property_division',
    tg: `моддаҳои ${FC_TG} дар бораи тақсими молу мулки муштараки ҳамсарон`,
    ru: `статьи ${FC_RU} о разделе общего имущества супругов`,
    en: 'articles of the Family Code on dividing common property',
    confirmed: 0,
    source: 'FILINGS.md (?): article and limitation period not confirmed',
  },
  {
    key: 'family_divorce_court',
    tg: `моддаҳои ${FC_TG} дар бораи бекор кардани ақди никоҳ дар суд`,
    ru: `статьи ${FC_RU} о расторжении брака в судебном порядке`,
    en: 'articles of the Family Code on divorce in court',
    confirmed: 0,
    source: 'FILINGS.md (?): articles not confirmed',
  },
  {
    key: 'criminal_art177',
    tg: 'моддаи 177 Кодекси ҷиноятии Ҷумҳурии Тоҷикистон',
    ru: 'ст. 177 Уголовного кодекса Республики Таджикистан',
    en: 'art. 177 of the Criminal Code of the Republic of Tajikistan',
    confirmed: 1,
    source: 'FILINGS.md (v): malicious evasion of child support',
  },
  {
    key: 'civil_missing',
    tg: 'Кодекси граждании Ҷумҳурии Тоҷикистон аз 24.12.2022 № 1918 (бедарак ғоибшуда эътироф кардан пас аз як соли бехабарӣ)',
    ru: 'Гражданского кодекса Республики Таджикистан от 24.12.2022 № 1918 (признание безвестно отсутствующим после одного года без сведений)',
    en: 'Civil Code of 24.12.2022 No. 1918 (declared missing after one year without news)',
    confirmed: 0,
    source: 'FILINGS.md (?): one-year period not confirmed',
  },
  {
    key: 'civil_dead',
    tg: 'Кодекси граждании Ҷумҳурии Тоҷикистон аз 24.12.2022 № 1918 (вафот ёфта эълон намудан пас аз панҷ сол)',
    ru: 'Гражданского кодекса Республики Таджикистан от 24.12.2022 № 1918 (объявление умершим через пять лет)',
    en: 'Civil Code of 24.12.2022 No. 1918 (declared dead after five years)',
    confirmed: 0,
    source: 'FILINGS.md (?): five-year period not confirmed',
  },
  {
    key: 'civil_special_proceedings',
    tg: 'қоидаҳои пешбурди алоҳида',
    ru: 'правилам особого производства',
    en: 'the rules of special proceedings',
    confirmed: 1,
    source: 'FILINGS.md (v): these are special-proceedings matters',
  },
  {
    key: 'law_state_fee',
    tg: 'Қонуни Ҷумҳурии Тоҷикистон «Дар бораи боҷи давлатӣ» аз 28.02.2004 № 19',
    ru: 'Закону Республики Таджикистан «О государственной пошлине» от 28.02.2004 № 19',
    en: 'Law "On State Fee" of 28.02.2004 No. 19',
    confirmed: 1,
    source: 'FILINGS.md (v)',
  },
  { key: 'fee_divorce', tg: '1 050 сомонӣ', ru: '1 050 сомони', en: '1,050 somoni', value: '105000', confirmed: 1, source: 'FILINGS.md (v): after the 2025 increase' },
  {
    key: 'fee_alimony',
    tg: 'даъвогар аз пардохти боҷи давлатӣ озод аст',
    ru: 'истец освобождён от уплаты государственной пошлины',
    en: 'the claimant is exempt from the state fee',
    confirmed: 0,
    source: 'FILINGS.md (?): exemption for alimony claims not confirmed',
  },
  {
    key: 'fee_paternity',
    tg: 'даъвогар аз пардохти боҷи давлатӣ озод аст',
    ru: 'истец освобождён от уплаты государственной пошлины',
    en: 'the claimant is exempt from the state fee',
    confirmed: 0,
    source: 'FILINGS.md (?): exemption for paternity claims not confirmed',
  },
  {
    key: 'registry_father_entry',
    tg: 'Қонуни Ҷумҳурии Тоҷикистон «Дар бораи бақайдгирии давлатии санадҳои ҳолати шаҳрвандӣ»',
    ru: 'Закону Республики Таджикистан «О государственной регистрации актов гражданского состояния»',
    en: 'Law on civil registration',
    confirmed: 0,
    source: 'FILINGS.md: new law published January 2025; title and articles to check',
  },
  {
    key: 'registry_naming',
    tg: 'қоидаҳои миллии ному насабгузорӣ',
    ru: 'национальным правилам присвоения фамилий',
    en: 'the national naming rules',
    confirmed: 0,
    source: 'FILINGS.md: naming rules (-ӣ, -зод, -зода…; -ов/-ова banned since 2020), source to cite',
  },
  {
    key: 'constitution_art2',
    tg: 'моддаи 2 Конститутсияи Ҷумҳурии Тоҷикистон',
    ru: 'ст. 2 Конституции Республики Таджикистан',
    en: 'art. 2 of the Constitution',
    confirmed: 1,
    source: 'FILINGS.md (v): Tajik is the state language',
  },
];

interface Division {
  id: string;
  kind: string;
  name: { tg: string; ru: string; en: string };
}

/** "Ноҳияи Зафаробод" → "Суди ноҳияи Зафаробод"; "Зафарабадский район" → "суд Зафарабадского района". */
function courtOf(d: Division, city: string | null): Ref {
  const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
  let tg: string;
  let ru: string;
  if (d.kind === 'city') {
    tg = `Суди шаҳри ${d.name.tg}`;
    ru = `суд города ${d.name.ru}`;
  } else {
    tg = `Суди ${/^ноҳияи /i.test(d.name.tg) ? lowerFirst(d.name.tg) : `ноҳияи ${d.name.tg}`}`;
    const r = d.name.ru;
    if (/^район /i.test(r)) ru = `суд района ${r.replace(/^район /i, '')}`;
    else if (/(ский|цкий) район$/i.test(r)) ru = `суд ${r.replace(/ий район$/i, 'ого района')}`;
    else ru = `суд района ${r}`;
    if (city) {
      tg += `, шаҳри ${city}`;
      ru += ' города Душанбе';
    }
  }
  return {
    key: `court_${d.id.replace(/-/g, '_')}`,
    tg,
    ru,
    en: `${d.name.en} court`,
    confirmed: 0,
    source: 'Court name built from the district name (FILINGS.md pattern); check the exact name',
  };
}

export function seedId(key: string): string {
  const h = createHash('sha256').update(`legal_reference:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const SEED_HLC = '000000000000000-0000-0000000000000000';

export function legalReferenceSeed(): Ref[] {
  const courts = (divisions.regions as Array<{ divisions: Division[] }>).flatMap((r) =>
    r.divisions.map((d) => courtOf(d, d.kind === 'city-district' ? 'Душанбе' : null)),
  );
  return [...REFS, ...courts];
}

export async function up(db: Kysely<any>): Promise<void> {
  await insertSeededRefs(db, legalReferenceSeed());
}

/** Inserts seeded entries the same way on every installation (ids from the key, the lowest stamp). */
export async function insertSeededRefs(db: Kysely<any>, refs: ReadonlyArray<Omit<Ref, 'confirmed'> & { confirmed?: 0 | 1 }>): Promise<void> {
  const at = '2025-01-01T00:00:00.000Z';
  const rows = refs.map((r) => ({
    id: seedId(r.key),
    created_at: at,
    updated_at: at,
    hlc: SEED_HLC,
    deleted_at: null,
    key: r.key,
    text_tg: r.tg,
    text_ru: r.ru,
    text_en: r.en,
    value: r.value ?? '',
    confirmed: r.confirmed ?? 0,
    source: r.source,
  }));
  for (let i = 0; i < rows.length; i += 50) await db.insertInto('legal_references').values(rows.slice(i, i + 50)).execute();
}
