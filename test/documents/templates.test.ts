import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph, TextRun, patchDetector } from 'docx';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAllTemplates, TEMPLATES_DIR } from '../../electron/documents/buildTemplates';
import { requiredPlaceholders } from '../../electron/documents/templateStore';
import { MANIFESTS, placeholdersOf } from '../../templates/manifests';
import { CallError, inlineBytes, tempDir, type TestApp } from '../support/testApp';
import { libreofficeConvert, seededApp } from './support';
import type { SeedResult } from '../../electron/seed/demo';
import type { CaseType } from '../../shared/domain/enums';

let t: TestApp;
let seed: SeedResult;
let dir: string;

beforeAll(async () => {
  ({ t, seed } = await seededApp());
  dir = tempDir('lad-templates-');
}, 60_000);
afterAll(async () => t?.cleanup());

async function documentXml(content: Uint8Array): Promise<string> {
  return (await JSZip.loadAsync(content)).file('word/document.xml')!.async('string');
}

async function caseOf(type: CaseType): Promise<string> {
  const row = await t.app.requireUnlocked().db.selectFrom('cases').select('id').where('case_type', '=', type).where('id', 'in', seed.caseIds).executeTakeFirstOrThrow();
  return row.id;
}

/** What Word does to a document it saves: a placeholder's text spread over several runs. */
async function splitRuns(content: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(content);
  const xml = await zip.file('word/document.xml')!.async('string');
  const split = xml.replace(/\{\{([^{}<]{3,})\}\}/g, (_m, key: string) => {
    const mid = Math.floor(key.length / 2);
    return `{{${key.slice(0, mid)}</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${key.slice(mid)}}}`;
  });
  expect(split).not.toBe(xml);
  zip.file('word/document.xml', split);
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('shipped templates', () => {
  it('are the build of templates/source (npm run templates:build)', async () => {
    const fresh = join(dir, 'fresh');
    const files = await buildAllTemplates(fresh);
    expect(files).toHaveLength(16);
    for (const f of files) {
      const name = f.split('/').pop()!;
      expect(await documentXml(readFileSync(f)), name).toBe(await documentXml(readFileSync(join(TEMPLATES_DIR, name))));
    }
  });

  it('use only placeholders their manifest knows, and every required one', async () => {
    for (const m of MANIFESTS) {
      for (const lang of m.languages) {
        const found = await patchDetector({ data: readFileSync(join(TEMPLATES_DIR, `${m.id}.${lang}.docx`)) });
        const known = new Set(placeholdersOf(m));
        expect(found.filter((p) => !known.has(p)), `${m.id}.${lang}`).toEqual([]);
        for (const p of requiredPlaceholders(m)) expect(found, `${m.id}.${lang} lacks ${p}`).toContain(p);
        for (const p of m.passages) expect(found, `${m.id}.${lang} lacks passage ${p.name}`).toContain(`?${p.name}`);
      }
    }
  });
});

describe('custom templates', () => {
  it('refuses a template with an unknown placeholder, naming it and the missing ones', async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun('Ба {{court}}: {{client_name}} {{favourite_colour}}')] })] }] });
    const base64 = (await Packer.toBuffer(doc)).toString('base64');
    const r = await t.call('templates:import', { templateId: 'divorce', language: 'tg', file: { base64 } });
    expect(r.accepted).toBe(false);
    expect(r.unknown).toEqual(['favourite_colour']);
    expect(r.missing).toEqual(expect.arrayContaining(['respondent_name', 'marriage_cert', 'separated_since', 'reason', 'filing_date']));
    expect(r.missing).not.toContain('court');
    const prep = await t.call('filings:prepare', { caseId: await caseOf('divorce'), templateId: 'divorce', language: 'tg' });
    expect(prep.customTemplate).toBe(false);
  });

  it('refuses a template whose passage marker was deleted, naming the passage and the paragraph', async () => {
    // What an administrator does by mistake: the marker of the religious-marriage paragraph deleted
    // while editing a word in it; Word has split the runs. Filled, it would print both marriages.
    const zip = await JSZip.loadAsync(readFileSync(join(TEMPLATES_DIR, 'alimony-share.ru.docx')));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('{{?marriage_religious}}Наш с ответчиком брак');
    zip.file('word/document.xml', xml.replace('{{?marriage_religious}}Наш с ответчиком брак', 'Наш брак'));
    const edited = await splitRuns(await zip.generateAsync({ type: 'nodebuffer' }));
    const r = await t.call('templates:import', { templateId: 'alimony-share', language: 'ru', file: { base64: edited.toString('base64') } });
    expect(r.accepted).toBe(false);
    expect(r.unknown).toEqual([]);
    expect(r.missing).toEqual([]);
    expect(r.passages.map((p) => p.name)).toEqual(['marriage_religious']);
    expect(r.passages[0]!.label.ru).toBe('Только религиозный брак');
    expect(r.passages[0]!.paragraph).toMatch(/^Наш брак заключён только по религиозному обряду/);

    // One of the two paragraphs of a passage: the other keeps its marker, the refusal names the one that lost it.
    const pz = await JSZip.loadAsync(readFileSync(join(TEMPLATES_DIR, 'paternity.tg.docx')));
    const pxml = await pz.file('word/document.xml')!.async('string');
    const last = pxml.lastIndexOf('{{?with_alimony}}');
    expect(pxml.indexOf('{{?with_alimony}}')).toBeLessThan(last);
    pz.file('word/document.xml', pxml.slice(0, last) + pxml.slice(last + '{{?with_alimony}}'.length));
    const r2 = await t.call('templates:import', { templateId: 'paternity', language: 'tg', file: { base64: (await pz.generateAsync({ type: 'nodebuffer' })).toString('base64') } });
    expect(r2.accepted).toBe(false);
    expect(r2.passages).toHaveLength(1);
    expect(r2.passages[0]).toMatchObject({ name: 'with_alimony', label: { tg: 'Бо алимент' } });
    expect(r2.passages[0]!.paragraph).toMatch(/^Ҷавобгар дар таъминоти/);

    // Nothing was stored: filings still use the shipped templates.
    expect((await t.call('filings:prepare', { caseId: await caseOf('alimony_share'), templateId: 'alimony-share', language: 'ru' })).customTemplate).toBe(false);
    const audit = await t.app.requireUnlocked().db.selectFrom('audit_log').select('detail').where('action', '=', 'template.import.refused').execute();
    expect(audit.some((a) => String(a.detail).includes('"passages":1'))).toBe(true);
  });

  it('accepts a template re-saved by LibreOffice with runs split like Word does; it fills; the shipped one can be restored', async () => {
    const [resaved] = libreofficeConvert([join(TEMPLATES_DIR, 'divorce.ru.docx')], 'docx', join(dir, 'lo'));
    const edited = await splitRuns(readFileSync(resaved!));
    const r = await t.call('templates:import', { templateId: 'divorce', language: 'ru', file: { base64: edited.toString('base64') } });
    expect(r).toEqual({ accepted: true, unknown: [], missing: [], passages: [], version: '1.1.0+custom.1' });

    const caseId = await caseOf('divorce');
    const prep = await t.call('filings:prepare', { caseId, templateId: 'divorce', language: 'ru' });
    expect(prep.customTemplate).toBe(true);
    expect(prep.missing).toEqual([]);
    const saved = await t.call('filings:save', { caseId, templateId: 'divorce', language: 'ru' });
    expect(saved.templateVersion).toBe('1.1.0+custom.1');
    const file = await t.call('documents:get', { id: saved.id });
    const text = (await mammoth.extractRawText({ buffer: inlineBytes(file) })).value;
    expect(text).toContain('Холова Зулфия Аминовна');
    expect(text).toContain('Холов Некрӯз Саттарович');
    expect(text).toContain('суд города Гиссар');
    expect(text).not.toContain('{{');

    await t.call('templates:restore', { templateId: 'divorce', language: 'ru' });
    const after = await t.call('filings:prepare', { caseId, templateId: 'divorce', language: 'ru' });
    expect(after.customTemplate).toBe(false);
    expect(after.templateVersion).toBe('1.1.0');
  }, 60_000);
});

