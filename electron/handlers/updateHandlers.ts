import { shippedTrustedKeys, addTrustedKey, applyUpdate, fingerprint, trustedKeys } from '../updates/signedUpdates';
import type { HandlerMap } from './types';
import { withWrite } from './withWrite';

export const updateHandlers: HandlerMap<'updates:apply' | 'updates:trustedKeys' | 'updates:trustKey'> = {
  'updates:apply': async ({ file }, { app }) => {
    const bytes = await app.files.bytes(file, 'update');
    return withWrite(app, (ctx) => applyUpdate(ctx, bytes));
  },
  'updates:trustedKeys': async (_input, { app }) => {
    const s = app.requireUnlocked();
    const shipped = new Set(shippedTrustedKeys().map((k) => k.id));
    const keys = await s.db.transaction().execute((trx) => trustedKeys({ trx }));
    return keys.map((k) => ({ id: k.id, name: k.name, fingerprint: fingerprint(k.publicKeyPem), shipped: shipped.has(k.id) }));
  },
  'updates:trustKey': async (input, { app }) => {
    const fp = await withWrite(app, (ctx) => addTrustedKey(ctx, input));
    return { fingerprint: fp };
  },
};
