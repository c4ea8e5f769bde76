import { parentPort, workerData } from 'node:worker_threads';
import type { FileKind } from '../../shared/api/files';
import { dispatch } from '../handlers/dispatch';
import { AppContext } from './appContext';
import type { AppWorkerStart, DialogMethod, FromAppWorker, ToAppWorker } from './appHost';
import type { FileDialogs } from './fileTokens';
import { PendingReplies } from './workerFile';
import { collectingAfter } from './workerHeap';

// The app worker (appHost.ts): the AppContext and the dispatcher, answering the main thread's calls one
// message at a time, in the order they come (each call is async; several may be under way at once, as
// they were on the main thread).

function serve(port: NonNullable<typeof parentPort>, start: AppWorkerStart): void {
  const post = (message: FromAppWorker) => port.postMessage(message);
  const dialogAnswers = new PendingReplies<string | string[] | null>();
  const askMain = <T extends string | string[] | null>(method: DialogMethod, arg: string) =>
    dialogAnswers.ask((id) => post({ type: 'dialog', id, method, arg })) as Promise<T>;

  const fileDialogs: FileDialogs | undefined = start.fileDialogs
    ? {
        open: (kind: FileKind) => askMain<string | null>('open', kind),
        ...(start.fileDialogs.openMany ? { openMany: (kind: FileKind) => askMain<string[]>('openMany', kind) } : {}),
        save: (fileName: string) => askMain<string | null>('save', fileName),
      }
    : undefined;
  const app = new AppContext({ dataDir: start.dataDir, ...(start.kdf ? { kdf: start.kdf } : {}), ...(fileDialogs ? { fileDialogs } : {}) });

  port.on('message', (message: ToAppWorker) => {
    switch (message.type) {
      case 'call':
        collectingAfter(dispatch(app, message.channel, message.input).then((envelope) => post({ type: 'result', id: message.id, envelope })));
        return;
      case 'lock':
        void app
          .lock()
          .catch(() => undefined)
          .then(() => post({ type: 'locked', id: message.id }));
        return;
      case 'dialogAnswer':
        if (message.ok) dialogAnswers.resolve(message.id, message.value);
        else dialogAnswers.reject(message.id, new Error('The dialog could not be shown'));
        return;
    }
  });
}

if (parentPort) serve(parentPort, workerData as AppWorkerStart);
