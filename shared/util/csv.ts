// CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel shows Cyrillic), quoted fields, and
// spreadsheet formula injection neutralised: text starting with = + - @ (or a tab / carriage return)
// is prefixed with an apostrophe so Excel and LibreOffice show it as text instead of running it.

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = neutraliseFormula(String(value));
  return /[",;\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly unknown[])[], separator = ','): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(separator)).join('\r\n')}\r\n`;
}
