import { daysInMonth } from '../../../../shared/domain/dates';

// The period picker's choices turned into [from, to] (ISO dates).

export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';

export interface PeriodChoice {
  kind: PeriodKind;
  year: number;
  month: number;
  quarter: number;
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function periodOf(p: PeriodChoice): { from: string; to: string } {
  switch (p.kind) {
    case 'month':
      return { from: `${p.year}-${pad(p.month)}-01`, to: `${p.year}-${pad(p.month)}-${pad(daysInMonth(p.year, p.month))}` };
    case 'quarter': {
      const first = (p.quarter - 1) * 3 + 1;
      return { from: `${p.year}-${pad(first)}-01`, to: `${p.year}-${pad(first + 2)}-${pad(daysInMonth(p.year, first + 2))}` };
    }
    case 'year':
      return { from: `${p.year}-01-01`, to: `${p.year}-12-31` };
    case 'custom':
      return { from: p.from, to: p.to };
  }
}
