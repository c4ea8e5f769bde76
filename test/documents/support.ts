import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { seedDemoInto, type SeedResult } from '../../electron/seed/demo';
import { createTestApp, type TestApp } from '../support/testApp';

// Shared by the document tests: a test app with the demo data, and LibreOffice conversions done in
// one call for many files (each LibreOffice start costs seconds).

export async function seededApp(): Promise<{ t: TestApp; seed: SeedResult }> {
  const t = await createTestApp();
  const s = t.app.requireUnlocked();
  const seed = await s.db.transaction().execute((trx) => seedDemoInto({ trx, w: s.writer, user: s.user }));
  return { t, seed };
}

/** Converts every file to `format` in one LibreOffice run; returns the output paths in input order. */
export function libreofficeConvert(files: string[], format: 'pdf' | 'docx', outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  // A profile of its own, so a LibreOffice the developer has open does not take the job.
  const profile = `file://${join(outDir, '.lo-profile')}`;
  execFileSync('libreoffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', format, '--outdir', outDir, ...files], {
    stdio: 'ignore',
    timeout: 180_000,
  });
  return files.map((f) => join(outDir, basename(f).replace(/\.docx$/, `.${format}`)));
}

/** The pages of a PDF as pdftotext reads them, each with its footer (the page number) as its last line. */
export function pdfPages(pdf: string): string[] {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim() !== '');
}

/** The text of a PDF as a reader follows it: the pages in order without their page numbers. */
export function pdfText(pdf: string): string {
  return pdfPages(pdf)
    .map((page) => page.replace(/\n\s*\d+\s*$/, '\n'))
    .join('\n');
}

/** pdftotext breaks lines where the page does: compare with all whitespace folded to single spaces. */
export function fold(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export function read(path: string): Buffer {
  return readFileSync(path);
}
