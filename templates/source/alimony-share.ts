import { childrenTableRu, childrenTableTg, claimHeaderRu, claimHeaderTg, closingRu, closingTg } from './common';
import type { TemplateSource } from './types';

export const source: TemplateSource = {
  tg: [
    ...claimHeaderTg({ whereabouts: true }),
    { kind: 'title', text: 'АРИЗАИ ДАЪВОГӢ' },
    { kind: 'subtitle', text: 'дар бораи ситонидани алимент барои таъминоти {{children_minor}}' },
    {
      kind: 'p',
      text: '{{?marriage_registered}}Ман бо ҷавобгар {{respondent_name}} дар ақди никоҳи қайдшуда мебошам (шаҳодатномаи ақди никоҳ: {{marriage_cert}}). Тибқи {{ref_family_art49}} шавҳари модари кӯдак падари ӯ ҳисобида мешавад.',
    },
    {
      kind: 'p',
      text: '{{?marriage_religious}}Никоҳи ман бо ҷавобгар {{respondent_name}} танҳо бо тартиби динӣ баста шуда, дар мақомоти САҲШ қайд нашудааст. {{whose_paternity}} нисбат ба {{children_word}} муқаррар шудааст: {{paternity_basis}}.',
    },
    { kind: 'p', text: 'Мо {{children_minor}}и зерин дорем, ки бо ман {{children_which_live}} ва дар таъминоти ман {{children_are}}:' },
    childrenTableTg,
    { kind: 'p', text: 'Ҷавобгар дар таъминоти {{children_word}} ихтиёран {{respondent_takes_part}}.' },
    { kind: 'p', text: '{{?has_respondent_whereabouts}}Маълумот дар бораи ҷойи будубоши ҷавобгар: {{respondent_whereabouts}}.' },
    {
      kind: 'p',
      text: 'Тибқи {{ref_family_art80}} падару модар вазифадоранд фарзандони ноболиғи худро таъмин намоянд. Тибқи {{ref_family_art81}} алимент барои кӯдакони ноболиғ ба андозаи ҳиссаи музди меҳнат ва (ё) даромади дигари падару модар ситонида мешавад.',
    },
    { kind: 'p', text: 'Тибқи {{ref_law_state_fee}} {{ref_fee_alimony}}.' },
    { kind: 'label', text: 'Дар асоси гуфтаҳои боло, хоҳиш менамоям:' },
    {
      kind: 'p',
      text: 'Аз ҷавобгар {{respondent_name}} ба фоидаи ман барои таъминоти {{children_minor}} алимент ба андозаи {{share}} ҳиссаи ҳамаи намудҳои музди меҳнат ва (ё) даромади дигари ӯ ҳар моҳ, аз рӯзи ба суд муроҷиат намудан то {{children_reach_majority}}, ситонида шавад.',
    },
    ...closingTg(),
  ],
  ru: [
    ...claimHeaderRu({ whereabouts: true }),
    { kind: 'title', text: 'ИСКОВОЕ ЗАЯВЛЕНИЕ' },
    { kind: 'subtitle', text: 'о взыскании алиментов на содержание {{children_minor_gen}}' },
    {
      kind: 'p',
      text: '{{?marriage_registered}}Ответчик {{respondent_name}} и я состоим в зарегистрированном браке (свидетельство о браке: {{marriage_cert}}). Согласно {{ref_family_art49}} муж матери ребёнка признаётся его отцом.',
    },
    {
      kind: 'p',
      text: '{{?marriage_religious}}Наш с ответчиком брак заключён только по религиозному обряду и в органах ЗАГС не зарегистрирован. {{whose_paternity}} в отношении {{children_word_gen}} установлено: {{paternity_basis}}.',
    },
    { kind: 'p', text: 'У нас есть {{children_minor}}, {{children_which_live}} со мной и {{children_are}} на моём иждивении:' },
    childrenTableRu,
    { kind: 'p', text: 'Ответчик добровольно в содержании {{children_word_gen}} {{respondent_takes_part}}.' },
    { kind: 'p', text: '{{?has_respondent_whereabouts}}Сведения о местонахождении ответчика: {{respondent_whereabouts}}.' },
    {
      kind: 'p',
      text: 'Согласно {{ref_family_art80}} родители обязаны содержать своих несовершеннолетних детей. Согласно {{ref_family_art81}} алименты на несовершеннолетних детей взыскиваются с родителей в размере доли заработка и (или) иного дохода.',
    },
    { kind: 'p', text: 'Согласно {{ref_law_state_fee}} {{ref_fee_alimony}}.' },
    { kind: 'label', text: 'На основании изложенного ПРОШУ:' },
    {
      kind: 'p',
      text: 'Взыскать с {{respondent_name_gen}} в мою пользу алименты на содержание {{children_minor_gen}} в размере {{share}} всех видов заработка и (или) иного дохода ежемесячно, начиная со дня обращения в суд и до {{children_reach_majority}}.',
    },
    ...closingRu(),
  ],
};
