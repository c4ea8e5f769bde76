import type { Sex } from './enums';

// The words of a filing that follow the data: one child or several («ребёнок»/«дети»,
// «кӯдак»/«кӯдакон»), the sex of the claimant (Russian past tense: «я не состояла»/«я не состоял»)
// and of the respondent (pronouns, «мой муж»/«моя жена», «шавҳари ман»/«зани ман»). A template writes
// {{children_minor_gen}} or {{my_spouse}} where the word goes; the sentence around it stays in the
// template (templates/source), so a lawyer editing the wording sees whole sentences.
// Tajik has no grammatical gender; only kinship words and the number of the verb change.

type ByNumber = { one: string; many: string };
type BySex = { F: string; M: string };
type Forms = { by: 'children'; ru: ByNumber; tg: ByNumber } | { by: 'claimant' | 'respondent'; ru: BySex; tg: BySex };

const same = (w: string): BySex => ({ F: w, M: w });

/** Every word placeholder, what it agrees with, and its forms. */
export const GRAMMAR_WORDS = {
  // The children of the case.
  children_word: { by: 'children', ru: { one: 'ребёнок', many: 'дети' }, tg: { one: 'кӯдак', many: 'кӯдакон' } },
  children_word_gen: { by: 'children', ru: { one: 'ребёнка', many: 'детей' }, tg: { one: 'кӯдак', many: 'кӯдакон' } },
  children_minor: {
    by: 'children',
    ru: { one: 'несовершеннолетний ребёнок', many: 'несовершеннолетние дети' },
    tg: { one: 'кӯдаки ноболиғ', many: 'кӯдакони ноболиғ' },
  },
  children_minor_gen: {
    by: 'children',
    ru: { one: 'несовершеннолетнего ребёнка', many: 'несовершеннолетних детей' },
    tg: { one: 'кӯдаки ноболиғ', many: 'кӯдакони ноболиғ' },
  },
  /** Izofat before an adjective in Tajik: «кӯдаки зерин»/«кӯдакони зерин»; Russian «ребёнок»/«дети». */
  children_following: { by: 'children', ru: { one: 'ребёнок', many: 'дети' }, tg: { one: 'кӯдаки зерин', many: 'кӯдакони зерин' } },
  children_these_gen: {
    by: 'children',
    ru: { one: 'указанного ребёнка', many: 'указанных детей' },
    tg: { one: 'кӯдаки дар боло зикршуда', many: 'кӯдакони дар боло зикршуда' },
  },
  children_which_live: {
    by: 'children',
    ru: { one: 'который проживает', many: 'которые проживают' },
    tg: { one: 'зиндагӣ мекунад', many: 'зиндагӣ мекунанд' },
  },
  children_live: { by: 'children', ru: { one: 'проживает', many: 'проживают' }, tg: { one: 'зиндагӣ мекунад', many: 'зиндагӣ мекунанд' } },
  my_children_gen: { by: 'children', ru: { one: 'моего ребёнка', many: 'моих детей' }, tg: { one: 'кӯдаки ман', many: 'кӯдакони ман' } },
  children_are: { by: 'children', ru: { one: 'находится', many: 'находятся' }, tg: { one: 'мебошад', many: 'мебошанд' } },
  children_born: {
    by: 'children',
    ru: { one: 'родился', many: 'родились' },
    tg: { one: 'таваллуд шудааст', many: 'таваллуд шудаанд' },
  },
  children_reach_majority: {
    by: 'children',
    ru: { one: 'совершеннолетия ребёнка', many: 'совершеннолетия детей' },
    tg: { one: 'ба балоғат расидани кӯдак', many: 'ба балоғат расидани кӯдакон' },
  },
  // The claimant (the client).
  i_was: { by: 'claimant', ru: { F: 'состояла', M: 'состоял' }, tg: same('будам') },
  whose_paternity: { by: 'claimant', ru: { F: 'Отцовство ответчика', M: 'Моё отцовство' }, tg: { F: 'Падарии ҷавобгар', M: 'Падарии ман' } },
  // The respondent (the other party: the husband or the wife, the father of the child).
  respondent_he: { by: 'respondent', ru: { F: 'она', M: 'он' }, tg: same('ӯ') },
  respondent_his: { by: 'respondent', ru: { F: 'её', M: 'его' }, tg: same('ӯ') },
  respondent_about: { by: 'respondent', ru: { F: 'о ней', M: 'о нём' }, tg: same('аз ӯ') },
  respondent_whose: { by: 'respondent', ru: { F: 'которой', M: 'которого' }, tg: same('ки') },
  respondent_lived: { by: 'respondent', ru: { F: 'проживала', M: 'проживал' }, tg: same('зиндагӣ мекард') },
  respondent_obliged: { by: 'respondent', ru: { F: 'обязана', M: 'обязан' }, tg: same('вазифадор аст') },
  /** The header's name for the person to be declared missing. */
  absent_person: { by: 'respondent', ru: { F: 'Отсутствующая', M: 'Отсутствующий' }, tg: same('Шахси бедарак') },
  respondent_left: { by: 'respondent', ru: { F: 'выехала', M: 'выехал' }, tg: same('рафтааст') },
  respondent_absent: { by: 'respondent', ru: { F: 'безвестно отсутствующей', M: 'безвестно отсутствующим' }, tg: same('бедарак ғоибшуда') },
  respondent_takes_part: { by: 'respondent', ru: { F: 'не участвует', M: 'не участвует' }, tg: same('иштирок намекунад') },
  /** Opens a sentence: «Мой муж …» / «Шавҳари ман …». */
  my_spouse: { by: 'respondent', ru: { F: 'Моя жена', M: 'Мой муж' }, tg: { F: 'Зани ман', M: 'Шавҳари ман' } },
  spouse_word: { by: 'respondent', ru: { F: 'жена', M: 'муж' }, tg: { F: 'зан', M: 'шавҳар' } },
} satisfies Record<string, Forms>;

export type GrammarWord = keyof typeof GRAMMAR_WORDS;
export const GRAMMAR_WORD_NAMES = Object.keys(GRAMMAR_WORDS) as GrammarWord[];

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
  for (const name of GRAMMAR_WORD_NAMES) {
    const w: Forms = GRAMMAR_WORDS[name];
    if (w.by === 'children') {
      const forms = w[lang];
      out[name] = f.children === 1 ? forms.one : forms.many;
    } else {
      out[name] = w[lang][w.by === 'claimant' ? f.claimantSex : f.respondentSex];
    }
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
