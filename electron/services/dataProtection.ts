import { eraseClient as eraseClientRows } from '../../db/queries/erase';
import { casesForRetentionReview } from '../../db/queries/retention';
import { todayIso } from '../../shared/domain/dates';
import { readSettings } from '../app/settings';
import { withWrite, type Unlocked } from './index';

// Data protection: erasing a client's personal data on request, and the cases due for a retention review.

export async function eraseClient(s: Unlocked, id: string) {
  return withWrite(s, (ctx) => eraseClientRows(ctx, id));
}

export async function retentionReview(s: Unlocked, today: string = todayIso()) {
  return casesForRetentionReview(s.db, (await readSettings(s.db)).retentionYears, today);
}
