import ExcelJS from 'exceljs';

// Reads a register kept in Excel or exported as CSV into rows of text cells. CSV: UTF-8 (a BOM is
// allowed, Excel writes one), comma or semicolon separated (Russian-locale Excel writes semicolons),
// quotes doubled inside quoted cells, CRLF or LF. XLSX: the first worksheet; dates become YYYY-MM-DD.

export interface Table {
  header: string[];
  /** Data rows (the header excluded); `line` is the row number a spreadsheet shows (header = 1). */
  rows: { line: number; cells: string[] }[];
}

export class TableFormatError extends Error {}

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
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
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
    else if (ch === delimiter) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (quoted) throw new TableFormatError('A quoted cell is not closed');
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

function isoFromDate(d: Date): string {
  // Excel dates carry no time zone; exceljs gives them as UTC midnight.
  return d.toISOString().slice(0, 10);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoFromDate(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

async function readXlsx(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings predate Node's generic Buffer.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new TableFormatError('The file is not a readable XLSX workbook');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new TableFormatError('The workbook has no sheet');
  const rows: string[][] = [];
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  }
  return rows;
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
