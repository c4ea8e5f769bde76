import type { Db } from './writeContext';

export interface RetentionItem {
  caseId: string;
  number: string;
  caseType: string;
  closedOn: string;
  clientId: string;
}

/** Closed cases whose closing date is more than `years` years before `today`: to be reviewed for erasure. */
export async function casesForRetentionReview(db: Db, years: number, today: string): Promise<RetentionItem[]> {
  const y = Number(today.slice(0, 4)) - years;
  const limit = `${String(y).padStart(4, '0')}${today.slice(4)}`;
  const rows = await db
    .selectFrom('cases')
    .innerJoin('clients', 'clients.id', 'cases.client_id')
    .select(['cases.id', 'cases.number', 'cases.case_type', 'cases.closed_on', 'cases.client_id'])
    .where('cases.deleted_at', 'is', null)
    .where('cases.status', '=', 'closed')
    .where('cases.closed_on', '<', limit)
    .where('clients.erased_at', 'is', null)
    .orderBy('cases.closed_on')
    .execute();
  return rows.map((r) => ({ caseId: r.id, number: r.number, caseType: r.case_type, closedOn: r.closed_on!, clientId: r.client_id }));
}
