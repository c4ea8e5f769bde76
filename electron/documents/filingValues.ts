import type { FilingData } from '../../db/queries/filingData';
import type { AttachmentType } from '../../shared/domain/enums';
import type { FilingFieldState, FilingLang, FilingLanguageIssue, FilingListState, FilingRefState, LegalRef, PropertyItem } from '../../shared/api/filingsTypes';
import { formatDate, parseDate } from '../../shared/domain/dates';
import { nameExemptions, otherLanguageWords } from '../../shared/domain/filingLanguage';
import { parseSomoni } from '../../shared/domain/money';
import { moneyToWords } from '../../shared/domain/moneyWords';
import { nameAccusative, nameGenitive } from '../../shared/domain/nameCases';
import { courtAddressRefKey, courtRefKey, registryAddressRefKey } from '../../shared/reference/courts';
import { MARITAL_STATUS_PHRASES, documentPhrase } from '../../shared/reference/phrases';
import { formatAddress } from '../../shared/reference/addresses';
import { abroadIn, placeTextIn } from '../../shared/reference/places';
import { filingsRu } from '../../shared/i18n/parts/filingsRu';
import { filingsTg } from '../../shared/i18n/parts/filingsTg';
import { findDistrict } from '../../shared/reference/regions';
import type { Condition, ManifestField, SourcePath, TemplateManifest } from '../../templates/manifests';
import { keptProperty, readKept, textAnswer, type KeptAnswers } from './filingAnswers';
import { claimFact, claimValues, refValue, respondentSexOf } from './claimValues';

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
  /** What stored paper proves each attachment line (null: none can, e.g. the state fee's receipt). */
  attachmentProofs: (AttachmentType | null)[];
  lists: FilingListState[];
  passages: { name: string; label: TemplateManifest['passages'][number]['label']; active: boolean }[];
  missing: string[];
  usedRefs: FilingRefState[];
  /**
   * Placeholder → the note of the Word comment on its value, for values that rest on a legal
   * reference not yet confirmed (fillDocx.ts highlights them and adds the comment).
   */
  marks: Record<string, string>;
  /** The language-neutral answers worth keeping with the case (normalised: ISO dates, diram as digits). */
  keptAnswers: Record<string, string>;
  /** The text answers written in this filing's language, kept in its part of the case's answers. */
  keptText: Record<string, string>;
  keptProperty: PropertyItem[];
  /** Placeholder → the legal reference its value rests on, for values that are not {{ref_…}} themselves. */
  refOf: Record<string, string>;
  /** Values not in the filing's language (names of people excepted). */
  languageIssues: FilingLanguageIssue[];
}

/** Case values of free text that a filing may word per language (the reference lists translate what they can). */
const TRANSLATABLE_SOURCES: ReadonlySet<SourcePath | 'ask'> = new Set(['client.address', 'respondent.address', 'respondent.whereabouts', 'court.name']);

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

function clientAddress(data: FilingData, lang: FilingLang): string {
  const c = data.client;
  return formatAddress({ address: c.address, village: c.village, jamoat: c.jamoat, districtId: c.residenceDistrictId }, lang, 'document');
}

export function fullName(p: { surname: string; givenName: string; patronymic: string }): string {
  return [p.surname, p.givenName, p.patronymic].filter((s) => s.trim() !== '').join(' ');
}

