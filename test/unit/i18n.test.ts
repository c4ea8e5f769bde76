import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as enums from '../../shared/domain/enums';
import { ENUM_LABEL_KEYS } from '../../shared/i18n/enumLabels';
import { CATALOGS, flattenKeys, translate } from '../../shared/i18n/index';
import { LANGUAGES } from '../../shared/domain/enums';

// Every catalog has every key of the others, none empty; every closed vocabulary is labelled in every
// language; every literal key the renderer asks for exists.

function valueAt(obj: object, key: string): unknown {
  let node: unknown = obj;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return node;
}

describe('i18n catalogs', () => {
  const keys = Object.fromEntries(LANGUAGES.map((l) => [l, new Set(flattenKeys(CATALOGS[l]))]));
  const all = new Set(LANGUAGES.flatMap((l) => [...keys[l]!]));

  for (const lang of LANGUAGES) {
    it(`${lang} has every key, none empty`, () => {
      const missing = [...all].filter((k) => !keys[lang]!.has(k));
      expect(missing).toEqual([]);
      const empty = [...keys[lang]!].filter((k) => String(valueAt(CATALOGS[lang], k)).trim() === '');
      expect(empty).toEqual([]);
    });

    it(`${lang} keeps the same {{placeholders}} as English`, () => {
      const differ = [...keys.en!].filter((k) => {
        const names = (s: unknown) => [...String(s).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort().join(',');
        return names(valueAt(CATALOGS[lang], k)) !== names(valueAt(CATALOGS.en, k));
      });
      expect(differ).toEqual([]);
    });
  }

  it('finds keys whose own name holds dots (the report exports: "1.2.3.womenFromMigrantHouseholds")', () => {
    expect(translate('ru', 'reports.breakdownTitles.1.2.3.womenFromMigrantHouseholds')).toBe(
      (CATALOGS.ru.reports.breakdownTitles as Record<string, string>)['1.2.3.womenFromMigrantHouseholds'],
    );
    expect(translate('tg', 'reports.breakdownTitles.1.2.10.consultations')).toMatch(/^1\.2\.10/);
    expect(translate('en', 'reports.no.such.key')).toBe('reports.no.such.key');
  });

  it('lists every closed vocabulary of shared/domain/enums.ts', () => {
    const labelled = new Set<unknown>(Object.values(ENUM_LABEL_KEYS));
    const vocabularies = Object.entries(enums).filter(([, v]) => Array.isArray(v));
    const unlabelled = vocabularies.filter(([, v]) => !labelled.has(v)).map(([name]) => name);
    expect(unlabelled).toEqual([]);
  });

  for (const lang of LANGUAGES) {
    it(`${lang} labels every enum code`, () => {
      const missing: string[] = [];
      for (const [name, codes] of Object.entries(ENUM_LABEL_KEYS)) {
        for (const code of codes as readonly string[]) {
          const value = valueAt(CATALOGS[lang], `enum.${name}.${code}`);
          if (typeof value !== 'string' || value.trim() === '') missing.push(`enum.${name}.${code}`);
        }
      }
      expect(missing).toEqual([]);
    });
  }

  it('words every abandonment reason', () => {
    const codes = ['not_wife', 'remittance_within_six_months', 'no_remittance_since', 'no_remittance_departed', 'departed_recently', 'remittance_after_date', 'insufficient_data'];
    for (const lang of LANGUAGES) for (const code of codes) expect(translate(lang, `abandonment.${code}`)).not.toBe(`abandonment.${code}`);
  });

  it('has every literal key the renderer uses', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name)) files.push(path);
      }
    };
    walk(join(__dirname, '../../renderer/src'));
    const used = new Set<string>();
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(m[1]!);
    }
    const missing = [...used].filter((k) => !keys.en!.has(k) && !keys.en!.has(`${k}_one`));
    expect(missing).toEqual([]);
  });
});
