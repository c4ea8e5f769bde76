import { parentPort, workerData } from 'node:worker_threads';
import { prepareScan } from '../documents/scans';
import { exportReport } from '../reports/exportReport';
import type { RenderJobMessage, RenderJobName, RenderJobs, RenderJobStart } from './renderJobs';
import { describeJobError, transferList } from './workerFile';

// A worker thread that draws one file (renderJobs.ts) and ends.

type Job<N extends RenderJobName> = (input: RenderJobs[N]['input']) => Promise<RenderJobs[N]['output']>;

const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

const JOBS: { [N in RenderJobName]: Job<N> } = {
  exportReport: ({ report, format, language }) => exportReport(report, { format, language }),
  prepareScan: ({ fileName, bytes }) => prepareScan(fileName, asBuffer(bytes)),
};

async function run(start: RenderJobStart, post: (message: RenderJobMessage, transfer: ArrayBuffer[]) => void): Promise<void> {
  try {
    const value = await (JOBS[start.job] as Job<RenderJobName>)(start.input);
    const v = value as { bytes?: unknown; content?: unknown; thumbnail?: unknown };
    post({ type: 'done', value }, transferList(v.bytes, v.content, v.thumbnail));
  } catch (error) {
    post({ type: 'failed', error: describeJobError(error) }, []);
  }
}

if (parentPort) {
  const port = parentPort;
  void run(workerData as RenderJobStart, (message, transfer) => port.postMessage(message, transfer));
}
