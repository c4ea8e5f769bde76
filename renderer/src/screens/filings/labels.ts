import type { Label } from '../../../../shared/api/filingsTypes';

/** A manifest label in the interface language (tg, ru or en). */
export function pick(label: Label, language: string): string {
  return language === 'ru' ? label.ru : language === 'en' ? label.en : label.tg;
}
