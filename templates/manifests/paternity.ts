import * as c from './common';
import type { TemplateManifest } from './types';

const WITH_ALIMONY = { fact: 'with_alimony', in: ['yes'] };

export const paternity: TemplateManifest = {
  id: 'paternity',
  version: '1.0.0',
  languages: ['tg', 'ru'],
  caseTypes: ['paternity'],
  title: {
    tg: 'Аризаи даъвогӣ дар бораи муқаррар намудани падарӣ',
    ru: 'Исковое заявление об установлении отцовства',
    en: 'Claim to establish paternity',
  },
  body: 'court',
  proceeding: 'claim',
  fields: [
    c.court,
    c.clientName,
    c.clientAddress,
    c.clientPhone,
    c.respondentName,
    c.respondentAddress,
    c.respondentWhereabouts,
    {
      name: 'relationship',
      label: {
        tg: 'Муносибат бо ҷавобгар (аз кай то кай якҷоя зиндагӣ кардед)',
        ru: 'Отношения с ответчиком (когда и сколько жили вместе)',
        en: 'Relationship with the respondent (when and how long you lived together)',
      },
      source: 'ask',
      required: true,
      format: 'multiline',
    },
    {
      name: 'evidence',
      label: {
        tg: 'Далелҳо (хоҷагии муштарак, таъминот, мактубҳо, интиқоли пул, шоҳидон)',
        ru: 'Доказательства (общее хозяйство, содержание, переписка, переводы, свидетели)',
        en: 'Evidence (shared household, support, messages, remittances, witnesses)',
      },
      source: 'ask',
      required: true,
      format: 'multiline',
    },
    {
      name: 'with_alimony',
      label: { tg: 'Ҳамзамон ситонидани алимент', ru: 'Одновременно взыскать алименты', en: 'Claim child support too' },
      source: 'ask',
      required: true,
      format: 'choice',
      choices: [
        { value: 'yes', label: { tg: 'Ҳа', ru: 'Да', en: 'Yes' } },
        { value: 'no', label: { tg: 'Не', ru: 'Нет', en: 'No' } },
      ],
    },
    { ...c.filingDate },
  ],
  lists: [c.childrenList, c.attachmentsList],
  passages: [{ name: 'with_alimony', label: { tg: 'Бо алимент', ru: 'С алиментами', en: 'With child support' }, when: WITH_ALIMONY }],
  attachments: [
    { text: { tg: 'Нусхаи шиносномаи даъвогар', ru: 'Копия паспорта истца' } },
    { text: { tg: 'Нусхаи шаҳодатномаи таваллуди кӯдак', ru: 'Копия свидетельства о рождении ребёнка' } },
    { text: { tg: 'Далелҳои ҳаммаишатӣ ва эътирофи падарӣ', ru: 'Доказательства совместного проживания и признания отцовства' } },
    { text: { tg: 'Нусхаи аризаи даъвогӣ барои ҷавобгар', ru: 'Копия искового заявления для ответчика' } },
  ],
  legalRefs: ['family_art50', 'family_art54', 'family_art80', 'family_art81', 'fee_paternity'],
};
