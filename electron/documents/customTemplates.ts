import type { WriteCtx } from '../../db/queries/writeContext';
import { audit } from '../../db/queries/writeContext';
import { insertRow, updateRow } from '../../db/write';
import type { FilingLang, TemplateImportResult } from '../../shared/api/filingsTypes';
import { checkPlaceholders, requireManifest, sha256 } from './templateStore';

// An administrator's edited .docx for a template: accepted only when its placeholders are the
// manifest's (no unknown ones, none of the required ones missing) and every paragraph of a
// conditional passage kept its marker (templateStore.ts). Accepted versions are kept in
// template_versions; the newest active one is used; restoring deactivates them all (the shipped file
// is then used again, and the imported versions stay on record).

export async function importTemplate(ctx: WriteCtx, templateId: string, language: FilingLang, content: Buffer): Promise<TemplateImportResult> {
  const manifest = requireManifest(templateId);
  const check = await checkPlaceholders(content, manifest, language);
  if (check.unknown.length || check.missing.length || check.passages.length) {
    await audit(ctx, 'template.import.refused', 'template_versions', null, {
      templateId,
      language,
      unknown: check.unknown.length,
      missing: check.missing.length,
      passages: check.passages.length,
    });
    return { accepted: false, unknown: check.unknown, missing: check.missing, passages: check.passages, version: null };
  }
  const previous = await ctx.trx
    .selectFrom('template_versions')
    .select(['id', 'active'])
    .where('template_id', '=', templateId)
    .where('language', '=', language)
    .where('deleted_at', 'is', null)
    .execute();
  for (const p of previous) if (p.active) await updateRow(ctx.trx, ctx.w, 'template_versions', p.id, { active: 0 });
  const version = `${manifest.version}+custom.${previous.length + 1}`;
  const id = await insertRow(ctx.trx, ctx.w, 'template_versions', {
    template_id: templateId,
    language,
    version,
    content,
    sha256: sha256(content),
    active: 1,
    imported_by_user_id: ctx.user.id,
  });
  await audit(ctx, 'template.import', 'template_versions', id, { templateId, language, version });
  return { accepted: true, unknown: [], missing: [], passages: [], version };
}

export async function restoreShippedTemplate(ctx: WriteCtx, templateId: string, language: FilingLang): Promise<void> {
  requireManifest(templateId);
  const active = await ctx.trx
    .selectFrom('template_versions')
    .select('id')
    .where('template_id', '=', templateId)
    .where('language', '=', language)
    .where('active', '=', 1)
    .where('deleted_at', 'is', null)
    .execute();
  for (const row of active) await updateRow(ctx.trx, ctx.w, 'template_versions', row.id, { active: 0 });
  await audit(ctx, 'template.restore', 'template_versions', null, { templateId, language, deactivated: active.length });
}
