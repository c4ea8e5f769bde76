import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MANIFESTS } from '../../templates/manifests';
import { SOURCES } from '../../templates/source';
import { buildTemplateDocx, manifestColumnFormat } from './templateBuilder';

// `npm run templates:build`: writes templates/docx/<id>.<lang>.docx from templates/source. The output
// is committed, so the app and the tests need no build step.

export const TEMPLATES_DIR = resolve(__dirname, '../../templates/docx');

export async function buildAllTemplates(outDir: string = TEMPLATES_DIR): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const m of MANIFESTS) {
    const source = SOURCES[m.id];
    if (!source) throw new Error(`No source for template ${m.id}`);
    for (const lang of m.languages) {
      const file = join(outDir, `${m.id}.${lang}.docx`);
      writeFileSync(file, await buildTemplateDocx(source[lang], m.title[lang], lang, manifestColumnFormat(m)));
      written.push(file);
    }
  }
  return written;
}

if (require.main === module) {
  void buildAllTemplates().then((files) => process.stdout.write(`Wrote ${files.length} templates to ${TEMPLATES_DIR}\n`));
}
