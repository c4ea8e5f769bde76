import { describe, expect, it } from 'vitest';
import { ageBand } from '../../shared/domain/ageBand';
import { pastIsoDate } from '../../shared/api/validation';
import { addMonths, ageOn, checkDate, formatDate, isValidIsoDate, parseDate } from '../../shared/domain/dates';

describe('dates', () => {
  it('reads dd.mm.yyyy and ISO, refuses impossible dates', () => {
    expect(parseDate('05.03.2024')).toBe('2024-03-05');
    expect(parseDate('5.3.2024')).toBe('2024-03-05');
    expect(parseDate('2024-03-05')).toBe('2024-03-05');
    expect(parseDate('29.02.2023')).toBeNull();
    expect(parseDate('29.02.2024')).toBe('2024-02-29');
    expect(parseDate('31.04.2024')).toBeNull();
    expect(parseDate('tomorrow')).toBeNull();
    expect(isValidIsoDate('2024-13-01')).toBe(false);
  });

  it('shows dates as dd.mm.yyyy', () => {
    expect(formatDate('2024-03-05')).toBe('05.03.2024');
    expect(formatDate(null)).toBe('');
  });

  it('subtracts calendar months, clamping to the end of a shorter month', () => {
    expect(addMonths('2024-08-31', -6)).toBe('2024-02-29');
    expect(addMonths('2023-08-31', -6)).toBe('2023-02-28');
    expect(addMonths('2024-03-15', -6)).toBe('2023-09-15');
    expect(addMonths('2024-01-10', 1)).toBe('2024-02-10');
  });

  it('computes the age on a date, birthday included', () => {
    expect(ageOn('2000-05-10', '2018-05-09')).toBe(17);
    expect(ageOn('2000-05-10', '2018-05-10')).toBe(18);
    expect(ageOn('2000-02-29', '2018-02-28')).toBe(17);
    expect(ageOn('2000-02-29', '2018-03-01')).toBe(18);
  });

  it('puts ages in the indicator bands', () => {
    expect([17, 18, 29, 30, 44, 45, 59, 60].map(ageBand)).toEqual(['<18', '18-29', '18-29', '30-44', '30-44', '45-59', '45-59', '60+']);
    expect(ageBand(null)).toBe('unknown');
  });

  it('names the problem of a typed date: no such day, not a date, in the future, before the birth date', () => {
    expect(checkDate('31.02.1990')).toEqual({ iso: null, problem: 'noSuchDay', daysInMonth: 28 });
    expect(checkDate('29.02.2023')).toEqual({ iso: null, problem: 'noSuchDay', daysInMonth: 28 });
    expect(checkDate('31.04.2024')).toEqual({ iso: null, problem: 'noSuchDay', daysInMonth: 30 });
    expect(checkDate('29.02.2024')).toEqual({ iso: '2024-02-29', problem: null });
    expect(checkDate('25.13.1990').problem).toBe('invalidDate');
    expect(checkDate('32.01.1990').problem).toBe('invalidDate');
    expect(checkDate('вчера').problem).toBe('invalidDate');
    expect(checkDate('2026-12-04', { notAfter: '2026-12-03' }).problem).toBe('futureDate');
    expect(checkDate('03.12.2026', { notAfter: '2026-12-03' })).toEqual({ iso: '2026-12-03', problem: null });
    expect(checkDate('2024-05-19', { birthDate: '2024-05-20' }).problem).toBe('beforeBirth');
    expect(checkDate('2024-05-20', { birthDate: '2024-05-20' }).problem).toBeNull();
    expect(checkDate('2024-05-19', { birthDate: null }).problem).toBeNull();
  });

  it('gives a past date field one message, the precise one (a day of 21 or more is not "in the future")', () => {
    const messages = (typed: string) => {
      const r = pastIsoDate.safeParse(typed);
      return r.success ? [] : r.error.issues.map((i) => i.message);
    };
    expect(messages('31.02.1990')).toEqual(['noSuchDay']);
    expect(messages('21.13.1990')).toEqual(['invalidDate']);
    expect(messages('30.02.2000')).toEqual(['noSuchDay']);
    expect(messages('9999-01-01')).toEqual(['futureDate']);
    expect(messages('1990-02-28')).toEqual([]);
  });
});
