import { FILE_KINDS, megabytes, type FileInput, type FileKind, type FileOut } from '../../../shared/api/files';
import { ApiError, call } from './client';

// The one place where the interface takes files in and gives them out. In Electron the main process
// shows its own dialogs and keeps the paths: a picked file is a token, a made file is saved by main.
// In a browser (browser mode) the page's file input reads the file and a download saves one.

/** A file the user picked, ready for the channel that takes it. */
export interface ChosenFile {
  name: string;
  size: number;
  payload: FileInput;
}

/** Whether main's dialogs pick files (Electron) rather than the page's file input (browser mode). */
export function pickedByMain(): boolean {
  return typeof window !== 'undefined' && window.legalAid !== undefined;
}

/** The `accept` list of a file input for one kind of file. */
export function acceptOf(kind: FileKind): string {
  return FILE_KINDS[kind].extensions.map((e) => `.${e}`).join(',');
}

export function limitOf(kind: FileKind): number {
  return megabytes(FILE_KINDS[kind].maxBytes);
}

/** Electron: main's open dialog; null when the user cancels. */
export async function pickWithMain(kind: FileKind): Promise<ChosenFile | null> {
  const { file } = await call('files:open', { kind });
  return file && { name: file.name, size: file.size, payload: { token: file.token } };
}

/** Electron: main's open dialog for several files at once (a scanner's folder); empty when cancelled. */
export async function pickManyWithMain(kind: FileKind): Promise<ChosenFile[]> {
  const { files } = await call('files:open', { kind, multiple: true });
  return (files ?? []).map((file) => ({ name: file.name, size: file.size, payload: { token: file.token } }));
}

/** Browser mode: a file from the page's input, refused before it is read when it is over its kind's limit. */
export async function fromInput(file: File, kind: FileKind): Promise<ChosenFile> {
  if (file.size > FILE_KINDS[kind].maxBytes) {
    throw new ApiError({ code: 'VALIDATION', message: 'The file is too large', fields: [{ path: 'file', key: 'fileTooLarge', params: { megabytes: limitOf(kind) } }] });
  }
  return { name: file.name, size: file.size, payload: { base64: await readBase64(file) } };
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** Saves a file the app made: through main's save dialog when main holds it, else as a download. False when cancelled. */
export async function saveFile(file: FileOut): Promise<boolean> {
  if (file.held !== undefined) return (await call('files:save', { held: file.held })).saved;
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  download(new Blob([bytes], { type: file.mimeType }), file.fileName);
  return true;
}

/** Saves text the interface made itself (a small file such as a pairing file) as a download. */
export function saveText(fileName: string, text: string, mimeType: string): void {
  download(new Blob([text], { type: mimeType }), fileName);
}

/** A Blob URL clicked as a link: no window.open, allowed by the Content Security Policy. */
function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
