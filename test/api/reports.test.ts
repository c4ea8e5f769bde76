import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, inlineBytes, type TestApp } from '../support/testApp';

// The reports and import channels through the dispatcher: preview checks without writing, commit
// writes, the drill-down lists exactly the consultations behind a number, names only for roles that
// may read personal data.

const FIX = join(__dirname, '..', 'fixtures', 'registers');
const b64 = (file: string) => readFileSync(join(FIX, file)).toString('base64');
let t: TestApp;
const YEAR = { from: '2025-01-01', to: '2025-12-31' };

beforeAll(async () => {
  t = await createTestApp();
  for (const [kind, file] of [
    ['contact-points', 'contact-points.csv'],
    ['mobile-sessions', 'mobile-sessions.csv'],
    ['consultations', 'consultations-core.csv'],
  ] as const) {
    const preview = await t.call('import:preview', { kind, file: { base64: b64(file) } });
    expect(preview.errors).toEqual([]);
    expect(preview.committed).toBe(false);
    const done = await t.call('import:commit', { kind, file: { base64: b64(file) } });
    expect(done.toAdd).toBe(preview.toAdd);
    expect(done.committed).toBe(true);
  }
});
afterAll(() => t.cleanup());

describe('reports channels', () => {
  it('a preview writes nothing', async () => {
    const preview = await t.call('import:preview', { kind: 'consultations', file: { base64: b64('consultations-bulk.csv') } });
    expect(preview).toMatchObject({ rows: 270, toAdd: 270, alreadyPresent: 0, newClients: 170, committed: false });
    const r = await t.call('reports:indicators', YEAR);
    // Core rows only (expected.json minus the bulk blocks): 12 women at contact points, 4 at sessions.
    expect(r.indicators['1.2.3'].womenFromMigrantHouseholds).toBe(12);
    expect(r.indicators['1.2.4'].womenFromMigrantHouseholds).toBe(4);
    expect(r.indicators['1.2.4'].abandonedWomen).toBe(3);
  });

  it('drills down from a number to exactly the consultations behind it, with names for a lawyer', async () => {
    const cell = await t.call('reports:drilldown', { ...YEAR, target: '1.2.3.womenFromMigrantHouseholds', dimension: 'ageBand', key: '30-44' });
    // P1, P3, P4, P10, P17 (expected.json, core part of the 30-44 cell).
    expect(cell.total).toBe(5);
    expect(cell.withNames).toBe(true);
    expect(cell.rows.map((r) => r.date)).toEqual(['2025-01-05', '2025-01-15', '2025-03-30', '2025-03-30', '2025-10-01']);
    expect(cell.rows.map((r) => r.clientName)).toContain('Раҳимова Малика Давлатовна');
    const abandoned = await t.call('reports:drilldown', { ...YEAR, target: '1.2.4.abandonedWomen' });
    expect(abandoned.total).toBe(3);
    expect(abandoned.rows.every((r) => r.abandoned === true && r.venueKind === 'mobile_session')).toBe(true);
    const dushanbe = await t.call('reports:drilldown', { ...YEAR, target: '1.2.10.consultations', dimension: 'region', key: 'TJ-DU' });
    expect(dushanbe.total).toBe(2);
  });

  it('an analyst sees suppressed numbers but no consultation behind them, and cannot import', async () => {
    await t.call('users:create', { username: 'analyst', displayName: 'Таҳлилгар', role: 'analyst', password: 'analyst passphrase 1', passwordConfirm: 'analyst passphrase 1' });
    await t.call('login:lock', {});
    await t.call('login:unlock', { username: 'analyst', passphrase: 'analyst passphrase 1' });
    const r = await t.call('reports:indicators', { ...YEAR, suppressSmall: true });
    expect(r.indicators['1.2.4'].womenFromMigrantHouseholds).toBe('<5');
    // The drill-down is record-level (one row per consultation, exact totals): refused to an analyst,
    // for a whole indicator and for a small cell alike.
    for (const cell of [{ target: '1.2.3.womenFromMigrantHouseholds' }, { target: '1.2.4.abandonedWomen', dimension: null, key: null }]) {
      const d = await t.raw('reports:drilldown', { ...YEAR, ...cell });
      expect(d).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(JSON.stringify(d)).not.toContain('consultationId');
    }
    const refused = await t.raw('import:commit', { kind: 'consultations', file: { base64: b64('consultations-core.csv') } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const pdf = await t.call('reports:export', { ...YEAR, format: 'pdf', language: 'ru' });
    expect(inlineBytes(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.fileName).toBe('indicators-2025-01-01-2025-12-31-ru.pdf');
  });

  it("names the audit trail's head in the report's metadata, for the printed report to carry", async () => {
    const db = t.app.requireUnlocked().db;
    const newest = await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    const r = await t.call('reports:indicators', YEAR);
    expect(r.generated.auditHead).toEqual({ seq: newest.seq, hash: newest.hash });
  });

  it('refuses a period that ends before it starts', async () => {
    const r = await t.raw('reports:indicators', { from: '2025-12-31', to: '2025-01-01' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
