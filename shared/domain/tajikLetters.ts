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

/** The key that types `letter` with Alt, on a Russian layout and on a Latin one ("ғ" → г, g). */
export function altKeysFor(letter: string): { cyrillic: string; latin: string } | undefined {
  const lower = letter.toLocaleLowerCase();
  const keys = Object.keys(ALT_MAP).filter((k) => ALT_MAP[k] === lower);
  const cyrillic = keys.find((k) => /\p{Script=Cyrillic}/u.test(k));
  const latin = keys.find((k) => /[a-z]/.test(k));
  return cyrillic && latin ? { cyrillic, latin } : undefined;
}
