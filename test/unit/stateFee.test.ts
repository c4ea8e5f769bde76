import { describe, expect, it } from 'vitest';
import { feeSeed } from '../../db/migrations/0017_fees_and_registry_addresses';
import { feeAmount, parseFeeRule } from '../../shared/domain/stateFee';

// The state fee as a fee reference's value states it: a wording, a fixed amount or a share of the
// claim's value by bands, worked out to the diram.

describe('state fee rules', () => {
  it('reads the three shapes of a value, and nothing else', () => {
    expect(parseFeeRule('')).toEqual({ kind: 'wording' });
    expect(parseFeeRule(' 105000 ')).toEqual({ kind: 'fixed', diram: 105000 });
    expect(parseFeeRule('3% ≤ 375000; 2% <= 750000; 0,5%')).toEqual({
      kind: 'share',
      bands: [
        { basisPoints: 300, upTo: 375000 },
        { basisPoints: 200, upTo: 750000 },
        { basisPoints: 50, upTo: null },
      ],
    });
    // A typed amount in somoni with a comma, a band list without an open last band, bounds that do not grow.
    for (const slip of ['1 050', '1050,00', '3% ≤ 375000', '3% ≤ 750000; 2% ≤ 375000; 1%', '1%; 2%', 'три процента']) expect(parseFeeRule(slip), slip).toBeNull();
  });

  it('takes the rate of the band the whole value falls in, rounded to the diram', () => {
    const rule = parseFeeRule('3% ≤ 375000; 2% ≤ 750000; 1% ≤ 3750000; 0.5%')!;
    // 3 750 somoni is still in the first band: 3 % of it is 112,50 somoni.
    expect(feeAmount(rule, 375_000)).toBe(11_250);
    // One diram more: 2 % of 3 750,01 somoni is 75,0002, so 75 somoni.
    expect(feeAmount(rule, 375_001)).toBe(7_500);
    // 0.5 % of 153 750,25 somoni is 768,75125: 768,75 somoni.
    expect(feeAmount(rule, 15_375_025)).toBe(76_875);
    expect(feeAmount(rule, null)).toBeNull();
    expect(feeAmount({ kind: 'fixed', diram: 105000 }, null)).toBe(105000);
    expect(feeAmount({ kind: 'wording' }, 15_375_025)).toBeNull();
  });

  it('seeds a rule every new fee entry can be read by', () => {
    for (const f of feeSeed()) expect(parseFeeRule(f.value), f.key).not.toBeNull();
    expect(feeSeed().map((f) => f.key)).toEqual(['fee_property_division', 'fee_special_proceedings', 'fee_birth_registration']);
  });
});
