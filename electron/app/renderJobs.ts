import type { ExportFormat, IndicatorReport } from '../../shared/api/reportTypes';
import type { Language } from '../../shared/domain/enums';
import type { StoredScan } from '../documents/scans';
import { exportReport } from '../reports/exportReport';
import { jobError, startWorkerFile, type JobError } from './workerFile';

// Drawing work on plain data — a report as PDF or XLSX, a photo or scan made smaller — in a worker
// thread of its own (renderWorker.ts) that ends with the job. The app worker meanwhile answers the
// other calls (a search at the desk does not wait for half a second of PDF), and what the drawing
// libraries hold (pdfmake's fonts, libvips' buffers, exceljs' workbook) goes with the thread instead of
// staying in the app worker's heap. No database is opened: the report is counted before, the scan
// stored after, by the caller.

export interface RenderJobs {
  exportReport: { input: { report: IndicatorReport; format: 'pdf' | 'xlsx'; language: Language }; output: { fileName: string; mimeType: string; bytes: Uint8Array } };
  prepareScan: { input: { fileName: string; bytes: Uint8Array }; output: StoredScan };
}
export type RenderJobName = keyof RenderJobs;

/** What the render worker is given (workerData). */
export interface RenderJobStart<N extends RenderJobName = RenderJobName> {
  job: N;
  input: RenderJobs[N]['input'];
}

export type RenderJobMessage = { type: 'done'; value: unknown } | { type: 'failed'; error: JobError };

function inRenderWorker<N extends RenderJobName>(job: N, input: RenderJobs[N]['input']): Promise<RenderJobs[N]['output']> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
    };
    const worker = startWorkerFile('renderWorker', { job, input } satisfies RenderJobStart<N>);
    worker.on('message', (message: RenderJobMessage) => settle(() => (message.type === 'done' ? resolve(message.value as RenderJobs[N]['output']) : reject(jobError(message.error)))));
    worker.on('error', (error) => settle(() => reject(jobError({ name: error?.name ?? 'Error' }))));
    worker.on('exit', () => settle(() => reject(jobError({ name: 'WorkerExit' }))));
  });
}

/** Bytes that crossed a thread arrive as a Uint8Array; the app's code reads Buffers. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The report as a file: CSV here (plain text, quick), PDF and XLSX in the render worker. */
export async function renderReportFile(report: IndicatorReport, format: ExportFormat, language: Language): Promise<{ fileName: string; mimeType: string; bytes: Buffer }> {
  if (format === 'csv') return exportReport(report, { format, language });
  const file = await inRenderWorker('exportReport', { report, format, language });
  return { ...file, bytes: asBuffer(file.bytes) };
}

/** A picked file in the form it is stored in (scans.ts), made in the render worker. */
export async function prepareScanOffThread(fileName: string, bytes: Buffer): Promise<StoredScan> {
  const scan = await inRenderWorker('prepareScan', { fileName, bytes });
  return { ...scan, content: asBuffer(scan.content), thumbnail: scan.thumbnail ? asBuffer(scan.thumbnail) : null };
}
