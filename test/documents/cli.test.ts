import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unlockDatabase } from '../../electron/app/database';
import { runCli } from '../../electron/cli/run';
import { CASE_TYPES } from '../../shared/domain/enums';
import { tempDir } from '../support/testApp';

// The command line of the filings issue: seed --demo, cases --format json, filing.

const PASS = 'correct horse battery staple';
let dir = '';
let db = '';

async function cli(...argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await runCli(argv, (l) => lines.push(l));
  return { code, out: lines.join('\n') };
}

beforeAll(async () => {
  process.env.LEGAL_AID_PASSPHRASE = PASS;
  dir = tempDir('lad-cli-filings-');
  db = join(dir, 'demo.db');
  const seeded = await cli('seed', '--db', db, '--demo');
  expect(seeded.code).toBe(0);
}, 120_000);

afterAll(() => {
  delete process.env.LEGAL_AID_PASSPHRASE;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Listed {
  id: string;
  type: string;
  clientName: string;
  status: string;
}

async function listCases(): Promise<Listed[]> {
  const r = await cli('cases', '--db', db, '--format', 'json');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as Listed[];
}

describe('command line: seed, cases, filing', () => {
  it('seed --demo makes a case of every filing type, and cases --format json lists them', async () => {
    const cases = await listCases();
    expect(cases).toHaveLength(8);
    const filingTypes = CASE_TYPES.slice(0, 8);
    expect(cases.map((c) => c.type).sort()).toEqual([...filingTypes].sort());
    expect(cases[0]).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), number: expect.any(String), type: 'alimony_share', clientName: 'Раҳимова Малика Саидовна', status: 'open' });
  }, 30_000);

  it('filing writes the .docx for a complete case', async () => {
    const c = (await listCases()).find((x) => x.type === 'alimony_fixed_sum')!;
    const out = join(dir, 'fixed.docx');
    const r = await cli('filing', '--db', db, '--case', c.id, '--template', 'alimony-fixed-sum', '--lang', 'ru', '--out', out);
    expect(r.code).toBe(0);
    const text = (await mammoth.extractRawText({ path: out })).value.replace(/\s+/g, ' ');
    expect(text).toContain('Назарова Гулнора Аҳмадовна');
    expect(text).toContain('1 500 сомони (одна тысяча пятьсот сомони)');
  }, 30_000);

  it('filing names the missing required fields and writes nothing when the case lacks them', async () => {
    // The alimony-share case has none of the property-division answers.
    const c = (await listCases()).find((x) => x.type === 'alimony_share')!;
    const out = join(dir, 'incomplete.docx');
    const r = await cli('filing', '--db', db, '--case', c.id, '--template', 'property-division', '--lang', 'tg', '--out', out);
    expect(r.code).toBe(1);
    expect(r.out).toContain('total');
    expect(r.out).toContain('requested_share');
    expect(r.out).toContain('property');
    expect(existsSync(out)).toBe(false);
    // Answers given in a file fill the gaps (the property list stays missing: it is not an answer).
    const answers = join(dir, 'answers.json');
    writeFileSync(answers, JSON.stringify({ requested_share: 'Нисф' }));
    const again = await cli('filing', '--db', db, '--case', c.id, '--template', 'property-division', '--lang', 'tg', '--out', out, '--answers', answers);
    expect(again.code).toBe(1);
    expect(again.out).not.toContain('requested_share');
    expect(again.out).toContain('property');
  }, 30_000);

  it('filing refuses a respondent named in the answers who is a client of the office, and writes nothing', async () => {
    const c = (await listCases()).find((x) => x.type === 'alimony_share')!;
    // The case leaves its respondent blank: the answers name him, as the wizard would ask.
    const open = await unlockDatabase(db, 'admin', PASS);
    try {
      await open.db.updateTable('cases').set({ respondent_name: '' }).where('id', '=', c.id).execute();
    } finally {
      await open.close();
    }
    const out = join(dir, 'conflict.docx');
    const answers = join(dir, 'conflict.json');
    // Another client of the office, under her own name.
    writeFileSync(answers, JSON.stringify({ respondent_name: 'Назарова Гулнора Аҳмадовна' }));
    const r = await cli('filing', '--db', db, '--case', c.id, '--template', 'alimony-share', '--lang', 'tg', '--out', out, '--answers', answers);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Not written: the respondent matches 1 client(s) of this office');
    expect(existsSync(out)).toBe(false);
    writeFileSync(answers, JSON.stringify({ respondent_name: 'Шарипов Фаридун Бахтиёрович' }));
    const stranger = await cli('filing', '--db', db, '--case', c.id, '--template', 'alimony-share', '--lang', 'tg', '--out', out, '--answers', answers);
    expect(stranger.out).not.toContain('Not written');
    expect(existsSync(out)).toBe(true);
  }, 60_000);

  it('filing refuses text in the other language, naming the field, unless --allow-mixed', async () => {
    const c = (await listCases()).find((x) => x.type === 'alimony_fixed_sum')!;
    const out = join(dir, 'mixed.docx');
    const answers = join(dir, 'mixed.json');
    writeFileSync(answers, JSON.stringify({ children_needs: 'Ғизо, либос ва дору.' }));
    const args = ['filing', '--db', db, '--case', c.id, '--template', 'alimony-fixed-sum', '--lang', 'ru', '--out', out, '--answers', answers];
    const refused = await cli(...args);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('children_needs');
    expect(refused.out).toContain('Ғизо');
    expect(refused.out).not.toContain('income_abroad');
    expect(existsSync(out)).toBe(false);
    // The same text is a Tajik filing's own language.
    const tg = await cli('filing', '--db', db, '--case', c.id, '--template', 'alimony-fixed-sum', '--lang', 'tg', '--out', out, '--answers', answers);
    expect(tg.code).toBe(0);
    rmSync(out);
    const allowed = await cli(...args, '--allow-mixed');
    expect(allowed.code).toBe(0);
    const text = (await mammoth.extractRawText({ path: out })).value;
    expect(text).toContain('Ғизо, либос ва дору.');
  }, 30_000);

  it('refuses an unknown template or language with a usage error', async () => {
    const c = (await listCases())[0]!;
    expect((await cli('filing', '--db', db, '--case', c.id, '--template', 'nope', '--lang', 'tg', '--out', join(dir, 'x.docx'))).code).toBe(2);
    expect((await cli('filing', '--db', db, '--case', c.id, '--template', 'divorce', '--lang', 'en', '--out', join(dir, 'x.docx'))).code).toBe(2);
  }, 30_000);
});
