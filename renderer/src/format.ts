import { formatDate } from '../../shared/domain/dates';

export { formatDate };

/** "Surname Given Patronymic" without double spaces when a part is missing. */
export function fullName(p: { surname: string; givenName: string; patronymic?: string | null }): string {
  return [p.surname, p.givenName, p.patronymic ?? ''].filter(Boolean).join(' ');
}

/** Triggers a download of a base64 file through a Blob URL (no window.open, CSP-friendly). */
export function downloadBase64(base64: string, fileName: string, mimeType: string): void {
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