describe('saving a filing with the case', () => {
  it('stores the .docx encrypted with its stamps, keeps the answers, and audits without personal data', async () => {
    const caseId = await caseOf('paternity');
    const doc = await t.call('filings:save', { caseId, templateId: 'paternity', language: 'tg', answers: { with_alimony: 'no' } });
    expect(doc).toMatchObject({ caseId, templateId: 'paternity', templateVersion: '1.1.0', language: 'tg', kind: 'filing' });
    expect(doc.legalRefVersion).toMatch(/^[0-9a-f]{16}$/);
    expect(doc.dataHash).toMatch(/^[0-9a-f]{64}$/);
    const list = await t.call('documents:list', { caseId });
    expect(list.map((d) => d.id)).toContain(doc.id);
    const file = await t.call('documents:get', { id: doc.id });
    const bytes = inlineBytes(file);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);
    writeFileSync(join(dir, file.fileName), bytes);
    // The answer changed the passage, and is kept for the next filing of this case.
    const text = (await mammoth.extractRawText({ buffer: bytes })).value;
    expect(text).not.toContain('алимент ситонида шавад');
    const prep = await t.call('filings:prepare', { caseId, templateId: 'paternity', language: 'ru' });
    expect(prep.fields.find((f) => f.name === 'with_alimony')?.value).toBe('no');
    const audit = await t.app.requireUnlocked().db.selectFrom('audit_log').selectAll().where('action', '=', 'document.create').execute();
    expect(audit.length).toBeGreaterThan(0);
    for (const a of audit) expect(a.detail).not.toMatch(/Саидова|Мирзоев/);
  });

  it('refuses to save a filing with missing required fields, naming them', async () => {
    const caseId = await caseOf('divorce');
    const db = t.app.requireUnlocked().db;
    await db.updateTable('cases').set({ details: '{}' }).where('id', '=', caseId).execute();
    const prep = await t.call('filings:prepare', { caseId, templateId: 'divorce', language: 'tg' });
    // With a child, the claim also asks where the child is to live.
    expect(prep.missing).toEqual(['marriage_cert', 'separated_since', 'reason', 'children_residence']);
    const err = await t.call('filings:save', { caseId, templateId: 'divorce', language: 'tg' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CallError);
    expect((err as CallError).info.code).toBe('VALIDATION');
    expect((err as CallError).info.fields?.map((f) => f.path)).toEqual(['answers.marriage_cert', 'answers.separated_since', 'answers.reason', 'answers.children_residence']);
    // A wrong date is reported on its field, in the wizard's terms.
    const bad = await t.call('filings:prepare', { caseId, templateId: 'divorce', language: 'tg', answers: { separated_since: '31.02.2020' } });
    expect(bad.fields.find((f) => f.name === 'separated_since')?.error).toBe('invalidDate');
  });
});

