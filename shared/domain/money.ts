// Money is stored in diram (1/100 somoni) as integers, so sums never drift. These convert what a
// person types ("1 250,50", "1250.5") and show it back.

/** Diram from a somoni amount as typed; null for an empty text; NaN when not a valid amount. */
export function parseSomoni(text: string): number | null {
  const s = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (s === '') return null;
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return Number.NaN;
  const [whole, frac = ''] = s.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

/** "1 250.50" from 125050 diram. */
export function formatSomoni(diram: number | null | undefined): string {
  if (diram === null || diram === undefined) return '';
  const whole = Math.trunc(diram / 100);
  const frac = String(Math.abs(diram % 100)).padStart(2, '0');
  return `${String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')}.${frac}`;
}
