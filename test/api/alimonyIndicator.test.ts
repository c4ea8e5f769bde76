import { afterEach, describe, expect, it } from 'vitest';
import { clientInput, ownContactPoint } from '../support/caseFixtures';
import { createTestApp, type TestApp } from '../support/testApp';

let t: TestApp;
afterEach(async () => t?.cleanup());

// Indicator 2.2.1.b: alimony cases closed in the period, by outcome. Worked out by hand below.
describe('indicator 2.2.1.b (child support cases resolved)', () => {
  it('counts alimony cases closed in the period by outcome, and only those', async () => {
    t = await createTestApp();
    await ownContactPoint(t);
    const clientId = (await t.call('clients:save', clientInput())).client.id;
    async function closedCase(caseType: 'alimony_share' | 'alimony_fixed_sum' | 'divorce', closedOn: string | null, outcome: 'granted' | 'partly_granted' | 'rejected' | 'settled' | 'withdrawn') {
      const c = await t.call('cases:save', { clientId, caseType, openedOn: '2023-01-10' });
      if (closedOn) {
        await t.call('cases:setStatus', { id: c.case.id, status: 'filed', on: '2023-02-01' });
        await t.call('cases:setStatus', { id: c.case.id, status: 'decided', on: closedOn });
        await t.call('cases:setStatus', { id: c.case.id, status: 'closed', on: closedOn, outcome });
      }
    }
    await closedCase('alimony_share', '2024-03-01', 'granted'); // counts: granted
    await closedCase('alimony_fixed_sum', '2024-06-30', 'partly_granted'); // counts: partly granted
    await closedCase('alimony_share', '2024-12-31', 'rejected'); // counts: rejected (last day of the period)
    await closedCase('alimony_share', '2025-01-01', 'granted'); // closed after the period: no
    await closedCase('alimony_share', '2023-12-31', 'granted'); // closed before the period: no
    await closedCase('divorce', '2024-05-05', 'granted'); // not an alimony case: no
    await closedCase('alimony_share', null, 'granted'); // still open: no

    const report = await t.call('reports:indicators', { from: '2024-01-01', to: '2024-12-31' });
    const ind = report.indicators['2.2.1.b'];
    expect(ind.alimonyCasesClosed).toBe(3);
    expect(ind.resolvedSuccessfully).toBe(2); // granted + partly granted (settled would count too)
    expect(ind.byOutcome).toMatchObject({ granted: 1, partly_granted: 1, rejected: 1 });
  });
});
