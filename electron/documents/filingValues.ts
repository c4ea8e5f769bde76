import type { FilingData } from '../../db/queries/filingData';
import type { FilingFieldState, FilingLang, FilingListState, FilingRefState, LegalRef, PropertyItem } from '../../shared/api/filingsTypes';
import { formatDate, parseDate } from '../../shared/domain/dates';
import { parseSomoni } from '../../shared/domain/money';
import { moneyToWords } from '../../shared/domain/moneyWords';
import { nameGenitive } from '../../shared/domain/nameCases';
import { filingsRu } from '../../shared/i18n/parts/filingsRu';
import { filingsTg } from '../../shared/i18n/parts/filingsTg';
import { findDistrict } from '../../shared/reference/regions';
import type { Condition, ManifestField, SourcePath, TemplateManifest } from '../../templates/manifests';

// Works out every value a filing needs from the case data, the wizard's answers and the legal
// references: what goes into each placeholder, which passages stay, which list rows are written, and
// what is still missing. Pure (no database), so the wizard, the CLI and the tests share it.

export interface ResolveInput {
  manifest: TemplateManifest;
  data: FilingData;
  lang: FilingLang;
  /** Answers from the wizard (over the ones kept with the case). */
  answers: Record<string, string>;
  /** Property items from the wizard; otherwise the ones kept with the case. */
  property?: PropertyItem[] | undefined;
  refs: Map<string, LegalRef>;
  /** ISO date of the filing. */
  today: string;
}

export interface Resolved {
  fields: FilingFieldState[];
  /** Placeholder → text, for plain placeholders (fields, derived forms, legal references). */
  values: Record<string, string>;
  tables: Record<'children' | 'property', Record<string, string>[]>;
  attachments: string[];
  lists: FilingListState[];
  passages: { name: string; label: TemplateManifest['passages'][number]['label']; active: boolean }[];
  missing: string[];
  usedRefs: FilingRefState[];
  /**
   * Placeholder → the note of the Word comment on its value, for values that rest on a legal
   * reference not yet confirmed (fillDocx.ts highlights them and adds the comment).
   */
  marks: Record<string, string>;
  /** The answers worth keeping with the case (normalised: ISO dates, diram as digits). */
  keptAnswers: Record<string, string>;
  keptProperty: PropertyItem[];
}

const REGISTERED_STATUSES = new Set(['registered', 'divorce_in_process', 'divorced', 'divorced_not_dissolved', 'widowed']);
const EMPTY = '—';

const CURRENCY: Record<FilingLang, string> = { tg: 'сомонӣ', ru: 'сомони' };

