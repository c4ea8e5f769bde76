// Tajik phone numbers: the country code +992 and nine national digits (operator/area code + subscriber).
// People write them in many ways: "+992 93 123 45 67", "992931234567", "00992 93…", "93-123-45-67",
// "(93) 1234567", or with the old trunk prefix "8" before the nine digits. All are stored as +992XXXXXXXXX
// so that one index finds a number however it was typed.

/** +992XXXXXXXXX, or null when the text is not a Tajik phone number. */
export function normalizePhone(input: string): string | null {
  const trimmed = input.trim();
  if (!/^[+\d\s().-]+$/.test(trimmed)) return null;
  let digits = trimmed.replace(/\D/g, '');
  if (digits.startsWith('00992')) digits = digits.slice(2);
  if (digits.length === 12 && digits.startsWith('992')) digits = digits.slice(3);
  else if (digits.length === 10 && digits.startsWith('8')) digits = digits.slice(1);
  if (digits.length !== 9) return null;
  return `+992${digits}`;
}

/**
 * The digits a user typed in a search box, as a prefix of stored numbers ("+99293…"), or null when the
 * text does not look like (part of) a phone number. Short fragments (< 5 digits) are not searched.
 */
export function phoneSearchPrefix(input: string): string | null {
  const trimmed = input.trim();
  if (!/^[+\d\s().-]+$/.test(trimmed)) return null;
  const full = normalizePhone(trimmed);
  if (full) return full;
  let digits = trimmed.replace(/\D/g, '');
  if (digits.length < 5) return null;
  if (digits.startsWith('00992')) digits = digits.slice(5);
  else if (digits.startsWith('992')) digits = digits.slice(3);
  if (digits.length > 9) return null;
  return `+992${digits}`;
}

/** Shortest run of digits looked up inside stored numbers (shorter runs match too many people). */
export const MIN_DIGIT_RUN = 4;

/**
 * The digits a user typed, as a run to find anywhere inside a phone's national number ("9291" in
 * +992 93 929 11 22), or null when the text is not digits or too short. A leading country code or
 * trunk prefix of a longer number is dropped, as stored numbers keep only the national digits.
 */
export function phoneDigitRun(input: string): string | null {
  const trimmed = input.trim();
  if (!/^[+\d\s().-]+$/.test(trimmed)) return null;
  let digits = trimmed.replace(/\D/g, '');
  if (digits.length > 9) digits = digits.replace(/^(00992|992|8)/, '');
  return digits.length >= MIN_DIGIT_RUN && digits.length <= 9 ? digits : null;
}
