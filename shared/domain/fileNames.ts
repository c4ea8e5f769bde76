// Names of the files the app saves: readable in the filing's language, safe on Windows.

/** Characters Windows refuses in file names, and control characters, become spaces; at most 120 characters. */
export function safeFileName(s: string): string {
  const cleaned = Array.from(s, (ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? ' ' : ch)).join('');
  return cleaned.replace(/\s+/g, ' ').trim().slice(0, 120);
}

/** «Исковое заявление о взыскании алиментов – Раҳимова – 2026-12-03.docx»: the filing's title in its language, the client's surname, the day. */
export function filingFileName(title: string, surname: string, date: string): string {
  // The title is cut before the day, so a long title never loses the date.
  return `${[safeFileName(title).slice(0, 90), safeFileName(surname).slice(0, 40), date].filter(Boolean).join(' – ')}.docx`;
}
