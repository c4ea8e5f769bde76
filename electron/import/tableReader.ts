import type { CellValue } from 'exceljs';
import { crc32 } from 'node:zlib';
import { AppError } from '../../shared/api/errors';
import { writeZip } from '../documents/zipParts';
import { checkZip, type ZipLimits } from '../security/zipBounds';

// Reads a register kept in Excel or exported as CSV into rows of text cells. CSV: UTF-8 (a BOM is
// allowed, Excel writes one), comma or semicolon separated (Russian-locale Excel writes semicolons),
// quotes doubled inside quoted cells, CRLF or LF. XLSX: the first worksheet; dates become YYYY-MM-DD.

export interface Table {
  header: string[];
  /** Data rows (the header excluded); `line` is the row number a spreadsheet shows (header = 1). */
  rows: { line: number; cells: string[] }[];
}

export class TableFormatError extends Error {}

/**
 * The most a register may hold, counting the header row; more is refused before it is read. A
 * register of a year at a busy contact point has a few thousand rows and about thirty columns.
 */
export const TABLE_LIMITS = { rows: 50_000, columns: 100, cells: 1_000_000 };
const XLSX_LIMITS: ZipLimits = { maxEntries: 500, maxUnpackedBytes: 64 * 1024 * 1024 };
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;

function tableTooLarge(detail: string): AppError {
  return new AppError('TABLE_TOO_LARGE', `The register is too large: ${detail}`, undefined, { ...TABLE_LIMITS });
}

/** Counts what a table holds as it grows, and refuses it at the first row, column or cell over a limit. */
class TableBounds {
  private cells = 0;
  row(n: number): void {
    if (n > TABLE_LIMITS.rows) throw tableTooLarge(`row ${n}, at most ${TABLE_LIMITS.rows}`);
  }
  cell(column: number): void {
    if (column > TABLE_LIMITS.columns) throw tableTooLarge(`column ${column}, at most ${TABLE_LIMITS.columns}`);
    if (++this.cells > TABLE_LIMITS.cells) throw tableTooLarge(`more than ${TABLE_LIMITS.cells} cells`);
  }
}

function detectDelimiter(text: string): ',' | ';' {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

export function parseCsv(text: string): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = detectDelimiter(src);
  const bounds = new TableBounds();
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    bounds.cell(row.length + 1);
    row.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    bounds.row(rows.length + 1);
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) endCell();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRow();
    } else cell += ch;
  }
  if (quoted) throw new TableFormatError('A quoted cell is not closed');
  if (cell !== '' || row.length) endRow();
  return rows;
}

function isoFromDate(d: Date): string {
  // Excel dates carry no time zone; exceljs gives them as UTC midnight.
  return d.toISOString().slice(0, 10);
}

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoFromDate(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as CellValue);
    return '';
  }
  return String(value);
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/**
 * A worksheet as exceljs will see it: its rows and cells checked against the limits, and without
 * merged ranges and drop-down lists (data validations), which exceljs turns into one object per cell
 * of their range (a whole-column list is a million) and which a register's values do not need.
 */
function boundedWorksheet(xml: string, bounds: TableBounds): string {
  const sheet = xml
    .replace(/<mergeCells\b[^>]*\/>|<mergeCells\b[\s\S]*?<\/mergeCells>/g, '')
    .replace(/<dataValidations\b[^>]*\/>|<dataValidations\b[\s\S]*?<\/dataValidations>/g, '');
  let row = 0;
  let column = 0;
  for (const [, tag, attrs] of sheet.matchAll(/<(row|c)(?=[\s/>])([^>]*)>/g)) {
    if (tag === 'row') {
      const r = /\br="(\d+)"/.exec(attrs!);
      row = r ? Number(r[1]) : row + 1;
      column = 0;
      bounds.row(row);
    } else {
      const r = /\br="([A-Z]+)(\d+)"/.exec(attrs!);
      column = r ? columnNumber(r[1]!) : column + 1;
      if (r) bounds.row(Number(r[2]));
      bounds.cell(column);
    }
  }
  return sheet;
}

/** The workbook's bytes for exceljs: checked against the limits, worksheets as boundedWorksheet leaves them. */
function boundedWorkbook(bytes: Buffer): Buffer {
  const zip = checkZip(bytes, XLSX_LIMITS, (name) => WORKSHEET.test(name));
  if (!zip) throw new TableFormatError('The file is not a readable XLSX workbook');
  // exceljs reads every sheet: the cells of all of them count.
  const bounds = new TableBounds();
  return writeZip(
    zip.entries.map((e) => {
      const xml = zip.kept.get(e.name);
      if (xml === undefined) return e;
      const data = Buffer.from(boundedWorksheet(xml.toString('utf8'), bounds), 'utf8');
      return { ...e, method: 0, crc: crc32(data) >>> 0, size: data.length, data };
    }),
  );
}

async function readXlsx(bytes: Buffer): Promise<string[][]> {
  const checked = boundedWorkbook(bytes);
  // exceljs (some 25 MB once loaded) is loaded with the first workbook read or written.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings predate Node's generic Buffer.
    await workbook.xlsx.load(checked as unknown as ArrayBuffer);
  } catch {
    throw new TableFormatError('The file is not a readable XLSX workbook');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new TableFormatError('The workbook has no sheet');
  // Only the cells that exist: a row is as long as its last cell, and missing rows are empty.
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      while (cells.length < c - 1) cells.push('');
      cells[c - 1] = cellText(cell.value);
    });
    rows[r - 1] = cells;
  });
  return Array.from(rows, (cells) => cells ?? []);
}

export function isXlsx(bytes: Buffer): boolean {
  // XLSX is a ZIP archive: "PK\x03\x04".
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export async function readTable(bytes: Buffer): Promise<Table> {
  let raw: string[][];
  if (isXlsx(bytes)) raw = await readXlsx(bytes);
  else {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new TableFormatError('The file is neither XLSX nor UTF-8 text (save the CSV as UTF-8)');
    }
    raw = parseCsv(text);
  }
  const [header, ...rest] = raw;
  if (!header || header.every((h) => h.trim() === '')) throw new TableFormatError('The file has no header row');
  const rows = rest
    .map((cells, i) => ({ line: i + 2, cells }))
    // Blank lines (often at the end of a sheet) are not rows.
    .filter((r) => r.cells.some((c) => c.trim() !== ''));
  return { header: header.map((h) => h.trim()), rows };
}
