import { describe, expect, it } from 'vitest';
import { letterForAltKey, TAJIK_LETTERS } from '../../shared/domain/tajikLetters';

describe('Tajik letter shortcuts', () => {
  it('map Alt + the nearest Russian letter or a Latin letter to each Tajik letter', () => {
    const russian = ['г', 'и', 'к', 'у', 'х', 'ч'].map((k) => letterForAltKey(k, false));
    const latin = ['g', 'i', 'k', 'u', 'h', 'j'].map((k) => letterForAltKey(k, false));
    expect(russian).toEqual([...TAJIK_LETTERS]);
    expect(latin).toEqual([...TAJIK_LETTERS]);
  });

  it('give capitals with Shift (whatever case the key reports) and nothing for other keys', () => {
    expect(letterForAltKey('Х', true)).toBe('Ҳ');
    expect(letterForAltKey('J', true)).toBe('Ҷ');
    expect(letterForAltKey('a', false)).toBeUndefined();
  });
});
