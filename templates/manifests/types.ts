import type { AttachmentType, CaseType } from '../../shared/domain/enums';
import { COMPUTED_PLACEHOLDERS } from '../../shared/domain/filingGrammar';

// The typed description of one filing template (both languages share the fields; each language has its
// own .docx in templates/docx/<id>.<lang>.docx). Generation code reads these; it lives in
// electron/documents. A template's placeholders are exactly the ones placeholdersOf() lists: the import
// check of a customised .docx compares against that list.

export const FILING_LANGUAGES = ['tg', 'ru'] as const;
export type FilingLanguage = (typeof FILING_LANGUAGES)[number];

export interface Label {
  tg: string;
  ru: string;
  en: string;
}

/** Where a value comes from in the case data (resolved by electron/documents/filingValues.ts). */
export const SOURCES = [
  'client.fullName',
  'client.birthDate',
  'client.address',
  'client.phone',
  'client.idDoc',
  'client.idDocument',
  'respondent.name',
  'respondent.birthDate',
  'respondent.address',
  'respondent.whereabouts',
  'court.name',
  'court.address',
  'registry.name',
  'registry.address',
  'case.number',
  'case.monthlyAlimony',
  'household.departureDate',
  'household.lastContactDate',
  'household.lastRemittanceDate',
  'household.abroad',
  'household.maritalStatus',
  'alimony.share',
  'property.total',
  'lawyer.name',
  'contactPoint.name',
  'today',
] as const;
export type SourcePath = (typeof SOURCES)[number];

/**
 * How a value is written. `money` also fills `{{<name>_words}}` (amount in words); `name` also fills
 * `{{<name>_gen}}` and `{{<name>_acc}}` (the genitive and accusative in Russian; Tajik names do not change).
 */
export type FieldFormat = 'text' | 'multiline' | 'date' | 'money' | 'name' | 'choice';

/** Facts passages and conditional requirements depend on: a built-in fact or the raw value of a field. */
export interface Condition {
  /**
   * `marriage` ('registered' | 'not_registered'), `hasChildren` ('yes' | 'no'), `claimantSex` ('F' | 'M'),
   * `present:<field>` ('yes' | 'no'), `support_claim` (a divorce claim's 'share' | 'sum' | 'none'), or a
   * field name.
   */
  fact: string;
  in: readonly string[];
}

export interface ManifestField {
  /** The placeholder: {{name}}. */
  name: string;
  label: Label;
  /** A path in the case data, or 'ask': the wizard asks for it (answers are kept with the case). */
  source: SourcePath | 'ask';
  /** true, false, or required only when the condition holds. */
  required: boolean | Condition;
  format: FieldFormat;
  /** For 'choice': the stored values and their labels. */
  choices?: readonly { value: string; label: Label }[];
  /** Shown under the field in the wizard. */
  hint?: Label;
}

export interface ListColumn {
  /** The placeholder inside the table row: {{<list>.<name>}}. */
  name: string;
  label: Label;
  format: 'text' | 'date' | 'money' | 'number';
}

export interface ListBlock {
  /** children: the client's children; property: items the wizard asks for; attachments: from the manifest. */
  name: 'children' | 'property' | 'attachments';
  /** tableRows: one copy of a table row per item ({{name.column}}); paragraphs: {{name}} alone in a paragraph. */
  kind: 'tableRows' | 'paragraphs';
  label: Label;
  /** At least one item is needed. */
  required: boolean;
  columns: readonly ListColumn[];
}

/** A passage: every paragraph that starts with {{?name}} is kept when the condition holds, removed otherwise. */
export interface Passage {
  name: string;
  label: Label;
  when: Condition;
}

export interface Attachment {
  /** The kind of stored paper that proves it is there (the wizard ticks the line when the client has one). */
  proof?: AttachmentType;
  text: { tg: string; ru: string };
  /** The wording when the case has exactly one child ("Копия свидетельства о рождении ребёнка"). */
  one?: { tg: string; ru: string };
  when?: Condition;
}

export interface TemplateManifest {
  id: string;
  /** Bumped whenever the shipped wording or the fields change; stamped on every generated document. */
  version: string;
  languages: readonly FilingLanguage[];
  caseTypes: readonly CaseType[];
  title: Label;
  /** Who receives it. */
  body: 'court' | 'civil_registry';
  proceeding: 'claim' | 'special' | 'administrative';
  fields: readonly ManifestField[];
  lists: readonly ListBlock[];
  passages: readonly Passage[];
  attachments: readonly Attachment[];
  /** Keys into the legal_references table; each fills {{ref_<key>}}. */
  legalRefs: readonly string[];
}

/** Every placeholder a template of this manifest has (the import check compares a .docx against it). */
export function placeholdersOf(m: TemplateManifest): string[] {
  const out: string[] = [];
  for (const f of m.fields) {
    out.push(f.name);
    if (f.format === 'money') out.push(`${f.name}_words`);
    if (f.format === 'name') out.push(`${f.name}_gen`, `${f.name}_acc`);
  }
  for (const l of m.lists) {
    if (l.kind === 'paragraphs') out.push(l.name);
    else for (const c of l.columns) out.push(`${l.name}.${c.name}`);
  }
  for (const p of m.passages) out.push(`?${p.name}`);
  for (const r of m.legalRefs) out.push(`ref_${r}`);
  out.push(...COMPUTED_PLACEHOLDERS);
  return out;
}
