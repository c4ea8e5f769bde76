import type { Catalog } from '../en';

// Матнҳои кори ҳаррӯза бо формаҳо: рад шудани нигоҳдорӣ, сабтҳои нигоҳ надошта, тоза кардани форма.
export const workdayTg: Pick<Catalog, 'workday'> = {
  workday: {
    fixFields: 'Майдонҳои қайдшударо ислоҳ кунед ({{count}}); курсор дар аввалини онҳост.',
    draftRestored: 'Сабти нигоҳ надоштаи соати {{time}} барқарор шуд.',
    draftDiscard: 'Онро партоед',
    clearTitle: 'Формаро тоза кунем?',
    clearBody: 'Ҳар чизе ки дар ин форма навишта шудааст, нест мешавад.',
    clearConfirm: 'Тоза кардан',
  },
};
