import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Block } from '../../templates/source/types';

// Turns a template's source (templates/source/<id>.ts) into the shipped .docx. Plain paragraphs with
// one text run each, so every placeholder sits in one run; Word or LibreOffice may split them later,
// which the filling copes with (patchDocument joins the runs of a paragraph).

const FONT = 'Times New Roman';
const SIZE = 26; // half-points: 13 pt, the usual size of court papers
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function blockToChildren(block: Block): Array<Paragraph | Table> {
  switch (block.kind) {
    case 'right':
      return [new Paragraph({ indent: { left: 4800 }, spacing: { after: 0 }, children: [new TextRun(block.text)] })];
    case 'title':
      return [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 360 }, children: [new TextRun({ text: block.text, bold: true })] })];
    case 'subtitle':
      return [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: block.text, bold: true })] })];
    case 'p':
      return [new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 709 }, spacing: { after: 120 }, children: [new TextRun(block.text)] })];
    case 'label':
      return [new Paragraph({ spacing: { before: 120, after: 120 }, children: [new TextRun({ text: block.text, bold: true })] })];
    case 'table': {
      const cell = (text: string, bold = false) =>
        new TableCell({ borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER }, children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [new TableRow({ tableHeader: true, children: block.header.map((h) => cell(h, true)) }), new TableRow({ children: block.row.map((r) => cell(r)) })],
        }),
        new Paragraph({ children: [] }),
      ];
    }
  }
}

export function buildTemplateDocument(blocks: readonly Block[], title: string): Document {
  return new Document({
    title,
    creator: 'Legal Aid Desk',
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 850 } } },
        children: blocks.flatMap(blockToChildren),
      },
    ],
  });
}

export async function buildTemplateDocx(blocks: readonly Block[], title: string): Promise<Buffer> {
  return Packer.toBuffer(buildTemplateDocument(blocks, title));
}
