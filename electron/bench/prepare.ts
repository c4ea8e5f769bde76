import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { keyringPathFor, readKeyring, unwrapKey } from '../../db/keyring';
import { openDatabase } from '../../db/open';
import { APP_VERSION } from '../app/version';
import { createDatabase } from '../app/database';
import { DB_FILE } from '../app/paths';
import { seedDemo } from '../seed/demo';
import { makeFilingSamples } from '../seed/filingSamples';
import { NATIONAL_SIZES, seedNational } from '../seed/national';
import { BENCH_PASSPHRASE, BENCH_USER } from './calls';

// The benchmark's databases, made once per size and seed and kept in node_modules/.cache: the seeded
// encrypted database in the app's data-folder layout (<dir>/legal-aid.db + legal-aid.db.keys.json,
// real Argon2id key derivation) and, beside it, an unencrypted copy for the cost of encryption.
// The passphrase (calls.ts) is a bench-only secret, fixed and public on purpose.

/** Bumped when the generators change, so a cached database from older generators is not reused. */
export const GENERATOR_VERSION = 5;

export type BenchSize = 'demo' | keyof typeof NATIONAL_SIZES;
export const BENCH_SIZES: readonly BenchSize[] = ['demo', 'national-1y', 'national-5y'];

export interface Prepared {
  dataDir: string;
  dbPath: string;
  plainPath: string;
  seedSeconds: number | null;
  counts: Record<string, number>;
}

/**
 * Marks today's automatic backup of `<dataDir>/legal-aid.db` as made (an empty placeholder in its own
 * backups folder), so that an unlock does not copy a national database the bench has no use for.
 */
export function skipTodaysBackup(dataDir: string): void {
  const dir = join(dataDir, 'backups');
  const name = `legal-aid-${new Date().toISOString().slice(0, 10).replace(/-/g, '')}T000000Z-daily.db`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), '');
  copyFileSync(`${join(dataDir, DB_FILE)}.keys.json`, join(dir, `${name}.keys.json`));
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
    // A cached database from before a new migration is brought up to date here, without the app's
    // pre-migration backup (it is a cache; the unlock measured later should not include an upgrade).
    const { dbKey } = await unwrapKey(readKeyring(keyringPathFor(dbPath)), BENCH_USER, BENCH_PASSPHRASE);
    const opened = await openDatabase({ path: dbPath, key: dbKey, appVersion: APP_VERSION });
    try {
      forgetBenchPhotos(opened.raw, log);
      if (!existsSync(plainPath) || statSync(plainPath).size < 4096 || !plainCopyCurrent(opened.raw, plainPath)) makePlaintextCopy(opened.raw, plainPath);
    } finally {
      await opened.close();
    }
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
    makePlaintextCopy(db.raw, plainPath);
  } finally {
    await db.close();
  }
  const seedSeconds = (Date.now() - started) / 1000;
  writeFileSync(marker, JSON.stringify({ size, seed, generator: GENERATOR_VERSION, counts, seedSeconds }, null, 1));
  return { dataDir, dbPath, plainPath, seedSeconds, counts };
}

/**
 * Takes the photos earlier runs stored (documents:attach, six or so a run) out of the cached database,
 * with their change messages. The seed stores none; left in, every run added some 5 MB of pictures
 * and messages, which the year's package leaves out but the import's floor copied, and which weighed
 * more on every run that read past them. The audit trail keeps its entries: ids only, and its hash
 * chain stays whole.
 */
function forgetBenchPhotos(raw: Sqlite.Database, log: (m: string) => void): void {
  const forgotten = raw.transaction(() => {
    raw.prepare(`DELETE FROM change_log WHERE table_name = 'documents' AND row_id IN (SELECT id FROM documents WHERE kind = 'attachment')`).run();
    return raw.prepare(`DELETE FROM documents WHERE kind = 'attachment'`).run().changes;
  })();
  if (forgotten > 0) log(`removed ${forgotten} photos stored by earlier runs`);
}

/** Whether the unencrypted copy has the tables and indexes of the database (a migration since changes them). */
function plainCopyCurrent(raw: Sqlite.Database, plainPath: string): boolean {
  const names = (db: Sqlite.Database) => db.prepare(`SELECT type || ' ' || name AS n FROM sqlite_master WHERE type IN ('table', 'index') AND sql IS NOT NULL AND tbl_name NOT IN ('change_log', 'audit_log')`).pluck().all() as string[];
  const plain = new Sqlite(plainPath, { readonly: true });
  try {
    const have = names(plain);
    const want = new Set(names(raw));
    return have.length === want.size && have.every((n) => want.has(n));
  } finally {
    plain.close();
  }
}

/**
 * An unencrypted copy of what the measured queries read: every table (and index) but the change log
 * and the audit trail, which no read path touches and which are most of the file at national scale
 * (the 5-year database would not fit twice on the disk). Written through ATTACH … KEY '' (sqlite3mc:
 * an empty key means a plain database) from the keyed connection. `VACUUM INTO` would keep the
 * encryption; `PRAGMA rekey = ''` on a full copy also works but needs the space of a full copy.
 * Like any fresh copy it is also compact, so "unencrypted" includes a tidier page layout.
 */
export function makePlaintextCopy(raw: Sqlite.Database, plainPath: string): void {
  rmSync(plainPath, { force: true });
  const skip = new Set(['change_log', 'audit_log']);
  const objects = raw.prepare(`SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'`).all() as Array<{ type: string; name: string; tbl_name: string; sql: string }>;
  const plain = new Sqlite(plainPath);
  try {
    for (const o of objects) if (o.type === 'table') plain.exec(o.sql);
  } finally {
    plain.close();
  }
  raw.prepare(`ATTACH DATABASE ? AS plain KEY ''`).run(plainPath);
  try {
    for (const o of objects) if (o.type === 'table' && !skip.has(o.name)) raw.exec(`INSERT INTO plain."${o.name}" SELECT * FROM main."${o.name}"`);
  } finally {
    raw.exec('DETACH DATABASE plain');
  }
  const indexes = new Sqlite(plainPath);
  try {
    for (const o of objects) if (o.type === 'index') indexes.exec(o.sql);
    indexes.prepare('SELECT count(*) FROM clients').get();
  } finally {
    indexes.close();
  }
}

