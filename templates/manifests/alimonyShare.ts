import * as c from './common';
import type { TemplateManifest } from './types';

export const alimonyShare: TemplateManifest = {
  id: 'alimony-share',
  version: '1.1.0',
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
    ...c.parties({ whereabouts: true }),
    c.marriageCert,
    c.paternityBasis,
    c.shareField(true),
    c.filingDate,
  ],
  lists: [c.childrenList, c.attachmentsList],
  passages: [...c.marriagePassages, ...c.headerPassages({ whereabouts: true })],
  attachments: c.basicAttachments,
  legalRefs: ['family_art49', 'family_art80', 'family_art81', 'fee_alimony', 'law_state_fee'],
};
