import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { LANGUAGES } from '../../shared/domain/enums';

// Preferences needed before the database is unlocked (the interface language, the last user name).
// Nothing personal: kept in plain JSON beside the database.

const prefsSchema = z.object({
  language: z.enum(LANGUAGES).default('tg'),
  lastUsername: z.string().nullable().default(null),
});
export type Prefs = z.infer<typeof prefsSchema>;

export function readPrefs(path: string): Prefs {
  if (existsSync(path)) {
    try {
      const parsed = prefsSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      if (parsed.success) return parsed.data;
    } catch {
      // A damaged preferences file is replaced by defaults; it holds nothing that matters.
    }
  }
  return prefsSchema.parse({});
}

export function writePrefs(path: string, prefs: Prefs): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, JSON.stringify(prefs, null, 2));
  renameSync(`${path}.tmp`, path);
}
