import { readFileSync } from 'node:fs';
import { cpus, freemem, totalmem } from 'node:os';
import type { RawDatabase } from '../../db/open';
import { forgetStatements } from '../../db/statementCache';

// Timing helpers of the benchmark: warm-up runs, then timed runs; median and p95 (nearest rank).
// Plus a recorder that captures every SQL statement (and its parameters) one app call runs through the
// driver, so the same statements can be replayed directly — the floor the app code can approach —
// and on an unencrypted copy of the database (the cost of encryption).

export interface Timing {
  median: number;
  p95: number;
  min: number;
  max: number;
  runs: number;
}

export function summarize(samples: number[]): Timing {
  const s = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!;
  return { median: rank(0.5), p95: rank(0.95), min: s[0]!, max: s[s.length - 1]!, runs: s.length };
}

/** `--quick` (the smoke test) caps the runs: it checks that everything works, not how fast. */
export const runLimits = { maxRuns: Infinity, maxWarmup: Infinity };

/** The machine the figures were taken on, written beside them. */
export function machine(): Record<string, unknown> {
  let model = cpus()[0]?.model ?? '';
  try {
    model = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? model;
  } catch {
    // not Linux
  }
  return { cpus: cpus().length, cpuModel: model, memoryGb: +(totalmem() / 2 ** 30).toFixed(1), freeGb: +(freemem() / 2 ** 30).toFixed(1), node: process.version };
}

export async function measure(fn: () => unknown, opts: { warmup: number; runs: number }): Promise<Timing> {
  for (let i = 0; i < Math.min(opts.warmup, runLimits.maxWarmup); i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < Math.min(opts.runs, runLimits.maxRuns); i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return summarize(samples);
}

/** Two operations timed in turns (a, b, a, b…), so that a load on the machine weighs on both alike. */
export async function measureSideBySide(a: () => unknown, b: () => unknown, opts: { warmup: number; runs: number }): Promise<[Timing, Timing]> {
  for (let i = 0; i < Math.min(opts.warmup, runLimits.maxWarmup); i++) {
    await a();
    await b();
  }
  const sa: number[] = [];
  const sb: number[] = [];
  for (let i = 0; i < Math.min(opts.runs, runLimits.maxRuns); i++) {
    for (const [fn, samples] of (i % 2 ? [[b, sb], [a, sa]] : [[a, sa], [b, sb]]) as Array<[() => unknown, number[]]>) {
      const t = performance.now();
      await fn();
      samples.push(performance.now() - t);
    }
  }
  return [summarize(sa), summarize(sb)];
}

export interface RecordedStatement {
  sql: string;
  params: unknown[];
  reader: boolean;
}

type Prepare = RawDatabase['prepare'];

/** Runs fn once while capturing the statements it sends through `raw`. */
export async function recordStatements(raw: RawDatabase, fn: () => Promise<unknown>): Promise<RecordedStatement[]> {
  const recorded: RecordedStatement[] = [];
  const original = raw.prepare;
  const patched = function (this: RawDatabase, source: string) {
    const stmt = original.call(raw, source);
    return new Proxy(stmt, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target) as unknown;
        if (typeof value !== 'function' || !['all', 'get', 'run', 'iterate'].includes(String(prop))) return typeof value === 'function' ? value.bind(target) : value;
        return (...params: unknown[]) => {
          recorded.push({ sql: source, params: params.flat(), reader: target.reader });
          return (value as (...a: unknown[]) => unknown).apply(target, params);
        };
      },
    });
  } as unknown as Prepare;
  // Statements the app keeps prepared (db/statementCache.ts) would not pass through `prepare`: the
  // recording starts without them, and keeps none of its recording ones afterwards.
  forgetStatements(raw);
  raw.prepare = patched;
  try {
    await fn();
  } finally {
    raw.prepare = original;
    forgetStatements(raw);
  }
  return recorded;
}

/** Replays recorded read statements (prepared once) on a connection: one "call". */
export function replayer(raw: RawDatabase, statements: RecordedStatement[]): () => void {
  const prepared = statements.filter((s) => s.reader).map((s) => ({ stmt: raw.prepare(s.sql), params: s.params }));
  return () => {
    for (const p of prepared) p.stmt.all(...p.params);
  };
}
