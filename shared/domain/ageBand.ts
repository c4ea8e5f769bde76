import type { AgeBand } from './enums';

/** Age bands of the indicator breakdowns (DOMAIN.md): <18, 18-29, 30-44, 45-59, 60+, unknown. */
export function ageBand(age: number | null | undefined): AgeBand {
  if (age === null || age === undefined || !Number.isFinite(age) || age < 0) return 'unknown';
  if (age < 18) return '<18';
  if (age < 30) return '18-29';
  if (age < 45) return '30-44';
  if (age < 60) return '45-59';
  return '60+';
}
