import { setCaseDetails } from '../../db/queries/cases';
import { attachmentTypesOf, insertFilingDocument } from '../../db/queries/documents';
import { loadFilingData, type FilingData } from '../../db/queries/filingData';
import { legalRefMap, legalRefVersion } from '../services/legalRefs';
import type { Db, WriteCtx } from '../../db/queries/writeContext';
import { AppError } from '../../shared/api/errors';
import type { DocumentSummary, FilingLang, FilingPreparation, FilingPreview, FilingTemplateSummary, PropertyItem } from '../../shared/api/filingsTypes';
import { todayIso } from '../../shared/domain/dates';
import { filingFileName } from '../../shared/domain/fileNames';
import { MANIFESTS, type TemplateManifest } from '../../templates/manifests';
import { keepAnswers } from './filingAnswers';
import { dataHash, fillTemplate } from './fillDocx';
import { resolveFiling, type Resolved } from './filingValues';
import { activeCustomTemplate, loadTemplate, requireManifest } from './templateStore';

// The filing service: what the wizard, the CLI and the tests call. Reads through `db` (or a
// transaction), writes only through a WriteCtx.

export interface FilingRequest {
  caseId: string;
  templateId: string;
  language: FilingLang;
  answers?: Record<string, string>;
  property?: PropertyItem[] | undefined;
  today?: string;
  /** Save or write even though some text is in the other language. */
  allowMixed?: boolean | undefined;
}

export async function listTemplatesForCase(db: Db, caseId: string): Promise<FilingTemplateSummary[]> {
  const data = await loadFilingData(db, caseId);
  const out: FilingTemplateSummary[] = [];
  for (const m of MANIFESTS) {
    const custom: FilingTemplateSummary['custom'] = {};
    for (const lang of m.languages) {
      const c = await activeCustomTemplate(db, m.id, lang);
      if (c) custom[lang] = c.version;
    }
    out.push({
      id: m.id,
      title: m.title,
      version: m.version,
      languages: [...m.languages],
      caseTypes: [...m.caseTypes],
      suitable: (m.caseTypes as readonly string[]).includes(data.case.caseType),
      custom,
    });
  }
  // The templates that serve this case's type first.
  return out.sort((a, b) => Number(b.suitable) - Number(a.suitable));
}

interface Worked {
  manifest: TemplateManifest;
  data: FilingData;
  resolved: Resolved;
  refVersion: string;
}

async function work(db: Db, req: FilingRequest): Promise<Worked> {
  const manifest = requireManifest(req.templateId);
  if (!(manifest.languages as readonly string[]).includes(req.language)) throw new AppError('NOT_FOUND', 'No template in this language');
  const data = await loadFilingData(db, req.caseId);
  const refs = await legalRefMap(db);
  const resolved = resolveFiling({
    manifest,
    data,
    lang: req.language,
    answers: req.answers ?? {},
    property: req.property,
    refs,
    today: req.today ?? todayIso(),
  });
  return { manifest, data, resolved, refVersion: legalRefVersion(refs.values()) };
}

export async function prepareFiling(db: Db, req: FilingRequest): Promise<FilingPreparation> {
  const { manifest, data, resolved, refVersion } = await work(db, req);
  const custom = await activeCustomTemplate(db, manifest.id, req.language);
  // Each attachment line is ticked when the client's documents hold a paper of its kind.
  const stored = await attachmentTypesOf(db, data.client.id, req.caseId);
  const lists = resolved.lists.map((l) => (l.name === 'attachments' ? { ...l, present: resolved.attachmentProofs.map((p) => (p ? stored.has(p) : null)) } : l));
  return {
    caseId: req.caseId,
    templateId: manifest.id,
    language: req.language,
    title: manifest.title,
    templateVersion: custom?.version ?? manifest.version,
    customTemplate: !!custom,
    fields: resolved.fields,
    lists,
    passages: resolved.passages,
    missing: resolved.missing,
    languageIssues: resolved.languageIssues,
    legalRefs: resolved.usedRefs,
    legalRefVersion: refVersion,
  };
}

