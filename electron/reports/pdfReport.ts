import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { IndicatorReport } from '../../shared/api/reportTypes';
import type { Language } from '../../shared/domain/enums';
import { cellText, layoutReport, type ReportCell, type ReportSection } from '../../shared/reports/reportLayout';
import { reportText } from '../../shared/reports/reportText';
import { formatNumber } from '../../shared/i18n/format';
import { chartSvg } from './charts';
import { renderPdf } from './pdfFonts';

// The indicator report as a PDF (pdfmake's server-side printer), section by section as the shared
// layout orders them. DejaVu Sans from templates/fonts has the Tajik letters ғ ӣ қ ӯ ҳ ҷ; the charts
// are echarts SVG embedded as vectors.

// Numbers, marks ("<5", "x") and per cents stand at the right of their column, all alike.
const cell = (c: ReportCell, fmt: (n: number) => string): TableCell => (c.kind === 'text' ? { text: c.text } : { text: cellText(c, fmt), alignment: 'right', noWrap: true });

/** A heading is never the last thing on its page: it moves to the next page with what it heads. */
const HEADING = 1;
/** Points below a heading's top for it, a table's header row and the first rows kept with it. */
const ROOM_UNDER_HEADING = 72;

/** `turn`: the page turns across before this section (it prints across) or back upright after one that did. */
async function sectionContent(s: ReportSection, fmt: (n: number) => string, turn: boolean): Promise<Content[]> {
  const pageBreak = s.startsNewPage || turn ? ('before' as const) : undefined;
  const pageOrientation = turn ? (s.across ? ('landscape' as const) : ('portrait' as const)) : undefined;
  const content: Content[] = [];
  if (s.chart) {
    const chart = await chartSvg(s.chart, fmt);
    // A chart's title stays on the page of its chart.
    content.push({ stack: [{ text: s.title, style: 'h2' }, { svg: chart.svg, width: chart.width }], unbreakable: true, pageBreak, pageOrientation });
  } else {
    content.push({ text: s.title, style: 'h2', pageBreak, pageOrientation, headlineLevel: HEADING });
  }
  if (s.columns.length) {
    // A table printed across (the months) has a column per headline number; another gives its text the room.
    const wide = s.across;
    content.push({
      table: {
        headerRows: 1,
        // The header stays with the first rows: a page never ends on a header alone.
        keepWithHeaderRows: 1,
        dontBreakRows: true,
        // pdfmake gives every '*' column the width of the widest word of any of them: a wide table's columns
        // are 'auto' instead, each as wide as its own words need.
        widths: s.columns.map((c, j) => (wide ? 'auto' : c.kind !== 'text' ? 64 : j === 0 ? '*' : 'auto')),
        // Headers in a smaller type, so a column's longest word ("партофташудагон") fits its width.
        body: [
          s.columns.map((c): TableCell => ({ text: c.label, bold: true, fontSize: wide ? 6 : 7, alignment: c.kind === 'text' ? 'left' : 'right' })),
          ...s.rows.map((r) => r.cells.map((c) => cell(c, fmt))),
        ],
      },
      layout: 'lightHorizontalLines',
      fontSize: wide ? 7 : 8,
    });
  }
  if (s.note) content.push({ text: s.note, fontSize: 7, italics: true, margin: [0, 2, 0, 0] });
  return content;
}

export async function reportDefinition(report: IndicatorReport, language: Language, progress: (p: number) => void = () => {}): Promise<TDocumentDefinitions> {
  const layout = layoutReport(report, reportText(language));
  const content: Content[] = [
    { text: layout.title, style: 'title' },
    ...layout.meta.map((m): Content => ({ text: m, fontSize: 9, margin: [0, 1, 0, 1] })),
    { text: layout.suppressionNote, fontSize: 9, bold: layout.suppressed, margin: [0, 4, 0, 8] },
  ];
  for (const [i, s] of layout.sections.entries()) {
    const turn = s.across !== (layout.sections[i - 1]?.across ?? false);
    content.push(...(await sectionContent(s, (n) => formatNumber(n, language), turn)));
    progress(Math.round(((i + 1) / layout.sections.length) * 80));
  }
  return {
    info: { title: `${layout.title} ${report.period.from} – ${report.period.to}` },
    pageSize: 'A4',
    pageMargins: [36, 36, 36, 36],
    defaultStyle: { font: 'DejaVuSans', fontSize: 9 },
    styles: { title: { fontSize: 15, bold: true, margin: [0, 0, 0, 6] }, h2: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] } },
    // A heading without room below it for a table's header row and its first rows (pdfmake then moves the
    // whole table on) starts the next page instead. The function takes the node alone: asked for the nodes
    // that follow, pdfmake lists them for every node of the document (a year's tables: seconds).
    pageBreakBefore: (node) => node.headlineLevel === HEADING && node.startPosition.pageInnerHeight * (1 - node.startPosition.verticalRatio) < ROOM_UNDER_HEADING,
    footer: (page, pages) => ({ text: `${report.definitionsVersion} · ${page}/${pages}`, alignment: 'right', fontSize: 7, margin: [0, 10, 36, 0] }),
    content,
  };
}

export async function renderReportPdf(report: IndicatorReport, language: Language, progress: (p: number) => void = () => {}): Promise<Buffer> {
  const pdf = await renderPdf(await reportDefinition(report, language, progress));
  progress(100);
  return pdf;
}
