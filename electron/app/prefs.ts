import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { ownerOnlyFiles, ownerOnlyFolder } from '../../db/fileModes';
import { LANGUAGES } from '../../shared/domain/enums';

// Preferences needed before the database is unlocked: the interface language. Nothing personal — not
// even the last user's name, which would tell whoever finds the laptop whose account to try — kept in
// plain JSON in the data folder, owner-only like everything there.

const prefsSchema = z.object({
  language: z.enum(LANGUAGES).default('tg'),
});
export type Prefs = z.infer<typeof prefsSchema>;

export function readPrefs(path: string): Prefs {
  if (existsSync(path)) {
    try {
      // Keys this version no longer keeps (an earlier version's last user name) are dropped here.
      const parsed = prefsSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      if (parsed.success) return parsed.data;
    } catch {
      // A damaged preferences file is replaced by defaults; it holds nothing that matters.
    }
  }
  return prefsSchema.parse({});
}

/** Writes the preferences; the folder they are in is the app's data folder, made owner-only. */
export function writePrefs(path: string, prefs: Prefs): void {
  ownerOnlyFolder(dirname(path));
  writeFileSync(`${path}.tmp`, JSON.stringify(prefs, null, 2), { mode: 0o600 });
  ownerOnlyFiles(`${path}.tmp`);
  renameSync(`${path}.tmp`, path);
}
