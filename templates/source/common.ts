import type { Block } from './types';

// Pieces every court filing has: the header with the parties, the children table, the closing.

export function claimHeaderTg(opts: { claimant?: string; respondent?: string; whereabouts?: boolean } = {}): Block[] {
  const claimant = opts.claimant ?? 'Даъвогар';
  const respondent = opts.respondent ?? 'Ҷавобгар';
  const lines: Block[] = [
    { kind: 'right', text: 'Ба {{court}}' },
    { kind: 'right', text: `${claimant}: {{client_name}}` },
    { kind: 'right', text: 'суроға: {{client_address}}' },
    { kind: 'right', text: 'телефон: {{client_phone}}' },
  ];
  if (opts.respondent !== '') {
    lines.push({ kind: 'right', text: `${respondent}: {{respondent_name}}` });
    lines.push({ kind: 'right', text: 'суроғаи охирини маълум: {{respondent_address}}' });
    if (opts.whereabouts) lines.push({ kind: 'right', text: 'ҷойи будубош: {{respondent_whereabouts}}' });
  }
  return lines;
}

export function claimHeaderRu(opts: { claimant?: string; respondent?: string; whereabouts?: boolean } = {}): Block[] {
  const claimant = opts.claimant ?? 'Истец';
  const respondent = opts.respondent ?? 'Ответчик';
  const lines: Block[] = [
    { kind: 'right', text: 'В {{court}}' },
    { kind: 'right', text: `${claimant}: {{client_name}}` },
    { kind: 'right', text: 'адрес: {{client_address}}' },
    { kind: 'right', text: 'телефон: {{client_phone}}' },
  ];
  if (opts.respondent !== '') {
    lines.push({ kind: 'right', text: `${respondent}: {{respondent_name}}` });
    lines.push({ kind: 'right', text: 'последний известный адрес: {{respondent_address}}' });
    if (opts.whereabouts) lines.push({ kind: 'right', text: 'местонахождение: {{respondent_whereabouts}}' });
  }
  return lines;
}

export const childrenTableTg: Block = {
  kind: 'table',
  header: ['№', 'Ному насаби кӯдак', 'Санаи таваллуд', 'Шаҳодатномаи таваллуд'],
  row: ['{{children.n}}', '{{children.name}}', '{{children.birth_date}}', '{{children.certificate}}'],
};

export const childrenTableRu: Block = {
  kind: 'table',
  header: ['№', 'ФИО ребёнка', 'Дата рождения', 'Свидетельство о рождении'],
  row: ['{{children.n}}', '{{children.name}}', '{{children.birth_date}}', '{{children.certificate}}'],
};

export function closingTg(signer = 'Даъвогар'): Block[] {
  return [
    { kind: 'label', text: 'Замимаҳо:' },
    { kind: 'p', text: '{{attachments}}' },
    { kind: 'label', text: 'Сана: {{filing_date}}' },
    { kind: 'label', text: `${signer}: ____________ {{client_name}}` },
  ];
}

export function closingRu(signer = 'Истец'): Block[] {
  return [
    { kind: 'label', text: 'Приложение:' },
    { kind: 'p', text: '{{attachments}}' },
    { kind: 'label', text: 'Дата: {{filing_date}}' },
    { kind: 'label', text: `${signer}: ____________ {{client_name}}` },
  ];
}
