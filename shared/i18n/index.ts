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
export function translate(language: Language, key: string, params: Record<string, string | number> = {}): string {
  let node: unknown = CATALOGS[language];
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string') return key;
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}
