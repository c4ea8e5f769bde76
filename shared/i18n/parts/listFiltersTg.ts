import type { listFiltersEn } from './listFiltersEn';

// Тоҷикӣ: the lists' filters and the links that open a filtered list.
export const listFiltersTg: Record<keyof typeof listFiltersEn, string> = {
  left: 'дигар дар ин ҷо кор намекунад',
  withoutSupport: 'Бе дастгирӣ',
  onlyWithoutSupport: 'Танҳо заноне, ки имрӯз бе дастгирӣ мондаанд',
  issue: 'Масъала',
  lawyer: 'Ҳуқуқшинос',
  homeDistrict: 'Ноҳияи истиқомат',
  deadlines: 'Мӯҳлатҳо',
  onlyOverdue: 'Танҳо парвандаҳои мӯҳлаташон гузашта',
  overdueRule: 'Вазифае, ки мӯҳлаташ гузаштааст, ё ҷаласае, ки гузашт ва натиҷааш сабт нашудааст.',
  session: 'Сессияи сайёр',
  chosenSession: 'Сессияи интихобшуда',
  overdueCasesLink: 'Ҳамаи парвандаҳои мӯҳлаташон гузашта',
  sessionConsultationsLink: 'Ин машваратҳо дар рӯйхати машваратҳо',
  filingsSearch: 'Номи мизоҷ, рақами парванда ё рақами парвандаи судӣ',
  filingsCasesLabel: 'Парвандаҳо барои омода кардани ҳуҷҷати судӣ',
};
