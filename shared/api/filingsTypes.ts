import type { AttachmentType } from '../domain/enums';
// Output types of the filings channels: templates, the wizard's preparation, documents,
// legal references. Input schemas: ./filingsInputs.ts.

import type { FileOut } from './files';

export interface Label {
  tg: string;
  ru: string;
  en: string;
}

export type FilingLang = 'tg' | 'ru';

export interface LegalRef {
  id: string;
  key: string;
  textTg: string;
  textRu: string;
  textEn: string;
  value: string;
  confirmed: boolean;
  source: string;
}

export interface FilingTemplateSummary {
  id: string;
  title: Label;
  version: string;
  languages: FilingLang[];
  caseTypes: string[];
  /** The template serves this case's type. */
  suitable: boolean;
  /** Version of an imported custom template per language, when one is active. */
  custom: Partial<Record<FilingLang, string>>;
}

export type FilingFieldFormat = 'text' | 'multiline' | 'date' | 'money' | 'name' | 'choice';

export interface FilingFieldState {
  name: string;
  label: Label;
  hint: Label | null;
  format: FilingFieldFormat;
  choices: { value: string; label: Label }[];
  /** 'case': filled from the case record (change it there); 'ask': answered in the wizard. */
  source: 'case' | 'ask';
  required: boolean;
  /** The value as the form shows it (dates dd.mm.yyyy, money in somoni). */
  value: string;
  /** The text that goes into the document. */
  output: string;
  /** A validation key (under `validation.`) when the answer is not usable. */
  error: string | null;
  /** Free text written per filing language (a case value of this kind can be rewritten for one filing's language). */
  translatable: boolean;
  /** The value is this language's own wording given for the filings, not the case record's. */
  overridden: boolean;
  /** The value shown is a draft in the other language, to be translated before the filing is saved. */
  draft: boolean;
}

/** A value of the filing that is not (only) in the filing's language. */
export interface FilingLanguageIssue {
  /** A field name, or 'property' for the property items. */
  field: string;
  /** The other language's words found (letters the filing's language has not, or common words of the other language). */
  words: string[];
  /** The value is still the other language's draft. */
  draft: boolean;
}

export interface PropertyItem {
  item: string;
  /** Somoni as typed ("1 250,50"). */
  value: string;
  /** ISO date or ''. */
  acquiredOn: string;
}

export interface FilingListState {
  name: 'children' | 'property' | 'attachments';
  label: Label;
  required: boolean;
  count: number;
  /** One line per item, as it goes into the document. */
  lines: string[];
  /** Editable items (property only). */
  items: PropertyItem[];
  /** The items are the other language's, to be translated (property only). */
  draft: boolean;
  /** Attachments only, one per line: a paper of its kind is in the client's documents (null: no paper can show it). */
  present?: (boolean | null)[];
}

export interface FilingRefState {
  key: string;
  text: string;
  confirmed: boolean;
  source: string;
}

export interface FilingPreparation {
  caseId: string;
  templateId: string;
  language: FilingLang;
  title: Label;
  templateVersion: string;
  customTemplate: boolean;
  fields: FilingFieldState[];
  lists: FilingListState[];
  passages: { name: string; label: Label; active: boolean }[];
  /** Names of required fields and lists without a usable value; empty when the filing can be saved. */
  missing: string[];
  /** Values in the other language (the filing is saved with them only when the user says so). */
  languageIssues: FilingLanguageIssue[];
  /** The legal references (and the court entry) this filing cites. */
  legalRefs: FilingRefState[];
  legalRefVersion: string;
}

export interface FilingPreview {
  html: string;
  missing: string[];
  fileName: string;
}

export interface DocumentSummary {
  id: string;
  caseId: string | null;
  kind: string;
  title: string;
  fileName: string;
  language: string | null;
  templateId: string | null;
  templateVersion: string | null;
  legalRefVersion: string | null;
  dataHash: string | null;
  sha256: string;
  sizeBytes: number;
  createdAt: string;
  clientId?: string | null;
  consultationId?: string | null;
  /** Scanned papers: what the paper is. */
  attachmentType?: AttachmentType | null;
  mimeType?: string;
  /** A small JPEG of a scanned image as a data: URL (none for PDFs and generated documents). */
  thumbnail?: string | null;
  /** Who stored it (printed or attached), by display name. */
  createdBy?: string | null;
}

export type DocumentFile = FileOut & { sha256: string };

export interface TemplateImportResult {
  accepted: boolean;
  /** Placeholders in the file that the template's manifest does not know. */
  unknown: string[];
  /** Placeholders the manifest requires that the file lacks. */
  missing: string[];
  /**
   * Conditional passages whose marker {{?name}} the file lost: from a paragraph of the passage
   * (its start in `paragraph`), or altogether (`paragraph` empty).
   */
  passages: { name: string; label: { tg: string; ru: string; en: string }; paragraph: string }[];
  /** The version given to an accepted template. */
  version: string | null;
}

/** A template or legal reference sent by a paired installation, not active until an administrator accepts it. */
export interface ProposedChange {
  id: string;
  senderInstallationId: string;
  receivedAt: string;
  kind: 'legalReference' | 'template';
  /** The legal reference's key, or the template's id and language. */
  subject: string;
  /** The proposed values of a legal reference's texts (empty for a template). */
  texts: { textTg?: string; textRu?: string; value?: string };
  /** The columns the message changes. */
  fields: string[];
}
