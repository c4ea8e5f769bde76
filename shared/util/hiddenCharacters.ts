// Characters that do not show as what they are. Control characters (NUL, escape, form feed…) are
// invisible or cut text short in other programs; the bidirectional embeddings, overrides and isolates
// (U+202A–U+202E, U+2066–U+2069) reorder the text around them, so a name or a note can read one way
// on screen and in a filing and be stored another way ("txt.exe" shown as "exe.txt").

/** Is this a control character (C0 or DEL), other than the ones allowed here? */
export function isControlCharacter(code: number, allowed: readonly number[] = []): boolean {
  return (code < 0x20 || code === 0x7f) && !allowed.includes(code);
}

export function hasControlCharacter(text: string, allowed: readonly number[] = []): boolean {
  for (let i = 0; i < text.length; i++) if (isControlCharacter(text.charCodeAt(i), allowed)) return true;
  return false;
}

export function hasBidiControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return true;
  }
  return false;
}
