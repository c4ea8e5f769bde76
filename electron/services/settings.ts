import { audit } from '../../db/queries/writeContext';
import type { SecuritySettings } from '../../shared/api/securityTypes';
import { readSettings, writeSettings } from '../app/settings';
import { withWrite, type Unlocked } from './index';

// The installation's settings (idle lock, retention…), saved with an audit line naming what was set.

export async function saveSettings(s: Unlocked, input: SecuritySettings): Promise<SecuritySettings> {
  await withWrite(s, async (ctx) => {
    await writeSettings(ctx.trx, input);
    await audit(ctx, 'settings.save', 'settings', null, { ...input });
  });
  return readSettings(s.db);
}
