import type { Sex } from './enums';

// The words of a filing that follow the data: one child or several («ребёнок»/«дети»,
// «кӯдак»/«кӯдакон»), the sex of the claimant (Russian past tense: «я не состояла»/«я не состоял»)
// and of the respondent (pronouns, «мой муж»/«моя жена», «шавҳари ман»/«зани ман»). A template writes
// {{children_minor_gen}} or {{my_spouse}} where the word goes; the sentence around it stays in the
// template (templates/source), so a lawyer editing the wording sees whole sentences.
// Tajik has no grammatical gender; only kinship words and the number of the verb change.

/** What a word agrees with: the number of children, or the sex of the claimant or of the respondent. */
type Agrees = 'children' | 'claimant' | 'respondent';
/** The two forms of a word: [one child, several] for the children, [woman, man] for a party. */
type TwoForms = readonly [string, string];

/**
 * Every word placeholder, one row each: what it agrees with, its Russian forms, its Tajik forms. Tajik
 * has no grammatical gender, so most of its forms for a party are the same word twice.
 */
const WORDS = [
  // The children of the case.
  ['children_word', 'children', ['ребёнок', 'дети'], ['кӯдак', 'кӯдакон']],
  ['children_word_gen', 'children', ['ребёнка', 'детей'], ['кӯдак', 'кӯдакон']],
  ['children_minor', 'children', ['несовершеннолетний ребёнок', 'несовершеннолетние дети'], ['кӯдаки ноболиғ', 'кӯдакони ноболиғ']],
  ['children_minor_gen', 'children', ['несовершеннолетнего ребёнка', 'несовершеннолетних детей'], ['кӯдаки ноболиғ', 'кӯдакони ноболиғ']],
  // Izofat before an adjective in Tajik: «кӯдаки зерин»/«кӯдакони зерин»; Russian «ребёнок»/«дети».
  ['children_following', 'children', ['ребёнок', 'дети'], ['кӯдаки зерин', 'кӯдакони зерин']],
  ['children_these_gen', 'children', ['указанного ребёнка', 'указанных детей'], ['кӯдаки дар боло зикршуда', 'кӯдакони дар боло зикршуда']],
  ['children_which_live', 'children', ['который проживает', 'которые проживают'], ['зиндагӣ мекунад', 'зиндагӣ мекунанд']],
  ['children_live', 'children', ['проживает', 'проживают'], ['зиндагӣ мекунад', 'зиндагӣ мекунанд']],
  ['my_children_gen', 'children', ['моего ребёнка', 'моих детей'], ['кӯдаки ман', 'кӯдакони ман']],
  ['children_are', 'children', ['находится', 'находятся'], ['мебошад', 'мебошанд']],
  ['children_born', 'children', ['родился', 'родились'], ['таваллуд шудааст', 'таваллуд шудаанд']],
  ['children_reach_majority', 'children', ['совершеннолетия ребёнка', 'совершеннолетия детей'], ['ба балоғат расидани кӯдак', 'ба балоғат расидани кӯдакон']],
  // The claimant (the client).
  ['i_was', 'claimant', ['состояла', 'состоял'], ['будам', 'будам']],
  ['whose_paternity', 'claimant', ['Отцовство ответчика', 'Моё отцовство'], ['Падарии ҷавобгар', 'Падарии ман']],
  // The respondent (the other party: the husband or the wife, the father of the child).
  ['respondent_he', 'respondent', ['она', 'он'], ['ӯ', 'ӯ']],
  ['respondent_his', 'respondent', ['её', 'его'], ['ӯ', 'ӯ']],
  ['respondent_about', 'respondent', ['о ней', 'о нём'], ['аз ӯ', 'аз ӯ']],
  ['respondent_whose', 'respondent', ['которой', 'которого'], ['ки', 'ки']],
  ['respondent_lived', 'respondent', ['проживала', 'проживал'], ['зиндагӣ мекард', 'зиндагӣ мекард']],
  ['respondent_obliged', 'respondent', ['обязана', 'обязан'], ['вазифадор аст', 'вазифадор аст']],
  // The header's name for the person to be declared missing.
  ['absent_person', 'respondent', ['Отсутствующая', 'Отсутствующий'], ['Шахси бедарак', 'Шахси бедарак']],
  ['respondent_left', 'respondent', ['выехала', 'выехал'], ['рафтааст', 'рафтааст']],
  ['respondent_absent', 'respondent', ['безвестно отсутствующей', 'безвестно отсутствующим'], ['бедарак ғоибшуда', 'бедарак ғоибшуда']],
  ['respondent_takes_part', 'respondent', ['не участвует', 'не участвует'], ['иштирок намекунад', 'иштирок намекунад']],
  // Opens a sentence: «Мой муж …» / «Шавҳари ман …».
  ['my_spouse', 'respondent', ['Моя жена', 'Мой муж'], ['Зани ман', 'Шавҳари ман']],
  ['spouse_word', 'respondent', ['жена', 'муж'], ['зан', 'шавҳар']],
] as const satisfies ReadonlyArray<readonly [string, Agrees, TwoForms, TwoForms]>;

