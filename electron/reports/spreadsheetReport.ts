import ExcelJS from 'exceljs';
import type { IndicatorReport } from '../../shared/api/reportTypes';
import type { Language } from '../../shared/domain/enums';
import { layoutReport, neutralise } from './reportTables';

// XLSX: an "About" sheet (title, period, filters, definitions version, provenance, suppression) and a
// sheet per table with its header row frozen; numbers are stored as numbers, hidden cells as text.
// CSV: the same tables one after another, UTF-8 with a BOM so Excel shows Cyrillic. Text that a
// spreadsheet would run as a formula (= + - @) is prefixed with an apostrophe in both.

export async function renderReportXlsx(report: IndicatorReport, language: Language, progress: (p: number) => void = () => {}): Promise<Buffer> {
  const layout = layoutReport(report, language);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Legal Aid Desk';
  wb.created = new Date(report.generated.at);
  const about = wb.addWorksheet('About');
  about.addRow([neutralise(layout.title)]).font = { bold: true, size: 14 };
  for (const [label, value] of layout.provenance) about.addRow([neutralise(label), neutralise(value)]);
  about.getColumn(1).width = 32;
  about.getColumn(2).width = 100;
  layout.tables.forEach((table, i) => {
    const sheet = wb.addWorksheet(table.id, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(table.columns.map(neutralise)).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map((v) => (typeof v === 'number' ? v : neutralise(v))));
    sheet.columns.forEach((c, j) => {
      c.width = j === 0 ? 48 : j === table.columns.length - 1 ? 12 : 30;
    });
    progress(Math.round(((i + 1) / layout.tables.length) * 90));
  });
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  progress(100);
  return buffer;
}

function csvCell(v: string | number): string {
  const s = typeof v === 'number' ? String(v) : neutralise(v);
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function renderReportCsv(report: IndicatorReport, language: Language, progress: (p: number) => void = () => {}): Buffer {
  const layout = layoutReport(report, language);
  const lines: string[] = [csvCell(layout.title), ...layout.provenance.map(([label, value]) => `${csvCell(label)},${csvCell(value)}`), ''];
  for (const table of layout.tables) {
    lines.push(csvCell(table.title), table.columns.map(csvCell).join(','));
    for (const row of table.rows) lines.push(row.map(csvCell).join(','));
    lines.push('');
  }
  progress(100);
  return Buffer.from(`\uFEFF${lines.join('\r\n')}`, 'utf8');
}
