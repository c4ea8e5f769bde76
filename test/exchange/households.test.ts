import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveClient, type ClientFields, type HouseholdFields } from '../../db/queries/clientWrite';
import type { UnlockedDatabase } from '../../electron/app/database';
import { listConflicts } from '../../electron/exchange/conflicts';
import { tempDir } from '../support/temp';
import { deliver, installation, pack, pair, tick, write } from './network';

// A woman comes to two contact points before they exchange, and each records that her husband works
// abroad. Her household is one record at both, merged field by field: neither refuses the other's
// packages from then on, and where they wrote different things the conflict waits for a person.

let dir: string;
let khujand: UnlockedDatabase, isfara: UnlockedDatabase;
let clientId = '';

const her = (household: HouseholdFields | null): ClientFields => ({
  id: clientId || undefined,
  surname: 'Раҳимова',
  givenName: 'Малика',
  patronymic: '',
  sex: 'F',
  birthDate: '1990-05-15',
  age: null,
  idDocType: 'passport',
  idDocNumber: 'A7700112',
  residenceDistrictId: 'su-khujand',
  residenceJamoat: '',
  residenceVillage: '',
  residenceAddress: '',
  residenceType: 'urban',
  languages: [],
  employment: 'unemployed',
  education: 'general_secondary',
  socialAssistance: null,
  consentOn: null,
  consentMethod: null,
  notes: '',
  phones: [],
  household,
  children: [],
});

const household = (country: string, city: string): HouseholdFields => ({
  relation: 'wife',
  migrantSurname: 'Раҳимов',
  migrantGivenName: 'Фирӯз',
  migrantPatronymic: '',
  migrantBirthDate: null,
  country,
  city,
  departureDate: '2021-03-01',
  lastContactDate: null,
  lastRemittanceDate: null,
  maritalStatus: 'registered',
  notes: '',
});

const households = (db: UnlockedDatabase) =>
  db.raw.prepare(`SELECT id, country, city FROM migrant_households WHERE client_id = ? AND deleted_at IS NULL`).all(clientId) as { id: string; country: string; city: string }[];

beforeAll(async () => {
  dir = tempDir('lad-households-');
  khujand = await installation(dir, 'khujand', 'contact_point');
  isfara = await installation(dir, 'isfara', 'contact_point');
  await pair(khujand, isfara);
});

afterAll(async () => {
  for (const db of [khujand, isfara]) await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a household recorded at two contact points before they exchange', () => {
  it('is one record at both, its different fields queued as conflicts, and later packages are applied', async () => {
    // Khujand registers her without a household; Isfara receives her.
    await write(khujand, async (ctx) => {
      clientId = await saveClient(ctx, her(null));
    });
    await deliver(await pack(khujand, isfara));
    // Both then learn that her husband works abroad, and record it before they exchange again.
    tick();
    await write(khujand, (ctx) => saveClient(ctx, her(household('RU', 'Москва'))));
    tick();
    await write(isfara, (ctx) => saveClient(ctx, her(household('RU', 'Екатеринбург'))));
    await deliver(await pack(khujand, isfara));
    await deliver(await pack(isfara, khujand));

    expect(households(khujand)).toHaveLength(1);
    expect(households(khujand)).toEqual(households(isfara));
    // The later record's city stands at both; the other city waits as a conflict where it lost.
    expect(households(khujand)[0]!.city).toBe('Екатеринбург');
    const queued = [...(await listConflicts(khujand.db, false)), ...(await listConflicts(isfara.db, false))];
    expect(queued.map((c) => [c.tableName, c.columnName, c.lostValue])).toContainEqual(['migrant_households', 'city', 'Москва']);

    // And the two go on exchanging: a correction at Khujand reaches Isfara.
    tick();
    await write(khujand, (ctx) => saveClient(ctx, her(household('RU', 'Москва'))));
    await deliver(await pack(khujand, isfara));
    expect(households(isfara)[0]!.city).toBe('Москва');
  });
});
