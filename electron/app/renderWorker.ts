import { parentPort } from 'node:worker_threads';
import { prepareScan } from '../documents/scans';
import { exportReport } from '../reports/exportReport';
import type { RenderJobMessage, RenderJobName, RenderJobRequest, RenderJobs } from './renderJobs';
import { asBuffer, describeJobError, transferList } from './workerFile';
import { collectingAfter } from './workerHeap';

// The render worker (renderJobs.ts): draws the files it is asked for, one message each, until the
// thread that started it ends it.

type Job<N extends RenderJobName> = (input: RenderJobs[N]['input']) => Promise<RenderJobs[N]['output']>;

const JOBS: { [N in RenderJobName]: Job<N> } = {
  exportReport: ({ report, format, language }) => exportReport(report, { format, language }),
  prepareScan: ({ fileName, bytes }) => prepareScan(fileName, asBuffer(bytes)),
};

async function run(request: RenderJobRequest, post: (message: RenderJobMessage, transfer: ArrayBuffer[]) => void): Promise<void> {
  try {
    const value = await (JOBS[request.job] as Job<RenderJobName>)(request.input);
    const v = value as { bytes?: unknown; content?: unknown; thumbnail?: unknown };
    post({ id: request.id, type: 'done', value }, transferList(v.bytes, v.content, v.thumbnail));
  } catch (error) {
    post({ id: request.id, type: 'failed', error: describeJobError(error) }, []);
  }
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (request: RenderJobRequest) => collectingAfter(run(request, (message, transfer) => port.postMessage(message, transfer))));
}
