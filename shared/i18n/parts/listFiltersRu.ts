import type { listFiltersEn } from './listFiltersEn';

// Русский: the lists' filters and the links that open a filtered list.
export const listFiltersRu: Record<keyof typeof listFiltersEn, string> = {
  left: 'больше здесь не работает',
  withoutSupport: 'Без поддержки',
  onlyWithoutSupport: 'Только женщины, оставшиеся сегодня без поддержки',
  issue: 'Вопрос',
  lawyer: 'Юрист',
  homeDistrict: 'Район проживания',
  deadlines: 'Сроки',
  onlyOverdue: 'Только просроченные дела',
  overdueRule: 'Задача с истёкшим сроком или прошедшее заседание без записанного результата.',
  session: 'Мобильная сессия',
  chosenSession: 'Выбранная сессия',
  overdueCasesLink: 'Все просроченные дела',
  sessionConsultationsLink: 'Эти консультации в списке консультаций',
  filingsSearch: 'Имя клиента, номер дела или номер судебного дела',
  filingsCasesLabel: 'Дела для подготовки документа в суд',
};
