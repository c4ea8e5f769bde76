// The state fee of a filing, as the value of its legal reference (`fee_…` in legal_references) says it.
// Fees change with the law, so the rule is data an administrator edits, in one of three shapes:
//   ''                                   no amount: the reference's wording is the line (an exemption);
//   '105000'                             a fixed fee in diram (1 050 somoni);
//   '3% ≤ 375000; 2% ≤ 750000; 0.5%'     a share of the claim's value by bands: the first band whose
//                                        upper bound (diram) the value does not exceed sets the rate
//                                        for the whole value; the last band has no bound.
// ('<=' may stand for '≤', and a decimal comma for the point.) The amount is rounded to the diram.

export interface FeeBand {
  /** Hundredths of a per cent: 0.5 % is 50. */
  basisPoints: number;
  /** The largest claim value (diram) the band covers; null for the last band. */
  upTo: number | null;
}

export type FeeRule = { kind: 'wording' } | { kind: 'fixed'; diram: number } | { kind: 'share'; bands: FeeBand[] };

const BAND = /^(\d+(?:[.,]\d{1,2})?)\s*%(?:\s*(?:≤|<=)\s*(\d+))?$/u;

/** The rule a fee reference's value gives; null when the value is none of the three shapes. */
export function parseFeeRule(value: string): FeeRule | null {
  const v = value.trim();
  if (v === '') return { kind: 'wording' };
  if (/^\d+$/.test(v)) return { kind: 'fixed', diram: Number(v) };
  const bands: FeeBand[] = [];
  for (const part of v.split(';').map((p) => p.trim())) {
    const m = BAND.exec(part);
    if (!m) return null;
    const basisPoints = Math.round(Number(m[1]!.replace(',', '.')) * 100);
    const upTo = m[2] === undefined ? null : Number(m[2]);
    const previous = bands.at(-1);
    // Only the last band is open, and the bounds grow.
    if (previous && (previous.upTo === null || (upTo !== null && upTo <= previous.upTo))) return null;
    bands.push({ basisPoints, upTo });
  }
  return bands.at(-1)?.upTo === null ? { kind: 'share', bands } : null;
}

/**
 * The fee in diram: the fixed amount, or the claim value's share (null while the claim has no value);
 * null as well for a rule that has no amount (an exemption is worded, not counted).
 */
export function feeAmount(rule: FeeRule, claimDiram: number | null): number | null {
  if (rule.kind === 'fixed') return rule.diram;
  if (rule.kind === 'wording' || claimDiram === null) return null;
  const band = rule.bands.find((b) => b.upTo === null || claimDiram <= b.upTo)!;
  return Math.round((claimDiram * band.basisPoints) / 10_000);
}
