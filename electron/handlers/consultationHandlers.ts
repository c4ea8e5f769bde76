import { saveClient } from '../../db/queries/clientWrite';
import { getClientDetail, getClientRow } from '../../db/queries/clients';
import { getConsultation, listConsultations, saveConsultation } from '../../db/queries/consultations';
import type { HandlerMap } from './types';
import { withWrite } from './withWrite';

export const consultationHandlers: HandlerMap<'consultations:list' | 'consultations:get' | 'consultations:save' | 'desk:register'> = {
  'consultations:list': async (input, { app }) => listConsultations(app.requireSession().db, input),
  'consultations:get': async ({ id }, { app }) => getConsultation(app.requireSession().db, id),
  'consultations:save': async (input, { app }) => {
    const id = await withWrite(app, (ctx, s) => saveConsultation(ctx, input, s.installation.contactPointId));
    return getConsultation(app.requireSession().db, id);
  },
  // The session desk: the woman's record (new, changed or as found) and her consultation in the
  // session, in one transaction; the session gives venue, date and district.
  'desk:register': async ({ mobileSessionId, clientId, client, consultation }, { app }) => {
    const ids = await withWrite(app, async (ctx, s) => {
      let id = clientId;
      if (client) id = await saveClient(ctx, client);
      else await getClientRow(ctx.trx, id!);
      const consultationId = await saveConsultation(
        ctx,
        { ...consultation, clientId: id!, venueKind: 'mobile_session', mobileSessionId, contactPointId: null, date: null },
        s.installation.contactPointId,
      );
      return { clientId: id!, consultationId };
    });
    return { ...ids, client: await getClientDetail(app.requireSession().db, ids.clientId) };
  },
};
