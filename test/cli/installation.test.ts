import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unlockDatabase } from '../../electron/app/database';
import { readIdentity } from '../../electron/exchange/identity';
import { runCliCaptured as cli } from '../support/cli';
import { tempDir } from '../support/temp';

// Setting installations up from a script only: a contact point and a hub made with `init`, a register
// imported, paired, and a statistics package made and applied — no screen involved. And the rules of
// the Exchange screen's role choice hold on the command line.

const PASS = 'correct horse battery staple';
const FIX = join(__dirname, '..', 'fixtures', 'registers');
const dir = tempDir('lad-installation-cli-');
const db = (n: string) => join(dir, `${n}.db`);

beforeAll(() => {
  process.env.LEGAL_AID_PASSPHRASE = PASS;
});
afterAll(() => {
  delete process.env.LEGAL_AID_PASSPHRASE;
  rmSync(dir, { recursive: true, force: true });
});

async function identityOf(name: string) {
  const open = await unlockDatabase(db(name), 'admin', PASS);
  try {
    return { ...(await readIdentity(open.db)), installationContactPoint: open.installation.contactPointId };
  } finally {
    await open.close();
  }
}

async function ok(...argv: string[]): Promise<string> {
  const r = await cli(argv);
  expect(r.code, `${argv.join(' ')}\n${r.err}`).toBe(0);
  return r.out;
}

describe('an installation set up from the command line', () => {
  it('makes a contact point and a hub, and a statistics package, with no screen', async () => {
    const made = await ok('init', '--db', db('cp'), '--name', 'Khujand', '--role', 'contact-point', '--contact-point', 'CP-KHJ');
    // The contact point's register is not imported yet: the code waits for it.
    expect(made).toMatch(/contact point CP-KHJ: not in this database yet/);
    expect((await identityOf('cp')).role).toBe('contact_point');
    expect(await ok('init', '--db', db('hub'), '--name', 'Ombudsman', '--role', 'hub')).toMatch(/Role: hub; no contact point of its own/);
    expect((await identityOf('hub')).role).toBe('hub');

    await ok('import', '--db', db('cp'), '--kind', 'contact-points', join(FIX, 'contact-points.csv'));
    await ok('import', '--db', db('cp'), '--kind', 'mobile-sessions', join(FIX, 'mobile-sessions.csv'));
    await ok('import', '--db', db('cp'), '--kind', 'consultations', join(FIX, 'consultations-core.csv'));
    const cp = await identityOf('cp');
    expect(cp.contactPointId).not.toBeNull();
    expect(cp.installationContactPoint).toBe(cp.contactPointId);
    expect(await ok('installation', '--db', db('cp'))).toMatch(/Role: contact-point; contact point CP-KHJ\./);

    for (const n of ['cp', 'hub']) await ok('pair', '--db', db(n), '--out', join(dir, `${n}.pair.json`));
    await ok('pair', '--db', db('cp'), '--import', join(dir, 'hub.pair.json'));
    await ok('pair', '--db', db('hub'), '--import', join(dir, 'cp.pair.json'));
    const stats = join(dir, 'stats.ladpkg');
    await ok('export-package', '--db', db('cp'), '--to', 'Ombudsman', '--stats', '--from', '2025-01-01', '--to-date', '2025-12-31', '--out', stats);
    expect(await ok('import-package', '--db', db('hub'), stats)).toMatch(/\(stats\) from "Khujand" applied/);

    // The hub's report counts what the contact point's own report counts for itself.
    const report = async (name: string, ...extra: string[]) => {
      const out = join(dir, `${name}-report.json`);
      await ok('report', '--db', db(name), '--from', '2025-01-01', '--to', '2025-12-31', '--format', 'json', '--out', out, ...extra);
      return (JSON.parse(readFileSync(out, 'utf8')) as { indicators: Record<string, Record<string, number>> }).indicators['1.2.3']!;
    };
    const own = await report('cp', '--contact-point', 'CP-KHJ');
    const national = await report('hub');
    expect(own.consultations).toBeGreaterThan(0);
    expect(national.consultations).toBe(own.consultations);
    expect(national.womenFromMigrantHouseholds).toBe(own.womenFromMigrantHouseholds);
  }, 240_000);

  it('refuses to make an installation with records a hub, and a hub with statistics anything else', async () => {
    const refused = await cli(['installation', '--db', db('cp'), '--role', 'hub']);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/holds records of its own.*Make a new database for the hub/);
    expect((await identityOf('cp')).role).toBe('contact_point');

    const back = await cli(['installation', '--db', db('hub'), '--role', 'mobile-team']);
    expect(back.code).toBe(1);
    expect(back.err).toMatch(/holds statistics received from contact points/);
    expect((await identityOf('hub')).role).toBe('hub');

    // A contact point may become a mobile team of the same contact point, and back.
    expect(await ok('installation', '--db', db('cp'), '--role', 'mobile-team')).toMatch(/Role: mobile-team; contact point CP-KHJ\./);
    expect(await ok('installation', '--db', db('cp'), '--role', 'contact-point', '--contact-point', 'CP-BKH')).toMatch(/contact point CP-BKH\./);
  }, 120_000);

  it('makes no database when the set-up is refused: a hub is no contact point', async () => {
    const r = await cli(['init', '--db', db('bad-hub'), '--role', 'hub', '--contact-point', 'CP-KHJ']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/A hub is no contact point/);
    expect(existsSync(db('bad-hub'))).toBe(false);
    expect(existsSync(`${db('bad-hub')}.keys.json`)).toBe(false);
    expect((await cli(['init', '--db', db('odd'), '--role', 'village'])).code).toBe(2);
  }, 60_000);
});
