import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordStatements } from '../../electron/bench/measure';
import { newClient, ownContactPoint } from '../support/caseFixtures';
import { createTestApp, type TestApp } from '../support/testApp';

// The search box: the clients found and their cases, each client's in turn with her newest case first,
// the cases found by number before them, in a number of statements that does not grow with what it finds.

let t: TestApp;

async function newCase(clientId: string, openedOn: string, courtCaseNumber = ''): Promise<string> {
  return (await t.call('cases:save', { clientId, caseType: 'alimony_share', openedOn, courtCaseNumber })).case.id;
}

/** The statements one search sends (the audit entry's own are prepared once, before). */
async function statementsOf(query: string): Promise<number> {
  return (await recordStatements(t.app.requireUnlocked().raw, () => t.call('search:global', { query }))).length;
}

beforeAll(async () => {
  t = await createTestApp();
  await ownContactPoint(t);
});
afterAll(() => t.cleanup());

describe('search:global', () => {
  it("lists the cases client by client, each one's newest first, after the cases found by number", async () => {
    const zarina = await newClient(t, { surname: 'Каримова', givenName: 'Зарина', phones: [] });
    const nigora = await newClient(t, { surname: 'Каримова', givenName: 'Нигора', phones: [] });
    const older = await newCase(zarina, '2024-01-10', '2-11/24');
    const newer = await newCase(zarina, '2025-02-01');
    const hers = await newCase(nigora, '2024-06-01');

    const byName = await t.call('search:global', { query: 'Каримова' });
    // Clients in the order of their names in Latin letters: Karimova Nigora, then Karimova Zarina.
    expect(byName.clients.map((c) => [c.id, c.matchedBy])).toEqual([
      [nigora, 'name'],
      [zarina, 'name'],
    ]);
    expect(byName.cases.map((c) => [c.id, c.clientId, c.matchedBy])).toEqual([
      [hers, nigora, 'name'],
      [newer, zarina, 'name'],
      [older, zarina, 'name'],
    ]);
    expect(byName.cases[0]).toMatchObject({ clientName: 'Каримова Нигора', openedOn: '2024-06-01', status: 'open' });

    expect((await t.call('search:global', { query: 'Каримова', limit: 2 })).cases.map((c) => c.id)).toEqual([hers, newer]);
    // A court case number finds its case first; her other case follows as a case of the client found.
    const byNumber = await t.call('search:global', { query: '2-11/24' });
    expect(byNumber.cases.map((c) => [c.id, c.matchedBy])).toEqual([[older, 'court_case_number']]);
    const both = await t.call('search:global', { query: 'Каримова Зарина' });
    expect(both.cases.map((c) => c.id)).toEqual([newer, older]);
  });

  it('answers in as many statements for five women with cases as for one', async () => {
    const first = await newClient(t, { surname: 'Шарипова', givenName: 'Мадина', phones: [{ phone: '+992 93 400 00 01' }] });
    await newCase(first, '2025-01-01');
    await t.call('search:global', { query: 'Шарипова' });
    const forOne = await statementsOf('Шарипова');
    for (const [i, given] of ['Малика', 'Нилуфар', 'Парвина', 'Шаҳноза'].entries()) {
      const id = await newClient(t, { surname: 'Шарипова', givenName: given, phones: [{ phone: `+992 93 400 00 1${i}` }] });
      await newCase(id, `2025-0${i + 2}-01`);
      await newCase(id, `2024-0${i + 2}-01`);
    }
    const found = await t.call('search:global', { query: 'Шарипова' });
    expect(found.clients).toHaveLength(5);
    expect(found.cases).toHaveLength(9);
    expect(await statementsOf('Шарипова')).toBe(forOne);
  });

  it('reads what it finds from indexes, never by scanning a table', async () => {
    const raw = t.app.requireUnlocked().raw;
    for (const query of ['Шарипова Мадина', 'Madina', '93 400 00', '2-11/24']) {
      const statements = (await recordStatements(raw, () => t.call('search:global', { query }))).filter((s) => s.reader);
      expect(statements.length, query).toBeGreaterThan(3);
      for (const s of statements) {
        const plan = (raw.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...s.params) as { detail: string }[]).map((p) => p.detail).join(' | ');
        expect(plan, `${query}: ${s.sql}`).not.toMatch(/\bSCAN (?!CONSTANT)/);
      }
    }
  });
});
