import { rmSync } from 'node:fs';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/envelope';
import type { ErrorInfo } from '../../shared/api/errors';
import type { FileOut } from '../../shared/api/files';
import { AppContext } from '../../electron/app/appContext';
import type { FileDialogs } from '../../electron/app/fileTokens';
import { dispatch } from '../../electron/handlers/dispatch';

// Real temporary databases and real handlers, called through the same dispatcher as the bridges.
import { FAST_KDF, tempDir } from './temp';
export { FAST_KDF, tempDir };
export const ADMIN = { username: 'admin', displayName: 'Администратор Тест', passphrase: 'correct horse battery staple' };

export class CallError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(`${info.code}: ${info.message}`);
  }
}

export interface TestApp {
  app: AppContext;
  dir: string;
  /** The raw envelope, for tests about errors. */
  raw: (channel: string, input: unknown) => Promise<Envelope<unknown>>;
  /** The value, or a thrown CallError. */
  call: <C extends ChannelName>(channel: C, input: ChannelInput<C>) => Promise<ChannelOutput<C>>;
  cleanup: () => Promise<void>;
}

/** The bytes of a file a handler made, as browser mode gets them (inline). */
export function inlineBytes(file: FileOut): Buffer {
  if (file.base64 === undefined) throw new Error('The file was held for a save dialog, not given inline');
  return Buffer.from(file.base64, 'base64');
}

/** `fileDialogs` stands in for Electron's open and save dialogs (the user's choice of path). */
export async function createTestApp(options: { unlocked?: boolean; dir?: string; fileDialogs?: FileDialogs; now?: () => number } = {}): Promise<TestApp> {
  const dir = options.dir ?? tempDir();
  const app = new AppContext({ dataDir: dir, kdf: FAST_KDF, ...(options.fileDialogs ? { fileDialogs: options.fileDialogs } : {}), ...(options.now ? { now: options.now } : {}) });
  const raw = (channel: string, input: unknown) => dispatch(app, channel, input);
  const call = async <C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const envelope = await raw(channel, input);
    if (!envelope.ok) throw new CallError(envelope.error);
    return envelope.value as ChannelOutput<C>;
  };
  if (options.unlocked !== false) {
    await call('login:create', {
      ...ADMIN,
      passphraseConfirm: ADMIN.passphrase,
      installationName: 'Нуқтаи тамоси Хуҷанд',
    });
  }
  return {
    app,
    dir,
    raw,
    call,
    cleanup: async () => {
      await app.lock();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