export type GrammarWord = (typeof WORDS)[number][0];
export const GRAMMAR_WORD_NAMES: readonly GrammarWord[] = WORDS.map((w) => w[0]);

/**
 * Every placeholder a filing fills by working it out (electron/documents/claimValues.ts): the words
 * above, the father's name in a paternity claim and the value of a property claim. Any template may
 * use them.
 */
export const COMPUTED_PLACEHOLDERS: readonly string[] = [...GRAMMAR_WORD_NAMES, 'father_name', 'father_name_gen', 'claim_value', 'claim_value_words'];

export interface GrammarFacts {
  /** Children of the case; 0 reads as plural (the passages about children are then left out). */
  children: number;
  claimantSex: Sex;
  respondentSex: Sex;
}

/** The value of every word placeholder in the filing's language. */
export function grammarWords(lang: 'tg' | 'ru', f: GrammarFacts): Record<GrammarWord, string> {
  const out = {} as Record<GrammarWord, string>;
  for (const [name, agrees, ru, tg] of WORDS) {
    const second = agrees === 'children' ? f.children !== 1 : (agrees === 'claimant' ? f.claimantSex : f.respondentSex) === 'M';
    out[name] = (lang === 'ru' ? ru : tg)[second ? 1 : 0];
  }
  return out;
}

/**
 * A Russian legal reference as it reads after «согласно» (dative). The references are written as they
 * read after «ст. …» or in a list (genitive: «Гражданского кодекса …», «статьи … о разделе …»); the
 * head of the phrase is put in the dative, the rest stays. An abbreviation («ст. 81 …») and a text
 * already in the dative («Закону …», «правилам …») are left as they are.
 */
export function legalRefDative(text: string): string {
  const t = text.trim();
  if (/^(ст|стст|п|ч)\.\s/i.test(t)) return t;
  const rules: Array<[RegExp, (m: RegExpExecArray) => string]> = [
    // «Гражданского кодекса» (genitive) or «Гражданский кодекс» (nominative) → «Гражданскому кодексу»
    [/^(\p{L}+)(?:ого|ий|ый|ой) ([Кк]одекс)а?(?!\p{L})/u, (m) => `${m[1]}ому ${m[2]}у`],
    [/^([Кк]одекс)а?(?!\p{L})/u, (m) => `${m[1]}у`],
    [/^([Зз]акон)а?(?!\p{L})/u, (m) => `${m[1]}у`],
    // «статьи … о разделе …» (a plural) → «статьям»; «статья» → «статье»
    [/^([Сс]тать)(и|я)(?!\p{L})/u, (m) => `${m[1]}${m[2] === 'я' ? 'е' : 'ям'}`],
    [/^([Пп]равил)(?!\p{L})/u, (m) => `${m[1]}ам`],
  ];
  for (const [re, to] of rules) {
    const m = re.exec(t);
    if (m) return `${to(m)}${t.slice(m[0].length)}`;
  }
  return t;
}

/** The claimant's sex in a reference's wording: «истец освобождён» → «истец освобождена». */
export function agreeWithClaimant(text: string, sex: Sex): string {
  return sex === 'F' ? text.replace(/освобождён(?!\p{L})/gu, 'освобождена') : text.replace(/освобождена(?!\p{L})/gu, 'освобождён');
}
