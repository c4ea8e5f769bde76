import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { applyKey } from '../../db/open';
import { createDatabase } from '../app/database';
import { DB_FILE } from '../app/paths';
import { seedDemo } from '../seed/demo';
import { makeFilingSamples } from '../seed/filingSamples';
import { NATIONAL_SIZES, seedNational } from '../seed/national';

// The benchmark's databases, made once per size and seed and kept in node_modules/.cache: the seeded
// encrypted database in the app's data-folder layout (<dir>/legal-aid.db + legal-aid.db.keys.json,
// real Argon2id key derivation) and, beside it, an unencrypted copy for the cost of encryption.
// The passphrase is a bench-only secret, fixed and public on purpose: these databases hold synthetic
// data only and must never hold real data.

export const BENCH_PASSPHRASE = 'legal-aid-bench-only-not-a-secret';
export const BENCH_USER = 'admin';
/** Bumped when the generators change, so a cached database from older generators is not reused. */
export const GENERATOR_VERSION = 2;

export type BenchSize = 'demo' | keyof typeof NATIONAL_SIZES;
export const BENCH_SIZES: readonly BenchSize[] = ['demo', 'national-1y', 'national-5y'];

export interface Prepared {
  dataDir: string;
  dbPath: string;
  plainPath: string;
  seedSeconds: number | null;
  counts: Record<string, number>;
}

export function cacheRoot(): string {
  return process.env.LEGAL_AID_BENCH_CACHE ?? resolve(__dirname, '..', '..', 'node_modules', '.cache', 'legal-aid-bench');
}

export async function prepareDatabase(size: BenchSize, seed: number, log: (m: string) => void): Promise<Prepared> {
  const dataDir = join(cacheRoot(), `${size}-seed${seed}-g${GENERATOR_VERSION}`);
  const dbPath = join(dataDir, DB_FILE);
  const marker = join(dataDir, 'seeded.json');
  const plainPath = join(dataDir, 'plaintext-copy.db');
  if (existsSync(marker) && existsSync(dbPath)) {
    const m = JSON.parse(readFileSync(marker, 'utf8')) as { counts: Record<string, number> };
    log(`reusing the seeded database in ${dataDir}`);
    return { dataDir, dbPath, plainPath, seedSeconds: null, counts: m.counts };
  }
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const started = Date.now();
  const db = await createDatabase({ dbPath, username: BENCH_USER, displayName: 'Bench', passphrase: BENCH_PASSPHRASE, installationName: `Bench ${size}` });
  let counts: Record<string, number>;
  try {
    if (size === 'demo') {
      const r = await seedDemo(db);
      counts = { contactPoints: 1, sessions: 1, clients: r.clientIds.length, consultations: r.caseIds.length, cases: r.caseIds.length, documents: 0 };
    } else {
      const r = await seedNational(db, NATIONAL_SIZES[size], { seed, changeLog: true, samples: await makeFilingSamples(), progress: log });
      counts = r.counts;
    }
    makePlaintextCopy(db.raw, db.dbKey, plainPath);
  } finally {
    await db.close();
  }
  const seedSeconds = (Date.now() - started) / 1000;
  writeFileSync(marker, JSON.stringify({ size, seed, generator: GENERATOR_VERSION, counts, seedSeconds }, null, 1));
  return { dataDir, dbPath, plainPath, seedSeconds, counts };
}

/**
 * An unencrypted copy: VACUUM INTO from the keyed connection writes an encrypted copy (the key is
 * kept), which is then opened with the key and decrypted in place with sqlite3mc's `PRAGMA rekey = ''`
 * (rekey needs a rollback journal, so the copy is switched out of WAL first).
 */
export function makePlaintextCopy(raw: Sqlite.Database, key: Buffer, plainPath: string): void {
  rmSync(plainPath, { force: true });
  raw.prepare('VACUUM INTO ?').run(plainPath);
  const copy = new Sqlite(plainPath);
  try {
    applyKey(copy, key);
    copy.pragma('journal_mode = DELETE');
    copy.pragma(`rekey = ''`);
  } finally {
    copy.close();
  }
  const check = new Sqlite(plainPath, { readonly: true });
  try {
    check.prepare('SELECT count(*) FROM sqlite_master').get();
  } finally {
    check.close();
  }
}
