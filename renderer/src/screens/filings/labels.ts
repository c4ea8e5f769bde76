import type { Label } from '../../../../shared/api/filingsTypes';

/** A manifest label in the interface language (tg, ru or en). */
export function pick(label: Label, language: string): string {
  return language === 'ru' ? label.ru : language === 'en' ? label.en : label.tg;
}

/** Opens a save dialog for a file the API returned as base64 (the browser's download). */
export function downloadBase64(fileName: string, mimeType: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
