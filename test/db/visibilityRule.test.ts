import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseVisibleSql, clientVisibleSql } from '../../db/queries/visibility';
import { SENSITIVE_KINDS } from '../../shared/domain/enums';
import { maySeeCase, maySeeClient, type Viewer } from '../../shared/domain/sensitivity';
import { ownContactPoint } from '../support/caseFixtures';
import { createTestApp, type TestApp } from '../support/testApp';

// The visibility of sensitive records is one rule written twice: shared/domain/sensitivity.ts for the
// screens and the services, db/queries/visibility.ts as SQL for every list and search. Over every
// combination of marks, recorders and responsible lawyers, the two must give the same answer.

const PASS = 'a long enough password 1';
let t: TestApp;
const viewers: Viewer[] = [];

beforeAll(async () => {
  t = await createTestApp();
  await ownContactPoint(t);
  const a = await t.call('users:create', { username: 'lawyer.a', displayName: 'A', role: 'lawyer', password: PASS, passwordConfirm: PASS });
  const b = await t.call('users:create', { username: 'lawyer.b', displayName: 'B', role: 'paralegal', password: PASS, passwordConfirm: PASS });
  const admin = t.app.requireUnlocked().user;
  viewers.push({ userId: admin.id, role: 'administrator' }, { userId: a.id, role: 'lawyer' }, { userId: b.id, role: 'paralegal' });
  const db = t.app.requireUnlocked().db;
  for (const recorder of [null, a.id, b.id]) {
    for (const clientMark of [null, SENSITIVE_KINDS[0]]) {
      for (const caseMark of [null, SENSITIVE_KINDS[2]]) {
        for (const responsible of [null, a.id, b.id]) {
          const client = (await t.call('clients:save', { surname: 'Тестова', givenName: 'Нигина', sex: 'F', birthDate: '1990-01-01', phones: [], household: null, children: [] })).client.id;
          const kase = (await t.call('cases:save', { clientId: client, caseType: 'paternity', responsibleUserId: responsible })).case.id;
          // Marks and recorders set directly: the channels' own checks (a responsible lawyer first) are not the subject here.
          await db.updateTable('clients').set({ sensitive: clientMark, recorded_by_user_id: recorder }).where('id', '=', client).execute();
          await db.updateTable('cases').set({ sensitive: caseMark }).where('id', '=', kase).execute();
        }
      }
    }
  }
});
afterAll(async () => t?.cleanup());

describe('the visibility rule', () => {
  it('is the same in SQL as in shared/domain/sensitivity.ts for every combination', async () => {
    const db = t.app.requireUnlocked().db;
    let compared = 0;
    for (const viewer of viewers) {
      const rows = await db
        .selectFrom('cases as k')
        .innerJoin('clients as c', 'c.id', 'k.client_id')
        .select(['k.id', 'k.sensitive as case_mark', 'k.responsible_user_id', 'c.id as client_id', 'c.sensitive as client_mark', 'c.recorded_by_user_id'])
        .select(caseVisibleSql(viewer).as('case_seen'))
        .select(clientVisibleSql(viewer).as('client_seen'))
        .execute();
      for (const r of rows) {
        const lawyers = rows.filter((o) => o.client_id === r.client_id).map((o) => o.responsible_user_id);
        const client = { sensitive: r.client_mark, recordedByUserId: r.recorded_by_user_id, caseLawyerIds: lawyers };
        expect(Number(r.client_seen) === 1, `client ${JSON.stringify(client)} to ${viewer.role}`).toBe(maySeeClient(viewer, client));
        expect(Number(r.case_seen) === 1, `case of ${JSON.stringify(client)} to ${viewer.role}`).toBe(
          maySeeCase(viewer, { sensitive: r.case_mark, responsibleUserId: r.responsible_user_id }, client),
        );
        compared += 1;
      }
    }
    expect(compared).toBe(3 * 36);
    // The combinations reach both answers for the lawyers: the comparison is not trivially all-true.
    const seen = await db.selectFrom('cases as k').innerJoin('clients as c', 'c.id', 'k.client_id').select(caseVisibleSql(viewers[1]!).as('v')).execute();
    expect(new Set(seen.map((s) => Number(s.v)))).toEqual(new Set([0, 1]));
  });
});
