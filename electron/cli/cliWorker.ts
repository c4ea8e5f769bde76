import { parentPort, workerData } from 'node:worker_threads';
import { PendingReplies } from '../app/workerFile';
import { UsageError } from './args';
import type { CliWorkerStart, FromCliWorker, ToCliWorker } from './cliThread';
import { runCli } from './run';
import { useTerminal } from './passphrase';

// The command line's worker (cliThread.ts): runs the one command it was given, its lines of output and
// its passphrase prompts sent to the thread that started it, then ends.

if (parentPort) {
  const port = parentPort;
  const start = workerData as CliWorkerStart;
  const post = (message: FromCliWorker) => port.postMessage(message);
  const answers = new PendingReplies<string>();
  port.on('message', (message: ToCliWorker) => {
    if (message.ok) answers.resolve(message.id, message.value);
    // A prompt can only fail by being cancelled (Ctrl-C): a usage matter, as it was on the main thread.
    else answers.reject(message.id, new UsageError(message.message));
  });
  useTerminal({ interactive: start.interactive, promptHidden: (prompt) => answers.ask((id) => post({ type: 'prompt', id, prompt })) });
  void runCli(start.argv, (line) => post({ type: 'out', line })).then((code) => {
    post({ type: 'done', code });
    // Nothing more will come: the thread may end once its work has.
    port.unref();
  });
}
