import type { BreakdownDimension } from '../api/reportTypes';
import type { Language } from '../domain/enums';
import { keyLabelOf } from '../domain/indicatorDimensions';
import { translate } from '../i18n';
import { findDistrict, REGIONS } from '../reference/regions';

// The words of the indicator report in one language: the screen passes i18next's `t`, the exports the
// catalogs' `translate`; both read the same catalogs, so a label is worked out here once for all.

export type Translate = (key: string, params?: Record<string, string | number>) => string;

export interface ReportText {
  language: Language;
  t: Translate;
}

export function reportText(language: Language): ReportText {
  return { language, t: (key, params) => translate(language, key, params) };
}

/** A dimension the report may be broken down by, or the outcome of a closed case. */
export type LabelledDimension = BreakdownDimension | 'outcome';

/** The words for a breakdown cell's key (codes are stored, words are shown; the declaration says how). */
export function keyLabel(text: ReportText, dim: LabelledDimension, key: string): string {
  const { t, language } = text;
  if (dim === 'outcome') return key === 'unknown' ? t('reports.keys.unknown') : t(`enum.caseOutcome.${key}`);
  const label = keyLabelOf(dim, key);
  // A key without words in the catalogs (a code from a newer installation) is shown as it is stored.
  if ('i18n' in label) {
    const words = t(label.i18n);
    return words === label.i18n ? key : words;
  }
  if (label.place === 'region') return REGIONS.find((r) => r.code === key)?.name[language] ?? key;
  return findDistrict(key)?.district.name[language] ?? key;
}
