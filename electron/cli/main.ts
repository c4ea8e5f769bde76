import { runCliInWorker } from './cliThread';

// `npm run cli -- <command>`: the command runs in a worker thread of its own (cliThread.ts, run.ts), as
// the app's calls run in the app worker; this thread loads no command, only what hands it over.

if (require.main === module) {
  void runCliInWorker(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
