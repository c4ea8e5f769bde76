import type { FilingLang, PropertyItem } from '../../shared/api/filingsTypes';

// The wizard's answers kept with the case, in cases.details.filing:
//   { <answers that read the same in both languages: dates, sums, choices, names>,
//     tg: { <text written in Tajik>, property: [...] },
//     ru: { <text written in Russian>, property: [...] } }
// Cases saved before answers were kept per language have every answer at the top level, in whichever
// language the lawyer wrote it; those are still read (see `textAnswer`) and are replaced by the
// per-language ones the next time a filing is saved.

export const FILING_LANGS: readonly FilingLang[] = ['tg', 'ru'];

export function otherLang(lang: FilingLang): FilingLang {
  return lang === 'tg' ? 'ru' : 'tg';
}

interface LangPart {
  answers: Record<string, string>;
  property: PropertyItem[] | null;
}

export interface KeptAnswers {
  /** Top-level strings: the language-neutral answers, and the text answers of the old single-language shape. */
  top: Record<string, string>;
  /** The old single-language property list. */
  topProperty: PropertyItem[] | null;
  byLang: Record<FilingLang, LangPart>;
}

function asObject(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function strings(o: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o)) if (typeof v === 'string') out[k] = v;
  return out;
}

function propertyList(v: unknown): PropertyItem[] | null {
  if (!Array.isArray(v)) return null;
  return v
    .filter((x): x is Record<string, unknown> => !!x && typeof x === 'object')
    .map((x) => ({ item: String(x.item ?? ''), value: String(x.value ?? ''), acquiredOn: String(x.acquiredOn ?? '') }));
}

export function readKept(details: Record<string, unknown>): KeptAnswers {
  const f = asObject(details.filing);
  const part = (lang: FilingLang): LangPart => {
    const p = asObject(f[lang]);
    return { answers: strings(p), property: propertyList(p.property) };
  };
  return { top: strings(f), topProperty: propertyList(f.property), byLang: { tg: part('tg'), ru: part('ru') } };
}

/** A kept text answer in `lang`, and whether it is a draft written in the other language. */
export interface TextSource {
  value: string;
  /** Where it came from: this language, the old single-language answers, or the other language (a draft). */
  from: 'lang' | 'legacy' | 'other';
}

export function textAnswer(kept: KeptAnswers, lang: FilingLang, name: string): TextSource | null {
  const own = kept.byLang[lang].answers[name];
  if (own !== undefined) return { value: own, from: 'lang' };
  const legacy = kept.top[name];
  if (legacy !== undefined && legacy.trim() !== '') return { value: legacy, from: 'legacy' };
  const other = kept.byLang[otherLang(lang)].answers[name];
  if (other !== undefined && other.trim() !== '') return { value: other, from: 'other' };
  return null;
}

export function keptProperty(kept: KeptAnswers, lang: FilingLang): { items: PropertyItem[]; from: TextSource['from'] } | null {
  const own = kept.byLang[lang].property;
  if (own) return { items: own, from: 'lang' };
  if (kept.topProperty?.length) return { items: kept.topProperty, from: 'legacy' };
  const other = kept.byLang[otherLang(lang)].property;
  if (other?.length) return { items: other, from: 'other' };
  return null;
}

/**
 * The case's details with one filing's answers kept: the language-neutral ones at the top level, the
 * text in `lang`'s part. An old single-language answer this filing has now written in `lang` leaves the
 * top level (the other language still finds it, as a draft to translate, in this language's part).
 */
export function keepAnswers(
  details: Record<string, unknown>,
  lang: FilingLang,
  kept: { shared: Record<string, string>; text: Record<string, string>; property?: PropertyItem[] | undefined },
): Record<string, unknown> {
  const previous = asObject(details.filing);
  const top: Record<string, unknown> = { ...previous };
  for (const name of Object.keys(kept.text)) delete top[name];
  if (kept.property) delete top.property;
  const part = { ...asObject(previous[lang]), ...kept.text, ...(kept.property ? { property: kept.property } : {}) };
  return { ...details, filing: { ...top, ...kept.shared, [lang]: part } };
}
