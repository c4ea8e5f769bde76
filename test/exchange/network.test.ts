import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeIndicators } from '../../db/queries/indicators';
import { updateRow, tombstoneRow } from '../../db/write';
import type { UnlockedDatabase } from '../../electron/app/database';
import { listConflicts, resolveConflict } from '../../electron/exchange/conflicts';
import { openPackage } from '../../electron/exchange/exchangeService';
import type { IndicatorReport } from '../../shared/api/reportTypes';
import { tempDir } from '../support/temp';
import { canonicalDump, deliver, installation, pack, pair, seeded, setOwnContactPoint, write, type Pkg } from './network';
import { alimonyCase, client, consultation, contactPoint, ISTARAVSHAN, KHUJAND, KULOB, session, type Person } from './records';

// The issue's "Done when": three mobile laptops, two contact points and the Ombudsman hub exchange
// packages that are shuffled, duplicated and delayed; a reference database receives every edit as it is
// made. Afterwards both contact points hold exactly the reference's data, the concurrent edits sit in
// the conflict queue, and the hub's national report equals the report computed on the reference.

const id = (n: number) => `0190a000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
const CP_A = id(1);
const CP_B = id(2);
const PERIOD = { from: '2024-01-01', to: '2024-12-31' };

const people: Person[] = [
  { id: id(101), surname: 'Раҳимова', givenName: 'Нилуфар', patronymic: 'Каримовна', birthDate: '1990-03-14', phone: '+992917770101', doc: 'A1234501' },
  { id: id(102), surname: 'Джураева', givenName: 'Мавҷуда', patronymic: '', birthDate: '1987-11-02', phone: '+992917770102', doc: 'A1234502' },
  { id: id(103), surname: 'Саидзода', givenName: 'Гулноза', patronymic: 'Аҳмадовна', birthDate: '1995-06-30', phone: '+992917770103', doc: 'A1234503' },
  { id: id(104), surname: 'Қодирова', givenName: 'Зарина', patronymic: 'Ҳасановна', birthDate: '1979-01-21', phone: '+992917770104', doc: 'A1234504' },
  { id: id(105), surname: 'Шарифӣ', givenName: 'Мунира', patronymic: '', birthDate: '1992-09-09', phone: '+992917770105', doc: 'A1234505' },
  { id: id(106), surname: 'Назарова', givenName: 'Фарзона', patronymic: 'Иброҳимовна', birthDate: '1985-04-17', phone: '+992917770106', doc: 'A1234506' },
  { id: id(107), surname: 'Азимова', givenName: 'Дилором', patronymic: '', birthDate: '1999-12-12', phone: '+992917770107', doc: 'A1234507' },
];

let dir: string;
let ref: UnlockedDatabase, cpA: UnlockedDatabase, cpB: UnlockedDatabase, hub: UnlockedDatabase;
let t1: UnlockedDatabase, t2: UnlockedDatabase, t3: UnlockedDatabase;
const all = () => [ref, cpA, cpB, hub, t1, t2, t3];

/** The same edit on an installation and on the reference database. */
async function edit(on: UnlockedDatabase, fn: Parameters<typeof write>[1]) {
  await write(on, fn);
  await write(ref, fn);
}

/** Both directions of every link; with `chaos`, the packages are shuffled, some delivered twice and one held back. */
const LINKS = () => [[cpA, t1], [cpA, t2], [cpB, t3], [cpA, cpB]] as const;
let heldBack: Pkg[] = [];
async function round(rand: () => number, chaos: boolean) {
  const pkgs: Pkg[] = [];
  for (const [a, b] of LINKS()) pkgs.push(await pack(a, b), await pack(b, a));
  let batch = [...heldBack, ...pkgs];
  heldBack = [];
  if (chaos) {
    batch = batch.flatMap((p) => (rand() < 0.3 ? [p, p] : [p]));
    for (let i = batch.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [batch[i], batch[j]] = [batch[j]!, batch[i]!];
    }
    heldBack = batch.splice(0, 1);
  }
  for (const p of batch) await deliver(p);
}

function withoutGenerated(r: IndicatorReport) {
  const { generated: _generated, ...rest } = r;
  return rest;
}

beforeAll(async () => {
  dir = tempDir('lad-exchange-');
  ref = await installation(dir, 'reference', 'contact_point');
  cpA = await installation(dir, 'cp-kulob', 'contact_point');
  cpB = await installation(dir, 'cp-khujand', 'contact_point');
  hub = await installation(dir, 'ombudsman', 'hub');
  t1 = await installation(dir, 'team-1', 'mobile_team');
  t2 = await installation(dir, 'team-2', 'mobile_team');
  t3 = await installation(dir, 'team-3', 'mobile_team');
  await edit(cpA, contactPoint(CP_A, 'KLB', KULOB));
  await edit(cpB, contactPoint(CP_B, 'KHJ', KHUJAND));
  await setOwnContactPoint(cpA, CP_A);
  await setOwnContactPoint(cpB, CP_B);
  for (const [a, b] of LINKS()) await pair(a, b);
  await pair(cpA, hub);
  await pair(cpB, hub);
  // The first contact point of the network makes the pseudonym secret and hands it to the other.
  await deliver(await pack(cpA, cpB, 'networkKey'));
});

afterAll(async () => {
  for (const db of all()) await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('three mobile teams, two contact points and the hub', () => {
  it('converge to the reference, queue the conflicts and give the hub the reference report', async () => {
    const rand = seeded(20240611);
    await round(rand, false); // the teams receive their contact point's data

    // Round 1: every installation records on its own.
    await edit(t1, session(id(201), 'KLB-S1', CP_A, '2024-03-05', KULOB));
    await edit(t1, client(people[0]!));
    await edit(t1, client(people[1]!));
    await edit(t1, consultation({ id: id(301), clientId: id(101), date: '2024-03-05', cpId: CP_A, sessionId: id(201), districtId: KULOB, issues: ['alimony', 'birth_certificate'] }));
    await edit(t1, consultation({ id: id(302), clientId: id(102), date: '2024-03-05', cpId: CP_A, sessionId: id(201), districtId: KULOB, issues: ['paternity'], abandoned: 0 }));
    await edit(t2, session(id(202), 'KLB-S2', CP_A, '2024-04-10', KULOB));
    await edit(t2, client(people[2]!));
    await edit(t2, consultation({ id: id(303), clientId: id(103), date: '2024-04-10', cpId: CP_A, sessionId: id(202), districtId: KULOB, issues: ['alimony'] }));
    await edit(t3, session(id(203), 'KHJ-S1', CP_B, '2024-05-20', ISTARAVSHAN));
    await edit(t3, client(people[3]!));
    await edit(t3, client(people[4]!));
    await edit(t3, consultation({ id: id(304), clientId: id(104), date: '2024-05-20', cpId: CP_B, sessionId: id(203), districtId: ISTARAVSHAN, issues: ['land'] }));
    await edit(t3, consultation({ id: id(305), clientId: id(105), date: '2024-05-20', cpId: CP_B, sessionId: id(203), districtId: ISTARAVSHAN, issues: [] }));
    await edit(cpA, client(people[5]!));
    await edit(cpA, alimonyCase(id(401), id(106), CP_A, '2024-09-30', 'granted'));
    await edit(cpA, consultation({ id: id(306), clientId: id(106), date: '2024-06-01', cpId: CP_A, districtId: KULOB, issues: ['alimony_abroad'], caseId: id(401) }));
    await edit(cpB, client(people[6]!));
    await edit(cpB, consultation({ id: id(307), clientId: id(107), date: '2024-07-15', cpId: CP_B, districtId: KHUJAND, issues: ['alimony'] }));

    for (let i = 0; i < 3; i++) await round(rand, true);

    // Round 2: concurrent edits of the same fields on both sides of a link, and a deletion.
    await edit(t1, (ctx) => updateRow(ctx.trx, ctx.w, 'consultations', id(301), { kind: 'psychological' }));
    await edit(cpA, (ctx) => updateRow(ctx.trx, ctx.w, 'consultations', id(301), { kind: 'medical' }));
    await edit(cpA, (ctx) => updateRow(ctx.trx, ctx.w, 'clients', id(104), { residence_village: 'Ғончӣ' }));
    await edit(t3, (ctx) => updateRow(ctx.trx, ctx.w, 'clients', id(104), { residence_village: 'Шаҳристон' }));
    await edit(t2, (ctx) => tombstoneRow(ctx.trx, ctx.w, 'consultations', id(303)));
    // Woman 1, seen by team 1 for contact point A, also comes to contact point B: counted once.
    await edit(cpB, consultation({ id: id(308), clientId: id(101), date: '2024-08-02', cpId: CP_B, districtId: KHUJAND, issues: ['alimony'] }));

    for (let i = 0; i < 3; i++) await round(rand, true);
    for (let i = 0; i < 4; i++) await round(rand, false);

    const expected = await canonicalDump(ref.db);
    expect(expected.consultations).toHaveLength(8);
    expect(await canonicalDump(cpA.db)).toEqual(expected);
    expect(await canonicalDump(cpB.db)).toEqual(expected);
    expect(await canonicalDump(t1.db)).toEqual(expected);
    // The report's facts, rebuilt after each merge (migration 0009), give every installation the reference's report.
    const reference = withoutGenerated(await computeIndicators(ref.db, PERIOD));
    for (const x of [cpA, cpB, t1, t3]) expect(withoutGenerated(await computeIndicators(x.db, PERIOD))).toEqual(reference);
    const c301 = expected.consultations!.find((c) => (c as { id: string }).id === id(301)) as { kind: string };
    expect(c301.kind).toBe('medical'); // the later of the two concurrent edits

    // The losing values wait in the queue of the installations where the concurrent edits met.
    const queueA = await listConflicts(cpA.db, false);
    expect(queueA).toEqual(expect.arrayContaining([expect.objectContaining({ rowId: id(301), columnName: 'kind', keptValue: 'medical', lostValue: 'psychological' })]));
    const queueB = await listConflicts(cpB.db, false);
    const village = queueB.find((c) => c.rowId === id(104) && c.columnName === 'residence_village');
    expect(village).toMatchObject({ keptValue: 'Шаҳристон', lostValue: 'Ғончӣ' });

    // A person swaps the village conflict at contact point B; the swap travels like any edit.
    await write(cpB, (ctx) => resolveConflict(ctx, village!.id, 'swap', new Date().toISOString()));
    await write(ref, (ctx) => updateRow(ctx.trx, ctx.w, 'clients', id(104), { residence_village: 'Ғончӣ' }));
    expect((await listConflicts(cpB.db, false)).some((c) => c.id === village!.id)).toBe(false);
    for (let i = 0; i < 3; i++) await round(rand, false);
    const afterSwap = await canonicalDump(ref.db);
    expect(await canonicalDump(cpA.db)).toEqual(afterSwap);
    expect(await canonicalDump(t3.db)).toEqual(afterSwap);

    // The hub: a statistics package per contact point; the national report equals the reference's.
    await deliver(await pack(cpA, hub, 'stats', PERIOD));
    const statsB = await pack(cpB, hub, 'stats', PERIOD);
    await deliver(statsB);
    const national = withoutGenerated(await computeIndicators(hub.db, PERIOD));
    expect(national).toEqual(withoutGenerated(await computeIndicators(ref.db, PERIOD)));
    expect(national.indicators['1.2.4'].womenFromMigrantHouseholds).toBe(4);
    expect(national.indicators['1.2.3'].womenFromMigrantHouseholds).toBe(3);
    expect(national.indicators['2.2.1.b'].resolvedSuccessfully).toBe(1);
    for (const filter of [{ region: 'TJ-SU' }, { contactPointCode: 'KLB' }, { districtId: KULOB }]) {
      expect(withoutGenerated(await computeIndicators(hub.db, { ...PERIOD, ...filter }))).toEqual(withoutGenerated(await computeIndicators(ref.db, { ...PERIOD, ...filter })));
    }

    // Idempotent: the same file again changes nothing; a re-sent period replaces the earlier facts.
    expect((await deliver(statsB)).alreadyApplied).toBe(true);
    await deliver(await pack(cpB, hub, 'stats', PERIOD));
    expect(withoutGenerated(await computeIndicators(hub.db, PERIOD))).toEqual(national);
    const submissions = await hub.db.selectFrom('applied_packages').selectAll().where('kind', '=', 'stats').execute();
    expect(submissions).toHaveLength(3);

    // The decrypted statistics package holds none of the women's names, phones or document numbers.
    const opened = await openPackage(hub, (await pack(cpA, hub, 'stats', PERIOD)).file);
    const bytes = Buffer.from(JSON.stringify(opened.payload), 'utf8');
    for (const p of people) {
      for (const secret of [p.surname, p.givenName, p.phone, p.doc, p.phone.slice(4)]) expect(bytes.includes(Buffer.from(secret, 'utf8'))).toBe(false);
    }
    for (const text of ['Раҳимов', 'Фирӯз', 'Ғозималик', 'алимент', 'Шавҳари', 'Ҳакимова']) expect(bytes.includes(Buffer.from(text, 'utf8'))).toBe(false);
    expect((opened.payload as { consultations: unknown[] }).consultations.length).toBeGreaterThan(0);
  });
});
