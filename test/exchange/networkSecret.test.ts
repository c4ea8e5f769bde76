import { rmSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeIndicators } from '../../db/queries/indicators';
import type { UnlockedDatabase } from '../../electron/app/database';
import { importPackage, openPackage } from '../../electron/exchange/exchangeService';
import { asEngineDb, importStatsToPostgres } from '../../electron/exchange/hubPostgres';
import type { HubDatabase } from '../../electron/exchange/hubStore';
import { endNetworkTransition, networkKeyring, readIdentity, replaceNetworkSecret } from '../../electron/exchange/identity';
import type { StatsPayload } from '../../electron/exchange/statsFacts';
import type { IndicatorReport } from '../../shared/api/reportTypes';
import { runCliCaptured } from '../support/cli';
import { tempDir } from '../support/temp';
import { createTestApp, inlineBytes } from '../support/testApp';
import { deliver, pack, pgliteStore, twoContactPointsAndHub, write } from './network';
import { client, consultation, KHUJAND, KULOB } from './records';

// The network secret keys the pseudonyms by which the hub counts each woman once across contact
// points. When an administrator replaces it (a laptop holding it was lost), the new secret goes to
// every contact point in a network-key package; until the transition ends, statistics name each woman
// under the new and the earlier secret, and the hub links the two. A woman seen at A before the change
// and at B after it is still one woman, whichever package reaches the hub first, on SQLite and on
// PostgreSQL.

