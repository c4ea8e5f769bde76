export { altKeysFor, letterForAltKey, TAJIK_LETTERS } from '../../../shared/domain/tajikLetters';

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
