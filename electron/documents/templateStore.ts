import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { patchDetector } from 'docx';
import type { Db } from '../../db/queries/writeContext';
import { AppError } from '../../shared/api/errors';
import { findManifest, placeholdersOf, type FilingLanguage, type TemplateManifest } from '../../templates/manifests';
import { checkTemplateZip } from './templateBounds';

// Where a template's .docx comes from: an administrator's imported version (template_versions, the
// newest active one) or the shipped file in templates/docx. Shipped files are read once and cached.

/** templates/docx in the repository; the built main process (out/main) sits two levels down too. */
export const SHIPPED_DIR = process.env.LEGAL_AID_TEMPLATES_DIR ?? resolve(__dirname, '../../templates/docx');

const cache = new Map<string, Buffer>();

export function shippedTemplatePath(id: string, lang: FilingLanguage): string {
  return join(SHIPPED_DIR, `${id}.${lang}.docx`);
}

export function readShippedTemplate(id: string, lang: FilingLanguage): Buffer {
  const key = `${id}.${lang}`;
  let buf = cache.get(key);
  if (!buf) {
    buf = readFileSync(shippedTemplatePath(id, lang));
    cache.set(key, buf);
  }
  return buf;
}

export function requireManifest(id: string): TemplateManifest {
  const m = findManifest(id);
  if (!m) throw new AppError('NOT_FOUND', `No template ${id}`);
  return m;
}

export interface LoadedTemplate {
  content: Uint8Array;
  /** The manifest version, with "+custom.N" for an imported one. */
  version: string;
  custom: boolean;
}

export async function activeCustomTemplate(db: Db, id: string, lang: FilingLanguage) {
  return db
    .selectFrom('template_versions')
    .selectAll()
    .where('template_id', '=', id)
    .where('language', '=', lang)
    .where('active', '=', 1)
    .where('deleted_at', 'is', null)
    .orderBy('hlc', 'desc')
    .executeTakeFirst();
}

export async function loadTemplate(db: Db, manifest: TemplateManifest, lang: FilingLanguage): Promise<LoadedTemplate> {
  const custom = await activeCustomTemplate(db, manifest.id, lang);
  if (custom) return { content: custom.content, version: custom.version, custom: true };
  return { content: readShippedTemplate(manifest.id, lang), version: manifest.version, custom: false };
}

/**
 * Placeholders a template of this manifest must have: required fields and required lists. Choice
 * fields are left out: they usually only choose passages, and their text need not be printed.
 */
export function requiredPlaceholders(m: TemplateManifest): string[] {
  const out: string[] = [];
  for (const f of m.fields) if (f.required === true && f.format !== 'choice') out.push(f.name);
  for (const l of m.lists) {
    if (!l.required) continue;
    if (l.kind === 'paragraphs') out.push(l.name);
    else for (const c of l.columns) if (c.name !== 'n') out.push(`${l.name}.${c.name}`);
  }
  return out;
}

export interface PlaceholderCheck {
  found: string[];
  unknown: string[];
  missing: string[];
}

/**
 * Compares a .docx's placeholders with the manifest: unknown ones would stay as {{…}} in filings. The
 * file is checked first (templateBounds.ts): nothing unpacks it before its sizes and links are known.
 */
export async function checkPlaceholders(content: Uint8Array, m: TemplateManifest): Promise<PlaceholderCheck> {
  const notDocx = () => new AppError('BAD_REQUEST', 'This file is not a .docx document');
  if (!checkTemplateZip(content)) throw notDocx();
  let found: string[];
  try {
    found = [...new Set(await patchDetector({ data: content }))];
  } catch {
    throw notDocx();
  }
  const known = new Set(placeholdersOf(m));
  const unknown = found.filter((p) => !known.has(p)).sort();
  const missing = requiredPlaceholders(m).filter((p) => !found.includes(p));
  return { found, unknown, missing };
}

export function sha256(content: Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}
