import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Db } from '../../db/queries/writeContext';
import { AppError } from '../../shared/api/errors';
import { findManifest, placeholdersOf, type FilingLanguage, type Label, type TemplateManifest } from '../../templates/manifests';
import { documentParagraphs } from './docxTemplate';
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

export interface PassageProblem {
  /** The passage ({{?name}}). */
  name: string;
  label: Label;
  /** The start of the paragraph that lost the marker; '' when the marker is nowhere in the file. */
  paragraph: string;
}

export interface PlaceholderCheck {
  found: string[];
  unknown: string[];
  missing: string[];
  passages: PassageProblem[];
}

const WORD = /\{\{[?\w.]+\}\}|[\p{L}\p{N}]+/gu;

function words(text: string): Set<string> {
  return new Set([...text.replace(/\{\{\?\w+\}\}/g, '').toLowerCase().matchAll(WORD)].map((m) => m[0]));
}

/** How alike two paragraphs are by their words and placeholders (Dice: 1 the same, 0 nothing shared). */
function likeness(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** An edited paragraph is still "the same paragraph" when at least this share of its words stayed. */
const SAME_PARAGRAPH = 0.6;

/**
 * A passage is the paragraphs that carry its marker {{?name}} in the shipped template of the same
 * language. An imported template must keep the marker in each of them: a paragraph recognisably the
 * same (most of its words and placeholders kept) without the marker would be printed whatever the
 * case — next to the paragraph meant for the other case. A passage whose marker is nowhere in the
 * file is named too.
 */
export function passageProblems(content: Uint8Array, m: TemplateManifest, lang: FilingLanguage): PassageProblem[] {
  const shipped = documentParagraphs(readShippedTemplate(m.id, lang)) ?? [];
  const imported = (documentParagraphs(content) ?? []).map((text) => ({ text, words: words(text) }));
  const problems: PassageProblem[] = [];
  for (const p of m.passages) {
    const marker = `{{?${p.name}}}`;
    const own = shipped.filter((text) => text.includes(marker));
    if (!own.length) continue;
    const before = problems.length;
    for (const text of own) {
      const w = words(text);
      let best: (typeof imported)[number] | null = null;
      let score = 0;
      for (const i of imported) {
        const s = likeness(w, i.words);
        if (s > score) [best, score] = [i, s];
      }
      if (best && score >= SAME_PARAGRAPH && !best.text.includes(marker)) {
        problems.push({ name: p.name, label: p.label, paragraph: best.text.replace(/\s+/g, ' ').trim().slice(0, 80) });
      }
    }
    if (problems.length === before && !imported.some((i) => i.text.includes(marker))) problems.push({ name: p.name, label: p.label, paragraph: '' });
  }
  return problems;
}

/**
 * Compares a .docx's placeholders with the manifest: unknown ones would stay as {{…}} in filings. The
 * file is checked first (templateBounds.ts): nothing unpacks it before its sizes and links are known.
 */
export async function checkPlaceholders(content: Uint8Array, m: TemplateManifest, lang: FilingLanguage): Promise<PlaceholderCheck> {
  const notDocx = () => new AppError('BAD_REQUEST', 'This file is not a .docx document');
  if (!checkTemplateZip(content)) throw notDocx();
  let found: string[];
  try {
    const { patchDetector } = await import('docx');
    found = [...new Set(await patchDetector({ data: content }))];
  } catch {
    throw notDocx();
  }
  const known = new Set(placeholdersOf(m));
  const unknown = found.filter((p) => !known.has(p)).sort();
  const missing = requiredPlaceholders(m).filter((p) => !found.includes(p));
  return { found, unknown, missing, passages: passageProblems(content, m, lang) };
}

export function sha256(content: Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}
