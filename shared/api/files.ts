import { z } from 'zod';

// Files crossing the API. A file the app takes in arrives either inline as base64 (browser mode, where
// the browser reads the chosen file) or as an opaque token that the Electron main process gave after
// its own open dialog: the renderer never names a path. A file the app makes comes back either inline
// (browser mode: the browser saves it) or held in the main process under a token that `files:save`
// writes where the user chooses in main's save dialog — so large files never cross IPC as base64.

const MiB = 1024 * 1024;

/** What each kind of incoming file may be: the extensions a picker offers and the largest accepted. */
export const FILE_KINDS = {
  template: { extensions: ['docx'], maxBytes: 10 * MiB },
  register: { extensions: ['csv', 'xlsx'], maxBytes: 20 * MiB },
  update: { extensions: ['json'], maxBytes: 36 * MiB },
  package: { extensions: ['ladpkg'], maxBytes: 64 * MiB },
  // A scanned or photographed paper; photos are made smaller before they are stored.
  scan: { extensions: ['jpg', 'jpeg', 'png', 'heic', 'heif', 'pdf'], maxBytes: 20 * MiB },
} as const satisfies Record<string, { extensions: readonly string[]; maxBytes: number }>;

export type FileKind = keyof typeof FILE_KINDS;
export const FILE_KIND_NAMES = Object.keys(FILE_KINDS) as [FileKind, ...FileKind[]];

/** Characters of base64 (with padding) for a file of `bytes` bytes. */
export function base64Length(bytes: number): number {
  return 4 * Math.ceil(bytes / 3);
}

/** Whole mebibytes, for telling the user the largest file accepted. */
export function megabytes(bytes: number): number {
  return Math.floor(bytes / MiB);
}

/**
 * The largest request body browser mode accepts: the largest file of any kind inline as base64, plus
 * room for the call's other fields and the JSON around them. Derived, so raising a kind's limit raises it.
 */
export const MAX_REQUEST_BYTES = base64Length(Math.max(...Object.values(FILE_KINDS).map((k) => k.maxBytes))) + MiB;

/** 32 random bytes, base64url: unguessable, and never a path. */
export const fileToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { message: 'invalid' });

/** Bytes that a base64 text (padded, no whitespace) decodes to, without decoding it. */
export function decodedLength(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return (base64.length / 4) * 3 - padding;
}

/** A file given to a channel: inline base64 (browser mode) or the token of a file main opened (Electron). */
export function fileInput(kind: FileKind) {
  const { maxBytes } = FILE_KINDS[kind];
  const inline = z
    .string({ message: 'required' })
    .min(1, { message: 'required' })
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, { message: 'invalid' })
    .refine((s) => s.length % 4 === 0, { message: 'invalid' })
    // Counted in bytes of file, not characters, so the limit is exact to the byte.
    .refine((s) => decodedLength(s) <= maxBytes, { message: 'fileTooLarge', params: { megabytes: megabytes(maxBytes) } });
  return z.union([z.object({ base64: inline }).strict(), z.object({ token: fileToken }).strict()]);
}
export type FileInput = z.infer<ReturnType<typeof fileInput>>;

/** Asks main to show its open dialog for one kind of file. */
export const fileOpenInput = z.object({ kind: z.enum(FILE_KIND_NAMES), multiple: z.boolean().optional() }).strict();

/** A file picked in main's open dialog (null when cancelled): the token for the channel, and the name and size to show. */
export interface OpenedFile {
  token: string;
  name: string;
  size: number;
}

/** Asks main to show its save dialog for a file it holds. */
export const fileSaveInput = z.object({ held: fileToken }).strict();

/** A file the app made: its bytes inline, or held by main until `files:save` writes it. */
export type FileOut = { fileName: string; mimeType: string } & ({ base64: string; held?: undefined } | { held: string; base64?: undefined });
