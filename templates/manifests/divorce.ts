import * as c from './common';
import type { Condition, TemplateManifest } from './types';

const HAS_CHILDREN: Condition = { fact: 'hasChildren', in: ['yes'] };

export const divorce: TemplateManifest = {
  id: 'divorce',
  version: '1.1.0',
  languages: ['tg', 'ru'],
  caseTypes: ['divorce'],
  title: {
    tg: 'Аризаи даъвогӣ дар бораи бекор кардани ақди никоҳ',
    ru: 'Исковое заявление о расторжении брака',
    en: 'Claim for dissolution of marriage',
  },
  body: 'court',
  proceeding: 'claim',
  fields: [
    ...c.parties({ whereabouts: true }),
    { ...c.marriageCert, required: true },
    {
      name: 'separated_since',
      label: { tg: 'Аз кадом сана алоҳида зиндагӣ мекунед', ru: 'С какой даты живёте раздельно', en: 'Living apart since' },
      source: 'ask',
      required: true,
      format: 'date',
    },
    {
      name: 'reason',
      label: { tg: 'Сабаби вайрон шудани оила', ru: 'Причины распада семьи', en: 'Why the marriage broke down' },
      source: 'ask',
      required: true,
      format: 'multiline',
    },
    {
      name: 'children_residence',
      label: { tg: 'Кӯдакон бо кӣ зиндагӣ мекунанд', ru: 'С кем будут жить дети', en: 'Who the children will live with' },
      source: 'ask',
      required: HAS_CHILDREN,
      format: 'choice',
      choices: [
        { value: 'claimant', label: { tg: 'Бо даъвогар', ru: 'С истцом', en: 'With the claimant' } },
        { value: 'respondent', label: { tg: 'Бо ҷавобгар', ru: 'С ответчиком', en: 'With the respondent' } },
      ],
    },
    {
      name: 'children_support',
      label: { tg: 'Ситонидани алимент аз ҷавобгар', ru: 'Взыскать алименты с ответчика', en: 'Claim child support from the respondent' },
      source: 'ask',
      required: { fact: 'children_residence', in: ['claimant'] },
      format: 'choice',
      choices: c.supportChoices,
    },
    c.shareField({ fact: 'support_claim', in: ['yes'] }),
    c.amountField({ fact: 'support_claim', in: ['sum'] }),
    c.filingDate,
  ],
  lists: [{ ...c.childrenList, required: false }, c.attachmentsList],
  passages: [
    ...c.headerPassages({ whereabouts: true }),
    { name: 'has_children', label: { tg: 'Кӯдакон доранд', ru: 'Есть дети', en: 'Has children' }, when: HAS_CHILDREN },
    { name: 'residence_claimant', label: { tg: 'Кӯдакон бо даъвогар', ru: 'Дети с истцом', en: 'Children with the claimant' }, when: { fact: 'children_residence', in: ['claimant'] } },
    { name: 'residence_respondent', label: { tg: 'Кӯдакон бо ҷавобгар', ru: 'Дети с ответчиком', en: 'Children with the respondent' }, when: { fact: 'children_residence', in: ['respondent'] } },
    { name: 'support_share', label: { tg: 'Алимент бо ҳисса', ru: 'Алименты в доле', en: 'Support as a share' }, when: { fact: 'support_claim', in: ['yes'] } },
    { name: 'support_sum', label: { tg: 'Алимент бо маблағи муайян', ru: 'Алименты в твёрдой сумме', en: 'Support as a fixed sum' }, when: { fact: 'support_claim', in: ['sum'] } },
  ],
  attachments: [
    { proof: 'passport', text: { tg: 'Нусхаи шиносномаи даъвогар', ru: 'Копия паспорта истца' } },
    { proof: 'marriage_certificate', text: { tg: 'Шаҳодатномаи аслии ақди никоҳ', ru: 'Подлинник свидетельства о браке' } },
    { proof: 'birth_certificate', text: { tg: 'Нусхаи шаҳодатномаҳои таваллуди кӯдакон', ru: 'Копии свидетельств о рождении детей' }, one: { tg: 'Нусхаи шаҳодатномаи таваллуди кӯдак', ru: 'Копия свидетельства о рождении ребёнка' }, when: HAS_CHILDREN },
    { text: { tg: 'Квитансияи пардохти боҷи давлатӣ', ru: 'Квитанция об уплате государственной пошлины' } },
    { text: { tg: 'Нусхаи аризаи даъвогӣ барои ҷавобгар', ru: 'Копия искового заявления для ответчика' } },
  ],
  legalRefs: ['family_divorce_court', 'family_art80', 'family_art81', 'family_art83_1', 'fee_divorce', 'law_state_fee'],
};
