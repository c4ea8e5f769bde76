import * as c from './common';
import type { TemplateManifest } from './types';

export const alimonyShare: TemplateManifest = {
  id: 'alimony-share',
  version: '1.0.0',
  languages: ['tg', 'ru'],
  caseTypes: ['alimony_share'],
  title: {
    tg: 'Аризаи даъвогӣ дар бораи ситонидани алимент (ҳиссаи музд)',
    ru: 'Исковое заявление о взыскании алиментов (доля заработка)',
    en: 'Claim for child support as a share of earnings',
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
    c.marriageCert,
    c.paternityBasis,
    {
      name: 'share',
      label: { tg: 'Ҳиссаи талабшаванда', ru: 'Запрашиваемая доля', en: 'Share requested' },
      source: 'alimony.share',
      required: true,
      format: 'text',
      hint: {
        tg: 'Аз рӯи шумораи кӯдакон: 1 — ¼, 2 — ⅓, 3 ва зиёда — ½ (моддаи 81).',
        ru: 'По числу детей: 1 — ¼, 2 — ⅓, 3 и более — ½ (ст. 81).',
        en: 'By the number of children: 1 — ¼, 2 — ⅓, 3 or more — ½ (art. 81).',
      },
    },
    c.filingDate,
  ],
  lists: [c.childrenList, c.attachmentsList],
  passages: c.marriagePassages,
  attachments: c.basicAttachments,
  legalRefs: ['family_art49', 'family_art80', 'family_art81', 'fee_alimony'],
};
