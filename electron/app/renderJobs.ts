import type { Worker } from 'node:worker_threads';
import type { ExportFormat, IndicatorReport } from '../../shared/api/reportTypes';
import type { Language } from '../../shared/domain/enums';
import type { StoredScan } from '../documents/scans';
import { exportReport } from '../reports/exportReport';
import { asBuffer, jobError, PendingReplies, startWorkerFile, transferList, type JobError } from './workerFile';

// Drawing work on plain data — a report as PDF or XLSX, a photo or scan made smaller — in a worker
// thread of its own (renderWorker.ts): the app worker meanwhile answers the other calls (a search at
// the desk does not wait for half a second of PDF). The render worker stays while there is work and
// ends after a while without any, and with it what the drawing libraries hold (pdfmake's fonts,
// libvips' buffers, exceljs); started anew for each job, it spent a second loading pdfmake every time.
// No database is opened there: the report is counted before, the scan stored after, by the caller.

export interface RenderJobs {
  exportReport: { input: { report: IndicatorReport; format: 'pdf' | 'xlsx'; language: Language }; output: { fileName: string; mimeType: string; bytes: Uint8Array } };
  prepareScan: { input: { fileName: string; bytes: Uint8Array }; output: StoredScan };
}
export type RenderJobName = keyof RenderJobs;

export type RenderJobRequest = { [N in RenderJobName]: { id: number; job: N; input: RenderJobs[N]['input'] } }[RenderJobName];
export type RenderJobMessage = { id: number; type: 'done'; value: unknown } | { id: number; type: 'failed'; error: JobError };

/** How long the render worker waits for the next job before it ends. */
const IDLE_MS = 60_000;

let worker: Worker | null = null;
let idle: NodeJS.Timeout | null = null;
const replies = new PendingReplies<unknown>();

function renderWorker(): Worker {
  if (idle) clearTimeout(idle);
  idle = null;
  if (worker) return worker;
  const started = startWorkerFile('renderWorker', null);
  const stopped = (error: Error) => {
    if (worker !== started) return;
    worker = null;
    replies.rejectAll(error);
  };
  started.on('message', (message: RenderJobMessage) => {
    if (message.type === 'done') replies.resolve(message.id, message.value);
    else replies.reject(message.id, jobError(message.error));
    if (replies.size === 0) {
      // Nothing under way: the thread may end with the process, and ends by itself after a while.
      started.unref();
      idle = setTimeout(() => {
        // A job that comes now starts a new thread rather than reach one that is ending.
        if (worker === started) worker = null;
        void started.terminate();
      }, IDLE_MS).unref();
    }
  });
  started.on('error', (error) => stopped(jobError({ name: error?.name ?? 'Error' })));
  started.on('exit', () => stopped(jobError({ name: 'WorkerExit' })));
  worker = started;
  return started;
}

/** A job for the render worker; bytes in its input are handed over, not copied (the caller's buffer is emptied). */
function inRenderWorker<N extends RenderJobName>(job: N, input: RenderJobs[N]['input']): Promise<RenderJobs[N]['output']> {
  const target = renderWorker();
  target.ref();
  const handedOver = transferList((input as { bytes?: unknown }).bytes);
  return replies.ask((id) => target.postMessage({ id, job, input } as RenderJobRequest, handedOver)) as Promise<RenderJobs[N]['output']>;
}

/** The report as a file: CSV here (plain text, quick), PDF and XLSX in the render worker. */
export async function renderReportFile(report: IndicatorReport, format: ExportFormat, language: Language): Promise<{ fileName: string; mimeType: string; bytes: Buffer }> {
  if (format === 'csv') return exportReport(report, { format, language });
  const file = await inRenderWorker('exportReport', { report, format, language });
  return { ...file, bytes: asBuffer(file.bytes) };
}

/** A picked file in the form it is stored in (scans.ts), made in the render worker; `bytes` are handed over to it. */
export async function prepareScanOffThread(fileName: string, bytes: Buffer): Promise<StoredScan> {
  const scan = await inRenderWorker('prepareScan', { fileName, bytes });
  return { ...scan, content: asBuffer(scan.content), thumbnail: scan.thumbnail ? asBuffer(scan.thumbnail) : null };
}
