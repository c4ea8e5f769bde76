import Sqlite from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, LATEST_SCHEMA_VERSION } from '../../db/migrations';
import { applyKey, openDatabase } from '../../db/open';
import { AppError } from '../../shared/api/errors';
import { tempDir } from '../support/testApp';

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function rawOpen(path: string, key: Buffer) {
  const raw = new Sqlite(path);
  applyKey(raw, key);
  return raw;
}

describe('migrations', () => {
  it('are numbered 1..n without gaps and registered in order', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('0001 creates the whole schema with sync stamps and tombstones on every synced table', async () => {
    dir = tempDir();
    const key = randomBytes(32);
    const opened = await openDatabase({ path: join(dir, 'a.db'), key, create: true, appVersion: 'test' });
    expect(opened.migration.current).toBe(LATEST_SCHEMA_VERSION);
    const tables = opened.raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    const names = tables.map((t) => t.name);
    for (const t of ['contact_points', 'mobile_sessions', 'clients', 'migrant_households', 'children', 'consultations', 'cases', 'hearings', 'tasks', 'documents', 'users', 'audit_log', 'change_log']) {
      expect(names).toContain(t);
    }
    for (const t of ['clients', 'consultations', 'cases', 'mobile_sessions', 'documents']) {
      const cols = (opened.raw.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name);
      expect(cols).toEqual(expect.arrayContaining(['id', 'created_at', 'updated_at', 'hlc', 'deleted_at']));
    }
    const snap = (opened.raw.prepare('PRAGMA table_info(consultations)').all() as { name: string }[]).map((c) => c.name);
    expect(snap).toEqual(expect.arrayContaining(['snap_migrant_household', 'snap_abandoned', 'snap_age_band', 'snap_employment']));
    await opened.close();
  });

  it('refuses a database written by a newer version, with a clear message, and changes nothing', async () => {
    dir = tempDir();
    const key = randomBytes(32);
    const path = join(dir, 'a.db');
    (await openDatabase({ path, key, create: true, appVersion: 'test' })).close();
    const raw = rawOpen(path, key);
    raw.prepare("INSERT INTO schema_migrations VALUES (?, 'from the future', '2030-01-01T00:00:00Z', '9.9.9')").run(LATEST_SCHEMA_VERSION + 1);
    raw.close();
    const err = await openDatabase({ path, key, appVersion: 'test' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('SCHEMA_TOO_NEW');
    expect((err as AppError).message).toMatch(/newer version/);
  });

  it('runs pending migrations in one transaction: a failing step leaves the database as it was', async () => {
    dir = tempDir();
    const key = randomBytes(32);
    const path = join(dir, 'a.db');
    const raw = rawOpen(path, key);
    // A table that migration 0001 also creates makes its CREATE fail halfway through the list.
    raw.exec('CREATE TABLE cases (x)');
    raw.close();
    const err = await openDatabase({ path, key, appVersion: 'test' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    const check = rawOpen(path, key);
    const names = (check.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]).map((t) => t.name);
    check.close();
    expect(names).not.toContain('clients');
    expect(names).not.toContain('meta');
    expect(names).toContain('cases');
  });

  it('does nothing the second time: an up-to-date database opens without changes', async () => {
    dir = tempDir();
    const key = randomBytes(32);
    const path = join(dir, 'a.db');
    (await openDatabase({ path, key, create: true, appVersion: 'test' })).close();
    const again = await openDatabase({ path, key, appVersion: 'test' });
    expect(again.migration.pending).toHaveLength(0);
    const rows = again.raw.prepare('SELECT count(*) AS n FROM schema_migrations').get() as { n: number };
    expect(rows.n).toBe(LATEST_SCHEMA_VERSION);
    await again.close();
  });
});

describe('migration 0003 (list indexes)', () => {
  it('lets the first page of the clients list by name walk a live-rows index', async () => {
    dir = tempDir();
    const opened = await openDatabase({ path: join(dir, 'a.db'), key: randomBytes(32), create: true, appVersion: 'test' });
    const plan = opened.raw
      .prepare("EXPLAIN QUERY PLAN SELECT id FROM clients WHERE deleted_at IS NULL ORDER BY search_name, id LIMIT 50")
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('clients_live_name');
    await opened.close();
  });
});

describe('migration 0004 (search indexes)', () => {
  it('lets the global search find a case by our number or the court number without scanning every case', async () => {
    dir = tempDir();
    const opened = await openDatabase({ path: join(dir, 'a.db'), key: randomBytes(32), create: true, appVersion: 'test' });
    const plan = opened.raw
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id FROM cases
         WHERE ((court_case_number >= ? AND court_case_number < ?) OR (number >= ? AND number < ?)) AND deleted_at IS NULL LIMIT 20`,
      )
      .all('KHJ-2024', 'KHJ-2024\uffff', 'KHJ-2024', 'KHJ-2024\uffff') as { detail: string }[];
    const detail = plan.map((p) => p.detail).join(' | ');
    expect(detail).toContain('cases_number');
    expect(detail).toContain('cases_court_number');
    expect(detail).not.toMatch(/SCAN cases(?! USING INDEX cases_(court_)?number)/);
    const venue = opened.raw
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id FROM consultations k WHERE k.deleted_at IS NULL AND k.venue_kind = 'mobile_session'
         AND k.date >= '2025-01-01' AND k.date <= '2025-12-31' ORDER BY k.date DESC, k.id DESC LIMIT 50`,
      )
      .all() as { detail: string }[];
    expect(venue.map((p) => p.detail).join(' | ')).toContain('consultations_live_venue_date');
    await opened.close();
  });
});
