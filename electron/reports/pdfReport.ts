import PdfPrinter from 'pdfmake';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { IndicatorReport } from '../../shared/api/reportTypes';
import type { Language } from '../../shared/domain/enums';
import { layoutReport, type ReportCell, type ReportSection } from '../../shared/reports/reportLayout';
import { reportText } from '../../shared/reports/reportText';
import { formatNumber } from '../../shared/i18n/format';
import { chartSvg } from './charts';
import { reportFonts } from './pdfFonts';

// The indicator report as a PDF (pdfmake's server-side printer), section by section as the shared
// layout orders them. DejaVu Sans from templates/fonts has the Tajik letters ғ ӣ қ ӯ ҳ ҷ; the charts
// are echarts SVG embedded as vectors.

let printer: PdfPrinter | null = null;
function getPrinter(): PdfPrinter {
  if (!printer) {
    const { normal, bold } = reportFonts();
    printer = new PdfPrinter({ DejaVuSans: { normal, bold, italics: normal, bolditalics: bold } });
  }
  return printer;
}

const cell = (c: ReportCell, fmt: (n: number) => string): TableCell =>
  c.kind === 'text' ? { text: c.text } : { text: typeof c.value === 'number' ? fmt(c.value) : c.value, alignment: 'right' };

function sectionContent(s: ReportSection, fmt: (n: number) => string): Content[] {
  const pageBreak = s.startsNewPage ? ('before' as const) : undefined;
  const content: Content[] = [];
  if (s.chart) {
    const chart = chartSvg(s.chart, fmt);
    // A chart's title stays on the page of its chart.
    content.push({ stack: [{ text: s.title, style: 'h2' }, { svg: chart.svg, width: chart.width }], unbreakable: true, pageBreak });
  } else {
    content.push({ text: s.title, style: 'h2', pageBreak });
  }
  if (s.columns.length) {
    const last = s.columns.length - 1;
    content.push({
      table: {
        headerRows: 1,
        widths: s.columns.map((_, j) => (j === last ? 60 : j === 0 ? '*' : 'auto')),
        body: [s.columns.map((c): TableCell => ({ text: c.label, bold: true, alignment: c.kind === 'count' ? 'right' : 'left' })), ...s.rows.map((r) => r.cells.map((c) => cell(c, fmt)))],
      },
      layout: 'lightHorizontalLines',
      fontSize: 8,
    });
  }
  if (s.note) content.push({ text: s.note, fontSize: 7, italics: true, margin: [0, 2, 0, 0] });
  return content;
}

export function reportDefinition(report: IndicatorReport, language: Language, progress: (p: number) => void = () => {}): TDocumentDefinitions {
  const layout = layoutReport(report, reportText(language));
  const content: Content[] = [
    { text: layout.title, style: 'title' },
    ...layout.meta.map((m): Content => ({ text: m, fontSize: 9, margin: [0, 1, 0, 1] })),
    { text: layout.suppressionNote, fontSize: 9, bold: layout.suppressed, margin: [0, 4, 0, 8] },
  ];
  layout.sections.forEach((s, i) => {
    content.push(...sectionContent(s, (n) => formatNumber(n, language)));
    progress(Math.round(((i + 1) / layout.sections.length) * 80));
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
