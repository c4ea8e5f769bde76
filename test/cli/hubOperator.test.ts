import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured as cli } from '../support/cli';
import { tempDir } from '../support/temp';

// The check a hub operator runs before trusting the network: two contact points and a mobile team set
// up and fed from registers, a hub, every package made and applied from the command line only, in a
// shuffled order and twice. The hub's report must equal the numbers worked out by hand below, on its
// SQLite store and on PostgreSQL alike.
//
// The registers (2025):
//   Khujand (CP-KHJ), at the contact point: Раҳимова Малика twice (migrant household), Каримова Зарина
//     once (no migrant household).
//   Isfara (CP-ISF), at the contact point: Рахимова Малика — the same woman, written the Russian way —
//     and Юсупова Дилноза (migrant household).
//   Khujand's mobile team, session MS-01: Назарова Гулнора and Раҳимова Малика (both migrant households).
// By hand:
//   1.2.3 a: 2 contact points operating;  1.2.3 b: Малика (counted once across Khujand and Isfara) and
//   Дилноза = 2 women;  consultations at contact points: 3 + 2 = 5;
//   1.2.4 a: 1 session conducted;  1.2.4 b: Гулнора and Малика = 2 women;  consultations at sessions: 2;
//   1.2.10: 7 consultations.

const PASS = 'correct horse battery staple';
const dir = tempDir('lad-hub-operator-');
const db = (n: string) => join(dir, `${n}.db`);
const file = (n: string) => join(dir, n);

const CONTACT_POINTS = `code,name,district,established_on,closed_on,address,organisation
CP-KHJ,Нуқтаи тамоси Хуҷанд,su-khujand,2019-03-01,,,Ваколатдор оид ба ҳуқуқи инсон
CP-ISF,Нуқтаи тамоси Исфара,su-isfara,2024-01-10,,,Ваколатдор оид ба ҳуқуқи инсон
`;
const SESSIONS = `code,contact_point,date,district,location,status
MS-01,CP-KHJ,2025-03-15,su-khujand,деҳаи Ғозиён,conducted
`;
const HEAD = 'row_id,date,venue,contact_point,mobile_session,surname,given_name,patronymic,sex,birth_date,age,district,phone,migrant_household,husband_country,last_remittance_date,abandoned,employment,education,residence,issues,advice';
const KHUJAND = `${HEAD}
K-1,2025-02-10,contact_point,CP-KHJ,,Раҳимова,Малика,Давлатовна,F,1990-03-10,,su-khujand,,yes,Россия,2024-05-01,,homemaker,general_secondary,urban,alimony,
K-2,2025-04-05,contact_point,CP-KHJ,,Раҳимова,Малика,Давлатовна,F,1990-03-10,,su-khujand,,yes,Россия,2024-05-01,,homemaker,general_secondary,urban,alimony_abroad,
K-3,2025-05-12,contact_point,CP-KHJ,,Каримова,Зарина,Алиевна,F,1985-07-01,,su-khujand,,no,,,,employed,higher,urban,property_division,
`;
const ISFARA = `${HEAD}
I-1,2025-03-03,contact_point,CP-ISF,,Рахимова,Малика,Давлатовна,F,1990-03-10,,su-isfara,,yes,Россия,2024-05-01,,homemaker,general_secondary,urban,alimony,
I-2,2025-06-20,contact_point,CP-ISF,,Юсупова,Дилноза,Рустамовна,F,1995-11-11,,su-isfara,,yes,Казахстан,2025-01-20,,unemployed,basic_secondary,rural,birth_certificate,
`;
const TEAM = `${HEAD}
M-1,2025-03-15,mobile_session,CP-KHJ,MS-01,Назарова,Гулнора,Саидовна,F,1988-01-20,,su-khujand,,yes,Россия,2023-02-01,,homemaker,general_secondary,rural,divorce,
M-2,2025-03-15,mobile_session,CP-KHJ,MS-01,Раҳимова,Малика,Давлатовна,F,1990-03-10,,su-khujand,,yes,Россия,2024-05-01,,homemaker,general_secondary,urban,alimony,
`;

beforeAll(() => {
  process.env.LEGAL_AID_PASSPHRASE = PASS;
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries({ 'points.csv': CONTACT_POINTS, 'sessions.csv': SESSIONS, 'khujand.csv': KHUJAND, 'isfara.csv': ISFARA, 'team.csv': TEAM })) {
    writeFileSync(file(name), text);
  }
});
afterAll(() => {
  delete process.env.LEGAL_AID_PASSPHRASE;
  rmSync(dir, { recursive: true, force: true });
});

async function ok(...argv: string[]): Promise<string> {
  const r = await cli(argv);
  expect(r.code, `${argv.join(' ')}\n${r.err}`).toBe(0);
  return r.out;
}

async function pair(a: string, b: string): Promise<void> {
  for (const n of [a, b]) await ok('pair', '--db', db(n), '--out', file(`${n}.pair.json`));
  await ok('pair', '--db', db(a), '--import', file(`${b}.pair.json`));
  await ok('pair', '--db', db(b), '--import', file(`${a}.pair.json`));
}