describe('legal references', () => {
  it('flags unconfirmed references until an administrator confirms them; the version changes', async () => {
    const caseId = await caseOf('missing_person');
    const before = await t.call('filings:prepare', { caseId, templateId: 'missing-person', language: 'tg' });
    const ref = before.legalRefs.find((r) => r.key === 'civil_missing')!;
    expect(ref.confirmed).toBe(false);
    expect(before.legalRefs.find((r) => r.key === 'civil_special_proceedings')?.confirmed).toBe(true);
    const refs = await t.call('legalRefs:list', {});
    const id = refs.find((r) => r.key === 'civil_missing')!.id;
    await t.call('legalRefs:confirm', { id, confirmed: true });
    const after = await t.call('filings:prepare', { caseId, templateId: 'missing-person', language: 'tg' });
    expect(after.legalRefs.find((r) => r.key === 'civil_missing')?.confirmed).toBe(true);
    expect(after.legalRefVersion).not.toBe(before.legalRefVersion);
    // Editing the wording makes it unconfirmed again.
    const entry = refs.find((r) => r.key === 'civil_missing')!;
    const saved = await t.call('legalRefs:save', { id, textTg: `${entry.textTg} (таҳрир)`, textRu: entry.textRu, textEn: entry.textEn, value: entry.value, source: entry.source });
    expect(saved.find((r) => r.id === id)?.confirmed).toBe(false);
  });

  it("refuses a fee value that is not a rule, naming the value field, and works a property claim's fee out of an edited one", async () => {
    const refs = await t.call('legalRefs:list', {});
    const fee = refs.find((r) => r.key === 'fee_property_division')!;
    const save = (value: string) => t.call('legalRefs:save', { id: fee.id, textTg: fee.textTg, textRu: fee.textRu, textEn: fee.textEn, value, source: fee.source });
    for (const slip of ['1 050 сомони', '2%; 1%', '3% ≤ 375000']) {
      const err = await save(slip).then(() => null, (e: unknown) => e);
      expect(err, slip).toBeInstanceOf(CallError);
      expect((err as CallError).info).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'value', key: 'feeRule' }] });
    }
    expect((await t.call('legalRefs:list', {})).find((r) => r.id === fee.id)?.value).toBe(fee.value);
    // A flat 1 %: the demo claim of 153 750,25 somoni pays 1 537,50 somoni.
    await save('1%');
    const caseId = await caseOf('property_division');
    const prep = await t.call('filings:prepare', { caseId, templateId: 'property-division', language: 'ru' });
    expect(prep.missing).toEqual([]);
    const html = (await t.call('filings:preview', { caseId, templateId: 'property-division', language: 'ru' })).html;
    // The text as read: without the highlight's tags, figures grouped by plain spaces.
    expect(html.replace(/<[^>]+>/g, '').replace(/\u00a0|&nbsp;/g, ' ')).toContain('в размере 1 537,50 сомони (одна тысяча пятьсот тридцать семь сомони 50 дирамов)');
    await save(fee.value);
  });

  it('seeds confirmed entries only for facts FILINGS.md marks (v)', async () => {
    const refs = await t.call('legalRefs:list', {});
    const byKey = new Map(refs.map((r) => [r.key, r]));
    expect(byKey.get('family_art10')?.confirmed).toBe(true);
    expect(byKey.get('family_art83_1')?.confirmed).toBe(true);
    expect(byKey.get('fee_divorce')).toMatchObject({ confirmed: true, value: '105000' });
    expect(byKey.get('family_art51')?.confirmed).toBe(false);
    expect(byKey.get('fee_alimony')?.confirmed).toBe(false);
    // FILINGS.md gives no fee for a property claim, special proceedings or a birth registration.
    expect(byKey.get('fee_property_division')).toMatchObject({ confirmed: false, value: '3% ≤ 375000; 2% ≤ 750000; 1% ≤ 3750000; 0.5%' });
    expect(byKey.get('fee_special_proceedings')).toMatchObject({ confirmed: false, value: '750' });
    expect(byKey.get('fee_birth_registration')).toMatchObject({ confirmed: false, value: '' });
    expect(byKey.get('alimony_share_2')?.confirmed).toBe(false);
    expect(byKey.get('court_ra_rudaki')?.textTg).toBe('Суди ноҳияи Рӯдакӣ');
  });
});
