import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postponeHearing, removeHearing, removeTask, saveHearing, saveTask } from '../../db/queries/caseWork';
import type { UnlockedDatabase } from '../../electron/app/database';
import { tempDir } from '../support/temp';
import { deliver, installation, pack, pair, setOwnContactPoint, write } from './network';
import { alimonyCase, client, contactPoint, KHUJAND } from './records';

// A postponement and a removal made at a contact point reach the mobile team's laptop in a full package,
// and the team's own postponement comes back: the postponement history is a synced table, the reasons
// travel with the tombstones, and a postponement by an account that exists only at the sender arrives
// without its author rather than breaking the package.

const CP = '01900000-0000-7000-8000-0000000000c1';
const CLIENT = '01900000-0000-7000-8000-0000000000d1';
const CASE = '01900000-0000-7000-8000-0000000000e1';

let dir: string;
let office: UnlockedDatabase;
let team: UnlockedDatabase;
beforeAll(async () => {
  dir = tempDir('lad-casework-');
  office = await installation(dir, 'office', 'contact_point');
  team = await installation(dir, 'team', 'mobile_team');
  await write(office, contactPoint(CP, 'KHJ', KHUJAND));
  await setOwnContactPoint(office, CP);
  await write(office, client({ id: CLIENT, surname: 'Раҳимова', givenName: 'Гулнора', patronymic: '', birthDate: '1990-05-15', phone: '+992931234567', doc: 'A1234567' }));
  await write(office, alimonyCase(CASE, CLIENT, CP, null, null));
  await pair(office, team);
});
afterAll(async () => {
  await office?.close();
  await team?.close();
  rmSync(dir, { recursive: true, force: true });
});

const hearingsOf = (db: UnlockedDatabase) => db.db.selectFrom('hearings').select(['id', 'date', 'time', 'deleted_at', 'removal_reason']).orderBy('id').execute();
const movesOf = (db: UnlockedDatabase) => db.db.selectFrom('hearing_postponements').select(['id', 'hearing_id', 'from_date', 'to_date', 'reason', 'user_id']).orderBy('to_date').execute();

describe('hearing and task changes between installations', () => {
  it('carry postponements, removals and their reasons both ways', async () => {
    let kept = '';
    let dropped = '';
    let task = '';
    await write(office, async (ctx) => {
      kept = await saveHearing(ctx, { caseId: CASE, date: '2025-03-04', time: '10:00', place: 'Суди шаҳри Хуҷанд', result: '', notes: '' });
      dropped = await saveHearing(ctx, { caseId: CASE, date: '2025-03-05', time: '', place: '', result: '', notes: '' });
      task = await saveTask(ctx, { caseId: CASE, title: 'Маълумотнома аз ҷамоат', dueOn: '2025-03-01', assigneeUserId: ctx.user.id });
    });
    await write(office, (ctx) => postponeHearing(ctx, { id: kept, caseId: CASE, date: '2025-03-18', time: '11:00', reason: 'Ҷавобгар ҳозир нашуд' }));
    await write(office, (ctx) => removeHearing(ctx, dropped, CASE, 'Ду бор ворид шуда буд'));
    await write(office, (ctx) => removeTask(ctx, task, CASE, 'Лозим нашуд'));

    await deliver(await pack(office, team));
    expect(await hearingsOf(team)).toEqual(await hearingsOf(office));
    const arrived = await movesOf(team);
    expect(arrived.map((m) => [m.hearing_id, m.from_date, m.to_date, m.reason])).toEqual([[kept, '2025-03-04', '2025-03-18', 'Ҷавобгар ҳозир нашуд']]);
    // The office's account does not exist on the team's laptop: the move arrives without its author.
    expect(arrived[0]!.user_id).toBeNull();
    const removed = await team.db.selectFrom('tasks').select(['deleted_at', 'removal_reason']).where('id', '=', task).executeTakeFirstOrThrow();
    expect(removed).toMatchObject({ removal_reason: 'Лозим нашуд' });
    expect(removed.deleted_at).not.toBeNull();

    // The team postpones again at the village; the office gets the move and the new date.
    await write(team, (ctx) => postponeHearing(ctx, { id: kept, caseId: CASE, date: '2025-04-01', time: '09:00', reason: 'Суд ба бино кӯчид' }));
    await deliver(await pack(team, office));
    expect((await movesOf(office)).map((m) => [m.from_date, m.to_date])).toEqual([
      ['2025-03-04', '2025-03-18'],
      ['2025-03-18', '2025-04-01'],
    ]);
    expect((await hearingsOf(office)).find((h) => h.id === kept)).toMatchObject({ date: '2025-04-01', time: '09:00', deleted_at: null });
  });
});
