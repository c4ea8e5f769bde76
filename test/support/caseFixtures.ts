import type { ChannelInput } from '../../shared/api/contract';
import type { TestApp } from './testApp';

// Small builders for the case-tracking tests: a contact point of this installation and clients.

export async function ownContactPoint(t: TestApp, code = 'KH-01'): Promise<string> {
  const cp = await t.call('contactPoints:save', {
    code,
    name: 'Нуқтаи ёрии ҳуқуқии Хуҷанд',
    districtId: 'su-khujand',
    establishedOn: '2020-01-01',
  });
  await t.call('contactPoints:setOwn', { contactPointId: cp.id });
  return cp.id;
}

export function clientInput(overrides: Partial<ChannelInput<'clients:save'>> = {}): ChannelInput<'clients:save'> {
  return {
    surname: 'Раҳимова',
    givenName: 'Малика',
    patronymic: 'Ҷамшедовна',
    sex: 'F',
    birthDate: '1990-05-15',
    phones: [{ phone: '+992 93 123 45 67' }],
    household: null,
    children: [],
    ...overrides,
  };
}

export async function newClient(t: TestApp, overrides: Partial<ChannelInput<'clients:save'>> = {}): Promise<string> {
  return (await t.call('clients:save', clientInput(overrides))).client.id;
}

export async function consult(t: TestApp, clientId: string, date: string, extra: Partial<ChannelInput<'consultations:save'>> = {}) {
  return t.call('consultations:save', { clientId, date, venueKind: 'contact_point', issues: ['alimony'], ...extra });
}
