import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type PdfPrinter from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { templatesDir } from '../documents/resources';

// The fonts of the PDFs, read once, and parsed once. pdfmake's PDF library (pdfkit) parses a
// font file anew for every document (fontkit.create): each report decoded DejaVu Sans' tables again,
// about a quarter of the PDF's time (425 → 307 ms for a national year's report). fontkit.create is
// wrapped to give back the font it already parsed when it gets one of these very buffers (a WeakMap by
// the Buffer object: any other caller's buffers go through untouched). A parsed font is only read
// from (its glyph objects, which are written to, are made anew for each document): every document
// still makes its own subset of the glyphs it uses, so the PDF is the same.

export interface ReportFonts {
  normal: Buffer;
  bold: Buffer;
}

type FontkitCreate = (buffer: Buffer, postscriptName?: string) => unknown;

let fonts: ReportFonts | null = null;
const parsed = new WeakMap<Buffer, Map<string, unknown>>();

function shareParsedFonts(): void {
  // The fontkit that pdfkit itself loads (pdfmake → @foliojs-fork/pdfkit → @foliojs-fork/fontkit).
  const fromPdfmake = createRequire(require.resolve('pdfmake'));
  const fromPdfkit = createRequire(fromPdfmake.resolve('@foliojs-fork/pdfkit'));
  const fontkit = fromPdfkit('@foliojs-fork/fontkit') as { create?: FontkitCreate };
  const create = fontkit.create;
  if (typeof create !== 'function') return; // another fontkit: it parses each time, as before
  fontkit.create = (buffer, postscriptName) => {
    const byName = parsed.get(buffer);
    if (!byName) return create(buffer, postscriptName);
    const key = postscriptName ?? '';
    if (!byName.has(key)) byName.set(key, create(buffer, postscriptName));
    const font = byName.get(key) as { _glyphs?: object };
    // Glyph objects are not only read from: laying out text writes the characters a glyph stood for
    // into it (pdfkit's text layer, for copying and searching, is made from them). Shared between
    // documents, a Tajik document's 'ё' left the next Russian one's 'е' without its character. Each
    // document gets glyphs of its own; the parsed tables stay shared.
    if (font && typeof font === 'object' && '_glyphs' in font) font._glyphs = {};
    return font;
  };
}

export function reportFonts(): ReportFonts {
  if (!fonts) {
    const dir = join(templatesDir(), 'fonts');
    fonts = { normal: readFileSync(join(dir, 'DejaVuSans.ttf')), bold: readFileSync(join(dir, 'DejaVuSans-Bold.ttf')) };
    try {
      shareParsedFonts();
      parsed.set(fonts.normal, new Map());
      parsed.set(fonts.bold, new Map());
    } catch {
      // pdfmake laid out differently: fonts are parsed per document, as before.
    }
  }
  return fonts;
}

let printer: Promise<PdfPrinter> | null = null;

/**
 * A PDF made with pdfmake's server-side printer in DejaVu Sans (the report and the consultation
 * receipt). pdfmake (some 25 MB once loaded) is loaded with the first PDF, and its one printer keeps
 * the parsed fonts.
 */
export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  printer ??= import('pdfmake').then(({ default: Printer }) => {
    const { normal, bold } = reportFonts();
    return new Printer({ DejaVuSans: { normal, bold, italics: normal, bolditalics: bold } });
  });
  const doc = (await printer).createPdfKitDocument(definition);
  return new Promise((resolvePdf, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolvePdf(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
