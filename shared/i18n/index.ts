import type { Language } from '../domain/enums';
import { en, type Catalog } from './en';
import { ru } from './ru';
import { tg } from './tg';

export const CATALOGS: Record<Language, Catalog> = { tg, ru, en };
export const DEFAULT_LANGUAGE: Language = 'tg';
export type { Catalog };

/** Every key of a catalog as a dotted path (for the completeness test and lookups outside React). */
export function flattenKeys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : flattenKeys(v as object, `${prefix}${k}.`),
  );
}

/** Looks up a dotted key and fills {{params}}; used by the CLI and documents (React uses i18next). */
/** The text at a dotted key; a key's own name may hold dots too ("breakdownTitles.1.2.3.consultations"), as i18next allows. */
function lookup(node: unknown, parts: string[]): string | undefined {
  if (parts.length === 0) return typeof node === 'string' ? node : undefined;
  if (!node || typeof node !== 'object') return undefined;
  for (let i = 1; i <= parts.length; i++) {
    const child = (node as Record<string, unknown>)[parts.slice(0, i).join('.')];
    if (child === undefined) continue;
    const found = lookup(child, parts.slice(i));
    if (found !== undefined) return found;
  }
  return undefined;
}

export function translate(language: Language, key: string, params: Record<string, string | number> = {}): string {
  const node = lookup(CATALOGS[language], key.split('.'));
  if (node === undefined) return key;
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}
