import { childrenTableRu, childrenTableTg, claimHeaderRu, claimHeaderTg, closingRu, closingTg } from './common';
import type { TemplateSource } from './types';

export const source: TemplateSource = {
  tg: [
    ...claimHeaderTg({ whereabouts: true }),
    { kind: 'title', text: 'АРИЗАИ ДАЪВОГӢ' },
    { kind: 'subtitle', text: 'дар бораи ситонидани алимент бо маблағи муайяни пулӣ' },
    { kind: 'p', text: '{{?marriage_registered}}Ман бо ҷавобгар {{respondent_name}} дар ақди никоҳи қайдшуда мебошам (шаҳодатномаи ақди никоҳ: {{marriage_cert}}).' },
    {
      kind: 'p',
      text: '{{?marriage_religious}}Никоҳи ман бо ҷавобгар {{respondent_name}} танҳо бо тартиби динӣ баста шуда, дар мақомоти САҲШ қайд нашудааст. {{whose_paternity}} нисбат ба {{children_word}} муқаррар шудааст: {{paternity_basis}}.',
    },
    { kind: 'p', text: 'Мо {{children_minor}}и зерин дорем, ки бо ман {{children_which_live}}:' },
    childrenTableTg,
    { kind: 'p', text: 'Ҷавобгар дар хориҷи кишвар кор мекунад ва дар таъминоти {{children_word}} {{respondent_takes_part}}. Дар бораи даромади ҷавобгар маълум аст: {{income_abroad}}' },
    { kind: 'p', text: '{{?has_respondent_whereabouts}}Ҷойи будубоши ҷавобгар: {{respondent_whereabouts}}.' },
    { kind: 'p', text: 'Эҳтиёҷоти {{children_word}}: {{children_needs}}' },
    {
      kind: 'p',
      text: 'Тибқи {{ref_family_art80}} падару модар вазифадоранд фарзандони ноболиғи худро таъмин намоянд. Тибқи {{ref_family_art83_1}} агар даромади ҷавобгар доимӣ набошад, бо асъори хориҷӣ гирифта шавад ё ситонидани ҳисса ғайриимкон ё беадолатона бошад, суд андозаи алиментро бо маблағи муайяни пулӣ муқаррар мекунад.',
    },
    { kind: 'p', text: 'Тибқи {{ref_law_state_fee}} {{ref_fee_alimony}}.' },
    { kind: 'label', text: 'Дар асоси гуфтаҳои боло, хоҳиш менамоям:' },
    {
      kind: 'p',
      text: 'Аз ҷавобгар {{respondent_name}} ба фоидаи ман барои таъминоти {{children_minor}} алимент бо маблағи муайяни пулӣ ба андозаи {{amount}} ({{amount_words}}) ҳар моҳ, аз рӯзи ба суд муроҷиат намудан то {{children_reach_majority}}, ситонида шавад.',
    },
    ...closingTg(),
  ],
  ru: [
    ...claimHeaderRu({ whereabouts: true }),
    { kind: 'title', text: 'ИСКОВОЕ ЗАЯВЛЕНИЕ' },
    { kind: 'subtitle', text: 'о взыскании алиментов в твёрдой денежной сумме' },
    { kind: 'p', text: '{{?marriage_registered}}Ответчик {{respondent_name}} и я состоим в зарегистрированном браке (свидетельство о браке: {{marriage_cert}}).' },
    {
      kind: 'p',
      text: '{{?marriage_religious}}Наш с ответчиком брак заключён только по религиозному обряду и в органах ЗАГС не зарегистрирован. {{whose_paternity}} в отношении {{children_word_gen}} установлено: {{paternity_basis}}.',
    },
    { kind: 'p', text: 'У нас есть {{children_minor}}, {{children_which_live}} со мной:' },
    childrenTableRu,
    { kind: 'p', text: 'Ответчик работает за рубежом и в содержании {{children_word_gen}} {{respondent_takes_part}}. О доходах ответчика известно: {{income_abroad}}' },
    { kind: 'p', text: '{{?has_respondent_whereabouts}}Местонахождение ответчика: {{respondent_whereabouts}}.' },
    { kind: 'p', text: 'Нужды {{children_word_gen}}: {{children_needs}}' },
    {
      kind: 'p',
      text: 'Согласно {{ref_family_art80}} родители обязаны содержать своих несовершеннолетних детей. Согласно {{ref_family_art83_1}}, если заработок ответчика нерегулярен, получается в иностранной валюте либо взыскание в долях невозможно или несправедливо, суд определяет размер алиментов в твёрдой денежной сумме.',
    },
    { kind: 'p', text: 'Согласно {{ref_law_state_fee}} {{ref_fee_alimony}}.' },
    { kind: 'label', text: 'На основании изложенного ПРОШУ:' },
    {
      kind: 'p',
      text: 'Взыскать с {{respondent_name_gen}} в мою пользу алименты на содержание {{children_minor_gen}} в твёрдой денежной сумме {{amount}} ({{amount_words}}) ежемесячно, начиная со дня обращения в суд и до {{children_reach_majority}}.',
    },
    ...closingRu(),
  ],
};
