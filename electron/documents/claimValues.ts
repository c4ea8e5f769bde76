import type { FilingData } from '../../db/queries/filingData';
import type { FilingLang, LegalRef } from '../../shared/api/filingsTypes';
import type { Sex } from '../../shared/domain/enums';
import { agreeWithClaimant, grammarWords, legalRefDative } from '../../shared/domain/filingGrammar';
import { feeAmount, parseFeeRule } from '../../shared/domain/stateFee';
import type { TemplateManifest } from '../../templates/manifests';

// The values of a filing that are worked out from the others rather than read from the case: the
// words that agree with the data (shared/domain/filingGrammar.ts), the father's name in a paternity
// claim, the value of a property claim, the state-fee line and the legal references as the sentence
// around them needs them. filingValues.ts calls these once the fields are resolved.

/** Who the respondent is: the father in the filings about a child's father, otherwise the other spouse. */
export function respondentSexOf(manifest: Pick<TemplateManifest, 'id'>, clientSex: Sex): Sex {
  if (manifest.id === 'paternity-fact' || manifest.id === 'birth-registration') return 'M';
  return clientSex === 'M' ? 'F' : 'M';
}

/**
 * Facts the passages of the claims depend on (see the manifests): `claimantSex` (F/M), `present:<field>`
 * ('yes' when the field has a value: a header line is left out otherwise) and `support_claim` (the
 * support a divorce claim asks for: 'none' unless the children are to live with the claimant).
 * undefined for any other name.
 */
export function claimFact(name: string, data: FilingData, raw: ReadonlyMap<string, string>): string | undefined {
  if (name === 'claimantSex') return data.client.sex;
  if (name.startsWith('present:')) return (raw.get(name.slice('present:'.length)) ?? '').trim() ? 'yes' : 'no';
  if (name === 'support_claim') {
    if (!data.children.length || raw.get('children_residence') !== 'claimant') return 'none';
    return raw.get('children_support') || 'none';
  }
  return undefined;
}

export interface Money {
  /** "1 050 сомони" */
  figures: string;
  /** "одна тысяча пятьдесят сомони" */
  words: string;
}

/**
 * The text of a legal reference in a filing. A fee whose value is an amount or a rule
 * (shared/domain/stateFee.ts) is written in figures and words: the fixed amount, or the share of the
 * claim's value ('—' while the claim has none); a fee without one is its wording, an exemption that
 * agrees with the claimant («истец освобождена»). In Russian another reference reads after «согласно»
 * (dative). null when a fee's value is none of the rule's shapes (an administrator's slip).
 */
export function refValue(key: string, ref: LegalRef, lang: FilingLang, claimantSex: Sex, money: (diram: number) => Money, claimDiram: number | null = null): string | null {
  if (key.startsWith('fee_')) {
    const rule = parseFeeRule(ref.value);
    if (!rule) return null;
    if (rule.kind !== 'wording') {
      const diram = feeAmount(rule, claimDiram);
      if (diram === null) return '—';
      const m = money(diram);
      return `${m.figures} (${m.words})`;
    }
    return lang === 'tg' ? ref.textTg : agreeWithClaimant(ref.textRu, claimantSex);
  }
  return lang === 'tg' ? ref.textTg : legalRefDative(agreeWithClaimant(ref.textRu, claimantSex));
}

/** The share of earnings claimed for this many children (FILINGS.md, art. 81): its reference key. */
export function alimonyShareKey(children: number): string | null {
  return children > 0 ? `alimony_share_${Math.min(children, 3)}` : null;
}

/** "1/2" → [1, 2]; null for anything that is not a proper fraction. */
function fraction(s: string): [number, number] | null {
  const m = /^(\d+)\/(\d+)$/.exec(s.trim());
  if (!m) return null;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return a > 0 && b > 0 && a <= b ? [a, b] : null;
}

export interface ClaimInput {
  data: FilingData;
  lang: FilingLang;
  respondentSex: Sex;
  /** Placeholder values worked out so far (fields and their derived forms). */
  values: Readonly<Record<string, string>>;
  /** Field values as stored (choices by value). */
  raw: ReadonlyMap<string, string>;
  propertyTotalDiram: number;
  money: (diram: number) => Money;
}

export interface ClaimValues {
  values: Record<string, string>;
  /** The value of the claim (diram) a fee may be a share of; null when the claim has none. */
  claimDiram: number | null;
  /** Placeholder → the legal reference its value rests on (the share of earnings rests on art. 81's shares). */
  refOf: Record<string, string>;
}

export function claimValues(input: ClaimInput): ClaimValues {
  const { data, lang, values, raw } = input;
  const n = data.children.length;
  const out: Record<string, string> = {
    ...grammarWords(lang, { children: n, claimantSex: data.client.sex, respondentSex: input.respondentSex }),
  };
  // The father whose paternity a paternity claim asks to establish: the respondent, or the claimant himself.
  const fatherIsClient = data.client.sex === 'M';
  out.father_name = (fatherIsClient ? values.client_name : values.respondent_name) ?? '';
  out.father_name_gen = (fatherIsClient ? values.client_name_gen : values.respondent_name_gen) ?? '';
  // The value of a property claim: the claimed share of the total.
  const share = fraction(raw.get('claimed_share') ?? '');
  const claimDiram = share && input.propertyTotalDiram > 0 ? Math.round((input.propertyTotalDiram * share[0]) / share[1]) : null;
  if (claimDiram !== null) {
    const m = input.money(claimDiram);
    out.claim_value = m.figures;
    out.claim_value_words = m.words;
  } else {
    out.claim_value = '—';
    out.claim_value_words = '—';
  }
  const refOf: Record<string, string> = {};
  const shareKey = alimonyShareKey(n);
  if (shareKey && raw.has('share')) refOf.share = shareKey;
  return { values: out, claimDiram, refOf };
}
