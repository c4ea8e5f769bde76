import { listContactPoints, getContactPoint, listStaff, saveContactPoint, saveStaff } from '../../db/queries/contactPoints';
import { META_KEYS, setMeta } from '../../db/queries/meta';
import { audit } from '../../db/queries/writeContext';
import type { HandlerMap } from './types';
import { withWrite } from './withWrite';

export const contactPointHandlers: HandlerMap<'contactPoints:list' | 'contactPoints:save' | 'contactPoints:setOwn' | 'staff:list' | 'staff:save'> = {
  'contactPoints:list': async ({ includeClosed }, { app }) => {
    const s = app.requireSession();
    return listContactPoints(s.db, s.installation.contactPointId, includeClosed);
  },
  'contactPoints:save': async (input, { app }) => {
    const id = await withWrite(app, (ctx) => saveContactPoint(ctx, input));
    const s = app.requireSession();
    return (await listContactPoints(s.db, s.installation.contactPointId, true)).find((c) => c.id === id)!;
  },
  'contactPoints:setOwn': async ({ contactPointId }, { app }) => {
    await withWrite(app, async (ctx, session) => {
      if (contactPointId) await getContactPoint(ctx.trx, contactPointId);
      await setMeta(ctx.trx, META_KEYS.contactPointId, contactPointId ?? '');
      await audit(ctx, 'installation.contact_point', 'meta', contactPointId);
      session.installation.contactPointId = contactPointId;
    });
    return app.status();
  },
  'staff:list': async ({ contactPointId, includeInactive }, { app }) => listStaff(app.requireSession().db, contactPointId, includeInactive),
  'staff:save': async (input, { app }) => withWrite(app, (ctx) => saveStaff(ctx, input)),
};
