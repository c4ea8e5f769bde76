import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unlockDatabase, type UnlockedDatabase } from '../../electron/app/database';
import { tombstoneRow, updateRow } from '../../db/write';
import { importPackage } from '../../electron/exchange/exchangeService';
import { importPairing, listPeers, pairingFile } from '../../electron/exchange/identity';
import { PackageRefused } from '../../electron/exchange/refusal';
import type { ConflictItem } from '../../shared/api/exchangeTypes';
import { runCliCaptured as cli } from '../support/cli';
import { tempDir } from '../support/temp';
import { canonicalDump, deliver, installation, pack, pair, write } from './network';
import { client } from './records';

// Un-pairing a peer (a stolen laptop) from the command line: its packages are refused from then on and
// write nothing; pairing again (the same installation, or its replacement) trusts it anew. And the
// conflict queue on the command line, including a conflict whose record was deleted since.

const PASS = 'correct horse battery staple';
let dir: string;
beforeAll(() => {
  dir = tempDir('lad-unpair-');
  process.env.LEGAL_AID_PASSPHRASE = PASS;
});
afterAll(() => {
  delete process.env.LEGAL_AID_PASSPHRASE;
  rmSync(dir, { recursive: true, force: true });
});

const person = (n: number) => ({
  id: `0190d000-0000-7000-8000-00000000000${n}`,
  surname: 'Назарова',
  givenName: `Гулнора${n}`,
  patronymic: '',
  birthDate: `199${n}-02-03`,
  phone: `+99291777010${n}`,
  doc: `B${n}`,
});

