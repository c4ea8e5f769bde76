import type { LocalizedName } from '../api/types';
import type { MaritalStatus } from '../domain/enums';

// Phrases a filing prints for coded facts, in Tajik and Russian as a court paper words them (the
// screens' labels live in the i18n catalogs; these are the document's wording, which a clerk reads).

/** The marital status as a clause about the claimant and the respondent ("the marriage is …"). */
export const MARITAL_STATUS_PHRASES: Record<MaritalStatus, LocalizedName> = {
  registered: { tg: 'ақди никоҳ дар мақомоти САҲШ қайд шудааст', ru: 'брак зарегистрирован в органах ЗАГС', en: 'the marriage is registered' },
  religious_only: { tg: 'танҳо никоҳи динӣ (никоҳ) баста шудааст, ки дар САҲШ қайд нашудааст', ru: 'заключён только религиозный брак (никах), не зарегистрированный в ЗАГС', en: 'religious marriage only' },
  divorce_in_process: { tg: 'парвандаи бекор кардани ақди никоҳ дар ҷараён аст', ru: 'идёт расторжение брака', en: 'divorce in process' },
  divorced: { tg: 'ақди никоҳ бекор карда шудааст', ru: 'брак расторгнут', en: 'divorced' },
  divorced_not_dissolved: { tg: 'талоқ шудааст, вале ақди никоҳ дар САҲШ бекор нашудааст', ru: 'супруги разошлись, но брак в ЗАГС не расторгнут', en: 'separated, marriage not dissolved' },
  widowed: { tg: 'ҳамсар вафот кардааст', ru: 'супруг умер', en: 'widowed' },
  unknown: { tg: 'вазъи оилавӣ маълум нест', ru: 'семейное положение неизвестно', en: 'marital status unknown' },
};

export interface DocumentType {
  id: string;
  name: LocalizedName;
}

/** Identity and civil-status documents a client shows; the client form offers them for the document type. */
export const DOCUMENT_TYPES: readonly DocumentType[] = [
  { id: 'passport', name: { tg: 'шиноснома', ru: 'паспорт', en: 'passport' } },
  { id: 'foreign_passport', name: { tg: 'шиносномаи хориҷӣ', ru: 'заграничный паспорт', en: 'foreign travel passport' } },
  { id: 'birth_certificate', name: { tg: 'шаҳодатномаи таваллуд', ru: 'свидетельство о рождении', en: 'birth certificate' } },
  { id: 'military_id', name: { tg: 'билети ҳарбӣ', ru: 'военный билет', en: 'military ID' } },
  { id: 'residence_permit', name: { tg: 'иҷозатномаи истиқомат', ru: 'вид на жительство', en: 'residence permit' } },
  { id: 'refugee_certificate', name: { tg: 'шаҳодатномаи гуреза', ru: 'удостоверение беженца', en: 'refugee certificate' } },
];

const byName = new Map<string, DocumentType>();
for (const d of DOCUMENT_TYPES) for (const s of [d.id, d.name.tg, d.name.ru, d.name.en]) byName.set(s.toLowerCase(), d);

/** The document type whatever way the form stored it (its code or its name in any language). */
export function findDocumentType(text: string): DocumentType | undefined {
  return byName.get(text.trim().toLowerCase());
}

/** "паспорт A01234567" / "шиноснома A01234567"; an unknown type is printed as typed. */
export function documentPhrase(type: string, number: string, lang: 'tg' | 'ru'): string {
  const name = type.trim() ? (findDocumentType(type)?.name[lang] ?? type.trim()) : '';
  return [name, number.trim()].filter(Boolean).join(' ');
}