export interface GeneratedFiling {
  content: Buffer;
  fileName: string;
  title: string;
  templateVersion: string;
  legalRefVersion: string;
  dataHash: string;
  worked: Worked;
}

/**
 * Fills the template; refuses with the names of the missing required fields, and then with the fields
 * whose text is in the other language (unless the request allows it).
 */
export async function generateFiling(db: Db, req: FilingRequest, options: { allowMissing?: boolean } = {}): Promise<GeneratedFiling> {
  const worked = await work(db, req);
  const { manifest, resolved, data } = worked;
  if (resolved.missing.length && !options.allowMissing) {
    throw new AppError(
      'VALIDATION',
      `Missing required fields: ${resolved.missing.join(', ')}`,
      resolved.missing.map((name) => ({ path: `answers.${name}`, key: 'required' })),
      { missing: resolved.missing.join(', ') },
    );
  }
  if (resolved.languageIssues.length && !req.allowMixed && !options.allowMissing) {
    const fields = resolved.languageIssues.map((i) => i.field);
    throw new AppError(
      'VALIDATION',
      `Text in the other language: ${fields.join(', ')}`,
      fields.map((name) => ({ path: name === 'property' ? 'property' : `answers.${name}`, key: 'otherLanguage' })),
      { otherLanguage: fields.join(', ') },
    );
  }
  const template = await loadTemplate(db, manifest, req.language);
  const content = fillTemplate(template.content, manifest, resolved);
  const title = manifest.title[req.language];
  return {
    content,
    title,
    fileName: filingFileName(title, data.client.surname, req.today ?? todayIso()),
    templateVersion: template.version,
    legalRefVersion: worked.refVersion,
    dataHash: dataHash(manifest.id, template.version, req.language, resolved),
    worked,
  };
}

const PREVIEW_STYLES = ["highlight[color='yellow'] => mark.check-law", 'comment-reference => sup'];

export async function previewFiling(db: Db, req: FilingRequest): Promise<FilingPreview> {
  const g = await generateFiling(db, req, { allowMissing: true });
  // The marks of unconfirmed references show as in Word: highlighted, with the comment at the end.
  const { default: mammoth } = await import('mammoth');
  const { value } = await mammoth.convertToHtml({ buffer: g.content }, { styleMap: PREVIEW_STYLES });
  return { html: value, missing: g.worked.resolved.missing, fileName: g.fileName };
}

/** Generates, stores the document with the case and keeps the answers for the next filing. */
export async function saveFiling(ctx: WriteCtx, req: FilingRequest): Promise<DocumentSummary> {
  const g = await generateFiling(ctx.trx, req);
  const { data, resolved } = g.worked;
  const details = keepAnswers(data.case.details, req.language, {
    shared: resolved.keptAnswers,
    text: resolved.keptText,
    property: req.property ? resolved.keptProperty : undefined,
  });
  await setCaseDetails(ctx, data.case.id, details);
  const id = await insertFilingDocument(ctx, {
    caseId: data.case.id,
    clientId: data.client.id,
    title: g.title,
    fileName: g.fileName,
    content: g.content,
    language: req.language,
    templateId: req.templateId,
    templateVersion: g.templateVersion,
    legalRefVersion: g.legalRefVersion,
    dataHash: g.dataHash,
  });
  const row = await ctx.trx.selectFrom('documents').select(['created_at', 'sha256']).where('id', '=', id).executeTakeFirstOrThrow();
  return {
    id,
    caseId: data.case.id,
    kind: 'filing',
    title: g.title,
    fileName: g.fileName,
    language: req.language,
    templateId: req.templateId,
    templateVersion: g.templateVersion,
    legalRefVersion: g.legalRefVersion,
    dataHash: g.dataHash,
    sha256: row.sha256,
    sizeBytes: g.content.length,
    createdAt: row.created_at,
  };
}