interface Ctx {
  input: ResolveInput;
  kept: KeptAnswers;
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

function courtDistrict(data: FilingData): string | null {
  return data.case.courtDistrictId ?? data.client.residenceDistrictId;
}

/** The civil registry that registers a birth: the one of the mother's district. */
function registryDistrict(data: FilingData): string | null {
  return data.client.residenceDistrictId ?? data.case.courtDistrictId;
}

/** The district whose court the typed name is, in either language ("Суди шаҳри Исфара", "суд города Исфара"). */
function courtTyped(ctx: Ctx, typed: string): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
  const want = norm(typed);
  for (const r of ctx.input.refs.values()) {
    if (!r.key.startsWith('court_') || r.key.startsWith('court_address_')) continue;
    if (norm(r.textTg) !== want && norm(r.textRu) !== want) continue;
    // Keys replace the district ids' hyphens by underscores; ids have no underscores.
    const id = r.key.slice('court_'.length).replace(/_/g, '-');
    if (findDistrict(id)) return id;
  }
  return undefined;
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
    case 'client.idDocument':
      return documentPhrase(data.client.idDocType, data.client.idDocNumber, lang);
    case 'respondent.name':
      return data.case.respondentName;
    case 'respondent.birthDate':
      return data.case.respondentBirthDate;
    case 'respondent.address':
      return placeTextIn(data.case.respondentAddress, lang);
    case 'respondent.whereabouts':
      return placeTextIn(data.case.respondentWhereabouts, lang);
    case 'court.name': {
      const typed = data.case.courtName.trim();
      // A typed name that is one of the courts of the reference list is printed in the filing's language.
      const known = typed ? courtTyped(ctx, typed) : undefined;
      if (typed && !known) return typed;
      const district = known ?? courtDistrict(data);
      const ref = district ? useRef(ctx, courtRefKey(district)) : undefined;
      return ref ? (lang === 'tg' ? ref.textTg : ref.textRu) : '';
    }
    case 'court.address': {
      const typed = data.case.courtName.trim();
      const district = typed ? courtTyped(ctx, typed) : courtDistrict(data);
      const ref = district ? useRef(ctx, courtAddressRefKey(district)) : undefined;
      return ref ? (lang === 'tg' ? ref.textTg : ref.textRu) : '';
    }
    case 'registry.name': {
      const district = registryDistrict(data);
      const ref = district ? useRef(ctx, courtRefKey(district)) : undefined;
      if (!ref) return '';
      // The civil registry office of the same district as the court: "Шуъбаи САҲШ-и ноҳияи …" / "отдел ЗАГС … района".
      return lang === 'tg' ? ref.textTg.replace(/^Суди /, 'Шуъбаи САҲШ-и ') : ref.textRu.replace(/^суд /, 'отдел ЗАГС ');
    }
    case 'registry.address': {
      const district = registryDistrict(data);
      const ref = district ? useRef(ctx, registryAddressRefKey(district)) : undefined;
      return ref ? (lang === 'tg' ? ref.textTg : ref.textRu) : '';
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
      return abroadIn(data.household?.country ?? '', data.household?.city ?? '', lang);
    case 'household.maritalStatus': {
      const status = data.household?.maritalStatus;
      return status && status in MARITAL_STATUS_PHRASES ? MARITAL_STATUS_PHRASES[status as keyof typeof MARITAL_STATUS_PHRASES][lang] : '';
    }
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
    const claim = claimFact(name, data, raw);
    if (claim !== undefined) return claim;
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
  const money = (diram: number) => ({ figures: formatMoney(diram, lang), words: moneyToWords(diram, lang) });
  const kept = readKept(data.case.details);
  const storedItems = input.property ? null : keptProperty(kept, lang);
  const ctx: Ctx = { input, kept, usedRefs: new Map(), touched: [], property: resolveProperty(input.property ?? storedItems?.items ?? [], lang) };
  const values: Record<string, string> = {};
  const marks: Record<string, string> = {};
  const raw = new Map<string, string>();
  const keptAnswers: Record<string, string> = {};
  const keptText: Record<string, string> = {};
  const issues: FilingLanguageIssue[] = [];
  const exempt = nameExemptions([
    fullName(data.client),
    data.case.respondentName,
    data.household?.migrantName ?? '',
    data.responsibleName,
    ...data.children.map(fullName),
  ]);
  const fieldStates: FilingFieldState[] = [];
  const pending: Array<{ field: ManifestField; state: FilingFieldState }> = [];
  const respondentSex = respondentSexOf(manifest, data.client.sex);

  for (const field of manifest.fields) {
    ctx.touched = [];
    const fromCase = field.source === 'ask' ? null : sourceValue(ctx, field.source);
    const caseHas = fromCase !== null && fromCase !== '';
    const isText = field.format === 'text' || field.format === 'multiline';
    const answer = (input.answers[field.name] ?? (isText ? '' : (kept.top[field.name] ?? ''))).trim();
    const unconfirmed = caseHas ? ctx.touched.filter((r) => !r.confirmed) : [];
    if (unconfirmed.length) marks[field.name] = checkLawNote(unconfirmed, lang);
    let error: string | null = null;
    let draft = false;
    let overridden = false;
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
    } else if (isText) {
      // Free text is kept per filing language; a case value of free text can be rewritten for one language.
      const typed = input.answers[field.name];
      const stored = typed !== undefined ? null : textAnswer(kept, lang, field.name);
      const translatable = field.source === 'ask' || TRANSLATABLE_SOURCES.has(field.source);
      let v: string;
      if (typed !== undefined && (translatable || !caseHas)) {
        v = typed.trim();
        overridden = caseHas;
        if (v) keptText[field.name] = v;
      } else if (stored && stored.value.trim() && (field.source === 'ask' || !caseHas || (translatable && stored.from === 'lang'))) {
        v = stored.value.trim();
        overridden = caseHas;
        draft = stored.from === 'other' || (stored.from === 'legacy' && otherLanguageWords(v, lang, exempt).length > 0);
        // An old single-language answer that fits this language becomes this language's answer when saved.
        if (stored.from === 'lang' || (stored.from === 'legacy' && !draft)) keptText[field.name] = v;
      } else {
        v = caseHas ? String(fromCase) : '';
        draft = translatable && otherLanguageWords(v, lang, exempt).length > 0;
      }
      shown = v;
      output = v;
    } else {
      const v = caseHas ? String(fromCase) : answer;
      shown = v;
      output = v;
      if (!caseHas && v) keptAnswers[field.name] = v;
    }
    if (field.format === 'name') {
      const sex = field.name === 'client_name' ? data.client.sex : respondentSex;
      values[`${field.name}_gen`] = nameGenitive(output, sex, lang);
      values[`${field.name}_acc`] = nameAccusative(output, sex, lang);
    }
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
      translatable: isText && (field.source === 'ask' || TRANSLATABLE_SOURCES.has(field.source)),
      overridden,
      draft,
    };
    if (isText && output) {
      const words = otherLanguageWords(output, lang, exempt);
      if (words.length || draft) issues.push({ field: field.name, words, draft });
    }
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
    if (field.format === 'name' && !values[`${field.name}_acc`]) values[`${field.name}_acc`] = EMPTY;
  }

  const children = data.children.map((ch, i) => ({
    n: String(i + 1),
    name: fullName(ch),
    birth_date: ch.birthDate ? formatDate(ch.birthDate) : EMPTY,
    certificate: ch.birthCertificate || EMPTY,
  }));
  const attachmentsDue = manifest.attachments.filter((a) => !a.when || holds(a.when, fact));
  const attachments = attachmentsDue.map((a, i) => `${i + 1}. ${(data.children.length === 1 && a.one ? a.one : a.text)[lang]}`);

  const propertyWords = otherLanguageWords(ctx.property.kept.map((it) => it.item).join('\n'), lang, exempt);
  const lists: FilingListState[] = manifest.lists.map((l) => {
    const lines =
      l.name === 'children'
        ? children.map((c) => `${c.n}. ${c.name}, ${c.birth_date}, ${c.certificate}`)
        : l.name === 'property'
          ? ctx.property.rows.map((r) => `${r.n}. ${r.item} — ${r.value}, ${r.acquired_on}`)
          : attachments;
    if (l.required && lines.length === 0) missing.push(l.name);
    if (l.name === 'property' && ctx.property.error) missing.push('property');
    const draft = l.name === 'property' && !!storedItems && (storedItems.from === 'other' || (storedItems.from === 'legacy' && !!propertyWords.length));
    return { name: l.name, label: l.label, required: l.required, count: lines.length, lines, items: l.name === 'property' ? ctx.property.kept : [], draft };
  });
  if (manifest.lists.some((l) => l.name === 'property')) {
    const draft = !!storedItems && storedItems.from === 'other';
    if (propertyWords.length || draft) issues.push({ field: 'property', words: propertyWords, draft });
  }

  const claim = claimValues({ data, lang, respondentSex, values, raw, propertyTotalDiram: ctx.property.totalDiram, money });
  for (const key of manifest.legalRefs) {
    const ref = useRef(ctx, key);
    // A reference that is not there, or a fee whose rule cannot be read, keeps the filing from being saved.
    const text = ref ? refValue(key, ref, lang, data.client.sex, money, claim.claimDiram) : null;
    if (text === null) missing.push(`ref_${key}`);
    values[`ref_${key}`] = text ?? EMPTY;
    if (ref && !ref.confirmed) marks[`ref_${key}`] = checkLawNote([ref], lang);
  }
  Object.assign(values, claim.values);
  // A worked-out value (the alimony share) is marked like the reference it rests on.
  for (const [placeholder, key] of Object.entries(claim.refOf)) {
    const ref = useRef(ctx, key);
    if (ref && !ref.confirmed) marks[placeholder] = checkLawNote([ref], lang);
  }

  return {
    fields: fieldStates,
    values,
    tables: { children, property: ctx.property.rows },
    attachments,
    attachmentProofs: attachmentsDue.map((a) => a.proof ?? null),
    lists,
    passages: manifest.passages.map((p) => ({ name: p.name, label: p.label, active: holds(p.when, fact) })),
    missing: [...new Set(missing)],
    usedRefs: [...ctx.usedRefs.values()],
    marks,
    keptAnswers,
    keptText,
    keptProperty: ctx.property.kept,
    refOf: claim.refOf,
    languageIssues: issues,
  };
}
