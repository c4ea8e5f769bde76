import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unlockDatabase } from '../../electron/app/database';
import { tombstoneRow } from '../../db/write';
import type { IndicatorReport } from '../../shared/api/reportTypes';
import type { HeadlineKey } from '../../shared/domain/indicatorReport';
import { HEADLINE_KEYS, headlineOf } from '../../shared/domain/reportTrends';
import { cellValue, groupRows, layoutReport } from '../../shared/reports/reportLayout';
import { reportText } from '../../shared/reports/reportText';
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

  it('gives the months, the previous period, the change and the shares worked out by hand', async () => {
    const r = await report('--from', '2025-01-01', '--to', '2025-12-31');
    const e = expected.trends2025;
    expect(r.series.map((m) => m.month)).toEqual(e.months);
    expect(r.series[0]).toMatchObject({ from: '2025-01-01', to: '2025-01-31' });
    for (const key of HEADLINE_KEYS) expect([key, r.series.map((m) => m.values[key])]).toEqual([key, e.series[key]]);
    expect(r.previous).toEqual({ period: e.previous.period, values: e.previous.values });
    // The changes and shares as every output lays them out.
    const layout = layoutReport(r, reportText('en'));
    const comparison = layout.sections.find((s) => s.name === 'comparison')!;
    for (const [key, change] of Object.entries(e.change) as [string, { absolute: number; percent: number | null }][]) {
      if (key.startsWith('_')) continue;
      const cells = comparison.rows.find((row) => row.key === `change:${key}`)!.cells;
      expect([key, cellValue(cells[3]!), cells[4]!.kind === 'percent' ? cells[4]!.value : undefined]).toEqual([key, change.absolute, change.percent]);
    }
    for (const [key, dims] of Object.entries(e.shares) as [string, Record<string, Record<string, number>>][]) {
      if (key.startsWith('_')) continue;
      const section = layout.sections.find((s) => s.name === `breakdown:${key}`)!;
      for (const [dim, cells] of Object.entries(dims)) {
        const shares = Object.fromEntries(groupRows(section, dim as 'abandoned').map((row) => [row.key, row.share?.value]));
        expect(shares).toMatchObject(cells);
      }
    }
  });

  it('counts each month as a report of that month alone, and the previous period as a report of it', async () => {
    const year = await report('--from', '2025-01-01', '--to', '2025-12-31');
    const headline = (x: IndicatorReport) => headlineOf(x.indicators);
    for (const k of [1, 4, 5]) {
      const m = year.series[k]!;
      expect(headline(await report('--from', m.from, '--to', m.to))).toEqual(m.values);
    }
    expect(headline(await report('--from', '2024-01-01', '--to', '2024-12-31'))).toEqual(year.previous.values);
    // A quarter's previous period is the quarter before it; a period of days, as many days before.
    const q1 = await report('--from', '2025-01-01', '--to', '2025-03-31');
    const e = expected.trends2025.previousOfQuarter1;
    expect(q1.previous.period).toEqual(e.period);
    expect(q1.previous.values).toMatchObject({ women123: e.women123, consultations123: e.consultations123, contactPointsOperating: e.contactPointsOperating, sessions124: e.sessions124 });
    const days = await report('--from', '2025-02-10', '--to', '2025-02-19');
    expect(days.previous.period).toEqual({ from: '2025-01-31', to: '2025-02-09' });
    expect(days.series).toEqual([expect.objectContaining({ month: '2025-02', from: '2025-02-10', to: '2025-02-19' })]);
  });

  it('hides small months and keeps months from giving away a hidden number', async () => {
    const r = await report('--from', '2025-01-01', '--to', '2025-12-31', '--suppress-small');
    const months = (key: HeadlineKey) => r.series.map((m) => m.values[key]);
    // 1.2.4 women: Feb 16, Jun 17, Dec 1. Dec alone hidden would be 34 - 16 - 17: the smallest other month goes with it.
    expect(months('women124')).toEqual([0, 'x', 0, 0, 0, 17, 0, 0, 0, 0, 0, '<5']);
    // May: 67 at contact points and 1 at a session; 1.2.10 of May (68) shown, so 67 is hidden beside the 1.
    expect(r.series[4]!.values).toMatchObject({ consultations124: '<5', consultations123: 'x', consultations1210: 68 });
    // Counts of contact points and sessions name nobody.
    expect(months('sessions124')).toEqual(expected.trends2025.series.sessions124);
    expect(r.previous.values).toMatchObject({ women123: 22, abandoned123: '<5', sessions124: 1 });
    expect(r.indicators['1.2.3'].womenFromMigrantHouseholds).toBe(92);
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

  it('PDF right-aligns numbers, "<5" and per cents alike, and leaves no heading alone at the foot of a page', async () => {
    const out = join(dir, 'r-suppressed.pdf');
    expect((await cli('report', '--db', db, '--from', '2025-01-01', '--to', '2025-12-31', '--format', 'pdf', '--out', out, '--lang', 'tg', '--suppress-small')).code).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', out, '-']).toString();
    // Breakdown rows end with the count and its share, in two columns of fixed width at the right margin:
    // right-aligned, a count ends in the same text column whether it is "12", "1 234" or "<5" (page by page:
    // pdftotext lays each page out on its own).
    let marks = 0;
    for (const page of text.split('\f')) {
      // [dimension, category, count, share]: four fields apart (the comparison table has five).
      const rows = [...page.matchAll(/^.*?\S\s{2,}(\d+(?:[ \u00a0\u202f]\d{3})*|<5|x)\s{2,}(?:\d+(?:,\d)? ?%|x|—)\s*$/dgm)].filter((m) => m[0].trim().split(/\s{2,}/).length === 4);
      const end = (m: RegExpExecArray) => m.indices![1]![1] - m.index;
      const numbers = rows.filter((m) => !/^(<5|x)$/.test(m[1]!)).map(end);
      const common = numbers.sort((a, b) => numbers.filter((x) => x === b).length - numbers.filter((x) => x === a).length)[0];
      for (const m of rows.filter((r) => /^(<5|x)$/.test(r[1]!))) {
        marks += 1;
        expect([m[0].trim(), Math.abs(end(m) - common!) <= 1]).toEqual([m[0].trim(), true]);
      }
    }
    expect(marks).toBeGreaterThan(3);

    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [out]).toString())![1]);
    const suppressed = await report('--from', '2025-01-01', '--to', '2025-12-31', '--suppress-small');
    const titles = new Set(layoutReport(suppressed, reportText('tg')).sections.map((s) => s.title));
    for (let page = 1; page <= pages; page++) {
      const lines = execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), out, '-'])
        .toString()
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('2026-11-1 ·'));
      expect([page, titles.has(lines.at(-1)!)]).toEqual([page, false]);
    }
  });

  it('XLSX opened by LibreOffice holds the same numbers, as numbers, with the header frozen', async () => {
    const out = join(dir, 'r.xlsx');
    expect((await cli('report', '--db', db, '--from', '2025-01-01', '--to', '2025-12-31', '--format', 'xlsx', '--out', out, '--lang', 'ru')).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.getWorksheet('Headline')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(4).getCell(2).value).toBe(92);
    // The months as text YYYY-MM, a column per headline number; the previous period beside the headline.
    const months = wb.getWorksheet('Months')!;
    expect(months.getRow(2).values).toEqual([undefined, '2025-01', 2, 0, 16, 8, 16, 0, 0, 0, 0, 16, 0, 0]);
    expect(months.getRow(13).getCell(1).value).toBe('2025-12');
    const previous = wb.getWorksheet('Previous period')!;
    expect(previous.getRow(4).values).toEqual([undefined, '1.2.3 b. Женщины из семей мигрантов, обратившиеся за помощью в контактный пункт', 92, 22, 70, 318.2]);
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
    expect(text).toContain('\r\n2025-01,2,0,16,8,16,0,0,0,0,16,0,0\r\n');
    expect(text).toContain('\r\n2025-05,3,0,27,14,67,1,0,0,1,68,0,0\r\n');
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
