import type { Count, IndicatorReport } from '../../shared/api/reportTypes';
import type { Language } from '../../shared/domain/enums';
import { cellValue, layoutReport, tableSections } from '../../shared/reports/reportLayout';
import { reportText } from '../../shared/reports/reportText';

// XLSX: an "About" sheet (title, period, filters, definitions version, provenance, suppression) and a
// sheet per section that has a table, its header row frozen; numbers are stored as numbers, hidden
// cells as text. CSV: the same tables one after another, UTF-8 with a BOM so Excel shows Cyrillic.
// Text that a spreadsheet would run as a formula (= + - @) is prefixed with an apostrophe in both.
// Chart sections hold no table of their own: the spreadsheets leave them out. Months are written
// YYYY-MM (as text); shares and changes in per cent as numbers, their header saying "%".

/** Spreadsheet formula injection: text starting with = + - @ (or a tab/CR) is kept as text by a leading apostrophe. */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const safe = (v: Count): Count => (typeof v === 'number' ? v : neutralise(v));

export async function renderReportXlsx(report: IndicatorReport, language: Language, progress: (p: number) => void = () => {}): Promise<Buffer> {
  const layout = layoutReport(report, reportText(language));
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Legal Aid Desk';
  wb.created = new Date(report.generated.at);
  const about = wb.addWorksheet('About');
  about.addRow([neutralise(layout.title)]).font = { bold: true, size: 14 };
  for (const [label, value] of layout.provenance) about.addRow([neutralise(label), neutralise(value)]);
  about.getColumn(1).width = 32;
  about.getColumn(2).width = 100;
  const sections = tableSections(layout);
  sections.forEach((s, i) => {
    const sheet = wb.addWorksheet(s.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(s.columns.map((c) => neutralise(c.label))).font = { bold: true };
    for (const row of s.rows) sheet.addRow(row.cells.map((c) => safe(cellValue(c))));
    sheet.columns.forEach((c, j) => {
      c.width = s.columns[j]?.kind !== 'text' ? 14 : j === 0 ? (s.name === 'series' ? 10 : 48) : 30;
    });
    progress(Math.round(((i + 1) / sections.length) * 90));
  });
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  progress(100);
  return buffer;
}

function csvCell(v: Count): string {
  const s = String(safe(v));
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function renderReportCsv(report: IndicatorReport, language: Language, progress: (p: number) => void = () => {}): Buffer {
  const layout = layoutReport(report, reportText(language));
  const lines: string[] = [csvCell(layout.title), ...layout.provenance.map(([label, value]) => `${csvCell(label)},${csvCell(value)}`), ''];
  for (const s of tableSections(layout)) {
    lines.push(csvCell(s.title), s.columns.map((c) => csvCell(c.label)).join(','));
    for (const row of s.rows) lines.push(row.cells.map((c) => csvCell(cellValue(c))).join(','));
    lines.push('');
  }
  progress(100);
  return Buffer.from(`\uFEFF${lines.join('\r\n')}`, 'utf8');
}
