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

export function isTextField(el: Element | null): el is HTMLInputElement | HTMLTextAreaElement {
  if (el instanceof HTMLTextAreaElement) return !el.readOnly && !el.disabled;
  if (el instanceof HTMLInputElement) {
    return ['text', 'search', ''].includes(el.type) && !el.readOnly && !el.disabled;
  }
  return false;
}

/** Types text at the caret of a field the way a keyboard would (React sees a normal input event). */
export function insertAtCaret(el: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  el.focus();
  if (document.execCommand?.('insertText', false, text)) return;
  const start = el.selectionStart ?? el.value.length;
  const end = el.selectionEnd ?? el.value.length;
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  setter?.call(el, el.value.slice(0, start) + text + el.value.slice(end));
  el.setSelectionRange(start + text.length, start + text.length);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}
