import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { consultationsQuery } from '../../db/queries/indicatorCount';
import { tempDir } from '../support/testApp';

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// Migration 0006: the indicator report's one pass reads only covering indexes. At national scale
// reading and decrypting pages is its cost, so a plan that went back to the tables (a column added to
// the statement but not to the index, a condition no longer matching a partial index) would make the
// report several times slower without changing a number — this test notices.
describe('migration 0006 (report indexes)', () => {
  it("lets the report's consultations statement read only covering indexes, with or without filters", async () => {
    dir = tempDir();
    const opened = await openDatabase({ path: join(dir, 'a.db'), key: randomBytes(32), create: true, appVersion: 'test' });
    for (const filters of [
      { districtIds: null, contactPointId: null },
      { districtIds: ['su-khujand', 'su-istaravshan'], contactPointId: 'cp-1' },
    ]) {
      for (const before of ['2025-04-01', null]) {
        const compiled = consultationsQuery('2025-01-01', before, '2025-12-31', filters, true).compile(opened.db);
        const plan = opened.raw.prepare(`EXPLAIN QUERY PLAN ${compiled.sql}`).all(...(compiled.parameters as unknown[])) as { detail: string }[];
        const detail = plan.map((p) => p.detail).join(' | ');
        if (filters.contactPointId) {
          // One contact point's consultations: its own index (migration 0008) finds the few rows of the
          // period directly, cheaper than walking every contact point's entries of the covering index.
          expect(detail).toContain('SEARCH c USING INDEX consultations_contact_point (contact_point_id=? AND date>? AND date<?)');
        } else {
          expect(detail).toContain('SEARCH c USING COVERING INDEX consultations_report (date>? AND date<?)');
        }
        expect(detail).toContain('SEARCH ci USING COVERING INDEX consultation_issues_live (consultation_id=?)');
        expect(detail).toContain('USING COVERING INDEX clients_not_live');
      }
    }
    await opened.close();
  });
});
