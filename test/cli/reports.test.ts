import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unlockDatabase } from '../../electron/app/database';
import { tombstoneRow } from '../../db/write';
import type { IndicatorReport } from '../../shared/api/reportTypes';
import { tempDir } from '../support/temp';
import { runCliCaptured } from '../support/cli';

// The fixture registers of test/fixtures/registers, imported through the command line, and the report
// compared with the numbers worked out by hand in expected.json (each with its arithmetic).

const PASS = 'correct horse battery staple';
const FIX = join(__dirname, '..', 'fixtures', 'registers');
const expected = JSON.parse(readFileSync(join(FIX, 'expected.json'), 'utf8'));
let dir = '';
let db = '';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  return runCliCaptured(argv);
}

async function report(...extra: string[]): Promise<IndicatorReport> {
  const out = join(dir, `r-${Math.random().toString(36).slice(2)}.json`);
  const r = await cli('report', '--db', db, '--format', 'json', '--out', out, ...extra);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(readFileSync(out, 'utf8')) as IndicatorReport;
}

beforeAll(async () => {
  dir = tempDir();
  db = join(dir, 'office.db');
  process.env.LEGAL_AID_PASSPHRASE = PASS;
  expect((await cli('init', '--db', db, '--name', '=HYPERLINK("http://example.org","click")')).code).toBe(0);
  for (const [kind, file] of [
    ['contact-points', 'contact-points.csv'],
    ['mobile-sessions', 'mobile-sessions.csv'],
    ['consultations', 'consultations-core.csv'],
    ['consultations', 'consultations-bulk.csv'],
  ] as const) {
    const r = await cli('import', '--db', db, '--kind', kind, join(FIX, file));
    expect(r.code, r.err).toBe(0);
  }
});

afterAll(() => {
  delete process.env.LEGAL_AID_PASSPHRASE;
  rmSync(dir, { recursive: true, force: true });
});