type Report = { indicators: Record<string, Record<string, number>>; generated: Record<string, unknown> };

async function hubReport(...extra: string[]): Promise<Report> {
  const out = file(`report-${Date.now()}.json`);
  await ok('report', '--db', db('hub'), '--from', '2025-01-01', '--to', '2025-12-31', '--format', 'json', '--out', out, ...extra);
  return JSON.parse(readFileSync(out, 'utf8')) as Report;
}

describe('a hub operator’s end-to-end check, from the command line only', () => {
  it('two contact points and a mobile team, packages applied in a shuffled order and twice: the hand-worked numbers, on SQLite and PostgreSQL', async () => {
    await ok('init', '--db', db('khujand'), '--name', 'Khujand', '--role', 'contact-point', '--contact-point', 'CP-KHJ');
    await ok('init', '--db', db('isfara'), '--name', 'Isfara', '--role', 'contact-point', '--contact-point', 'CP-ISF');
    await ok('init', '--db', db('team'), '--name', 'Khujand team', '--role', 'mobile-team', '--contact-point', 'CP-KHJ');
    await ok('init', '--db', db('hub'), '--name', 'Ombudsman', '--role', 'hub');
    for (const n of ['khujand', 'isfara']) await ok('import', '--db', db(n), '--kind', 'contact-points', file('points.csv'));
    await ok('import', '--db', db('khujand'), '--kind', 'consultations', file('khujand.csv'));
    await ok('import', '--db', db('isfara'), '--kind', 'consultations', file('isfara.csv'));
    // The team takes its contact points from its contact point (the same register imported twice would
    // make two records of one contact point, which the exchange refuses), then keys in its session.
    await pair('team', 'khujand');
    await ok('export-package', '--db', db('khujand'), '--to', 'Khujand team', '--out', file('khujand-full.ladpkg'));
    await ok('import-package', '--db', db('team'), file('khujand-full.ladpkg'));
    await ok('import', '--db', db('team'), '--kind', 'mobile-sessions', file('sessions.csv'));
    await ok('import', '--db', db('team'), '--kind', 'consultations', file('team.csv'));
    await pair('khujand', 'isfara');
    await pair('khujand', 'hub');
    await pair('isfara', 'hub');

    const year = ['--from', '2025-01-01', '--to-date', '2025-12-31'];
    // Khujand sends a first statistics package before its team's records have reached it…
    await ok('export-package', '--db', db('khujand'), '--to', 'Ombudsman', '--stats', ...year, '--out', file('khujand-early.ladpkg'));
    // …then receives them, and sends the year again; Isfara gets the network key from Khujand and sends its own.
    await ok('export-package', '--db', db('team'), '--to', 'Khujand', '--out', file('team-full.ladpkg'));
    await ok('import-package', '--db', db('khujand'), file('team-full.ladpkg'));
    await ok('export-package', '--db', db('khujand'), '--to', 'Ombudsman', '--stats', ...year, '--out', file('khujand.ladpkg'));
    await ok('export-package', '--db', db('khujand'), '--to', 'Isfara', '--network-key', '--out', file('network-key.ladpkg'));
    await ok('import-package', '--db', db('isfara'), file('network-key.ladpkg'));
    await ok('export-package', '--db', db('isfara'), '--to', 'Ombudsman', '--stats', ...year, '--out', file('isfara.ladpkg'));

    // At the hub they arrive out of order: Isfara, Khujand's second, then Khujand's first, which is
    // older and refused; then everything once more, which changes nothing.
    const pgDir = join(dir, 'pg');
    for (const pg of [[], ['--pg', `pglite:${pgDir}`]]) {
      expect(await ok('import-package', '--db', db('hub'), file('isfara.ladpkg'), ...pg)).toMatch(/from "Isfara" applied/);
      expect(await ok('import-package', '--db', db('hub'), file('khujand.ladpkg'), ...pg)).toMatch(/from "Khujand" applied/);
      const older = await cli(['import-package', '--db', db('hub'), file('khujand-early.ladpkg'), ...pg]);
      expect(older.code).toBe(1);
      expect(older.err).toMatch(/older package for this period/i);
      for (const name of ['khujand.ladpkg', 'isfara.ladpkg', 'khujand-early.ladpkg']) await cli(['import-package', '--db', db('hub'), file(name), ...pg]);
    }

    const sqlite = await hubReport();
    expect(sqlite.indicators['1.2.3']).toMatchObject({ contactPointsOperating: 2, womenFromMigrantHouseholds: 2, consultations: 5 });
    expect(sqlite.indicators['1.2.4']).toMatchObject({ mobileSessionsConducted: 1, womenFromMigrantHouseholds: 2, consultations: 2 });
    expect(sqlite.indicators['1.2.10']).toMatchObject({ consultations: 7 });
    const postgres = await hubReport('--pg', `pglite:${pgDir}`);
    expect(postgres.indicators).toEqual(sqlite.indicators);
  }, 600_000);
});
