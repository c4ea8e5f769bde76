import * as c from './common';
import type { TemplateManifest } from './types';

export const alimonyFixedSum: TemplateManifest = {
  id: 'alimony-fixed-sum',
  version: '1.1.0',
  languages: ['tg', 'ru'],
  caseTypes: ['alimony_fixed_sum', 'alimony_share'],
  title: {
    tg: 'Аризаи даъвогӣ дар бораи ситонидани алимент бо маблағи муайян',
    ru: 'Исковое заявление о взыскании алиментов в твёрдой денежной сумме',
    en: 'Claim for child support as a fixed monthly sum',
  },
  body: 'court',
  proceeding: 'claim',
  fields: [
    ...c.parties({ whereabouts: true }),
    c.marriageCert,
    c.paternityBasis,
    c.amountField(true),
    {
      name: 'income_abroad',
      label: {
        tg: 'Маълумот дар бораи даромади ҷавобгар дар хориҷа',
        ru: 'Сведения о доходах ответчика за рубежом',
        en: "Facts on the respondent's income abroad",
      },
      source: 'ask',
      required: true,
      format: 'multiline',
    },
    {
      name: 'children_needs',
      label: { tg: 'Эҳтиёҷоти кӯдакон', ru: 'Нужды детей', en: "The children's needs" },
      source: 'ask',
      required: true,
      format: 'multiline',
    },
    c.filingDate,
  ],
  lists: [c.childrenList, c.attachmentsList],
  passages: [...c.marriagePassages, ...c.headerPassages({ whereabouts: true })],
  attachments: [
    ...c.basicAttachments,
    { proof: 'remittance_receipt', text: { tg: 'Ҳуҷҷатҳо дар бораи интиқоли пул ва даромади ҷавобгар', ru: 'Документы о денежных переводах и доходах ответчика' } },
  ],
  legalRefs: ['family_art80', 'family_art83_1', 'fee_alimony', 'law_state_fee'],
};