describe('indicator report of the hand-made fixture', () => {
  it('matches the hand-worked numbers for 2025 exactly', async () => {
    const r = await report('--from', '2025-01-01', '--to', '2025-12-31');
    const e = expected.year2025;
    expect(r.definitionsVersion).toBe('2026-11-1');
    expect(r.period).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    for (const id of ['1.2.3', '1.2.4', '1.2.10'] as const) {
      for (const [k, v] of Object.entries(e.indicators[id])) if (!k.startsWith('_')) expect([id, k, r.indicators[id][k as 'consultations']]).toEqual([id, k, v]);
    }
    for (const [key, dims] of Object.entries(e.breakdowns) as [keyof IndicatorReport['breakdowns'], Record<string, unknown>][]) {
      for (const [dim, cells] of Object.entries(dims)) if (!dim.startsWith('_')) expect(r.breakdowns[key][dim as 'ageBand']).toEqual(cells);
    }
  });

  it('places each woman once, so every additive breakdown adds up to its total', async () => {
    const r = await report('--from', '2025-01-01', '--to', '2025-12-31');
    const totals: Record<string, number> = {
      '1.2.3.womenFromMigrantHouseholds': r.indicators['1.2.3'].womenFromMigrantHouseholds as number,
      '1.2.3.consultations': r.indicators['1.2.3'].consultations as number,
      '1.2.4.womenFromMigrantHouseholds': r.indicators['1.2.4'].womenFromMigrantHouseholds as number,
      '1.2.4.abandonedWomen': r.indicators['1.2.4'].abandonedWomen as number,
      '1.2.4.consultations': r.indicators['1.2.4'].consultations as number,
      '1.2.10.consultations': r.indicators['1.2.10'].consultations as number,
    };
    for (const [key, breakdown] of Object.entries(r.breakdowns)) {
      for (const [dim, cells] of Object.entries(breakdown)) {
        const sum = Object.values(cells as Record<string, number>).reduce((s, n) => s + n, 0);
        if ((r.multiValuedDimensions as string[]).includes(dim)) expect(sum).toBeGreaterThanOrEqual(totals[key]!);
        else expect([key, dim, sum]).toEqual([key, dim, totals[key]]);
      }
    }
    expect(r.breakdowns['1.2.4.womenFromMigrantHouseholds'].abandoned!.yes).toBe(r.indicators['1.2.4'].abandonedWomen);
  });

  it('follows the period and the filters', async () => {
    const q1 = await report('--from', '2025-01-01', '--to', '2025-03-31');
    expect(q1.indicators['1.2.3'].womenFromMigrantHouseholds).toBe(expected.quarter1.womenFromMigrantHouseholds123);
    const du = await report('--from', '2025-01-01', '--to', '2025-12-31', '--region', 'TJ-DU');
    expect(du.indicators['1.2.3'].contactPointsOperating).toBe(expected.dushanbe.contactPointsOperating);
    expect(du.indicators['1.2.3'].womenFromMigrantHouseholds).toBe(expected.dushanbe.womenFromMigrantHouseholds123);
    expect(du.indicators['1.2.10'].consultations).toBe(expected.dushanbe.consultations1210);
    const y24 = await report('--from', '2024-01-01', '--to', '2024-12-31');
    expect(y24.indicators['1.2.3'].womenFromMigrantHouseholds).toBe(expected.year2024.womenFromMigrantHouseholds123);
    expect(y24.indicators['1.2.4'].mobileSessionsConducted).toBe(expected.year2024.mobileSessionsConducted);
    const bkh = await report('--from', '2025-01-01', '--to', '2025-12-31', '--contact-point', 'CP-BKH');
    // CP-BKH: P5, P6, P19, P20 x2 at the contact point; P7, P8, P13 + 15 block-C women on its sessions.
    expect(bkh.indicators['1.2.3'].womenFromMigrantHouseholds).toBe(5);
    expect(bkh.indicators['1.2.4'].womenFromMigrantHouseholds).toBe(18);
  });

  it('importing the same registers again adds nothing', async () => {
    for (const [kind, file] of [
      ['contact-points', 'contact-points.csv'],
      ['mobile-sessions', 'mobile-sessions.csv'],
      ['consultations', 'consultations-core.csv'],
      ['consultations', 'consultations-bulk.csv'],
    ] as const) {
      const r = await cli('import', '--db', db, '--kind', kind, join(FIX, file));
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/imported 0,/);
    }
    expect((await report('--from', '2025-01-01', '--to', '2025-12-31')).indicators['1.2.10'].consultations).toBe(254);
  });

  it('refuses a register with bad rows, naming every one, and imports nothing', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(
      bad,
      [
        'date;venue;contact_point;mobile_session;surname;given_name;sex;birth_date',
        '2025-13-01;contact_point;CP-KHJ;;Раҳимова;Гулбаҳор;F;',
        '2025-05-05;mobile_session;CP-KHJ;;Раҳимова;Гулбаҳор;F;',
        '2025-05-05;contact_point;CP-XXX;;Раҳимова;Гулбаҳор;X;1990-01-01',
        '2025-05-06;contact_point;CP-KHJ;;;Гулбаҳор;F;2030-01-01',
        '2025-05-07;contact_point;CP-KHJ;;Раҳимова;Гулбаҳор;F;1990-01-01',
      ].join('\n'),
    );
    const r = await cli('import', '--db', db, '--kind', 'consultations', bad);
    expect(r.code).toBe(1);
    expect(r.err).toContain('nothing was imported');
    expect(r.err).toMatch(/row 2, column date: not a date/);
    expect(r.err).toMatch(/row 3, column mobile_session: a consultation on a mobile session needs the session code/);
    expect(r.err).toMatch(/row 4, column contact_point: no contact point/);
    expect(r.err).toMatch(/row 4, column sex: value not recognised/);
    expect(r.err).toMatch(/row 5, column surname: required/);
    expect(r.err).toMatch(/row 5, column birth_date: the date is in the future/);
    expect(r.err).not.toMatch(/row 6/);
    expect(r.err).not.toContain('Гулбаҳор');
    expect((await report('--from', '2025-01-01', '--to', '2025-12-31')).indicators['1.2.10'].consultations).toBe(254);
  });

  it('imports the first sheet of an XLSX register, and a dry run writes nothing', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Журнал');
    ws.addRow(['Дата', 'Место приёма', 'Контактный пункт', 'Фамилия', 'Имя', 'Пол', 'Семья мигранта', 'Возраст']);
    ws.addRow([new Date(Date.UTC(2025, 11, 1)), 'contact_point', 'CP-KHJ', 'Иброҳимова', 'Моҳира', 'Ж', 'да', 33]);
    const file = join(dir, 'extra.xlsx');
    await wb.xlsx.writeFile(file);
    const dry = await cli('import', '--db', db, '--kind', 'consultations', file, '--dry-run');
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toContain('would import (dry run) 1');
    expect((await report('--from', '2025-12-01', '--to', '2025-12-01')).indicators['1.2.3'].womenFromMigrantHouseholds).toBe(0);
    expect((await cli('import', '--db', db, '--kind', 'consultations', file)).code).toBe(0);
    const r = await report('--from', '2025-12-01', '--to', '2025-12-01');
    expect(r.indicators['1.2.3'].womenFromMigrantHouseholds).toBe(1);
    // A tombstoned consultation never counts.
    const s = await unlockDatabase(db, 'admin', PASS);
    try {
      const row = await s.db.selectFrom('consultations').select('id').where('date', '=', '2025-12-01').executeTakeFirstOrThrow();
      await s.db.transaction().execute((trx) => tombstoneRow(trx, s.writer, 'consultations', row.id));
    } finally {
      await s.close();
    }
    expect((await report('--from', '2025-12-01', '--to', '2025-12-01')).indicators['1.2.3'].womenFromMigrantHouseholds).toBe(0);
  });
});

