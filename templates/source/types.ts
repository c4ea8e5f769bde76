// The source of a shipped template: paragraphs with {{placeholders}}, turned into templates/docx/*.docx
// by `npm run templates:build` (electron/documents/templateBuilder.ts). Edit the wording here, rebuild,
// and commit both: the .docx files are what the app and the tests read.

export type Block =
  /** Right-aligned lines of the header (court, parties). */
  | { kind: 'right'; text: string }
  /** Centred, bold. */
  | { kind: 'title'; text: string }
  /** Centred. */
  | { kind: 'subtitle'; text: string }
  /** A justified paragraph with a first-line indent. */
  | { kind: 'p'; text: string }
  /** A paragraph without indent (headings like "ПРОШУ:"). */
  | { kind: 'label'; text: string }
  /** A table with a header row and one row of {{list.column}} placeholders, repeated per item. */
  | { kind: 'table'; header: readonly string[]; row: readonly string[] };

export interface TemplateSource {
  tg: readonly Block[];
  ru: readonly Block[];
}
