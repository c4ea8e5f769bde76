import type { BreakdownDimension } from '../api/reportTypes';
import type { Language } from '../domain/enums';
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

/** The words for a breakdown cell's key (codes are stored, words are shown). */
export function keyLabel(text: ReportText, dim: LabelledDimension, key: string): string {
  const { t, language } = text;
  if (key === 'unknown') return t('reports.keys.unknown');
  switch (dim) {
    case 'ageBand':
      return key;
    case 'employment':
    case 'education':
    case 'residence':
    case 'issue':
      return key === 'none' ? t('reports.keys.none') : t(`enum.${dim}.${key}`);
    case 'socialAssistance':
    case 'abandoned':
      return t(`reports.keys.${key}`);
    case 'region':
      return REGIONS.find((r) => r.code === key)?.name[language] ?? key;
    case 'district':
    case 'homeDistrict':
      return findDistrict(key)?.district.name[language] ?? key;
    case 'venue':
      return t(`enum.venueKind.${key}`);
    case 'kind':
      return t(`enum.consultationKind.${key}`);
    case 'outcome':
      return t(`enum.caseOutcome.${key}`);
    default: {
      // A dimension added to the indicator engine is labelled by its enum's words (enum.<dimension>.<key>)
      // without a change here; a key without words is shown as it is stored.
      const path = `enum.${String(dim)}.${key}`;
      const words = t(path);
      return words === path ? key : words;
    }
  }
}
