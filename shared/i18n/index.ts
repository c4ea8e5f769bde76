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

/**
 * The text at a key; with a numeric `count`, the language's plural form as i18next picks it
 * (`key_one`, `key_few`, `key_many`, `key_other` by Intl.PluralRules: «1 год», «2 года», «5 лет»).
 */
export function translate(language: Language, key: string, params: Record<string, string | number> = {}): string {
  const count = params.count;
  const plural = typeof count === 'number' ? lookup(CATALOGS[language], `${key}_${new Intl.PluralRules(language).select(count)}`.split('.')) : undefined;
  const node = plural ?? lookup(CATALOGS[language], key.split('.'));
  if (node === undefined) return key;
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** The catalog's words for `key`, or `fallback` where it has none (a code no catalog names). */
export function translateOr(language: Language, key: string, fallback: string): string {
  const text = translate(language, key);
  return text === key ? fallback : text;
}
