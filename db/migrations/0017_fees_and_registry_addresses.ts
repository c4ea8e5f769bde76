import type { Kysely } from 'kysely';
import { registryAddressRefKey } from '../../shared/reference/courts';
import { insertSeededRefs } from './0002_legal_references';
import { courtAddressSeed } from './0014_court_addresses';

// A state-fee entry for every filing that had none, so each filing's fee line is worked out from the
// reference data (the value's rule: shared/domain/stateFee.ts), and the address of each district's civil
// registry office beside its name, for the birth-registration application's header. FILINGS.md gives
// none of these, so all are unconfirmed: the wizard and the document say "check against current law"
// until an administrator checks and confirms them (Filings → Legal references).
// Seeded like 0002: ids from the key, the lowest stamp, no change_log rows.

interface Ref {
  key: string;
  tg: string;
  ru: string;
  en: string;
  value: string;
  source: string;
}

const FEES: Ref[] = [
  {
    key: 'fee_property_division',
    tg: 'боҷи давлатӣ аз аризаи даъвогии дорои хусусияти молумулкӣ (аз рӯи нархи даъво)',
    ru: 'государственная пошлина с искового заявления имущественного характера (от цены иска)',
    en: "state fee on a property claim (a share of the claim's value)",
    // 3 % of a claim up to 3 750 somoni, 2 % up to 7 500, 1 % up to 37 500, 0.5 % above.
    value: '3% ≤ 375000; 2% ≤ 750000; 1% ≤ 3750000; 0.5%',
    source:
      'FILINGS.md gives no rule for a property claim. Bands of art. 4 of the Law "On State Fee" as worded in 2005 (3 %, 2 %, 1 % and 0.5 % of the claim\'s value up to 50, 100, 500 and over 500 minimum wages), the bounds here in calculation indicators of 75 somoni (the unit of the 2025 divorce fees): rates and bounds to check against current law',
  },
  {
    key: 'fee_special_proceedings',
    tg: 'боҷи давлатӣ аз аризаҳо оид ба парвандаҳои пешбурди алоҳида',
    ru: 'государственная пошлина с заявлений по делам особого производства',
    en: 'state fee on an application in special proceedings',
    value: '750',
    source:
      'FILINGS.md gives no fee for special proceedings. 10 % of one calculation indicator (75 somoni), as the 2005 wording of art. 4 charged non-property claims of individuals 10 % of the minimum wage: to check against current law',
  },
  {
    key: 'fee_birth_registration',
    tg: 'барои бақайдгирии давлатии таваллуд боҷи давлатӣ ситонида намешавад',
    ru: 'за государственную регистрацию рождения государственная пошлина не взимается',
    en: 'no state fee is charged for registering a birth',
    value: '',
    source: 'FILINGS.md gives no fee for birth registration; the usual post-Soviet rule (free of charge), not confirmed for Tajikistan',
  },
];

/** The registry office's address: the town or district of the court's address (0014), street to enter. */
export function registryAddressSeed(): Ref[] {
  return courtAddressSeed().map((c) => {
    const districtId = c.key.slice('court_address_'.length).replace(/_/g, '-');
    return {
      key: registryAddressRefKey(districtId),
      tg: c.tg,
      ru: c.ru,
      en: c.en.replace('(court address)', '(civil registry address)'),
      value: '',
      source: 'Town or district only: the street address of the civil registry office is to be entered and confirmed',
    };
  });
}

export function feeSeed(): Ref[] {
  return FEES;
}

export async function up(db: Kysely<any>): Promise<void> {
  await insertSeededRefs(db, [...FEES, ...registryAddressSeed()]);
}
