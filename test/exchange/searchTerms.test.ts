import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deferSearchTerms, rebuildAllSearchTerms } from '../../db/queries/searchTermsUpkeep';
import { clientIdsByTerm } from '../../db/queries/search';
import { insertRow, tombstoneRow, updateRow } from '../../db/write';
import type { UnlockedDatabase } from '../../electron/app/database';
import { tempDir } from '../support/temp';
import { deliver, installation, pack, pair, write } from './network';
import type { WriteCtx } from '../../db/queries/writeContext';

// An exchange package sets the search terms' triggers aside and writes the terms of the clients it
// touched set-wise at the end (db/queries/searchTermsUpkeep.ts). The receiver must end with exactly the
// terms the sender's triggers made, row by row, for the same clients — after new clients, changed
// names and documents, a removed phone and a phone added — and with its triggers back in place.

let dir: string;
let cp: UnlockedDatabase, team: UnlockedDatabase;
const id = (n: number) => `0190b000-0000-7000-8000-${String(n).padStart(12, '0')}`;

function person(n: number, key: string, doc: string, phones: string[]) {
  return async (ctx: WriteCtx) => {
    await insertRow(ctx.trx, ctx.w, 'clients', {
      id: id(n),
      surname: key.split(' ')[0]!,
      given_name: key.split(' ')[1] ?? '',
      patronymic: '',
      search_name: key,
      search_key: key,
      residence_jamoat: '',
      residence_village: '',
      residence_address: '',
      languages: '[]',
      sex: 'F',
      birth_date: '1990-05-01',
      id_doc_type: 'passport',
      id_doc_number: doc,
      residence_type: 'rural',
      employment: 'unemployed',
      education: 'general_secondary',
      notes: '',
    });
    for (const [k, phone] of phones.entries()) await insertRow(ctx.trx, ctx.w, 'client_phones', { id: `${id(n)}-p${k}`, client_id: id(n), phone, label: '' });
  };
}

function terms(db: UnlockedDatabase): string[] {
  return (db.raw.prepare('SELECT term, client_id FROM client_search_terms ORDER BY term, client_id').all() as { term: string; client_id: string }[]).map((r) => `${r.term} ${r.client_id}`);
}

const triggerNames = (db: UnlockedDatabase) =>
  (db.raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name GLOB 'client_search_terms_*' ORDER BY name`).all() as { name: string }[]).map((t) => t.name);

beforeAll(async () => {
  dir = tempDir('lad-terms-');
  cp = await installation(dir, 'cp', 'contact_point');
  team = await installation(dir, 'team', 'mobile_team');
  await pair(cp, team);
});

afterAll(async () => {
  for (const db of [cp, team]) await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('search terms after an exchange package', () => {
  it('the receiver has exactly the terms the sender made, and finds clients by given name and phone digits', async () => {
    await write(team, async (ctx) => {
      await person(1, 'rahimova zarina', 'A1234567', ['+992939291122'])(ctx);
      await person(2, 'karimova zarina bakhtiyorovna', '', ['+992927001122', '+79161234567'])(ctx);
      // Two phones with the same ending: one term, which must stay while either phone is live.
      await person(3, 'nazarova gulnora', 'FA0098', ['+992935551122', '+992905551122'])(ctx);
    });
    await deliver(await pack(team, cp));
    expect(terms(cp)).toEqual(terms(team));
    expect(terms(cp).length).toBeGreaterThan(30);
    expect((await clientIdsByTerm(cp.db, 'n', 'zarina', 10)).sort()).toEqual([id(1), id(2)]);
    expect(await clientIdsByTerm(cp.db, 'p', '9291', 10)).toEqual([id(1)]);
    expect(triggerNames(cp)).toEqual(triggerNames(team));
    expect(triggerNames(cp)).toHaveLength(6);
  });

  it('changed names and documents, a removed and an added phone end the same on both sides', async () => {
    await write(team, async (ctx) => {
      await updateRow(ctx.trx, ctx.w, 'clients', id(1), { search_key: 'rakhimova zarina', id_doc_number: 'B7654321' });
      await tombstoneRow(ctx.trx, ctx.w, 'client_phones', `${id(3)}-p0`);
      await insertRow(ctx.trx, ctx.w, 'client_phones', { id: `${id(2)}-p9`, client_id: id(2), phone: '+992988776655', label: '' });
    });
    await deliver(await pack(team, cp));
    expect(terms(cp)).toEqual(terms(team));
    expect(terms(cp)).toContain(`p:51122 ${id(3)}`);
    expect(terms(cp)).not.toContain(`d:1234567 ${id(1)}`);
    expect(await clientIdsByTerm(cp.db, 'p', '8877', 10)).toEqual([id(2)]);
  });

  it("the triggers are back after the import: the receiver's own new client gets its terms at once", async () => {
    await write(cp, (ctx) => person(4, 'saidova malika', 'C5550001', ['+992918889900'])(ctx));
    expect(terms(cp).filter((t) => t.endsWith(id(4)))).toEqual(
      expect.arrayContaining([`n:saidova ${id(4)}`, `n:malika ${id(4)}`, `d:C5550001 ${id(4)}`, `p:918889900 ${id(4)}`, `p:9900 ${id(4)}`]),
    );
  });

  it('a client new in a merge and changed later in it, and her phone added and removed, end with the terms she has', async () => {
    // A year's package brings a client's record in one block of messages and her corrections in a later
    // one: the first is noted for the end, the second changes a record whose terms are not written yet.
    await write(cp, async (ctx) => {
      const terms = await deferSearchTerms(ctx.trx);
      await person(5, 'sharipova dilnoza', 'D1110002', ['+992917770011'])(ctx);
      await updateRow(ctx.trx, ctx.w, 'clients', id(5), { search_key: 'sharipova dilshoda', id_doc_number: 'D2220003' });
      await tombstoneRow(ctx.trx, ctx.w, 'client_phones', `${id(5)}-p0`);
      await insertRow(ctx.trx, ctx.w, 'client_phones', { id: `${id(5)}-p1`, client_id: id(5), phone: '+992934440022', label: '' });
      await terms.finish();
    });
    const hers = terms(cp).filter((t) => t.endsWith(id(5)));
    expect(hers).toEqual(expect.arrayContaining([`n:sharipova ${id(5)}`, `n:dilshoda ${id(5)}`, `d:D2220003 ${id(5)}`, `p:934440022 ${id(5)}`]));
    expect(hers.filter((t) => /dilnoza|D1110002|0011/.test(t))).toEqual([]);
    const kept = terms(cp);
    await cp.db.transaction().execute((trx) => rebuildAllSearchTerms(trx));
    expect(terms(cp)).toEqual(kept);
  });

  it('rebuilding every term set-wise gives what the triggers keep', async () => {
    const kept = terms(cp);
    await cp.db.transaction().execute((trx) => rebuildAllSearchTerms(trx));
    expect(terms(cp)).toEqual(kept);
    expect(triggerNames(cp)).toHaveLength(6);
  });
});