describe('report exports', () => {
  it('PDF text shows Tajik letters and every headline number', async () => {
    const out = join(dir, 'r.pdf');
    expect((await cli('report', '--db', db, '--from', '2025-01-01', '--to', '2025-12-31', '--format', 'pdf', '--out', out, '--lang', 'tg')).code).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', out, '-']).toString();
    expect(text).toContain('Занони оилаҳои муҳоҷирон');
    expect(text).toMatch(/[ғӣқӯҳҷ]/);
    expect(text).toContain('2026-11-1');
    expect(text).toContain('01.01.2025 – 31.12.2025');
    const headline = (label: string) => new RegExp(`${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^\\n]*?\\s(\\d+)\\s*\\n`).exec(text)?.[1];
    expect(headline('1.2.3 a. Нуқтаҳои тамоси амалкунанда')).toBe('3');
    expect(headline('1.2.4 a. Сессияҳои сайёри гузаронидашуда')).toBe('4');
    expect(headline('1.2.3. Машваратҳо дар нуқтаҳои тамос (ҳамаи мизоҷон)')).toBe('219');
    expect(headline('1.2.4. Машваратҳо дар сессияҳои сайёр (ҳамаи мизоҷон)')).toBe('35');
    expect(headline('1.2.10. Машваратҳо (ҳуқуқӣ, тиббӣ, равонӣ)')).toBe('254');
    for (const n of ['92', '23', '34', '13']) expect(text).toMatch(new RegExp(`\\s${n}\\n`));
  });

  it('XLSX opened by LibreOffice holds the same numbers, as numbers, with the header frozen', async () => {
    const out = join(dir, 'r.xlsx');
    expect((await cli('report', '--db', db, '--from', '2025-01-01', '--to', '2025-12-31', '--format', 'xlsx', '--out', out, '--lang', 'ru')).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.getWorksheet('Headline')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(4).getCell(2).value).toBe(92);
    const about = wb.getWorksheet('About')!;
    const installation = about.getColumn(2).values.find((v) => typeof v === 'string' && v.includes('HYPERLINK'));
    expect(installation).toBe('\'=HYPERLINK("http://example.org","click")');

    const lo = join(dir, 'lo');
    mkdirSync(lo);
    execFileSync('libreoffice', ['--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', lo, out], {
      env: { ...process.env, HOME: dir },
      stdio: 'ignore',
    });
    const headlineCsv = readFileSync(join(lo, readdirSync(lo).find((f) => f.endsWith('Headline.csv'))!), 'utf8');
    for (const n of [3, 1, 92, 23, 219, 4, 34, 13, 35, 254]) expect(headlineCsv).toMatch(new RegExp(`,${n}\\r?\\n`));
    expect(headlineCsv).toContain('Женщины из семей мигрантов');
    const aboutCsv = readFileSync(join(lo, readdirSync(lo).find((f) => f.endsWith('About.csv'))!), 'utf8');
    expect(aboutCsv).toContain('=HYPERLINK');
    expect(aboutCsv).not.toMatch(/^[^,]*,=HYPERLINK/m);
  }, 120_000);

  it('CSV is UTF-8 with a BOM and keeps formula-like text as text', async () => {
    const out = join(dir, 'r.csv');
    expect((await cli('report', '--db', db, '--from', '2025-01-01', '--to', '2025-12-31', '--format', 'csv', '--out', out, '--lang', 'ru')).code).toBe(0);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('"\'=HYPERLINK(""http://example.org"",""click"")"');
    expect(text).toContain('"1.2.3 a. Контактные пункты, созданные за период",1\r\n');
    expect(text).toContain('"1.2.10. Консультации (юридические, медицинские, психологические)",254\r\n');
  });

  it('suppresses small cells and says so, without hiding counts of contact points', async () => {
    const r = await report('--from', '2025-01-01', '--to', '2025-12-31', '--suppress-small');
    expect(r.suppression).toMatchObject({ applied: true, threshold: 5 });
    expect(r.indicators['1.2.3'].contactPointsOperating).toBe(3);
    expect(r.breakdowns['1.2.3.womenFromMigrantHouseholds'].ageBand!['<18']).toBe('<5');
    // P8 is the only 1.2.4 woman with unknown abandonment: hidden, and another cell with it, but not the headline.
    const ab = r.breakdowns['1.2.4.womenFromMigrantHouseholds'].abandoned!;
    expect(ab.unknown).toBe('<5');
    expect(ab.no).toBe('x');
    expect(r.indicators['1.2.4'].abandonedWomen).toBe(13);
    // Honest cells stay numbers.
    expect(r.indicators['1.2.3'].womenFromMigrantHouseholds).toBe(92);
  });
});
