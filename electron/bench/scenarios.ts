import Sqlite from 'better-sqlite3-multiple-ciphers';
import { keyringPathFor, readKeyring, unwrapKey } from '../../db/keyring';
import { openDatabase } from '../../db/open';
import { AppContext } from '../app/appContext';
import type { AppHost } from '../app/appHost';
import { APP_VERSION } from '../app/version';
import { addMonths } from '../../shared/domain/dates';
import { fillTemplate } from '../documents/fillDocx';
import { generateFiling } from '../documents/filings';
import { loadTemplate } from '../documents/templateStore';
import { dispatch } from '../handlers/dispatch';
import { SEED_NOW } from '../seed/national';
import { measure, measureSideBySide, recordStatements, replayer, type Timing } from './measure';
import { BENCH_PASSPHRASE, BENCH_USER, callWith, photoInput, querySpecs, unlockWith, warmupOf, yearReportInput, type Caller, type Probes } from './calls';

// The measured operations, through the same dispatcher as the Electron and browser bridges (zod
// parsing, session and permission checks, the handler, the real queries). Search, lists and reports
// are also replayed as bare SQL through the driver (floor, in turns with the call) and on the
// unencrypted copy.

export interface Measurement {
  label: string;
  timing: Timing;
  floor?: Timing;
  plaintext?: Timing;
  note?: string;
}

export type Results = Record<string, Measurement>;

/** A call in the bench's own thread (an AppContext), or through the app worker as the window makes it (an AppHost). */
export async function callChannel(via: AppContext | AppHost, channel: string, input: unknown): Promise<unknown> {
  return callWith(callerOf(via), channel, input);
}

function callerOf(via: AppContext | AppHost): Caller {
  return via instanceof AppContext ? (channel, input) => dispatch(via, channel, input) : via.dispatch;
}

const LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ғ: 'gh', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', ӣ: 'i', й: 'y', к: 'k', қ: 'q', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ӯ: 'u', ф: 'f', х: 'kh', ҳ: 'h', ч: 'ch', ҷ: 'j', ш: 'sh', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/** How a passport issued abroad or a Russian clerk writes a Tajik name in Latin letters ("Rakhimova"). */
export function latinSpelling(name: string): string {
  const s = Array.from(name.toLowerCase(), (ch) => LATIN[ch] ?? ch).join('');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Search terms taken from the data: the commonest surname's first five letters, a Latin spelling, a phone. */
export function findProbes(raw: Sqlite.Database): Probes {
  const common = raw.prepare(`SELECT surname FROM clients WHERE surname GLOB '*[ҳҷқғӣӯ]*' GROUP BY surname ORDER BY count(*) DESC, surname LIMIT 1`).get() as { surname: string } | undefined;
  const surname = common?.surname ?? 'Раҳимова';
  const given = raw.prepare('SELECT given_name FROM clients WHERE surname = ? ORDER BY id LIMIT 1').get(surname) as { given_name: string } | undefined;
  const phone = raw.prepare('SELECT phone FROM client_phones ORDER BY id LIMIT 1 OFFSET 7').get() as { phone: string } | undefined;
  const demo = raw.prepare(`SELECT id FROM cases WHERE case_type = 'alimony_share' AND details LIKE '%marriage_cert%' ORDER BY id LIMIT 1`).get() as { id: string } | undefined;
  const busiest = raw.prepare('SELECT contact_point_id AS id FROM cases WHERE contact_point_id IS NOT NULL GROUP BY contact_point_id ORDER BY count(*) DESC, contact_point_id LIMIT 1').get() as { id: string } | undefined;
  const p = phone?.phone ?? '+992927001101';
  const yearFrom = new Date(Date.parse(`${SEED_NOW}T00:00:00Z`) - 364 * 86_400_000).toISOString().slice(0, 10);
  return {
    namePrefix: Array.from(surname).slice(0, 5).join(''),
    latinName: `${latinSpelling(surname)} ${latinSpelling(given?.given_name ?? '')}`.trim(),
    // Typed the local way: operator code and the first digits of the number ("93 700 11").
    phone: `${p.slice(4, 6)} ${p.slice(6, 9)} ${p.slice(9, 11)}`,
    demoCaseId: demo?.id ?? null,
    yearFrom,
    fiveYearsFrom: addMonths(yearFrom, -48),
    to: SEED_NOW,
    busiestContactPointId: busiest?.id ?? null,
  };
}

export async function benchOpen(dbPath: string, results: Results): Promise<void> {
  const keyring = readKeyring(keyringPathFor(dbPath));
  let key: Buffer = Buffer.alloc(0);
  results['open.kdf'] = { label: 'Argon2id key derivation (unwrap the database key)', timing: await measure(async () => (key = (await unwrapKey(keyring, BENCH_USER, BENCH_PASSPHRASE)).dbKey), { warmup: 1, runs: 3 }) };
  results['open.database'] = {
    label: 'open the encrypted database (key, WAL, migration check), without key derivation',
    timing: await measure(async () => (await openDatabase({ path: dbPath, key, appVersion: APP_VERSION })).close(), { warmup: 1, runs: 5 }),
  };
}

export async function benchQueries(app: AppContext, plainPath: string, probes: Probes, results: Results): Promise<void> {
  const unlocked = app.requireUnlocked();
  const plain = new Sqlite(plainPath, { readonly: true });
  try {
    for (const q of querySpecs(probes)) {
      const warmup = warmupOf(q);
      // Recorded on a warm call: the first after the unlock also ran statements of its own (once, in
      // some runs some two hundred), which the floor would have replayed on every run.
      await callChannel(app, q.channel, q.input);
      const statements = await recordStatements(unlocked.raw, () => callChannel(app, q.channel, q.input));
      // The call and its SQL alone in turns: both find the page cache and the machine in the same state
      // (timed one after the other, the SQL ran on the pages the call had just brought into the cache).
      const [timing, floor] = await measureSideBySide(() => callChannel(app, q.channel, q.input), replayer(unlocked.raw, statements), { warmup, runs: q.runs });
      const plaintext = await measure(replayer(plain, statements), { warmup, runs: q.runs });
      results[q.id] = { label: q.label, timing, floor, plaintext, note: `${statements.filter((st) => st.reader).length} SQL reads replayed of ${statements.length} statements` };
      process.stderr.write(`${q.id}: median ${timing.median.toFixed(1)} ms, p95 ${timing.p95.toFixed(1)} ms; floor ${floor.median.toFixed(1)}, unencrypted ${plaintext.median.toFixed(1)}\n`);
    }
  } finally {
    plain.close();
  }
}

/**
 * The filing, a photo stored and the exports, as the app makes them. `yardstick` (the bench process,
 * not the memory child) also times the fill alone beside docxtemplater filling the same template.
 */
export async function benchFilesAndExports(app: AppContext, probes: Probes, results: Results, photo: Buffer, yardstick: boolean): Promise<void> {
  const unlocked = app.requireUnlocked();
  if (probes.demoCaseId) {
    const req = { caseId: probes.demoCaseId, templateId: 'alimony-share', language: 'tg' as const, today: probes.to };
    results['filing.docx'] = { label: 'one filing (DOCX) from a case (generate, not stored)', timing: await measure(() => generateFiling(unlocked.db, req), { warmup: 2, runs: 10 }) };
    if (yardstick) {
      // The filling alone, and docxtemplater + pizzip filling the same template with the same values,
      // in turns in this process, so that both see the same load.
      const { docxtemplaterData, docxtemplaterTemplate, fillWithDocxtemplater } = await import('./docxtemplaterFill');
      const { manifest, resolved } = (await generateFiling(unlocked.db, req)).worked;
      const template = (await loadTemplate(unlocked.db, manifest, req.language)).content;
      const theirs = docxtemplaterTemplate(template, manifest);
      const data = docxtemplaterData(manifest, resolved);
      const [fill, docxtemplater] = await measureSideBySide(
        () => fillTemplate(template, manifest, resolved),
        () => fillWithDocxtemplater(theirs, data),
        { warmup: 3, runs: 40 },
      );
      const ratio = fill.median / docxtemplater.median;
      results['filing.fill'] = { label: 'filling the template of that filing (the app)', timing: fill, note: `${ratio.toFixed(2)} × docxtemplater's median` };
      results['filing.docxtemplater'] = { label: 'docxtemplater + pizzip filling the equivalent template with the same values (same process, in turns)', timing: docxtemplater };
    }
  }
  const client = await firstClientId(app);
  if (client) {
    // Through the channel as browser mode sends it (inline base64): checked, decoded, made smaller,
    // stripped, thumbnailed and stored in one call.
    const input = photoInput(client, photo);
    results['document.photo'] = {
      label: `a ${(photo.length / 1_048_576).toFixed(1)} MB photo stored and thumbnailed (documents:attach)`,
      timing: await measure(() => callChannel(app, 'documents:attach', input), { warmup: 1, runs: 5 }),
    };
  }
  results['export.pdf'] = { label: "PDF of a year's report (reports:export, with the report)", timing: await measure(() => callChannel(app, 'reports:export', yearReportInput(probes, 'pdf')), { warmup: 1, runs: 3 }) };
  results['export.xlsx'] = { label: "XLSX of a year's report (reports:export, with the report)", timing: await measure(() => callChannel(app, 'reports:export', yearReportInput(probes, 'xlsx')), { warmup: 1, runs: 3 }) };
}

/**
 * The name search as the window makes it: through the app worker (a message each way, the result
 * cloned), against the floor of the same search. Timed alone, with the bench's own connection closed
 * (main.ts): timed in turns with a call on that connection, each connection's read-audit commit made
 * the other read its pages again.
 */
export async function benchThroughWorker(host: AppHost, probes: Probes, results: Results): Promise<void> {
  const input = { query: probes.namePrefix };
  const floor = results['search.namePrefix']?.floor;
  results['search.namePrefix.viaWorker'] = {
    label: `search:global, name prefix "${probes.namePrefix}", through the app worker as the window asks it`,
    // A new thread's code and a new connection's pages are cold: 30 calls first, as the app worker has
    // long made by the time anyone searches (3 left the median at twice the warm one).
    timing: await measure(() => callChannel(host, 'search:global', input), { warmup: 30, runs: 30 }),
    ...(floor ? { floor } : {}),
  };
}

export async function firstClientId(app: AppContext): Promise<string | null> {
  const db = app.requireUnlocked().db;
  return (await db.selectFrom('clients').select('id').where('deleted_at', 'is', null).where('erased_at', 'is', null).orderBy('id').limit(1).executeTakeFirst())?.id ?? null;
}

export async function unlock(app: AppContext | AppHost): Promise<void> {
  await unlockWith(callerOf(app));
}
