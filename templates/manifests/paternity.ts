import * as c from './common';
import type { TemplateManifest } from './types';

const WITH_ALIMONY = { fact: 'with_alimony', in: ['yes', 'sum'] };

export const paternity: TemplateManifest = {
  id: 'paternity',
  version: '1.1.0',
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
    ...c.parties({ whereabouts: true }),
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
      choices: c.supportChoices,
    },
    c.shareField({ fact: 'with_alimony', in: ['yes'] }),
    c.amountField({ fact: 'with_alimony', in: ['sum'] }),
    c.filingDate,
  ],
  lists: [c.childrenList, c.attachmentsList],
  passages: [
    ...c.headerPassages({ whereabouts: true }),
    { name: 'with_alimony', label: { tg: 'Бо алимент', ru: 'С алиментами', en: 'With child support' }, when: WITH_ALIMONY },
    { name: 'without_alimony', label: { tg: 'Бе алимент', ru: 'Без алиментов', en: 'Without child support' }, when: { fact: 'with_alimony', in: ['no'] } },
    { name: 'alimony_share', label: { tg: 'Алимент бо ҳисса', ru: 'Алименты в доле', en: 'Support as a share' }, when: { fact: 'with_alimony', in: ['yes'] } },
    { name: 'alimony_sum', label: { tg: 'Алимент бо маблағи муайян', ru: 'Алименты в твёрдой сумме', en: 'Support as a fixed sum' }, when: { fact: 'with_alimony', in: ['sum'] } },
  ],
  attachments: [
    { proof: 'passport', text: { tg: 'Нусхаи шиносномаи даъвогар', ru: 'Копия паспорта истца' } },
    { proof: 'birth_certificate', text: { tg: 'Нусхаи шаҳодатномаҳои таваллуди кӯдакон', ru: 'Копии свидетельств о рождении детей' }, one: { tg: 'Нусхаи шаҳодатномаи таваллуди кӯдак', ru: 'Копия свидетельства о рождении ребёнка' } },
    { text: { tg: 'Далелҳои ҳаммаишатӣ ва эътирофи падарӣ', ru: 'Доказательства совместного проживания и признания отцовства' } },
    { text: { tg: 'Нусхаи аризаи даъвогӣ барои ҷавобгар', ru: 'Копия искового заявления для ответчика' } },
  ],
  legalRefs: ['family_art50', 'family_art54', 'family_art80', 'family_art81', 'family_art83_1', 'fee_paternity', 'law_state_fee'],
};
