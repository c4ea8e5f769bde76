import { childrenTableRu, childrenTableTg, claimHeaderRu, claimHeaderTg, closingRu, closingTg } from './common';
import type { TemplateSource } from './types';

// The claimant is the mother (the respondent is the father) or the father himself ({{father_name}}).

export const source: TemplateSource = {
  tg: [
    ...claimHeaderTg({ whereabouts: true }),
    { kind: 'title', text: 'АРИЗАИ ДАЪВОГӢ' },
    { kind: 'subtitle', text: '{{?without_alimony}}дар бораи муқаррар намудани падарӣ' },
    { kind: 'subtitle', text: '{{?with_alimony}}дар бораи муқаррар намудани падарӣ ва ситонидани алимент' },
    { kind: 'p', text: 'Ман бо ҷавобгар {{respondent_name}} дар ақди никоҳи қайдшуда набудам. Муносибати мо: {{relationship}}' },
    { kind: 'p', text: 'Аз муносибати мо {{children_following}} {{children_born}}:' },
    childrenTableTg,
    { kind: 'p', text: '{{whose_paternity}} бо далелҳои зерин тасдиқ мешавад: {{evidence}}' },
    {
      kind: 'p',
      text: 'Тибқи {{ref_family_art50}} ҳангоми таваллуди кӯдак аз падару модаре, ки дар ақди никоҳ намебошанд, падарӣ бо тартиби судӣ бо аризаи яке аз падару модар муқаррар карда мешавад. Тибқи {{ref_family_art54}} кӯдаконе, ки падарии онҳо бо ин тартиб муқаррар шудааст, ҳамон ҳуқуқҳоеро доранд, ки кӯдакони дар ақди никоҳ таваллудшуда.',
    },
    {
      kind: 'p',
      text: '{{?with_alimony}}Ҷавобгар дар таъминоти {{children_word}} {{respondent_takes_part}}. Тибқи {{ref_family_art80}} ва {{ref_family_art81}} ӯ {{respondent_obliged}} алимент пардохт намояд.',
    },
    {
      kind: 'p',
      text: '{{?alimony_sum}}Тибқи {{ref_family_art83_1}} агар даромади ҷавобгар доимӣ набошад, бо асъори хориҷӣ гирифта шавад ё ситонидани ҳисса ғайриимкон ё беадолатона бошад, суд андозаи алиментро бо маблағи муайяни пулӣ муқаррар мекунад.',
    },
    { kind: 'p', text: 'Тибқи {{ref_law_state_fee}} {{ref_fee_paternity}}.' },
    { kind: 'label', text: 'Дар асоси гуфтаҳои боло, хоҳиш менамоям:' },
    {
      kind: 'p',
      text: 'Падарии {{father_name}} нисбат ба {{children_these_gen}} муқаррар карда шавад ва ба мақомоти САҲШ барои ворид намудани маълумот дар бораи падар ба сабти таваллуд дастур дода шавад.',
    },
    {
      kind: 'p',
      text: '{{?alimony_share}}Аз ҷавобгар {{respondent_name}} ба фоидаи ман барои таъминоти {{children_minor}} алимент ба андозаи {{share}} ҳиссаи ҳамаи намудҳои музди меҳнат ва (ё) даромади дигари ӯ ҳар моҳ, аз рӯзи ба суд муроҷиат намудан то {{children_reach_majority}}, ситонида шавад.',
    },
    {
      kind: 'p',
      text: '{{?alimony_sum}}Аз ҷавобгар {{respondent_name}} ба фоидаи ман барои таъминоти {{children_minor}} алимент бо маблағи муайяни пулӣ ба андозаи {{amount}} ({{amount_words}}) ҳар моҳ, аз рӯзи ба суд муроҷиат намудан то {{children_reach_majority}}, ситонида шавад.',
    },
    ...closingTg(),
  ],
  ru: [
    ...claimHeaderRu({ whereabouts: true }),
    { kind: 'title', text: 'ИСКОВОЕ ЗАЯВЛЕНИЕ' },
    { kind: 'subtitle', text: '{{?without_alimony}}об установлении отцовства' },
    { kind: 'subtitle', text: '{{?with_alimony}}об установлении отцовства и взыскании алиментов' },
    { kind: 'p', text: 'Ответчик {{respondent_name}} и я в зарегистрированном браке не состояли. Наши отношения: {{relationship}}' },
    { kind: 'p', text: 'У нас с ответчиком {{children_born}} {{children_following}}:' },
    childrenTableRu,
    { kind: 'p', text: '{{whose_paternity}} подтверждают следующие доказательства: {{evidence}}' },
    {
      kind: 'p',
      text: 'Согласно {{ref_family_art50}} при рождении ребёнка у родителей, не состоящих в браке, отцовство устанавливается в судебном порядке по заявлению одного из родителей. Согласно {{ref_family_art54}} дети, отцовство в отношении которых установлено таким образом, имеют те же права, что и дети, родившиеся в браке.',
    },
    {
      kind: 'p',
      text: '{{?with_alimony}}Ответчик в содержании {{children_word_gen}} {{respondent_takes_part}}. Согласно {{ref_family_art80}} и {{ref_family_art81}} {{respondent_he}} {{respondent_obliged}} уплачивать алименты.',
    },
    {
      kind: 'p',
      text: '{{?alimony_sum}}Согласно {{ref_family_art83_1}}, если заработок ответчика нерегулярен, получается в иностранной валюте либо взыскание в долях невозможно или несправедливо, суд определяет размер алиментов в твёрдой денежной сумме.',
    },
    { kind: 'p', text: 'Согласно {{ref_law_state_fee}} {{ref_fee_paternity}}.' },
    { kind: 'label', text: 'На основании изложенного ПРОШУ:' },
    { kind: 'p', text: 'Установить отцовство {{father_name_gen}} в отношении {{children_these_gen}} и обязать органы ЗАГС внести сведения об отце в запись акта о рождении.' },
    {
      kind: 'p',
      text: '{{?alimony_share}}Взыскать с {{respondent_name_gen}} в мою пользу алименты на содержание {{children_minor_gen}} в размере {{share}} всех видов заработка и (или) иного дохода ежемесячно, начиная со дня обращения в суд и до {{children_reach_majority}}.',
    },
    {
      kind: 'p',
      text: '{{?alimony_sum}}Взыскать с {{respondent_name_gen}} в мою пользу алименты на содержание {{children_minor_gen}} в твёрдой денежной сумме {{amount}} ({{amount_words}}) ежемесячно, начиная со дня обращения в суд и до {{children_reach_majority}}.',
    },
    ...closingRu(),
  ],
};
