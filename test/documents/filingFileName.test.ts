import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFiling } from '../../electron/documents/filings';
import { MANIFESTS } from '../../templates/manifests';
import type { TestApp } from '../support/testApp';
import { seededApp } from './support';

// A saved filing is named in its own language: its title, the client's surname and the day
// («Исковое заявление … – Раҳимова – 2026-12-03.docx»), never the template's code ("alimony-share …").

let t: TestApp;

beforeAll(async () => {
  ({ t } = await seededApp());
}, 120_000);

afterAll(async () => {
  await t?.cleanup();
});

describe('file names of filings', () => {
  it('name the filing by its title in the language of the filing', async () => {
    const db = t.app.requireUnlocked().db;
    const c = await db.selectFrom('cases').innerJoin('clients', 'clients.id', 'cases.client_id').select(['cases.id', 'clients.surname']).where('case_type', '=', 'alimony_share').executeTakeFirstOrThrow();
    const manifest = MANIFESTS.find((m) => m.id === 'alimony-share')!;
    for (const lang of ['tg', 'ru'] as const) {
      const g = await generateFiling(db, { caseId: c.id, templateId: 'alimony-share', language: lang, today: '2026-12-03' });
      expect(g.fileName).toBe(`${manifest.title[lang]} – ${c.surname} – 2026-12-03.docx`);
      expect(g.fileName).not.toContain('alimony');
    }
  });
});
