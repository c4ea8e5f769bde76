import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFiling } from '../../electron/documents/filings';
import type { TestApp } from '../support/testApp';
import { seededApp } from './support';

// The client's address in a court filing names the village, the jamoat and the district once each, in
// the filing's language, also for a record typed before the forms showed those words (the village
// saved as «деҳаи деҳаи Гулакандоз», the jamoat as «Ҷамоати Ҳамдамов»).

let t: TestApp;
const texts = new Map<string, string>();

/** The filing's text as Word shows it: the runs of each paragraph joined, one paragraph a line. */
async function docxText(content: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(content)).file('word/document.xml')!.async('string');
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

beforeAll(async () => {
  ({ t } = await seededApp());
  const db = t.app.requireUnlocked().db;
  const c = await db.selectFrom('cases').select(['id', 'client_id']).where('case_type', '=', 'alimony_share').executeTakeFirstOrThrow();
  // An old record, written before the names were stored bare (straight into the table, as an older version did).
  await db
    .updateTable('clients')
    .set({ residence_village: 'деҳаи деҳаи Гулакандоз', residence_jamoat: 'Ҷамоати Ҳамдамов', residence_district_id: 'su-jabbor-rasulov', residence_address: '' })
    .where('id', '=', c.client_id)
    .execute();
  for (const lang of ['tg', 'ru'] as const) {
    const g = await generateFiling(db, { caseId: c.id, templateId: 'alimony-share', language: lang, today: '2024-04-10' }, { allowMissing: true });
    texts.set(lang, await docxText(g.content));
  }
}, 120_000);
afterAll(async () => t?.cleanup());

describe('the address in a filing', () => {
  it('Tajik: each word once', () => {
    const text = texts.get('tg')!;
    expect(text).toContain('деҳаи Гулакандоз, ҷамоати Ҳамдамов, ноҳияи Ҷаббор Расулов');
    expect(text).not.toMatch(/деҳаи\s+деҳаи/i);
    expect(text).not.toMatch(/ҷамоати\s+ҷамоати/i);
  });

  it('Russian: the Russian words once, no Tajik word left before the names', () => {
    const text = texts.get('ru')!;
    expect(text).toContain('с. Гулакандоз, джамоат Хамдамов, Джаббар-Расуловский район');
    expect(text).not.toMatch(/с\.\s*деҳаи|джамоат\s+ҷамоати|деҳаи|ҷамоати/i);
  });
});
