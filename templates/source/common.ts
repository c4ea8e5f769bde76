import type { Block } from './types';

// Pieces every court filing has: the header with the parties, the children table, the closing.

interface HeaderOptions {
  claimant?: string;
  respondent?: string;
  /** The respondent's whereabouts abroad (claims against a migrant). */
  whereabouts?: boolean;
  /** Lines after the parties (the value of a property claim, interested persons). */
  extra?: readonly string[];
}

// A line whose value the case may not have starts with the passage {{?has_<field>}} (manifests/common.ts
// headerPassages): it is left out rather than printed with a dash.
function header(words: { to: string; birth: string; idDoc: string; address: string; phone: string; lastAddress: string; whereabouts: string }, claimant: string, respondent: string, opts: HeaderOptions): Block[] {
  const lines: Block[] = [
    { kind: 'right', text: `${words.to} {{court}}` },
    { kind: 'right', text: '{{?has_court_address}}{{court_address}}' },
    { kind: 'right', text: `${claimant}: {{client_name}}` },
    { kind: 'right', text: `{{?has_client_birth_date}}${words.birth}: {{client_birth_date}}` },
    { kind: 'right', text: `{{?has_client_id_doc}}${words.idDoc}: {{client_id_doc}}` },
    { kind: 'right', text: `${words.address}: {{client_address}}` },
    { kind: 'right', text: `{{?has_client_phone}}${words.phone}: {{client_phone}}` },
    { kind: 'right', text: `${respondent}: {{respondent_name}}` },
    { kind: 'right', text: `{{?has_respondent_birth_date}}${words.birth}: {{respondent_birth_date}}` },
    { kind: 'right', text: `{{?has_respondent_id_doc}}${words.idDoc}: {{respondent_id_doc}}` },
    { kind: 'right', text: `${words.lastAddress}: {{respondent_address}}` },
  ];
  if (opts.whereabouts) lines.push({ kind: 'right', text: `{{?has_respondent_whereabouts}}${words.whereabouts}: {{respondent_whereabouts}}` });
  for (const text of opts.extra ?? []) lines.push({ kind: 'right', text });
  return lines;
}

export function claimHeaderTg(opts: HeaderOptions = {}): Block[] {
  const words = {
    to: 'Ба',
    birth: 'санаи таваллуд',
    idDoc: 'ҳуҷҷати тасдиқкунандаи шахсият',
    address: 'суроға',
    phone: 'телефон',
    lastAddress: 'суроғаи охирини маълум',
    whereabouts: 'ҷойи будубош',
  };
  return header(words, opts.claimant ?? 'Даъвогар', opts.respondent ?? 'Ҷавобгар', opts);
}

export function claimHeaderRu(opts: HeaderOptions = {}): Block[] {
  const words = {
    to: 'В',
    birth: 'дата рождения',
    idDoc: 'документ, удостоверяющий личность',
    address: 'адрес',
    phone: 'телефон',
    lastAddress: 'последний известный адрес',
    whereabouts: 'местонахождение',
  };
  return header(words, opts.claimant ?? 'Истец', opts.respondent ?? 'Ответчик', opts);
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
