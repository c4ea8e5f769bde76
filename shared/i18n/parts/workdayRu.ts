import type { Catalog } from '../en';

// Тексты повседневной работы с формами: отказ при сохранении, черновики, очистка формы.
export const workdayRu: Pick<Catalog, 'workday'> = {
  workday: {
    fixFields: 'Исправьте отмеченные поля ({{count}}); курсор стоит в первом из них.',
    draftRestored: 'Восстановлена несохранённая запись от {{time}}.',
    draftDiscard: 'Отбросить её',
    clearTitle: 'Очистить форму?',
    clearBody: 'Всё, что введено в эту форму, будет потеряно.',
    clearConfirm: 'Очистить',
  },
};
