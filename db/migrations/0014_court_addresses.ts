import type { Kysely } from 'kysely';
import divisions from '../../shared/reference/tajikistan-admin-divisions.json';
import { courtAddressRefKey } from '../../shared/reference/courts';
import { SEED_HLC, seedId } from './0002_legal_references';

// The address of each district and city court, in Tajik and Russian, beside the court's name (0002).
// No published list of the courts' street addresses was at hand, so each entry holds only the town or
// district the court sits in and is unconfirmed: the wizard and the document say "check against current
// law" until an administrator enters the street address and confirms it (Filings → Legal references).
// Seeded like 0002: ids from the key, the lowest stamp, no change_log rows.

interface Division {
  id: string;
  kind: string;
  name: { tg: string; ru: string; en: string };
}

const SOURCE = 'Town or district only: the street address of the court is to be entered and confirmed';

export function courtAddressSeed(): Array<{ key: string; tg: string; ru: string; en: string }> {
  const out: Array<{ key: string; tg: string; ru: string; en: string }> = [];
  for (const r of divisions.regions as Array<{ divisions: Division[] }>) {
    for (const d of r.divisions) {
      const lowerTg = d.name.tg.replace(/^Ноҳияи /, 'ноҳияи ');
      let tg: string;
      let ru: string;
      if (d.kind === 'city') {
        tg = `ш. ${d.name.tg}`;
        ru = `г. ${d.name.ru}`;
      } else if (d.kind === 'city-district') {
        tg = `ш. Душанбе, ${lowerTg}`;
        ru = `г. Душанбе, ${d.name.ru}`;
      } else {
        tg = lowerTg;
        ru = d.name.ru;
      }
      out.push({ key: courtAddressRefKey(d.id), tg, ru, en: `${d.name.en} (court address)` });
    }
  }
  return out;
}

export async function up(db: Kysely<any>): Promise<void> {
  const at = '2025-01-01T00:00:00.000Z';
  const rows = courtAddressSeed().map((r) => ({
    id: seedId(r.key),
    created_at: at,
    updated_at: at,
    hlc: SEED_HLC,
    deleted_at: null,
    key: r.key,
    text_tg: r.tg,
    text_ru: r.ru,
    text_en: r.en,
    value: '',
    confirmed: 0,
    source: SOURCE,
  }));
  for (let i = 0; i < rows.length; i += 50) await db.insertInto('legal_references').values(rows.slice(i, i + 50)).execute();
}
