import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../db/queries/audit';
import type { UnlockedDatabase } from '../../electron/app/database';
import { acknowledgeWitnessAlert, listWitnessAlerts } from '../../electron/exchange/auditWitness';
import { PackageRefused } from '../../electron/exchange/refusal';
import { deleteAndRechain } from '../support/auditRewrite';
import { tempDir } from '../support/temp';
import { canonicalDump, deliver, installation, pack, pair, setOwnContactPoint, write, type Pkg } from './network';
import { client, contactPoint, KULOB } from './records';

// Paired installations witness each other's audit trail: a sender whose trail was rewritten (entries
// deleted and every hash after them computed again, which its own `verify` cannot tell) is refused by
// the installation that saw its earlier head, until an administrator there acknowledges the alert.

let dir: string;
let team: UnlockedDatabase, cp: UnlockedDatabase, hub: UnlockedDatabase;
const CP = '0190d000-0000-7000-8000-000000000001';
let n = 0;

async function newClient(db: UnlockedDatabase) {
  n += 1;
  const id = `0190d000-0000-7000-8000-${String(100 + n).padStart(12, '0')}`;
  await write(db, client({ id, surname: 'Раҳимова', givenName: `Нилуфар${n}`, patronymic: '', birthDate: '1990-03-14', phone: `+99291777${String(n).padStart(4, '0')}`, doc: `A${n}` }));
}

async function refusal(p: Pkg): Promise<string | null> {
  return deliver(p).then(
    () => null,
    (e: unknown) => (e instanceof PackageRefused ? e.reason : String(e)),
  );
}

beforeAll(async () => {
  dir = tempDir('lad-witness-');
  team = await installation(dir, 'team', 'mobile_team');
  cp = await installation(dir, 'cp', 'contact_point');
  hub = await installation(dir, 'hub', 'hub');
  await pair(team, cp);
  await pair(cp, hub);
  await write(cp, contactPoint(CP, 'KLB', KULOB));
  await setOwnContactPoint(cp, CP);
});

afterAll(async () => {
  for (const db of [team, cp, hub]) await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the audit trail witnessed by paired installations', () => {
  it('passes an honest sender, whatever the order, and when a package arrives twice', async () => {
    await newClient(team);
    const first = await pack(team, cp);
    expect(await refusal(first)).toBeNull();
    expect((await deliver(first)).alreadyApplied).toBe(true);
    await newClient(team);
    const second = await pack(team, cp);
    await newClient(team);
    const third = await pack(team, cp);
    // The third arrives before the second.
    expect(await refusal(third)).toBeNull();
    expect(await refusal(second)).toBeNull();
    expect((await deliver(second)).alreadyApplied).toBe(true);
    await newClient(team);
    expect(await refusal(await pack(team, cp))).toBeNull();
    expect(await listWitnessAlerts(cp.db, true)).toEqual([]);
  });

  it("refuses the next package of a sender whose entries were deleted and re-chained, until an administrator acknowledges", async () => {
    // Entry 3 goes, the numbers are closed up and every hash after it computed again: the sender's own
    // check of its chain is satisfied.
    deleteAndRechain(team.raw, 'seq = 3', true);
    expect((await verifyAuditChain(team.db)).ok).toBe(true);
    await newClient(team);
    const before = await canonicalDump(cp.db);
    expect(await refusal(await pack(team, cp))).toBe('auditRewritten');
    expect(await canonicalDump(cp.db)).toEqual(before);
    const [alert, ...rest] = await listWitnessAlerts(cp.db, false);
    expect(rest).toEqual([]);
    expect(alert).toMatchObject({ senderInstallationId: team.installation.id, senderName: 'team', acknowledgedAt: null });
    const refusals = await cp.db.selectFrom('audit_log').select('action').where('action', '=', 'exchange.auditRewritten').execute();
    expect(refusals).toHaveLength(1);

    // Refused while the alert is open, even a package that would now agree with what was last seen.
    expect(await refusal(await pack(team, cp))).toBe('auditRewritten');

    await cp.db.transaction().execute((trx) => acknowledgeWitnessAlert(trx, cp.user, alert!.id, new Date().toISOString()));
    expect(await listWitnessAlerts(cp.db, false)).toEqual([]);
    expect(await refusal(await pack(team, cp))).toBeNull();
    await newClient(team);
    expect(await refusal(await pack(team, cp))).toBeNull();
  });

  it('witnesses statistics packages at the hub the same way', async () => {
    const period = { from: '2024-01-01', to: '2024-12-31' };
    const stats = await pack(cp, hub, 'stats', period);
    expect(await refusal(stats)).toBeNull();
    expect((await deliver(stats)).alreadyApplied).toBe(true);
    expect(await refusal(await pack(cp, hub, 'stats', period))).toBeNull();
    // The newest entries are dropped and the rest kept as they were: the head the hub saw is gone.
    const last = cp.raw.prepare('SELECT max(seq) AS n FROM audit_log').get() as { n: number };
    deleteAndRechain(cp.raw, `seq >= ${last.n - 1}`, true);
    expect((await verifyAuditChain(cp.db)).ok).toBe(true);
    expect(await refusal(await pack(cp, hub, 'stats', period))).toBe('auditRewritten');
  });
});
