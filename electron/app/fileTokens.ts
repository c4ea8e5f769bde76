import { randomBytes } from 'node:crypto';
import { stat, readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../shared/api/errors';
import { FILE_KINDS, megabytes, type FileInput, type FileKind, type FileOut, type OpenedFile } from '../../shared/api/files';

// Files chosen and saved through the main process's own dialogs (Electron). The renderer only ever
// holds opaque tokens: one for a file the user picked in the open dialog (bound to that path and
// kind), one for a file the app made and keeps in memory until the user picks where to save it. Browser
// mode has no dialogs, grants no token, and so every token it is sent is unknown.

/** The main process's dialogs; a path comes back only from the user's own choice (null: cancelled). */
export interface FileDialogs {
  open(kind: FileKind): Promise<string | null>;
  /** Several files at once (none: cancelled); dialogs that cannot pick several pick one. */
  openMany?(kind: FileKind): Promise<string[]>;
  save(fileName: string): Promise<string | null>;
}

export interface HeldFile {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
}

/** Made files wait in memory for the save dialog; a few at most, so an unsaved one cannot pile up. */
const MAX_HELD = 4;

const newToken = () => randomBytes(32).toString('base64url');

function tooLarge(kind: FileKind): AppError {
  const maxBytes = FILE_KINDS[kind].maxBytes;
  return new AppError('VALIDATION', 'The file is too large', [{ path: 'file', key: 'fileTooLarge', params: { megabytes: megabytes(maxBytes) } }]);
}

export class FileTokens {
  private readonly opened = new Map<string, { path: string; kind: FileKind }>();
  private readonly held = new Map<string, HeldFile>();

  constructor(readonly dialogs: FileDialogs | null) {}

  /** Shows the open dialog; the chosen file must be within its kind's limit. */
  async open(kind: FileKind): Promise<OpenedFile | null> {
    const path = await this.requireDialogs().open(kind);
    return path ? this.grant(path, kind) : null;
  }

  /** Shows the open dialog for several files; every one must be within its kind's limit. */
  async openMany(kind: FileKind): Promise<OpenedFile[]> {
    const dialogs = this.requireDialogs();
    const paths = dialogs.openMany ? await dialogs.openMany(kind) : [await dialogs.open(kind)].filter((p): p is string => p !== null);
    const files: OpenedFile[] = [];
    for (const path of paths) files.push(await this.grant(path, kind));
    return files;
  }

  private async grant(path: string, kind: FileKind): Promise<OpenedFile> {
    const info = await stat(path);
    if (!info.isFile()) throw new AppError('BAD_REQUEST', 'Not a file');
    if (info.size > FILE_KINDS[kind].maxBytes) throw tooLarge(kind);
    const token = newToken();
    this.opened.set(token, { path, kind });
    return { token, name: basename(path), size: info.size };
  }

  /** The path behind an open token, for readers that stream the file (exchange packages). */
  pathOf(token: string, kind: FileKind): string {
    const entry = this.opened.get(token);
    if (!entry || entry.kind !== kind) throw new AppError('BAD_REQUEST', 'Unknown file');
    return entry.path;
  }

  /** A file given to a channel, as bytes; the limit is checked again in case the file grew since. */
  async bytes(input: FileInput, kind: FileKind): Promise<Buffer> {
    if ('base64' in input) return Buffer.from(input.base64, 'base64');
    const path = this.pathOf(input.token, kind);
    if ((await stat(path)).size > FILE_KINDS[kind].maxBytes) throw tooLarge(kind);
    return readFile(path);
  }

  /** A made file for the caller: inline where the interface saves it (browser mode), else held for `save`. */
  deliver(file: HeldFile): FileOut {
    if (!this.dialogs) return { fileName: file.fileName, mimeType: file.mimeType, base64: file.bytes.toString('base64') };
    const token = newToken();
    this.held.set(token, file);
    for (const oldest of this.held.keys()) {
      if (this.held.size <= MAX_HELD) break;
      this.forget(oldest);
    }
    return { fileName: file.fileName, mimeType: file.mimeType, held: token };
  }

  /** Shows the save dialog for a held file and writes it there; the file is let go either way. */
  async save(token: string): Promise<{ saved: boolean }> {
    const file = this.held.get(token);
    if (!file) throw new AppError('NOT_FOUND', 'The file is no longer held; make it again');
    try {
      const path = await this.requireDialogs().save(file.fileName);
      if (!path) return { saved: false };
      await writeFile(path, file.bytes);
      return { saved: true };
    } finally {
      this.forget(token);
    }
  }

  /** On lock: made files may hold personal data, and picked files belong to the user who picked them. */
  clear(): void {
    for (const token of [...this.held.keys()]) this.forget(token);
    this.opened.clear();
  }

  private forget(token: string): void {
    this.held.get(token)?.bytes.fill(0);
    this.held.delete(token);
  }

  private requireDialogs(): FileDialogs {
    if (!this.dialogs) throw new AppError('BAD_REQUEST', 'This interface chooses files itself');
    return this.dialogs;
  }
}
