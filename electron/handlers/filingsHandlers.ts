import { importTemplate, restoreShippedTemplate } from '../documents/customTemplates';
import { listTemplatesForCase, prepareFiling, previewFiling, saveFiling } from '../documents/filings';
import { attachDocument, deleteDocument, exportDocument, listDocuments } from '../services/documents';
import { checkFilingRespondent } from '../services/conflicts';
import { consentForm } from '../services/receipts';
import { confirmLegalRef, listLegalRefs, saveLegalRef } from '../services/legalRefs';
import { decideProposal, listProposals } from '../services/proposals';
import { requireVisibleCase } from '../services/visibility';
import type { AppContext } from '../app/appContext';
import type { HandlerMap } from './types';
import { withWrite } from './withWrite';

type FilingChannels =
  | 'filings:templates'
  | 'filings:prepare'
  | 'filings:preview'
  | 'filings:save'
  | 'documents:list'
  | 'documents:get'
  | 'documents:attach'
  | 'documents:delete'
  | 'receipts:consent'
  | 'legalRefs:list'
  | 'legalRefs:save'
  | 'legalRefs:confirm'
  | 'templates:import'
  | 'templates:restore'
  | 'proposals:list'
  | 'proposals:decide';

/** The unlocked database, once the user is known to see the case (else refused and audited). */
async function visibleCase(app: AppContext, caseId: string) {
  const s = app.requireUnlocked();
  await requireVisibleCase(s, caseId);
  return s;
}

export const filingsHandlers: HandlerMap<FilingChannels> = {
  // A filing shows its case and client: only to those who may see them (shared/domain/sensitivity.ts).
  'filings:templates': async ({ caseId }, { app }) => listTemplatesForCase((await visibleCase(app, caseId)).db, caseId),
  'filings:prepare': async (input, { app }) => prepareFiling((await visibleCase(app, input.caseId)).db, input),
  'filings:preview': async (input, { app }) => previewFiling((await visibleCase(app, input.caseId)).db, input),
  'filings:save': async (input, { app }) => {
    const s = await visibleCase(app, input.caseId);
    // A respondent typed in the wizard is checked against the office's clients as the case's form checks one.
    await checkFilingRespondent(s, input.caseId, (await prepareFiling(s.db, input)).fields);
    return withWrite(app, (ctx) => saveFiling(ctx, input));
  },
  'documents:list': async ({ caseId, clientId, consultationId }, { app }) =>
    listDocuments(app.requireUnlocked(), caseId ? { caseId } : consultationId ? { consultationId } : { clientId: clientId! }),
  'documents:attach': async ({ file, ...target }, { app }) => attachDocument(app.requireUnlocked(), { ...target, bytes: await app.files.bytes(file, 'scan') }),
  'documents:delete': async ({ id }, { app }) => deleteDocument(app.requireUnlocked(), id),
  'receipts:consent': async ({ clientId, language }, { app }) => app.files.deliver(await consentForm(app.requireUnlocked(), clientId, language)),
  'documents:get': async ({ id }, { app }) => {
    const { sha256, ...file } = await exportDocument(app.requireUnlocked(), id);
    return { ...app.files.deliver(file), sha256 };
  },
  'proposals:list': async (_input, { app }) => listProposals(app.requireUnlocked()),
  'proposals:decide': async ({ id, accept }, { app }) => decideProposal(app.requireUnlocked(), id, accept),
  'legalRefs:list': async (_input, { app }) => listLegalRefs(app.requireUnlocked()),
  'legalRefs:save': async (input, { app }) => saveLegalRef(app.requireUnlocked(), input),
  'legalRefs:confirm': async ({ id, confirmed }, { app }) => confirmLegalRef(app.requireUnlocked(), id, confirmed),
  'templates:import': async ({ templateId, language, file }, { app }) => {
    const bytes = await app.files.bytes(file, 'template');
    return withWrite(app, (ctx) => importTemplate(ctx, templateId, language, bytes));
  },
  'templates:restore': async ({ templateId, language }, { app }) => {
    await withWrite(app, (ctx) => restoreShippedTemplate(ctx, templateId, language));
    return { templateId, language };
  },
};
