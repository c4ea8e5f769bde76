import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../shared/i18n/en';
import { flattenKeys, translate } from '../../shared/i18n/index';
import { ru } from '../../shared/i18n/ru';
import { tg } from '../../shared/i18n/tg';

// The catalogs speak the glossary's words: the same concept has the same name on every screen.

interface Row {
  concept: string;
  en: string[];
  scope: 'all' | 'screens';
  term: Record<'tg' | 'ru', string>;
  avoid: Record<'tg' | 'ru', string[]>;
}

const list = (cell: string) => cell.split(',').map((s) => s.trim()).filter(Boolean);

function glossary(): Row[] {
  const text = readFileSync(join(__dirname, '../../shared/i18n/GLOSSARY.md'), 'utf8');
  const rows = text.split('\n').filter((l) => l.startsWith('|')).slice(2);
  return rows.map((line) => {
    const [concept, enWords, scope, tgTerm, tgAvoid, ruTerm, ruAvoid] = line.split('|').slice(1, -1).map((c) => c.trim());
    return {
      concept: concept!,
      en: list(enWords!),
      scope: scope as Row['scope'],
      term: { tg: tgTerm!, ru: ruTerm! },
      avoid: { tg: list(tgAvoid!), ru: list(ruAvoid!) },
    };
  });
}

/** A word that starts with `stem` (Cyrillic has no \b in JS regular expressions). */
const wordStarting = (stem: string) => new RegExp(`(?<!\\p{L})${stem.replace(/ /g, '\\s+')}`, 'iu');

const valueAt = (lang: 'tg' | 'ru' | 'en', key: string) => translate(lang, key);
const keys = flattenKeys(en);

describe('glossary', () => {
  const rows = glossary();

  it('names the concepts the translators asked for', () => {
    expect(rows.map((r) => r.concept)).toEqual(
      expect.arrayContaining(['client', 'password', 'code', 'role', 'fingerprint', 'paralegal', 'read-only', 'abandoned (on screen)']),
    );
  });

  for (const lang of ['tg', 'ru'] as const) {
    it(`${lang}: no catalog string uses a word the glossary avoids`, () => {
      const found: string[] = [];
      for (const row of rows) {
        for (const word of row.avoid[lang]) {
          for (const key of keys) {
            const text = valueAt(lang, key);
            if (row.scope === 'screens' && key.startsWith('reports.')) continue;
            if (wordStarting(word).test(text)) found.push(`${key}: «${word}» in «${text}»`);
          }
        }
      }
      expect(found).toEqual([]);
    });

    it(`${lang}: a string that names a concept in English uses the glossary's term`, () => {
      const found: string[] = [];
      for (const row of rows) {
        for (const key of keys) {
          const english = valueAt('en', key);
          if (!row.en.some((w) => new RegExp(`\\b${w}`, 'i').test(english))) continue;
          if (row.scope === 'screens' && key.startsWith('reports.')) continue;
          const text = valueAt(lang, key);
          if (!wordStarting(row.term[lang]).test(text)) found.push(`${key}: «${row.term[lang]}» missing in «${text}»`);
        }
      }
      expect(found).toEqual([]);
    });
  }

  it('tg: «рамз» is the password, never a code', () => {
    const codes = keys.filter((k) => /\bcode\b|\bid\b/i.test(valueAt('en', k)) && !/password|passphrase/i.test(valueAt('en', k)));
    const found = codes.filter((k) => /(?<!\p{L})рамз(?!гузор)/iu.test(valueAt('tg', k))).map((k) => `${k}: ${valueAt('tg', k)}`);
    expect(found).toEqual([]);
  });

  it("a child's sex is worded for a child", () => {
    expect(Object.values(tg.enum.childSex)).toEqual(expect.arrayContaining(['Духтар', 'Писар']));
    expect(Object.values(ru.enum.childSex)).toEqual(expect.arrayContaining(['Девочка', 'Мальчик']));
  });

  it('no field label repeats the heading of its box', () => {
    for (const lang of ['tg', 'ru', 'en'] as const) {
      const c = { tg, ru, en }[lang];
      expect(c.cases.courtName).not.toBe(c.cases.court);
      expect(c.reports.periodKindLabel).not.toBe(c.reports.periodLegend);
    }
  });
});
