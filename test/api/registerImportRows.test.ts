import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../../shared/domain/dates';
import { createTestApp, type TestApp } from '../support/testApp';

// A register's rows become the same records as the same facts entered on the screens: the importer
// writes through the screens' repository functions, so the columns, the snapshot, the change messages
// and the audit entries cannot drift apart. Everything happens today, so that "today" (when a status
// changed, when an age was told) is the same day on both paths.

const today = todayIso();
const CONTACT_POINTS = `code,name,district,established_on,address,organisation\nCP-KHJ,Нуқтаи тамоси Хуҷанд,su-khujand,2020-01-01,кӯчаи Ленин 12,Ваколатдор\n`;
const SESSIONS = `code,contact_point,date,district,location,status\nMS-01,CP-KHJ,${today},su-istaravshan,деҳаи Ғозиён,conducted\n`;
const HEADER = 'date,venue,contact_point,mobile_session,surname,given_name,patronymic,sex,birth_date,age,district,phone,migrant_household,husband_country,last_remittance_date,employment,education,residence,issues,advice';
const CONSULTATIONS = [
  HEADER,
  `${today},contact_point,CP-KHJ,,Раҳимова,Малика,Давлатовна,F,1990-03-10,,su-khujand,+992 92 700 11 22,yes,Россия,2024-05-01,homemaker,general_secondary,urban,alimony;alimony_abroad,Аризаи алимент тайёр карда шуд`,
  `${today},mobile_session,CP-KHJ,MS-01,Шарипова,Мадина,,F,,33,su-istaravshan,,no,,,unemployed,primary,rural,land,`,
].join('\n');

const b64 = (text: string) => Buffer.from(text).toString('base64');

const TABLES = ['contact_points', 'mobile_sessions', 'clients', 'client_phones', 'migrant_households', 'consultations', 'consultation_issues', 'consultation_referrals'];

/** Every row of the tables above in the order written, and the change messages and audit actions, with ids and times named by order of appearance. */
function recorded(t: TestApp) {
  const raw = t.app.requireUnlocked().raw;
  const names = new Map<string, string>();
  const name = (v: unknown) => {
    if (typeof v !== 'string' || !/^[0-9a-f]{8}-[0-9a-f]{4}-/.test(v)) return v;
    if (!names.has(v)) names.set(v, `id${names.size + 1}`);
    return names.get(v);
  };
  const BOOKKEEPING = ['created_at', 'updated_at', 'hlc'];
  const rows = Object.fromEntries(
    TABLES.map((table) => [
      table,
      (raw.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all() as Record<string, unknown>[]).map((r) =>
        Object.fromEntries(Object.entries(r).filter(([c]) => !BOOKKEEPING.includes(c)).map(([c, v]) => [c, name(v)])),
      ),
    ]),
  );
  const changes = (raw.prepare(`SELECT table_name, row_id, data FROM change_log WHERE table_name IN (${TABLES.map(() => '?').join(', ')}) ORDER BY seq`).all(...TABLES) as {
    table_name: string;
    row_id: string;
    data: string;
  }[]).map((c) => ({
    table: c.table_name,
    row: name(c.row_id),
    data: Object.fromEntries(Object.entries(JSON.parse(c.data) as Record<string, unknown>).map(([k, v]) => [k, k === 'created_at' ? 'time' : name(v)])),
  }));
  const audit = (raw.prepare(`SELECT action, entity, detail FROM audit_log WHERE entity IN (${TABLES.map(() => '?').join(', ')}) AND action <> 'import.register' ORDER BY seq`).all(...TABLES) as {
    action: string;
    entity: string;
    detail: string;
  }[]).map((a) => ({ action: a.action, entity: a.entity, detail: JSON.parse(a.detail.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, (id) => String(name(id)))) as unknown }));
  return { rows, changes, audit };
}

let imported: TestApp;
let entered: TestApp;
beforeAll(async () => {
  [imported, entered] = await Promise.all([createTestApp(), createTestApp()]);
});
afterAll(async () => {
  await imported?.cleanup();
  await entered?.cleanup();
});

