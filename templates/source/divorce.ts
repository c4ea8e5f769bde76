import { childrenTableRu, childrenTableTg, claimHeaderRu, claimHeaderTg, closingRu, closingTg } from './common';
import type { TemplateSource } from './types';

// With children, the claim also says where they are to live and, when with the claimant, asks for
// their support (a share of earnings or a fixed sum).

export const source: TemplateSource = {
  tg: [
    ...claimHeaderTg({ whereabouts: true }),
    { kind: 'title', text: 'АРИЗАИ ДАЪВОГӢ' },
    { kind: 'subtitle', text: 'дар бораи бекор кардани ақди никоҳ' },
    { kind: 'p', text: 'Ман бо ҷавобгар {{respondent_name}} дар ақди никоҳи қайдшуда мебошам (шаҳодатномаи ақди никоҳ: {{marriage_cert}}). Аз {{separated_since}} мо алоҳида зиндагӣ мекунем ва хоҷагии муштарак намебарем.' },
    { kind: 'p', text: '{{?has_children}}Мо {{children_minor}}и зерин дорем:' },
    childrenTableTg,
    { kind: 'p', text: '{{?residence_claimant}}Пас аз қатъ гардидани зиндагии якҷоя {{children_word}} бо ман {{children_live}}.' },
    { kind: 'p', text: '{{?residence_respondent}}Пас аз қатъ гардидани зиндагии якҷоя {{children_word}} бо ҷавобгар {{children_live}}.' },
    { kind: 'p', text: 'Сабабҳои вайрон шудани оила: {{reason}} Давом додани зиндагии якҷоя ва нигоҳ доштани оила ғайриимкон аст.' },
    {
      kind: 'p',
      text: 'Тибқи {{ref_family_divorce_court}} ақди никоҳ бо тартиби судӣ бекор карда мешавад, агар суд муқаррар намояд, ки давом додани зиндагии якҷояи ҳамсарон ва нигоҳ доштани оила ғайриимкон аст.',
    },
    {
      kind: 'p',
      text: '{{?support_share}}Тибқи {{ref_family_art80}} падару модар вазифадоранд фарзандони ноболиғи худро таъмин намоянд; тибқи {{ref_family_art81}} алимент ба андозаи ҳиссаи музди меҳнат ва (ё) даромади дигар ситонида мешавад.',
    },
    {
      kind: 'p',
      text: '{{?support_sum}}Тибқи {{ref_family_art80}} падару модар вазифадоранд фарзандони ноболиғи худро таъмин намоянд; тибқи {{ref_family_art83_1}} агар даромади ҷавобгар доимӣ набошад ё бо асъори хориҷӣ гирифта шавад, суд андозаи алиментро бо маблағи муайяни пулӣ муқаррар мекунад.',
    },
    { kind: 'p', text: 'Боҷи давлатӣ ба андозаи {{ref_fee_divorce}} тибқи {{ref_law_state_fee}} пардохт карда шудааст.' },
    { kind: 'label', text: 'Дар асоси гуфтаҳои боло, хоҳиш менамоям:' },
    { kind: 'p', text: 'Ақди никоҳи байни ман ва {{respondent_name}} бекор карда шавад.' },
    { kind: 'p', text: '{{?residence_claimant}}Ҷойи зисти {{children_minor}} бо ман муайян карда шавад.' },
    { kind: 'p', text: '{{?residence_respondent}}Ҷойи зисти {{children_minor}} бо ҷавобгар муайян карда шавад.' },
    {
      kind: 'p',
      text: '{{?support_share}}Аз ҷавобгар {{respondent_name}} ба фоидаи ман барои таъминоти {{children_minor}} алимент ба андозаи {{share}} ҳиссаи ҳамаи намудҳои музди меҳнат ва (ё) даромади дигари ӯ ҳар моҳ, аз рӯзи ба суд муроҷиат намудан то {{children_reach_majority}}, ситонида шавад.',
    },
    {
      kind: 'p',
      text: '{{?support_sum}}Аз ҷавобгар {{respondent_name}} ба фоидаи ман барои таъминоти {{children_minor}} алимент бо маблағи муайяни пулӣ ба андозаи {{amount}} ({{amount_words}}) ҳар моҳ, аз рӯзи ба суд муроҷиат намудан то {{children_reach_majority}}, ситонида шавад.',
    },
    ...closingTg(),
  ],
  ru: [
    ...claimHeaderRu({ whereabouts: true }),
    { kind: 'title', text: 'ИСКОВОЕ ЗАЯВЛЕНИЕ' },
    { kind: 'subtitle', text: 'о расторжении брака' },
    { kind: 'p', text: 'Ответчик {{respondent_name}} и я состоим в зарегистрированном браке (свидетельство о браке: {{marriage_cert}}). С {{separated_since}} мы проживаем раздельно и общего хозяйства не ведём.' },
    { kind: 'p', text: '{{?has_children}}У нас есть {{children_minor}}:' },
    childrenTableRu,
    { kind: 'p', text: '{{?residence_claimant}}После прекращения совместной жизни {{children_word}} {{children_live}} со мной.' },
    { kind: 'p', text: '{{?residence_respondent}}После прекращения совместной жизни {{children_word}} {{children_live}} с ответчиком.' },
    { kind: 'p', text: 'Причины распада семьи: {{reason}} Дальнейшая совместная жизнь и сохранение семьи невозможны.' },
    {
      kind: 'p',
      text: 'Согласно {{ref_family_divorce_court}} брак расторгается судом, если установлено, что дальнейшая совместная жизнь супругов и сохранение семьи невозможны.',
    },
    {
      kind: 'p',
      text: '{{?support_share}}Согласно {{ref_family_art80}} родители обязаны содержать своих несовершеннолетних детей; согласно {{ref_family_art81}} алименты взыскиваются в размере доли заработка и (или) иного дохода.',
    },
    {
      kind: 'p',
      text: '{{?support_sum}}Согласно {{ref_family_art80}} родители обязаны содержать своих несовершеннолетних детей; согласно {{ref_family_art83_1}}, если заработок ответчика нерегулярен или получается в иностранной валюте, суд определяет размер алиментов в твёрдой денежной сумме.',
    },
    { kind: 'p', text: 'Государственная пошлина в размере {{ref_fee_divorce}} уплачена согласно {{ref_law_state_fee}}.' },
    { kind: 'label', text: 'На основании изложенного ПРОШУ:' },
    { kind: 'p', text: 'Расторгнуть брак, заключённый между истцом и ответчиком (свидетельство о браке: {{marriage_cert}}).' },
    { kind: 'p', text: '{{?residence_claimant}}Определить место жительства {{children_minor_gen}} с истцом.' },
    { kind: 'p', text: '{{?residence_respondent}}Определить место жительства {{children_minor_gen}} с ответчиком.' },
    {
      kind: 'p',
      text: '{{?support_share}}Взыскать с {{respondent_name_gen}} в мою пользу алименты на содержание {{children_minor_gen}} в размере {{share}} всех видов заработка и (или) иного дохода ежемесячно, начиная со дня обращения в суд и до {{children_reach_majority}}.',
    },
    {
      kind: 'p',
      text: '{{?support_sum}}Взыскать с {{respondent_name_gen}} в мою пользу алименты на содержание {{children_minor_gen}} в твёрдой денежной сумме {{amount}} ({{amount_words}}) ежемесячно, начиная со дня обращения в суд и до {{children_reach_majority}}.',
    },
    ...closingRu(),
  ],
};
