import type { ExportFormat, IndicatorReport } from '../../shared/api/reportTypes';
import type { Language } from '../../shared/domain/enums';
import { renderReportPdf } from './pdfReport';
import { renderReportCsv, renderReportXlsx } from './spreadsheetReport';

export interface ExportOptions {
  format: ExportFormat;
  language: Language;
  /** 0–100, for a progress bar on long exports. */
  onProgress?: (percent: number) => void;
}

const MIME: Record<ExportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
};

/** A file name without personal data: the period, the filters and the language. */
export function reportFileName(report: IndicatorReport, format: ExportFormat, language: Language): string {
  const f = report.filters;
  const scope = [f.region, f.districtId, f.contactPointCode].filter(Boolean).map((s) => String(s).replace(/[^\w.-]+/g, '_'));
  return [`indicators-${report.period.from}-${report.period.to}`, ...scope, language].join('-') + `.${format}`;
}

export async function exportReport(report: IndicatorReport, options: ExportOptions): Promise<{ fileName: string; mimeType: string; bytes: Buffer }> {
  const progress = options.onProgress ?? (() => {});
  let bytes: Buffer;
  switch (options.format) {
    case 'pdf':
      bytes = await renderReportPdf(report, options.language, progress);
      break;
    case 'xlsx':
      bytes = await renderReportXlsx(report, options.language, progress);
      break;
    case 'csv':
      bytes = renderReportCsv(report, options.language, progress);
      break;
  }
  return { fileName: reportFileName(report, options.format, options.language), mimeType: MIME[options.format], bytes };
}
