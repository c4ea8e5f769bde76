import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run';
import { tempDir } from '../support/temp';
import { installation, setOwnContactPoint, write } from './network';
import { client, consultation, contactPoint, KULOB } from './records';

// `npm run cli -- pair | export-package | import-package`, and `report` on the hub's database.

const dir = tempDir('lad-exchange-cli-');
afterAll(() => {
  delete process.env.LEGAL_AID_PASSPHRASE;
  rmSync(dir, { recursive: true, force: true });
});

async function cli(...argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await runCli(argv, (l) => lines.push(l));
  return { code, out: lines.join('\n') };
}

describe('exchange on the command line', () => {
  it('pairs, moves changes from a team to its contact point, sends statistics to the hub and reports there', async () => {
    const cpId = '0190c000-0000-7000-8000-000000000001';
    const team = await installation(dir, 'team', 'mobile_team');
    const cp = await installation(dir, 'cp', 'contact_point');
    const hub = await installation(dir, 'hub', 'hub');
    await write(cp, contactPoint(cpId, 'KLB', KULOB));
    await setOwnContactPoint(cp, cpId);
    await write(team, contactPoint(cpId, 'KLB', KULOB));
    await write(team, client({ id: '0190c000-0000-7000-8000-000000000002', surname: 'Раҳимова', givenName: 'Нилуфар', patronymic: '', birthDate: '1990-03-14', phone: '+992917770101', doc: 'A1' }));
    await write(team, consultation({ id: '0190c000-0000-7000-8000-000000000003', clientId: '0190c000-0000-7000-8000-000000000002', date: '2024-03-05', cpId, districtId: KULOB, issues: ['alimony'] }));
    for (const db of [team, cp, hub]) await db.close();
    process.env.LEGAL_AID_PASSPHRASE = 'correct horse battery staple';
    const db = (n: string) => join(dir, `${n}.db`);
    const pairFile = (n: string) => join(dir, `${n}.pair.json`);

    for (const n of ['team', 'cp', 'hub']) expect((await cli('pair', '--db', db(n), '--out', pairFile(n))).code).toBe(0);
    const paired = await cli('pair', '--db', db('cp'), '--import', pairFile('team'));
    expect(paired.out).toMatch(/Paired with "team" \(mobile_team/);
    expect(paired.out).toMatch(/fingerprint: [A-Z2-9]{4}(-[A-Z2-9]{4}){4}/);
    expect((await cli('pair', '--db', db('team'), '--import', pairFile('cp'))).code).toBe(0);
    expect((await cli('pair', '--db', db('cp'), '--import', pairFile('hub'))).code).toBe(0);
    expect((await cli('pair', '--db', db('hub'), '--import', pairFile('cp'))).code).toBe(0);

    const pkg = join(dir, 'team-to-cp.ladpkg');
    expect((await cli('export-package', '--db', db('team'), '--to', 'cp', '--out', pkg)).code).toBe(0);
    const cut = join(dir, 'cut.ladpkg');
    writeFileSync(cut, readFileSync(pkg).subarray(0, 200));
    expect((await cli('import-package', '--db', db('cp'), cut)).code).toBe(1);
    const applied = await cli('import-package', '--db', db('cp'), pkg);
    expect(applied.code).toBe(0);
    expect(applied.out).toMatch(/applied: received: \d+, applied: \d+, conflicts: 0/);
    // When the command has ended, the database file itself holds the package (no log left to copy).
    expect(existsSync(`${db('cp')}-wal`) ? statSync(`${db('cp')}-wal`).size : 0).toBe(0);
    expect((await cli('import-package', '--db', db('cp'), pkg)).out).toMatch(/applied before; nothing changed/);

    const stats = join(dir, 'stats.ladpkg');
    expect((await cli('export-package', '--db', db('cp'), '--to', 'hub', '--out', stats, '--stats', '--from', '2024-01-01', '--to-date', '2024-12-31')).code).toBe(0);
    expect((await cli('import-package', '--db', db('hub'), stats)).code).toBe(0);
    const report = join(dir, 'national.json');
    expect((await cli('report', '--db', db('hub'), '--from', '2024-01-01', '--to', '2024-12-31', '--format', 'json', '--out', report)).code).toBe(0);
    const json = JSON.parse(readFileSync(report, 'utf8')) as { indicators: Record<string, Record<string, number>> };
    expect(json.indicators['1.2.3']!.womenFromMigrantHouseholds).toBe(1);
    expect(json.indicators['1.2.3']!.contactPointsOperating).toBe(1);

    // The same package into a hub whose statistics live in PostgreSQL (embedded PGlite here): the
    // same report comes out.
    const pgUrl = `pglite:${join(dir, 'hub-pg')}`;
    expect((await cli('import-package', '--db', db('hub'), stats, '--pg', pgUrl)).code).toBe(0);
    const pgReport = join(dir, 'national-pg.json');
    expect((await cli('report', '--db', db('hub'), '--from', '2024-01-01', '--to', '2024-12-31', '--format', 'json', '--out', pgReport, '--pg', pgUrl)).code).toBe(0);
    const fromPg = JSON.parse(readFileSync(pgReport, 'utf8')) as { indicators: unknown; breakdowns: unknown };
    expect(fromPg.indicators).toEqual(json.indicators);
    expect(fromPg.breakdowns).toEqual((json as unknown as { breakdowns: unknown }).breakdowns);
  }, 180_000); // PGlite starts in the process: tens of seconds on a busy 2-core machine
});
