import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeedResult } from '../../electron/seed/demo';
import type { CaseType } from '../../shared/domain/enums';
import { otherLanguageWords } from '../../shared/domain/filingLanguage';
import { MANIFESTS } from '../../templates/manifests';
import type { TestApp } from '../support/testApp';
import { seededApp } from './support';

// Every value in the filing's language: the demo cases give clean filings in both languages; answers
// are kept per language; a filing in the other language starts from a draft the wizard marks; text in
// the other language is named before saving and refused unless the user allows it.

let t: TestApp;
let seed: SeedResult;

beforeAll(async () => {
  ({ t, seed } = await seededApp());
}, 60_000);

afterAll(async () => {
  await t?.cleanup();
});

async function caseOf(type: CaseType): Promise<string> {
  const db = t.app.requireUnlocked().db;
  const row = await db.selectFrom('cases').select('id').where('id', 'in', seed.caseIds).where('case_type', '=', type).executeTakeFirstOrThrow();
  return row.id;
}

async function details(caseId: string): Promise<Record<string, unknown>> {
  const db = t.app.requireUnlocked().db;
  const row = await db.selectFrom('cases').select('details').where('id', '=', caseId).executeTakeFirstOrThrow();
  return JSON.parse(row.details) as Record<string, unknown>;
}

async function setDetails(caseId: string, d: Record<string, unknown>): Promise<void> {
  await t.app.requireUnlocked().db.updateTable('cases').set({ details: JSON.stringify(d) }).where('id', '=', caseId).execute();
}

describe('the demo filings are in their own language', () => {
  for (const m of MANIFESTS) {
    for (const lang of m.languages) {
      it(`${m.id} (${lang}): no value in the other language, nothing missing`, async () => {
        const p = await t.call('filings:prepare', { caseId: await caseOf(m.caseTypes[0]!), templateId: m.id, language: lang });
        expect(p.missing).toEqual([]);
        expect(p.languageIssues).toEqual([]);
        for (const f of p.fields) if (f.format === 'text' || f.format === 'multiline') expect(otherLanguageWords(f.output, lang), `${f.name}: ${f.output}`).toEqual([]);
      });
    }
  }

  it('prints the court, the places abroad and the addresses in the filing language', async () => {
    const isfara = await caseOf('paternity_fact');
    const ru = await t.call('filings:prepare', { caseId: isfara, templateId: 'paternity-fact', language: 'ru' });
    const tg = await t.call('filings:prepare', { caseId: isfara, templateId: 'paternity-fact', language: 'tg' });
    // The case has the court typed in Tajik; it is a court of the reference list, so Russian gets its Russian name.
    expect(ru.fields.find((f) => f.name === 'court')!.output).toBe('суд города Исфара');
    expect(tg.fields.find((f) => f.name === 'court')!.output).toBe('Суди шаҳри Исфара');
    const share = await caseOf('alimony_share');
    const ruShare = await t.call('filings:prepare', { caseId: share, templateId: 'alimony-share', language: 'ru' });
    const out = (name: string) => ruShare.fields.find((f) => f.name === name)!.output;
    expect(out('respondent_whereabouts')).toBe('Российская Федерация, г. Москва');
    expect(out('respondent_address')).toBe('г. Худжанд, ул. Ленин 45, кв. 12');
    // The city of residence carries its word, like any other part of the address.
    expect(out('client_address')).toBe('ул. Ленин 45, кв. 12, г. Худжанд');
    const tgShare = await t.call('filings:prepare', { caseId: share, templateId: 'alimony-share', language: 'tg' });
    expect(tgShare.fields.find((f) => f.name === 'respondent_whereabouts')!.output).toBe('Федератсияи Россия, ш. Маскав');
    // A case value the reference lists cannot translate is given its Russian wording for the filings (kept in the case).
    const missingTg = await t.call('filings:prepare', { caseId: await caseOf('missing_person'), templateId: 'alimony-share', language: 'tg' });
    expect(missingTg.fields.find((f) => f.name === 'respondent_whereabouts')).toMatchObject({ output: 'номаълум (охирин бор — Россия, ш. Новосибирск)', overridden: false });
    const missingRu = await t.call('filings:prepare', { caseId: await caseOf('missing_person'), templateId: 'alimony-share', language: 'ru' });
    expect(missingRu.fields.find((f) => f.name === 'respondent_whereabouts')).toMatchObject({ output: 'неизвестно (последние сведения — Российская Федерация, г. Новосибирск)', overridden: true });
    // The court's entry (name) is cited with its status, like a legal reference.
    expect(ruShare.legalRefs.find((r) => r.key === 'court_su_khujand')).toMatchObject({ text: 'суд города Худжанд', confirmed: false });
  });
});