const id = (n: number) => `0190d000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
const CP_A = id(1);
const CP_B = id(2);
const YEAR = { from: '2024-01-01', to: '2024-12-31' };
const PASSPHRASE = 'correct horse battery staple';

let dir: string;
let cpA: UnlockedDatabase, cpB: UnlockedDatabase, hub: UnlockedDatabase;
let pg: Kysely<HubDatabase>;

const women = (r: IndicatorReport) => r.indicators['1.2.3'].womenFromMigrantHouseholds;
const numbers = (r: IndicatorReport) => ({ indicators: r.indicators, breakdowns: r.breakdowns });

async function refusedReason(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return (error as { params?: { reason?: string } }).params?.reason;
  }
  throw new Error('The package was applied');
}

beforeAll(async () => {
  dir = tempDir('lad-netsecret-');
  ({ cpA, cpB, hub } = await twoContactPointsAndHub(dir, { id: CP_A, code: 'KLB', districtId: KULOB }, { id: CP_B, code: 'KHJ', districtId: KHUJAND }));

  // Starting PostgreSQL in the process (PGlite) takes tens of seconds on a busy 2-core machine.
  pg = await pgliteStore(hub);
}, 180_000);

afterAll(async () => {
  await pg?.destroy();
  for (const db of [cpA, cpB, hub]) await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('replacing the network secret', () => {
  it('still counts a woman seen at A before the change and at B after it once, in either order of arrival', async () => {
    const nilufar = { surname: 'Раҳимова', givenName: 'Нилуфар', patronymic: 'Каримовна', birthDate: '1990-03-14', phone: '+992917770101', doc: 'A1' };
    await write(cpA, client({ id: id(100), ...nilufar }));
    await write(cpA, consultation({ id: id(11), clientId: id(100), date: '2024-03-05', cpId: CP_A, districtId: KULOB, issues: ['alimony'] }));
    const beforeChange = await pack(cpA, hub, 'stats', YEAR);
    const oldKey = await pack(cpA, cpB, 'networkKey');
    const fullFromB = await pack(cpB, cpA); // made while B still had the first secret

    // An administrator at A replaces the secret and sends it to B.
    await write(cpA, (ctx) => replaceNetworkSecret(ctx));
    await deliver(await pack(cpA, cpB, 'networkKey'));
    expect((await networkKeyring(cpB.db, false))!.generation).toBe(2);
    expect((await networkKeyring(cpB.db, false))!.secret).toEqual((await networkKeyring(cpA.db, false))!.secret);
    // A key of the first generation arriving late is refused; a full package made before still merges.
    expect(await refusedReason(deliver({ to: cpB, file: oldKey.file }))).toBe('olderNetworkSecret');
    await deliver(fullFromB);
    expect((await networkKeyring(cpA.db, false))!.generation).toBe(2);
    // The hub never receives the secret.
    expect(await refusedReason(pack(cpA, hub, 'networkKey'))).toBe('wrongKind');

    // After the change: the same woman registered at B (another record, the Russian spelling), and another woman.
    await write(cpB, client({ id: id(200), ...nilufar, surname: 'Рахимова', doc: 'B1' }));
    await write(cpB, consultation({ id: id(21), clientId: id(200), date: '2024-07-15', cpId: CP_B, districtId: KHUJAND, issues: ['alimony'] }));
    await write(cpB, client({ id: id(201), surname: 'Қодирова', givenName: 'Зарина', patronymic: '', birthDate: '1979-01-21', phone: '+992917770104', doc: 'B2' }));
    await write(cpB, consultation({ id: id(22), clientId: id(201), date: '2024-07-16', cpId: CP_B, districtId: KHUJAND, issues: ['land'] }));
    const afterChange = await pack(cpB, hub, 'stats', YEAR);
    const payload = (await openPackage(hub, afterChange.file)).payload as StatsPayload;
    expect(payload.generation).toBe(2);
    expect(Object.values(payload.aliases!).every((a) => a.length === 1)).toBe(true);

    // SQLite: A's package first. PostgreSQL: B's first, A's (of the earlier secret) arriving late.
    await importPackage(hub, beforeChange.file);
    await importPackage(hub, afterChange.file);
    await importStatsToPostgres(hub, pg, afterChange.file);
    await importStatsToPostgres(hub, pg, beforeChange.file);
    const onSqlite = await computeIndicators(hub.db, YEAR);
    const onPostgres = await computeIndicators(asEngineDb(pg), YEAR);
    // Nilufar (A and B) and Zarina: two women, three consultations.
    expect(women(onSqlite)).toBe(2);
    expect(onSqlite.indicators['1.2.3'].consultations).toBe(3);
    expect(numbers(onPostgres)).toEqual(numbers(onSqlite));
    expect(onSqlite.generated.coverage!.map((c) => [c.contactPointCode, c.generation])).toEqual([
      ['KHJ', 2],
      ['KLB', 1],
    ]);

    // A sends its year again under the new secret; B ends the transition and sends a later visit.
    const resent = await pack(cpA, hub, 'stats', YEAR);
    await write(cpB, (ctx) => endNetworkTransition(ctx));
    await write(cpB, consultation({ id: id(23), clientId: id(200), date: '2024-08-01', cpId: CP_B, districtId: KHUJAND, issues: ['alimony'] }));
    const afterTransition = await pack(cpB, hub, 'stats', YEAR);
    expect(((await openPackage(hub, afterTransition.file)).payload as StatsPayload).aliases).toBeUndefined();
    for (const p of [resent, afterTransition]) {
      await importPackage(hub, p.file);
      await importStatsToPostgres(hub, pg, p.file);
    }
    const last = await computeIndicators(hub.db, YEAR);
    expect(women(last)).toBe(2);
    expect(last.indicators['1.2.3'].consultations).toBe(4);
    expect(numbers(await computeIndicators(asEngineDb(pg), YEAR))).toEqual(numbers(last));
    expect(last.generated.coverage!.map((c) => [c.contactPointCode, c.generation])).toEqual([
      ['KHJ', 2],
      ['KLB', 2],
    ]);
  }, 120_000);

  it('is replaced from the command line by an administrator', async () => {
    const path = `${dir}/cp-b.db`;
    await cpB.close();
    process.env.LAD_TEST_PASSPHRASE = PASSPHRASE;
    const replaced = await runCliCaptured(['network-secret', '--db', path, '--replace', '--passphrase-env', 'LAD_TEST_PASSPHRASE']);
    expect(replaced.code).toBe(0);
    expect(replaced.out).toContain('generation 3');
    const shown = await runCliCaptured(['network-secret', '--db', path, '--passphrase-env', 'LAD_TEST_PASSPHRASE']);
    expect(shown.out).toContain('Generation 3; earlier secrets kept: 1.');
    cpB = null as unknown as UnlockedDatabase;
    expect((await readIdentity(cpA.db)).hasNetworkSecret).toBe(true);
  }, 120_000);

  it('is replaced on the Exchange screen by an administrator, and the new key travels in a network-key package', async () => {
    const a = await createTestApp();
    const b = await createTestApp();
    try {
      await a.call('exchange:importPairing', { json: JSON.stringify(await b.call('exchange:pairingFile', {})) });
      await b.call('exchange:importPairing', { json: JSON.stringify(await a.call('exchange:pairingFile', {})) });
      const toB = (await b.call('exchange:identity', {})).installationId;
      const sendKey = async () => {
        const file = await a.call('exchange:exportPackage', { peerId: toB, kind: 'networkKey' });
        await b.call('exchange:importPackage', { file: { base64: inlineBytes(file).toString('base64') } });
      };
      expect(await a.raw('exchange:networkSecret', { action: 'replace' })).toMatchObject({ ok: false, error: { code: 'PACKAGE_REFUSED', params: { reason: 'noNetworkSecret' } } });
      await sendKey();
      expect(await b.call('exchange:identity', {})).toMatchObject({ hasNetworkSecret: true, networkGeneration: 1, earlierNetworkSecrets: 0 });
      expect(await a.call('exchange:networkSecret', { action: 'replace' })).toMatchObject({ networkGeneration: 2, earlierNetworkSecrets: 1 });
      await sendKey();
      expect(await b.call('exchange:identity', {})).toMatchObject({ networkGeneration: 2, earlierNetworkSecrets: 1 });
      expect(await b.call('exchange:networkSecret', { action: 'endTransition' })).toMatchObject({ networkGeneration: 2, earlierNetworkSecrets: 0 });
    } finally {
      await a.cleanup();
      await b.cleanup();
    }
  }, 120_000);
});
