import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_COUNT_LIMIT } from '../../db/queries/clients';
import { saveClient } from '../../db/queries/clientWrite';
import { clientInput as clientSchema } from '../../shared/api/clientInputs';
import { clientInput } from '../support/caseFixtures';
import { createTestApp, type TestApp } from '../support/testApp';

// The clients list counts "from a migrant household" only until it knows there are CLIENT_COUNT_LIMIT
// more than the page's offset (each client needs a lookup; at national scale an exact count took longer
// than the rest of the list). Below that it is exact; above, the list says "or more" and deeper pages
// count further, so every match can still be reached.

const WOMEN_FROM_MIGRANT_HOUSEHOLDS = CLIENT_COUNT_LIMIT + 60;
const OTHERS = 15;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const s = t.app.requireUnlocked();
  await s.db.transaction().execute(async (trx) => {
    const ctx = { trx, w: s.writer, user: s.user };
    for (let i = 0; i < WOMEN_FROM_MIGRANT_HOUSEHOLDS; i++) {
      const surname = `Азимова ${String(i).padStart(4, '0')}`;
      await saveClient(ctx, clientSchema.parse(clientInput({ surname, phones: [], household: { relation: 'wife' } })));
    }
    for (let i = 0; i < OTHERS; i++) await saveClient(ctx, clientSchema.parse(clientInput({ surname: `Бобоев ${i}`, sex: 'M', phones: [] })));
  });
}, 120_000);
afterAll(async () => t?.cleanup());

describe('clients:list total with a filter that tests every client', () => {
  it('stops counting past the limit and says so; the first page is the same', async () => {
    const first = await t.call('clients:list', { migrantHousehold: true, sex: 'F', sort: 'name', dir: 'asc', limit: 50 });
    expect(first.total).toBe(CLIENT_COUNT_LIMIT);
    expect(first.totalAtLeast).toBe(true);
    expect(first.rows.map((r) => r.surname)).toEqual(Array.from({ length: 50 }, (_, i) => `Азимова ${String(i).padStart(4, '0')}`));
  });

  it('counts further on a deeper page, exactly once the end is within reach', async () => {
    const deep = await t.call('clients:list', { migrantHousehold: true, sort: 'name', dir: 'asc', offset: 1000, limit: 100 });
    expect(deep.total).toBe(WOMEN_FROM_MIGRANT_HOUSEHOLDS);
    expect(deep.totalAtLeast).toBeUndefined();
    expect(deep.rows).toHaveLength(WOMEN_FROM_MIGRANT_HOUSEHOLDS - 1000);
    expect(deep.rows.at(-1)!.surname).toBe(`Азимова ${String(WOMEN_FROM_MIGRANT_HOUSEHOLDS - 1).padStart(4, '0')}`);
  });

  it('counts exactly when the count is an index range (no filter, one sex) or small', async () => {
    const all = await t.call('clients:list', { sort: 'name', dir: 'asc', limit: 10 });
    expect(all.total).toBe(WOMEN_FROM_MIGRANT_HOUSEHOLDS + OTHERS);
    expect(all.totalAtLeast).toBeUndefined();
    const women = await t.call('clients:list', { sex: 'F', sort: 'createdAt', dir: 'desc', limit: 10 });
    expect(women.total).toBe(WOMEN_FROM_MIGRANT_HOUSEHOLDS);
    const notMigrants = await t.call('clients:list', { migrantHousehold: false, sort: 'name', dir: 'asc' });
    expect(notMigrants.total).toBe(OTHERS);
    expect(notMigrants.totalAtLeast).toBeUndefined();
    const men = await t.call('clients:list', { migrantHousehold: false, sex: 'M', sort: 'birthDate', dir: 'asc', limit: 5 });
    expect(men.rows).toHaveLength(5);
    expect(men.rows.every((r) => r.sex === 'M' && !r.migrantHousehold)).toBe(true);
    expect(men.total).toBe(OTHERS);
  });
});