describe('answers kept per language', () => {
  it('saves a Russian filing into the Russian part of the case, leaving the Tajik answers as they were', async () => {
    const id = await caseOf('divorce');
    const before = await details(id);
    await t.call('filings:save', { caseId: id, templateId: 'divorce', language: 'ru', answers: { reason: 'Ответчик с 2020 года живёт за рубежом.' } });
    const after = (await details(id)).filing as Record<string, Record<string, string>>;
    expect(after.ru!.reason).toBe('Ответчик с 2020 года живёт за рубежом.');
    expect(after.tg).toEqual((before.filing as Record<string, unknown>).tg);
    expect((after as unknown as Record<string, string>).separated_since).toBe('2020-01-10');
    const tg = await t.call('filings:prepare', { caseId: id, templateId: 'divorce', language: 'tg' });
    expect(tg.fields.find((f) => f.name === 'reason')!.output).toContain('Ҷавобгар соли 2020');
  });

  it('reads the old single-language answers, and fills the other language from them as a marked draft', async () => {
    const id = await caseOf('alimony_fixed_sum');
    await setDetails(id, {
      filing: { paternity_basis: 'қарори Суди ноҳияи Рӯдакӣ аз 12.05.2021', income_abroad: 'Дар сохтмон кор мекунад, маош 60 000 рубл.', children_needs: 'Ғизо ва либос.' },
    });
    const tg = await t.call('filings:prepare', { caseId: id, templateId: 'alimony-fixed-sum', language: 'tg' });
    const income = tg.fields.find((f) => f.name === 'income_abroad')!;
    expect(income).toMatchObject({ output: 'Дар сохтмон кор мекунад, маош 60 000 рубл.', draft: false, translatable: true });
    const ru = await t.call('filings:prepare', { caseId: id, templateId: 'alimony-fixed-sum', language: 'ru' });
    expect(ru.fields.find((f) => f.name === 'income_abroad')).toMatchObject({ value: 'Дар сохтмон кор мекунад, маош 60 000 рубл.', draft: true });
    expect(ru.languageIssues.map((i) => i.field)).toEqual(expect.arrayContaining(['income_abroad', 'children_needs']));

    // Saving the Tajik filing moves the answers into the Tajik part; the Russian one still starts from them as drafts.
    await t.call('filings:save', { caseId: id, templateId: 'alimony-fixed-sum', language: 'tg' });
    const kept = (await details(id)).filing as Record<string, unknown>;
    expect(kept.income_abroad).toBeUndefined();
    expect((kept.tg as Record<string, string>).income_abroad).toBe('Дар сохтмон кор мекунад, маош 60 000 рубл.');
    const ruAgain = await t.call('filings:prepare', { caseId: id, templateId: 'alimony-fixed-sum', language: 'ru' });
    const draft = ruAgain.fields.find((f) => f.name === 'children_needs')!;
    expect(draft).toMatchObject({ value: 'Ғизо ва либос.', draft: true });
    expect(ruAgain.languageIssues.find((i) => i.field === 'children_needs')).toEqual({ field: 'children_needs', words: ['Ғизо', 'ва'], draft: true });
  });

  it('refuses to save text in the other language, naming the fields, unless allowed', async () => {
    const id = await caseOf('alimony_fixed_sum');
    const request = {
      caseId: id,
      templateId: 'alimony-fixed-sum',
      language: 'ru' as const,
      answers: {
        paternity_basis: 'решение суда района Рудаки от 12.05.2021',
        income_abroad: 'Работает на стройке в г. Екатеринбурге.',
        children_needs: 'Питание, одежда, ҳамчунин дору.',
      },
    };
    const p = await t.call('filings:prepare', request);
    expect(p.languageIssues).toEqual([{ field: 'children_needs', words: ['ҳамчунин'], draft: false }]);
    await expect(t.call('filings:save', request)).rejects.toMatchObject({ info: { code: 'VALIDATION', fields: [{ path: 'answers.children_needs', key: 'otherLanguage' }] } });
    const doc = await t.call('filings:save', { ...request, allowMixed: true });
    expect(doc.language).toBe('ru');
    // The names of the people of the case are not "Tajik text": the client's name stays as she gave it.
    const names = await t.call('filings:prepare', { ...request, answers: { ...request.answers, children_needs: 'Сомон (сын Шарипова Фаридуна) нуждается в питании.' } });
    expect(names.languageIssues).toEqual([]);
  });

  it('keeps property items per language, the other language starting from a draft', async () => {
    const id = await caseOf('property_division');
    const d = await details(id);
    const f = d.filing as Record<string, Record<string, unknown>>;
    delete f.ru!.property;
    await setDetails(id, d);
    const ru = await t.call('filings:prepare', { caseId: id, templateId: 'property-division', language: 'ru' });
    const list = ru.lists.find((l) => l.name === 'property')!;
    expect(list.draft).toBe(true);
    expect(list.items[0]!.item).toBe('Хонаи дуҳуҷрагӣ, ш. Душанбе, кӯчаи Бухоро 21-5');
    expect(ru.languageIssues.find((i) => i.field === 'property')?.words).toContain('дуҳуҷрагӣ');
    const items = [{ item: 'Двухкомнатная квартира', value: '250000', acquiredOn: '01.03.2012' }];
    await t.call('filings:save', { caseId: id, templateId: 'property-division', language: 'ru', property: items });
    const kept = (await details(id)).filing as Record<string, Record<string, unknown>>;
    expect(kept.ru!.property).toEqual([{ item: 'Двухкомнатная квартира', value: '250000', acquiredOn: '2012-03-01' }]);
    expect((kept.tg!.property as unknown[]).length).toBe(3);
  });
});
