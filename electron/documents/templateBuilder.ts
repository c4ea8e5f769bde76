import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
} from 'docx';
import type { FilingLanguage, TemplateManifest } from '../../templates/manifests';
import type { Block } from '../../templates/source/types';

// Turns a template's source (templates/source/<id>.ts) into the shipped .docx. Plain paragraphs with
// one text run each, so every placeholder sits in one run; Word or LibreOffice may split them later,
// which the filling copes with (fillDocx.ts joins the runs of a paragraph).
//
// The layout is the one court clerks expect: A4, margins of 20 mm top and bottom, 30 mm on the left
// (for the binding) and 15 mm on the right; page numbers in the footer; the date and the signature
// kept on the page of the last paragraph; table columns as wide as what they hold; and every run
// tagged with the filing's language, so Word and LibreOffice spell-check Tajik as Tajik.

const FONT = 'Times New Roman';
const SIZE = 26; // half-points: 13 pt, the usual size of court papers
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const MM = 56.7; // twips
const PAGE = { width: 11906, height: 16838 }; // A4 in twips
const MARGIN = { top: Math.round(20 * MM), bottom: Math.round(20 * MM), left: Math.round(30 * MM), right: Math.round(15 * MM) };
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

/** The language tag Word and LibreOffice read (w:lang) for each filing language. */
export const LANGUAGE_TAG: Record<FilingLanguage, string> = { tg: 'tg-TJ', ru: 'ru-RU' };

/** Widths (twips) by what a column holds; text columns share the rest, the first (the name or the item) a larger share. */
// A date column also holds its heading's longest word in bold («приобретения»: 37 mm), unbroken.
const FIXED_WIDTH: Partial<Record<string, number>> = { number: 567, date: 2100, money: 2000 };

export type ColumnFormat = (placeholder: string) => string | undefined;

export function columnWidths(row: readonly string[], formatOf: ColumnFormat): number[] {
  const formats = row.map((cell) => formatOf(/\{\{([^{}]+)\}\}/.exec(cell)?.[1] ?? '') ?? 'text');
  const fixed = formats.reduce((sum, f) => sum + (FIXED_WIDTH[f] ?? 0), 0);
  const shares = formats.map((f, i): number => (FIXED_WIDTH[f] !== undefined ? 0 : formats.indexOf('text') === i ? 3 : 2));
  const total = shares.reduce((a, b) => a + b, 0) || 1;
  const widths = formats.map((f, i) => FIXED_WIDTH[f] ?? Math.floor(((TEXT_WIDTH - fixed) * shares[i]!) / total));
  // Rounding leftovers go to the widest column, so the table is exactly the text width.
  const widest = widths.indexOf(Math.max(...widths));
  widths[widest]! += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

interface BuildContext {
  lang: string;
  formatOf: ColumnFormat;
}

function blockToChildren(block: Block, ctx: BuildContext, keep: Pick<IParagraphOptions, 'keepNext' | 'keepLines'>): Array<Paragraph | Table> {
  const run = (text: string, bold = false) => new TextRun({ text, bold, language: { value: ctx.lang } });
  switch (block.kind) {
    case 'right':
      return [new Paragraph({ ...keep, indent: { left: 4800 }, spacing: { after: 0 }, children: [run(block.text)] })];
    case 'title':
      return [new Paragraph({ ...keep, keepNext: keep.keepNext ?? true, alignment: AlignmentType.CENTER, spacing: { before: 360 }, children: [run(block.text, true)] })];
    case 'subtitle':
      return [new Paragraph({ ...keep, keepNext: keep.keepNext ?? true, alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run(block.text, true)] })];
    case 'p':
      return [new Paragraph({ ...keep, alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 709 }, spacing: { after: 120 }, children: [run(block.text)] })];
    case 'label':
      // A heading ("ПРОШУ:", "Приложение:") never ends a page.
      return [new Paragraph({ ...keep, keepNext: keep.keepNext ?? true, spacing: { before: 120, after: 120 }, children: [run(block.text, true)] })];
    case 'table': {
      const widths = columnWidths(block.row, ctx.formatOf);
      const cell = (text: string, i: number, bold = false) =>
        new TableCell({
          width: { size: widths[i]!, type: WidthType.DXA },
          borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
          children: [new Paragraph({ children: [run(text, bold)] })],
        });
      return [
        new Table({
          width: { size: TEXT_WIDTH, type: WidthType.DXA },
          columnWidths: widths,
          layout: TableLayoutType.FIXED,
          rows: [
            new TableRow({ tableHeader: true, cantSplit: true, children: block.header.map((h, i) => cell(h, i, true)) }),
            new TableRow({ cantSplit: true, children: block.row.map((r, i) => cell(r, i)) }),
          ],
        }),
        new Paragraph({ children: [] }),
      ];
    }
  }
}

/**
 * The closing — the last paragraph of text (the attachments, or the last claim) with its heading, the
 * date and the signature — is kept on one page. Its paragraphs are kept together (keep with next,
 * which Word honours), and they sit in a borderless table of one row that may not break across
 * pages, which LibreOffice honours too (it lets a long chain of "keep with next" break).
 */
function closingStart(blocks: readonly Block[]): number {
  let i = blocks.length - 1;
  while (i > 0 && blocks[i]!.kind !== 'p') i--;
  return i > 0 && blocks[i - 1]!.kind === 'label' ? i - 1 : Math.max(0, i);
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

function keptTogether(children: Array<Paragraph | Table>): Array<Paragraph | Table> {
  const none = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER };
  return [
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: [TEXT_WIDTH],
      layout: TableLayoutType.FIXED,
      borders: { ...none, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER },
      margins: { left: 0, right: 0, top: 0, bottom: 0 },
      rows: [new TableRow({ cantSplit: true, children: [new TableCell({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, borders: none, children })] })],
    }),
    // A table cannot end the document; the paragraph after it is as small as can be.
    new Paragraph({ spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT }, children: [] }),
  ];
}

export function buildTemplateDocument(blocks: readonly Block[], title: string, lang: FilingLanguage, formatOf: ColumnFormat = () => undefined): Document {
  const ctx: BuildContext = { lang: LANGUAGE_TAG[lang], formatOf };
  const tail = closingStart(blocks);
  const body = blocks.slice(0, tail).flatMap((b) => blockToChildren(b, ctx, {}));
  const closing = blocks.slice(tail).flatMap((b, i) => blockToChildren(b, ctx, { keepLines: true, keepNext: tail + i < blocks.length - 1 }));
  const pageNumber = new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: 22, language: { value: ctx.lang } })] });
  return new Document({
    title,
    creator: 'Legal Aid Desk',
    styles: { default: { document: { run: { font: FONT, size: SIZE, language: { value: ctx.lang } } } } },
    sections: [
      {
        properties: { page: { size: PAGE, margin: { ...MARGIN, footer: Math.round(10 * MM), header: Math.round(10 * MM) } } },
        footers: { default: new Footer({ children: [pageNumber] }) },
        children: [...body, ...keptTogether(closing)],
      },
    ],
  });
}

/** The column format of a {{list.column}} placeholder in the manifest. */
export function manifestColumnFormat(m: TemplateManifest): ColumnFormat {
  return (placeholder) => {
    const [list, column] = placeholder.split('.');
    return m.lists.find((l) => l.name === list)?.columns.find((c) => c.name === column)?.format;
  };
}

export async function buildTemplateDocx(blocks: readonly Block[], title: string, lang: FilingLanguage, formatOf?: ColumnFormat): Promise<Buffer> {
  return Packer.toBuffer(buildTemplateDocument(blocks, title, lang, formatOf));
}