describe('a register imported and the same facts entered on the screens', () => {
  it('write the same rows, snapshots, change messages and audit entries', async () => {
    for (const [kind, text] of [['contact-points', CONTACT_POINTS], ['mobile-sessions', SESSIONS], ['consultations', CONSULTATIONS]] as const) {
      const summary = await imported.call('import:commit', { kind, file: { base64: b64(text) } });
      expect(summary.errors, kind).toEqual([]);
      expect(summary.committed).toBe(true);
    }

    const cp = await entered.call('contactPoints:save', {
      code: 'CP-KHJ', name: 'Нуқтаи тамоси Хуҷанд', districtId: 'su-khujand', establishedOn: '2020-01-01', address: 'кӯчаи Ленин 12', organisation: 'Ваколатдор',
    });
    const session = await entered.call('mobileSessions:save', { code: 'MS-01', contactPointId: cp.id, date: today, districtId: 'su-istaravshan', village: 'деҳаи Ғозиён' });
    await entered.call('mobileSessions:setStatus', { id: session.session.id, status: 'conducted' });
    const malika = await entered.call('clients:save', {
      surname: 'Раҳимова', givenName: 'Малика', patronymic: 'Давлатовна', sex: 'F', birthDate: '1990-03-10', residenceDistrictId: 'su-khujand',
      residenceType: 'urban', employment: 'homemaker', education: 'general_secondary', phones: [{ phone: '+992927001122' }],
      household: { relation: 'wife', country: 'Россия', lastRemittanceDate: '2024-05-01' },
    });
    const madina = await entered.call('clients:save', {
      surname: 'Шарипова', givenName: 'Мадина', sex: 'F', age: 33, residenceDistrictId: 'su-istaravshan', residenceType: 'rural', employment: 'unemployed', education: 'primary',
    });
    await entered.call('consultations:save', {
      clientId: malika.client.id, venueKind: 'contact_point', contactPointId: cp.id, date: today, issues: ['alimony', 'alimony_abroad'], advice: 'Аризаи алимент тайёр карда шуд',
    });
    await entered.call('consultations:save', { clientId: madina.client.id, venueKind: 'mobile_session', mobileSessionId: session.session.id, issues: ['land'] });

    const a = recorded(imported);
    const b = recorded(entered);
    for (const table of TABLES) expect(a.rows[table], table).toEqual(b.rows[table]);
    expect(a.rows.consultations).toHaveLength(2);
    expect(a.rows.consultations![0]).toMatchObject({ snap_migrant_household: 1, snap_abandoned: 1, snap_age_band: '30-44' });
    expect(a.changes).toEqual(b.changes);
    expect(a.audit).toEqual(b.audit);
    const imports = imported.app.requireUnlocked().raw.prepare("SELECT entity FROM audit_log WHERE action = 'import.register' ORDER BY seq").all();
    expect(imports).toEqual([{ entity: 'contact-points' }, { entity: 'mobile-sessions' }, { entity: 'consultations' }]);
  });

  it('refuses a session the register says was conducted on a day still to come, as the session screen does', async () => {
    const tomorrow = new Date(Date.parse(`${today}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const text = `code,contact_point,date,district,status\nMS-02,CP-KHJ,${tomorrow},su-khujand,conducted\nMS-03,CP-KHJ,${tomorrow},su-khujand,planned\n`;
    const summary = await imported.call('import:preview', { kind: 'mobile-sessions', file: { base64: b64(text) } });
    expect(summary.errors).toEqual([{ row: 2, column: 'date', key: 'futureDate', reason: 'the date is in the future' }]);
    const [cp] = await entered.call('contactPoints:list', { includeClosed: true });
    const planned = await entered.call('mobileSessions:save', { code: 'MS-02', contactPointId: cp!.id, date: tomorrow, districtId: 'su-khujand' });
    const refused = await entered.raw('mobileSessions:setStatus', { id: planned.session.id, status: 'conducted' });
    expect(refused.ok).toBe(false);
  });

  it('refuses a consultation at the desk of a contact point not yet open that day, as the consultation screen does', async () => {
    const early = `${HEADER}\n2019-06-01,contact_point,CP-KHJ,,Каримова,Зарина,,F,1995-06-15,,su-khujand,,no,,,employed,higher,urban,land,`;
    const summary = await imported.call('import:preview', { kind: 'consultations', file: { base64: b64(early) } });
    expect(summary.errors).toEqual([{ row: 2, column: 'date', key: 'contactPointClosed', reason: 'the contact point was not open on that date' }]);
    const [cp] = await entered.call('contactPoints:list', { includeClosed: true });
    const client = await entered.call('clients:save', { surname: 'Каримова', givenName: 'Зарина', sex: 'F', birthDate: '1995-06-15' });
    const refused = await entered.raw('consultations:save', { clientId: client.client.id, venueKind: 'contact_point', contactPointId: cp!.id, date: '2019-06-01', issues: ['land'] });
    expect(refused.ok ? null : refused.error.code).toBe('VALIDATION');
  });

  it('says of a date what the forms say: no such day, in the future, before the birth date', async () => {
    const tomorrow = new Date(Date.parse(`${today}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const rows = [
      HEADER,
      `2024-06-01,contact_point,CP-KHJ,,Каримова,Зарина,,F,31.02.1990,,su-khujand,,no,,,employed,higher,urban,land,`,
      `${tomorrow},contact_point,CP-KHJ,,Назарова,Гулнора,,F,1995-06-15,,su-khujand,,no,,,employed,higher,urban,land,`,
      `2024-06-01,contact_point,CP-KHJ,,Саидова,Фарзона,,F,2024-06-02,,su-khujand,,no,,,employed,higher,urban,land,`,
    ].join('\n');
    const summary = await imported.call('import:preview', { kind: 'consultations', file: { base64: b64(rows) } });
    expect(summary.errors.map((e) => ({ row: e.row, column: e.column, key: e.key, params: e.params }))).toEqual([
      { row: 2, column: 'birth_date', key: 'noSuchDay', params: { days: 28 } },
      { row: 3, column: 'date', key: 'futureDate', params: undefined },
      { row: 4, column: 'date', key: 'beforeBirth', params: undefined },
    ]);
    // The screens give the same keys for the same dates.
    const [cp] = await entered.call('contactPoints:list', { includeClosed: true });
    const client = await entered.call('clients:save', { surname: 'Саидова', givenName: 'Фарзона', sex: 'F', birthDate: '2024-06-02' });
    const before = await entered.raw('consultations:save', { clientId: client.client.id, venueKind: 'contact_point', contactPointId: cp!.id, date: '2024-06-01', issues: ['land'] });
    expect(before).toMatchObject({ ok: false, error: { fields: [{ path: 'date', key: 'beforeBirth' }] } });
    const noDay = await entered.raw('clients:save', { surname: 'Каримова', givenName: 'Зарина', sex: 'F', birthDate: '31.02.1990' });
    expect(noDay).toMatchObject({ ok: false, error: { fields: [{ path: 'birthDate', key: 'noSuchDay', params: { days: 28 } }] } });
  });
});