/** "1 500 сомонӣ", "1 250,50 сомони": figures as written in court papers. */
export function formatMoney(diram: number, lang: FilingLang): string {
  const whole = Math.trunc(diram / 100);
  const frac = Math.abs(diram % 100);
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${grouped}${frac ? `,${String(frac).padStart(2, '0')}` : ''} ${CURRENCY[lang]}`;
}

function storedFiling(data: FilingData): Record<string, unknown> {
  const f = data.case.details.filing;
  return f && typeof f === 'object' && !Array.isArray(f) ? (f as Record<string, unknown>) : {};
}

function storedAnswers(data: FilingData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(storedFiling(data))) if (typeof v === 'string') out[k] = v;
  return out;
}

function storedProperty(data: FilingData): PropertyItem[] {
  const list = storedFiling(data).property;
  if (!Array.isArray(list)) return [];
  return list
    .filter((x): x is Record<string, unknown> => !!x && typeof x === 'object')
    .map((x) => ({ item: String(x.item ?? ''), value: String(x.value ?? ''), acquiredOn: String(x.acquiredOn ?? '') }));
}

function districtName(id: string | null, lang: FilingLang): string {
  const name = id ? (findDistrict(id)?.district.name[lang] ?? '') : '';
  // Inside an address the district word is not capitalised: "…, ноҳияи Сино".
  return name.replace(/^Ноҳияи /, 'ноҳияи ');
}

function clientAddress(data: FilingData, lang: FilingLang): string {
  const c = data.client;
  const jamoat = c.jamoat ? (lang === 'tg' ? `ҷамоати ${c.jamoat}` : `джамоат ${c.jamoat}`) : '';
  const village = c.village ? (lang === 'tg' ? `деҳаи ${c.village}` : `с. ${c.village}`) : '';
  return [c.address, village, jamoat, districtName(c.residenceDistrictId, lang)].filter((s) => s.trim() !== '').join(', ');
}

export function fullName(p: { surname: string; givenName: string; patronymic: string }): string {
  return [p.surname, p.givenName, p.patronymic].filter((s) => s.trim() !== '').join(' ');
}

interface Ctx {
  input: ResolveInput;
  usedRefs: Map<string, FilingRefState>;
  /** The references the value being worked out used. */
  touched: LegalRef[];
  property: { rows: Record<string, string>[]; totalDiram: number; error: boolean; kept: PropertyItem[] };
}

const CHECK_LAW: Record<FilingLang, string> = { tg: filingsTg.checkLaw, ru: filingsRu.checkLaw };

/** "Сверить с действующим законодательством: ст. 51 СК РТ (source)": the comment on a value resting on unconfirmed references. */
export function checkLawNote(refs: readonly LegalRef[], lang: FilingLang): string {
  const what = refs.map((r) => `${lang === 'tg' ? r.textTg : r.textRu}${r.source ? ` (${r.source})` : ''}`).join('; ');
  const head = CHECK_LAW[lang];
  return `${head.charAt(0).toUpperCase()}${head.slice(1)}: ${what}`;
}

function useRef(ctx: Ctx, key: string): LegalRef | undefined {
  const ref = ctx.input.refs.get(key);
  if (ref) ctx.touched.push(ref);
  if (ref) ctx.usedRefs.set(key, { key, text: ctx.input.lang === 'tg' ? ref.textTg : ref.textRu, confirmed: ref.confirmed, source: ref.source });
  return ref;
}

/** The raw value of a case-data source: text, ISO date or diram; '' or null when the case has none. */
function sourceValue(ctx: Ctx, source: SourcePath): string | number | null {
  const { data, lang, today } = ctx.input;
  switch (source) {
    case 'client.fullName':
      return fullName(data.client);
    case 'client.birthDate':
      return data.client.birthDate;
    case 'client.address':
      return clientAddress(data, lang);
    case 'client.phone':
      return data.client.phones[0] ?? '';
    case 'client.idDoc':
      return data.client.idDocNumber;
    case 'respondent.name':
      return data.case.respondentName;
    case 'respondent.birthDate':
      return data.case.respondentBirthDate;
    case 'respondent.address':
      return data.case.respondentAddress;
    case 'respondent.whereabouts':
      return data.case.respondentWhereabouts;
    case 'court.name': {
      if (data.case.courtName.trim()) return data.case.courtName;
      const district = data.case.courtDistrictId ?? data.client.residenceDistrictId;
      const ref = district ? useRef(ctx, `court_${district.replace(/-/g, '_')}`) : undefined;
      return ref ? (lang === 'tg' ? ref.textTg : ref.textRu) : '';
    }
    case 'registry.name': {
      const district = data.client.residenceDistrictId ?? data.case.courtDistrictId;
      const ref = district ? useRef(ctx, `court_${district.replace(/-/g, '_')}`) : undefined;
      if (!ref) return '';
      // The civil registry office of the same district as the court: "Шуъбаи САҲШ-и ноҳияи …" / "отдел ЗАГС … района".
      return lang === 'tg' ? ref.textTg.replace(/^Суди /, 'Шуъбаи САҲШ-и ') : ref.textRu.replace(/^суд /, 'отдел ЗАГС ');
    }
    case 'case.number':
      return data.case.number;
    case 'case.monthlyAlimony':
      return data.case.monthlyAlimonyDiram;
    case 'household.departureDate':
      return data.household?.departureDate ?? null;
    case 'household.lastContactDate':
      return data.household?.lastContactDate ?? null;
    case 'household.lastRemittanceDate':
      return data.household?.lastRemittanceDate ?? null;
    case 'household.abroad':
      return [data.household?.country ?? '', data.household?.city ?? ''].filter(Boolean).join(', ');
    case 'alimony.share': {
      const n = data.children.length;
      if (n === 0) return '';
      const ref = useRef(ctx, `alimony_share_${Math.min(n, 3)}`);
      return ref ? (lang === 'tg' ? ref.textTg : ref.textRu) : '';
    }
    case 'property.total':
      return ctx.property.rows.length ? ctx.property.totalDiram : null;
    case 'lawyer.name':
      return data.responsibleName;
    case 'contactPoint.name':
      return data.contactPoint?.name ?? '';
    case 'today':
      return today;
  }
}

function facts(ctx: Ctx, raw: Map<string, string>): (name: string) => string {
  const { data } = ctx.input;
  return (name) => {
    if (name === 'marriage') return REGISTERED_STATUSES.has(data.household?.maritalStatus ?? '') ? 'registered' : 'not_registered';
    if (name === 'hasChildren') return data.children.length ? 'yes' : 'no';
    return raw.get(name) ?? '';
  };
}

function holds(c: Condition, fact: (name: string) => string): boolean {
  return c.in.includes(fact(c.fact));
}

function resolveProperty(items: PropertyItem[], lang: FilingLang): Ctx['property'] {
  const rows: Record<string, string>[] = [];
  const kept: PropertyItem[] = [];
  let total = 0;
  let error = false;
  for (const it of items) {
    if (!it.item.trim()) continue;
    const diram = parseSomoni(it.value);
    const date = it.acquiredOn ? parseDate(it.acquiredOn) : null;
    if (diram === null || Number.isNaN(diram) || (it.acquiredOn && !date)) error = true;
    const d = diram !== null && !Number.isNaN(diram) ? diram : 0;
    total += d;
    kept.push({ item: it.item.trim(), value: it.value.trim(), acquiredOn: date ?? '' });
    rows.push({ n: String(rows.length + 1), item: it.item.trim(), value: formatMoney(d, lang), acquired_on: date ? formatDate(date) : EMPTY });
  }
  return { rows, totalDiram: total, error, kept };
}

export function resolveFiling(input: ResolveInput): Resolved {
  const { manifest, data, lang } = input;
  const answers = { ...storedAnswers(data), ...input.answers };
  const ctx: Ctx = { input, usedRefs: new Map(), touched: [], property: resolveProperty(input.property ?? storedProperty(data), lang) };
  const values: Record<string, string> = {};
  const marks: Record<string, string> = {};
  const raw = new Map<string, string>();
  const keptAnswers: Record<string, string> = {};
  const fieldStates: FilingFieldState[] = [];
  const pending: Array<{ field: ManifestField; state: FilingFieldState }> = [];
  const respondentSex = data.client.sex === 'M' ? 'F' : 'M';

  for (const field of manifest.fields) {
    ctx.touched = [];
    const fromCase = field.source === 'ask' ? null : sourceValue(ctx, field.source);
    const caseHas = fromCase !== null && fromCase !== '';
    const unconfirmed = caseHas ? ctx.touched.filter((r) => !r.confirmed) : [];
    if (unconfirmed.length) marks[field.name] = checkLawNote(unconfirmed, lang);
    const answer = (answers[field.name] ?? '').trim();
    let error: string | null = null;
    let shown = '';
    let output = '';
    if (field.format === 'date') {
      const iso = caseHas ? String(fromCase) : answer ? parseDate(answer) : null;
      if (!caseHas && answer && !iso) error = 'invalidDate';
      if (iso) {
        shown = formatDate(iso);
        output = shown;
        if (!caseHas) keptAnswers[field.name] = iso;
      }
    } else if (field.format === 'money') {
      const diram = caseHas ? Number(fromCase) : answer ? parseSomoni(answer) : null;
      if (diram !== null && Number.isNaN(diram)) error = 'invalid';
      else if (diram !== null) {
        shown = formatMoney(diram, lang).replace(/ \S+$/, '');
        output = formatMoney(diram, lang);
        values[`${field.name}_words`] = moneyToWords(diram, lang);
        if (!caseHas) keptAnswers[field.name] = answer;
      }
    } else if (field.format === 'choice') {
      const v = caseHas ? String(fromCase) : answer;
      const choice = field.choices?.find((ch) => ch.value === v);
      if (v && !choice) error = 'invalid';
      if (choice) {
        shown = choice.value;
        output = choice.label[lang];
        if (!caseHas) keptAnswers[field.name] = choice.value;
      }
    } else {
      const v = caseHas ? String(fromCase) : answer;
      shown = v;
      output = v;
      if (!caseHas && v) keptAnswers[field.name] = v;
    }
    if (field.format === 'name') values[`${field.name}_gen`] = nameGenitive(output, field.name === 'client_name' ? data.client.sex : respondentSex, lang);
    raw.set(field.name, field.format === 'choice' ? shown : output);
    const state: FilingFieldState = {
      name: field.name,
      label: field.label,
      hint: field.hint ?? null,
      format: field.format,
      choices: field.choices ? [...field.choices] : [],
      source: field.source === 'ask' || !caseHas ? 'ask' : 'case',
      required: false,
      value: shown,
      output,
      error,
    };
    values[field.name] = output;
    fieldStates.push(state);
    pending.push({ field, state });
  }

  const fact = facts(ctx, raw);
  const missing: string[] = [];
  for (const { field, state } of pending) {
    state.required = typeof field.required === 'boolean' ? field.required : holds(field.required, fact);
    if (state.required && (state.output === '' || state.error)) missing.push(field.name);
    if (state.output === '') values[field.name] = EMPTY;
    if (field.format === 'money' && !values[`${field.name}_words`]) values[`${field.name}_words`] = EMPTY;
    if (field.format === 'name' && !values[`${field.name}_gen`]) values[`${field.name}_gen`] = EMPTY;
  }

  const children = data.children.map((ch, i) => ({
    n: String(i + 1),
    name: fullName(ch),
    birth_date: ch.birthDate ? formatDate(ch.birthDate) : EMPTY,
    certificate: ch.birthCertificate || EMPTY,
  }));
  const attachments = manifest.attachments.filter((a) => !a.when || holds(a.when, fact)).map((a, i) => `${i + 1}. ${a.text[lang]}`);

  const lists: FilingListState[] = manifest.lists.map((l) => {
    const lines =
      l.name === 'children'
        ? children.map((c) => `${c.n}. ${c.name}, ${c.birth_date}, ${c.certificate}`)
        : l.name === 'property'
          ? ctx.property.rows.map((r) => `${r.n}. ${r.item} — ${r.value}, ${r.acquired_on}`)
          : attachments;
    if (l.required && lines.length === 0) missing.push(l.name);
    if (l.name === 'property' && ctx.property.error) missing.push('property');
    return { name: l.name, label: l.label, required: l.required, count: lines.length, lines, items: l.name === 'property' ? ctx.property.kept : [] };
  });

  for (const key of manifest.legalRefs) {
    const ref = useRef(ctx, key);
    if (!ref) missing.push(`ref_${key}`);
    values[`ref_${key}`] = ref ? (lang === 'tg' ? ref.textTg : ref.textRu) : EMPTY;
    if (ref && !ref.confirmed) marks[`ref_${key}`] = checkLawNote([ref], lang);
  }

  return {
    fields: fieldStates,
    values,
    tables: { children, property: ctx.property.rows },
    attachments,
    lists,
    passages: manifest.passages.map((p) => ({ name: p.name, label: p.label, active: holds(p.when, fact) })),
    missing: [...new Set(missing)],
    usedRefs: [...ctx.usedRefs.values()],
    marks,
    keptAnswers,
    keptProperty: ctx.property.kept,
  };
}
