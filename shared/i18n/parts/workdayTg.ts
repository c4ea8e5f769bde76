import type { Catalog } from '../en';

// Матнҳои кори ҳаррӯза бо шаклҳо: рад шудани нигоҳдорӣ, сабтҳои нигоҳ надошта, тоза кардани шакл.
export const workdayTg: Pick<Catalog, 'workday'> = {
  workday: {
    fixFields: 'Майдонҳои қайдшударо ислоҳ кунед ({{count}}); курсор дар аввалини онҳост.',
    draftRestored: 'Сабти нигоҳ надоштаи соати {{time}} барқарор шуд.',
    draftDiscard: 'Онро партоед',
    clearTitle: 'Шаклро тоза кунем?',
    clearBody: 'Ҳар чизе ки дар ин шакл навишта шудааст, нест мешавад.',
    clearConfirm: 'Тоза кардан',
  },
};
