import { getClientRow } from '../../db/queries/clients';
import { getConsultation } from '../../db/queries/consultations';
import { dashboardSummary } from '../../db/queries/dashboard';
import { globalSearch } from '../../db/queries/search';
import { audit } from '../../db/queries/writeContext';
import { receiptDefinition, receiptFileName, renderPdf } from '../documents/consultationReceipt';
import type { HandlerMap } from './types';
import { withWrite } from './withWrite';

export const searchHandlers: HandlerMap<'search:global' | 'dashboard:summary' | 'receipts:consultation'> = {
  'search:global': async ({ query, limit }, { app }) => globalSearch(app.requireSession().db, query, limit),
  'dashboard:summary': async (_input, { app }) => dashboardSummary(app.requireSession().db),
  'receipts:consultation': async ({ consultationId, language }, { app }) => {
    const { db } = app.requireSession();
    const consultation = await getConsultation(db, consultationId);
    const client = await getClientRow(db, consultation.clientId);
    let venueName: string;
    if (consultation.mobileSessionId) {
      const s = await db.selectFrom('mobile_sessions').select(['code', 'village', 'jamoat']).where('id', '=', consultation.mobileSessionId).executeTakeFirstOrThrow();
      venueName = [s.code, s.jamoat, s.village].filter(Boolean).join(', ');
    } else {
      venueName = (await db.selectFrom('contact_points').select('name').where('id', '=', consultation.contactPointId).executeTakeFirstOrThrow()).name;
    }
    const pdf = await renderPdf(
      receiptDefinition({ consultation, client: { surname: client.surname, givenName: client.given_name, patronymic: client.patronymic, birthDate: client.birth_date }, venueName }, language),
    );
    await withWrite(app, (ctx) => audit(ctx, 'print', 'consultations', consultationId, { document: 'consultation_receipt', language, bytes: pdf.length }));
    return app.files.deliver({ fileName: receiptFileName(consultation, language), mimeType: 'application/pdf', bytes: pdf });
  },
};
