// The six Tajik Cyrillic letters many keyboards lack, and the Alt+key shortcuts that type them
// (the nearest Russian letter, or a Latin letter for a Latin layout).
export const TAJIK_LETTERS = ['ғ', 'ӣ', 'қ', 'ӯ', 'ҳ', 'ҷ'] as const;

const ALT_MAP: Record<string, string> = {
  г: 'ғ',
  g: 'ғ',
  и: 'ӣ',
  i: 'ӣ',
  к: 'қ',
  k: 'қ',
  у: 'ӯ',
  u: 'ӯ',
  х: 'ҳ',
  h: 'ҳ',
  ч: 'ҷ',
  j: 'ҷ',
};

/** The Tajik letter for Alt + `key`, in capitals when Shift is held; undefined when none. */
export function letterForAltKey(key: string, shift: boolean): string | undefined {
  const letter = ALT_MAP[key.toLocaleLowerCase()];
  if (!letter) return undefined;
  return shift ? letter.toLocaleUpperCase() : letter;
}
