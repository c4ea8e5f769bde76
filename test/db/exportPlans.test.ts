import { describe, expect, it } from 'vitest';
import { changeLines } from '../../electron/exchange/fullSync';
import { planDatabases } from '../support/queryPlans';

// A full package leaves scanned papers out by looking up each document's message by its id: a list of
// every attachment, made again for each page of messages, read the whole documents table (the filings
// and papers themselves) once per page — most of a national year's export.

const { open } = planDatabases();

describe('full package export plan', () => {
  it('reads the change log by sequence and each document by its id, never the whole documents table', async () => {
    const o = await open();
    const sources: string[] = [];
    const prepare = o.raw.prepare.bind(o.raw);
    o.raw.prepare = ((source: string) => (sources.push(source), prepare(source))) as typeof o.raw.prepare;
    for (const line of changeLines(o.raw, 'another-installation', 0, 100, { changes: 0, newest: null })) void line;
    o.raw.prepare = prepare;
    const page = sources.find((s) => s.includes('FROM change_log'))!;
    expect(page).toContain("d.kind = 'attachment'");
    const plan = (o.raw.prepare(`EXPLAIN QUERY PLAN ${page}`).all(0, 100, 'x', 10) as { detail: string }[]).map((p) => p.detail).join(' | ');
    expect(plan).toMatch(/SEARCH change_log USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)/);
    expect(plan).toMatch(/SEARCH d USING INDEX sqlite_autoindex_documents_1 \(id=\?\)/);
    expect(plan).not.toMatch(/SCAN (d|documents)\b/);
  });
});