async function snapshot(db: UnlockedDatabase) {
  const count = async (t: 'change_log' | 'applied_packages' | 'sync_conflicts') => Number((await db.db.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { data: await canonicalDump(db.db), log: await count('change_log'), applied: await count('applied_packages'), conflicts: await count('sync_conflicts') };
}

describe('un-pairing a peer', () => {
  it("refuses the un-paired installation's packages, writes nothing, and trusts it again once paired again", async () => {
    const cp = await installation(dir, 'cp', 'contact_point');
    const team = await installation(dir, 'team', 'mobile_team');
    await pair(cp, team);
    await write(team, client(person(1)));
    const before = await pack(team, cp);

    const r = await cli(['unpair', '--db', join(dir, 'cp.db'), '--peer', 'team']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/"team" .* is no longer paired/);
    expect(await listPeers(cp.db)).toEqual([]);
    const audit = await cp.db.selectFrom('audit_log').select(['action', 'entity_id']).where('action', '=', 'exchange.unpair').execute();
    expect(audit).toEqual([{ action: 'exchange.unpair', entity_id: team.installation.id }]);

    // A package made before the un-pairing, or after it, is refused with the reason, and nothing is written.
    const state = await snapshot(cp);
    const refusal = await importPackage(cp, before.file).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refusal).toBeInstanceOf(PackageRefused);
    expect((refusal as PackageRefused).reason).toBe('unpaired');
    expect(await snapshot(cp)).toEqual(state);
    // The command line says so too.
    const pkgPath = join(dir, 'from-team.ladpkg');
    writeFileSync(pkgPath, before.file);
    const viaCli = await cli(['import-package', '--db', join(dir, 'cp.db'), pkgPath]);
    expect(viaCli.code).toBe(1);
    expect(viaCli.err).toMatch(/un-paired.*\[unpaired\]/);
    expect(await snapshot(cp)).toEqual(state);
    // Nothing can be made for it either.
    await expect(pack(cp, team)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Un-pairing what is not paired says so.
    expect((await cli(['unpair', '--db', join(dir, 'cp.db'), '--peer', 'team'])).code).toBe(2);

    // Replacing it: pairing again trusts it anew; its package is applied.
    await write(cp, async (ctx) => importPairing(ctx, JSON.stringify(await pairingFile(team.db))));
    expect((await listPeers(cp.db)).map((p) => p.name)).toEqual(['team']);
    expect((await deliver(before)).counts.applied).toBeGreaterThan(0);
    expect((await canonicalDump(cp.db)).clients).toHaveLength(1);
    await cp.close();
    await team.close();
  }, 120_000);
});

describe('the conflict queue on the command line', () => {
  it('lists conflicts, keeps "theirs" by writing the other value again, and closes one whose record was deleted since', async () => {
    const cp = await installation(dir, 'cp2', 'contact_point');
    const team = await installation(dir, 'team2', 'mobile_team');
    await pair(cp, team);
    await write(team, client(person(2)));
    await write(team, client(person(3)));
    await deliver(await pack(team, cp));
    await deliver(await pack(cp, team));
    // Both edit the same field of both women; the contact point's edits are the later ones.
    for (const p of [person(2), person(3)]) {
      await write(team, (ctx) => updateRow(ctx.trx, ctx.w, 'clients', p.id, { residence_village: 'Ғончӣ' }));
      await write(cp, (ctx) => updateRow(ctx.trx, ctx.w, 'clients', p.id, { residence_village: 'Шаҳристон' }));
    }
    await deliver(await pack(team, cp));
    // Since the conflict, the second woman's record was deleted at the contact point.
    await write(cp, (ctx) => tombstoneRow(ctx.trx, ctx.w, 'clients', person(3).id));
    const db = join(dir, 'cp2.db');
    await cp.close();

    const listed = await cli(['conflicts', '--db', db, '--format', 'json']);
    expect(listed.code, listed.err).toBe(0);
    const queue = JSON.parse(listed.out) as ConflictItem[];
    const of = (p: { id: string }) => queue.find((c) => c.rowId === p.id && c.columnName === 'residence_village')!;
    expect(of(person(2))).toMatchObject({ keptValue: 'Шаҳристон', lostValue: 'Ғончӣ', recordDeleted: false });
    expect(of(person(3))).toMatchObject({ keptValue: 'Шаҳристон', lostValue: 'Ғончӣ', recordDeleted: true });
    const text = await cli(['conflicts', '--db', db]);
    // Named as the Exchange screen names them: what the record is and the form's label of the field.
    expect(text.out).toContain(`${of(person(2)).id}  Client ${person(2).id}: "Village"`);
    expect(text.out).not.toContain('residence_village');
    expect(text.out).toMatch(/kept: {2}"Шаҳристон" \(made here\)/);
    expect(text.out).toMatch(/other: "Ғончӣ" \(from elsewhere\)/);
    expect(text.out).toMatch(/\(record deleted since\)/);

    // "Theirs" is the team's value: written again as a new change here.
    const swapped = await cli(['conflicts', '--db', db, '--resolve', of(person(2)).id, '--keep', 'theirs']);
    expect(swapped.code, swapped.err).toBe(0);
    expect(swapped.out).toContain(`"Village" of Client ${person(2).id} now holds the other value again`);
    // On a record deleted since, the deletion stands and the conflict is closed with a note.
    const closed = await cli(['conflicts', '--db', db, '--resolve', of(person(3)).id, '--keep', 'theirs']);
    expect(closed.code, closed.err).toBe(0);
    expect(closed.out).toMatch(/was deleted since, and the deletion stands/);

    expect(JSON.parse((await cli(['conflicts', '--db', db, '--format', 'json'])).out)).toEqual([]);
    const all = JSON.parse((await cli(['conflicts', '--db', db, '--all', '--format', 'json'])).out) as ConflictItem[];
    expect(all.map((c) => [c.rowId, c.resolution]).sort()).toEqual([
      [person(2).id, 'swap'],
      [person(3).id, 'recordDeleted'],
    ]);
    const reopened = await unlockDatabase(db, 'admin', PASS);
    try {
      const rows = await reopened.db.selectFrom('clients').select(['id', 'residence_village', 'deleted_at']).orderBy('id').execute();
      expect(rows.map((r) => [r.residence_village, r.deleted_at !== null])).toEqual([
        ['Ғончӣ', false],
        ['Шаҳристон', true],
      ]);
    } finally {
      await reopened.close();
    }
    // Resolving twice is refused.
    expect((await cli(['conflicts', '--db', db, '--resolve', of(person(2)).id, '--keep', 'mine'])).code).toBe(1);
    await team.close();
  }, 120_000);
});
