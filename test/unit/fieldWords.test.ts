import { describe, expect, it } from 'vitest';
import { EXCHANGED_TABLES } from '../../electron/exchange/fullSync';
import { LANGUAGES } from '../../shared/domain/enums';
import { FIELDS_WITH_WORDS, fieldKey, recordKindKey, valueKey } from '../../shared/i18n/fieldWords';
import { translate } from '../../shared/i18n/index';
import { tempDatabases } from '../support/tempDatabase';
import { conflictWords } from '../../electron/cli/commands/exchange';

// The conflicts to check name a record and a field in the user's language: every exchanged table has
// a word for what its record is, and every field with words is a real column whose label exists.

const open = tempDatabases();

describe('words of exchanged records and their fields', () => {
  it('names what a record of every exchanged table is, in every language', () => {
    for (const table of EXCHANGED_TABLES)
      for (const language of LANGUAGES) {
        const key = recordKindKey(table);
        expect(translate(language, key), `${language} ${table}`).not.toBe(key);
      }
  });

  it('gives each field with words a label in every language, for a column the table has', async () => {
    const { raw } = await open();
    for (const pair of FIELDS_WITH_WORDS) {
      const [table, column] = pair.split('.') as [string, string];
      expect(EXCHANGED_TABLES, pair).toContain(table);
      const columns = (raw.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map((c) => c.name);
      expect(columns, pair).toContain(column);
      for (const language of LANGUAGES) expect(translate(language, fieldKey(table, column)!), `${language} ${pair}`).not.toBe(fieldKey(table, column));
    }
    expect(translate('ru', fieldKey('clients', 'notes')!)).toBe('Заметки');
    expect(translate('tg', fieldKey('cases', 'deleted_at')!)).toBe('Сабт нест карда шуд');
    // A code is shown as the forms show it; a value outside the vocabulary, or of a free-text field, as it is.
    expect(translate('ru', valueKey('cases', 'status', 'closed')!)).toBe(translate('ru', 'enum.caseStatus.closed'));
    expect(translate('tg', valueKey('consultations', 'venue_kind', 'mobile_session')!)).toBe(translate('tg', 'enum.venueKind.mobile_session'));
    expect(valueKey('cases', 'status', 'no-such-status')).toBeNull();
    expect(valueKey('clients', 'notes', 'closed')).toBeNull();
    // Bookkeeping no form shows keeps its column name.
    expect(fieldKey('consultations', 'snap_age_band')).toBeNull();
  });
});

describe("the command line's conflicts", () => {
  it('name the record, the field and a code value in English words, and keep names that have none', () => {
    const status = conflictWords({ tableName: 'cases', columnName: 'status' });
    expect([status.record, status.field, status.value('filed'), status.value(null)]).toEqual(['Case', '"Status"', '"filed" (Filed with the court)', 'null']);
    const bookkeeping = conflictWords({ tableName: 'cases', columnName: 'created_at' });
    expect([bookkeeping.field, bookkeeping.value('2026-01-01')]).toEqual(['created_at', '"2026-01-01"']);
  });
});
