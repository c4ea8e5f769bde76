import PdfPrinter from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Count, IndicatorReport } from '../../shared/api/reportTypes';
import type { Language } from '../../shared/domain/enums';
import { reportCharts } from './charts';
import { reportFonts } from './pdfFonts';
import { layoutReport } from './reportTables';

// The indicator report as a PDF (pdfmake's server-side printer). DejaVu Sans from templates/fonts has
// the Tajik letters ғ ӣ қ ӯ ҳ ҷ; the charts are echarts SVG embedded as vectors.

let printer: PdfPrinter | null = null;
function getPrinter(): PdfPrinter {
  if (!printer) {
    const { normal, bold } = reportFonts();
    printer = new PdfPrinter({ DejaVuSans: { normal, bold, italics: normal, bolditalics: bold } });
  }
  return printer;
}

const cell = (v: Count): Content => ({ text: String(v), alignment: typeof v === 'number' ? 'right' : 'left' });

export function reportDefinition(report: IndicatorReport, language: Language, progress: (p: number) => void = () => {}): TDocumentDefinitions {
  const layout = layoutReport(report, language);
  const content: Content[] = [
    { text: layout.title, style: 'title' },
    ...layout.meta.map((m): Content => ({ text: m, fontSize: 9, margin: [0, 1, 0, 1] })),
    { text: layout.suppressionNote, fontSize: 9, bold: report.suppression.applied, margin: [0, 4, 0, 8] },
  ];
  layout.tables.forEach((table, i) => {
    const body: Content[][] = [table.columns.map((c): Content => ({ text: c, bold: true })), ...table.rows.map((r) => r.map((v, j) => (j === 0 || (j === 1 && table.columns.length === 3) ? { text: String(v) } : cell(v))))];
    content.push(
      { text: table.title, style: 'h2', pageBreak: i === 3 ? 'before' : undefined },
      {
        table: { headerRows: 1, widths: table.columns.map((_, j) => (j === table.columns.length - 1 ? 60 : j === 0 ? '*' : 'auto')), body },
        layout: 'lightHorizontalLines',
        fontSize: 8,
      },
    );
    if (table.note && table.id !== 'Headline' && !['1.2.10', '2.2.1.b'].includes(table.id)) content.push({ text: table.note, fontSize: 7, italics: true, margin: [0, 2, 0, 0] });
    if (i === 2) {
      for (const chart of reportCharts(report, language)) {
        content.push({ text: chart.title, style: 'h2' }, { svg: chart.svg, width: chart.width });
      }
    }
    progress(Math.round(((i + 1) / layout.tables.length) * 80));
  });
  return {
    info: { title: `${layout.title} ${report.period.from} – ${report.period.to}` },
    pageSize: 'A4',
    pageMargins: [36, 36, 36, 36],
    defaultStyle: { font: 'DejaVuSans', fontSize: 9 },
    styles: { title: { fontSize: 15, bold: true, margin: [0, 0, 0, 6] }, h2: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] } },
    footer: (page, pages) => ({ text: `${report.definitionsVersion} · ${page}/${pages}`, alignment: 'right', fontSize: 7, margin: [0, 10, 36, 0] }),
    content,
  };
}

export function renderReportPdf(report: IndicatorReport, language: Language, progress: (p: number) => void = () => {}): Promise<Buffer> {
  const definition = reportDefinition(report, language, progress);
  return new Promise((resolvePdf, reject) => {
    const doc = getPrinter().createPdfKitDocument(definition);
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => {
      progress(100);
      resolvePdf(Buffer.concat(chunks));
    });
    doc.on('error', reject);
    doc.end();
  });
}
