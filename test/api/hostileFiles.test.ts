import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZipEntries, writeZip, type ZipEntry } from '../../electron/documents/zipParts';
import { TEMPLATES_DIR } from '../../electron/documents/buildTemplates';
import { createTestApp, type TestApp } from '../support/testApp';

// Registers (XLSX) and templates (.docx) are zips: a small file can unpack to gigabytes, name its
// parts outside the folder it is unpacked into, or (a template) link to files and web addresses that
// every filing would then carry. Each is refused with its own error before anything is unpacked, and
// nothing is written. The hostile files are built here, small, from a good one.

const HEADER = readFileSync(join(__dirname, '..', 'fixtures', 'registers', 'contact-points.csv'), 'utf8').split('\n')[0]!.split(',');
const ROW = ['CP-NEW', 'Нуқтаи нав', 'su-khujand', '2020-01-01', '', '', ''];

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.cleanup());

function writes(): number {
  return (t.app.requireUnlocked().raw.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
}

async function register(build: (sheet: ExcelJS.Worksheet) => void = () => {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Register');
  sheet.addRow(HEADER);
  sheet.addRow(ROW);
  build(sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function entry(name: string, content: Buffer, declaredSize = content.length): ZipEntry {
  return { name, flags: 0x0800, method: 8, time: 0, date: 0x5021, crc: crc32(content) >>> 0, size: declaredSize, data: deflateRawSync(content, { level: 9 }) };
}

/** The zip with one more entry. */
function withEntry(zip: Buffer, extra: ZipEntry): Buffer {
  return writeZip([...readZipEntries(zip)!, extra]);
}

/** 80 MB of zeros, about 80 KB deflated, declaring its true size or a small one. */
let zeros: ZipEntry | null = null;
function bomb(name: string, declaredSize?: number): ZipEntry {
  zeros ??= entry('', Buffer.alloc(80 * 1024 * 1024));
  return { ...zeros, name, size: declaredSize ?? zeros.size };
}

async function importRegister(bytes: Buffer) {
  const before = writes();
  const res = await t.raw('import:preview', { kind: 'contact-points', file: { base64: bytes.toString('base64') } });
  expect(writes()).toBe(before);
  return res;
}

describe('registers in XLSX', () => {
  it('reads a good register, also with a drop-down list over a whole column and merged cells', async () => {
    const plain = await importRegister(await register());
    expect(plain).toMatchObject({ ok: true, value: { rows: 1, toAdd: 1, errors: [] } });
    const extras =
      '<mergeCells count="1"><mergeCell ref="H1:XFD1048576"/></mergeCells>' +
      '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="C2:C1048576"><formula1>"su-khujand,du-sino"</formula1></dataValidation></dataValidations>';
    const listed = writeZip(
      readZipEntries(await register())!.map((e) =>
        e.name === 'xl/worksheets/sheet1.xml' ? entry(e.name, Buffer.from(inflateRawSync(e.data).toString('utf8').replace('</sheetData>', `</sheetData>${extras}`))) : e,
      ),
    );
    expect(await importRegister(listed)).toMatchObject({ ok: true, value: { rows: 1, toAdd: 1, errors: [] } });
  });

  it('refuses a register with a cell far out (ALL20000) before building its rows', async () => {
    const far = await register((sheet) => {
      sheet.getCell('ALL20000').value = 'x';
    });
    expect(far.length).toBeLessThan(10_000);
    expect(await importRegister(far)).toMatchObject({ ok: false, error: { code: 'TABLE_TOO_LARGE', params: { rows: 50_000, columns: 100 } } });
  });

  it('refuses a register with too many rows', async () => {
    const long = await register((sheet) => {
      sheet.getCell('A60000').value = 'x';
    });
    expect(await importRegister(long)).toMatchObject({ ok: false, error: { code: 'TABLE_TOO_LARGE' } });
    const csv = Buffer.from(`${HEADER.join(',')}\n${'x\n'.repeat(60_000)}`);
    expect(await importRegister(csv)).toMatchObject({ ok: false, error: { code: 'TABLE_TOO_LARGE' } });
  });

  it('refuses a zip bomb inside the workbook, whether its size is declared or hidden', async () => {
    const good = await register();
    const declared = withEntry(good, bomb('xl/media/image1.png'));
    expect(declared.length).toBeLessThan(400_000);
    expect(await importRegister(declared)).toMatchObject({ ok: false, error: { code: 'FILE_TOO_LARGE', params: { megabytes: 64 } } });
    const hidden = withEntry(good, bomb('xl/media/image1.png', 1000));
    expect(await importRegister(hidden)).toMatchObject({ ok: false, error: { code: 'FILE_TOO_LARGE' } });
  });

  it('refuses a workbook with an entry named outside it', async () => {
    for (const name of ['../../evil.sh', '/etc/cron.d/evil', 'xl/../../evil', 'C:\\evil.bat']) {
      const bad = withEntry(await register(), entry(name, Buffer.from('x')));
      expect(await importRegister(bad), name).toMatchObject({ ok: false, error: { code: 'FILE_UNSAFE' } });
    }
  });
});

describe('templates (.docx)', () => {
  const shipped = () => readFileSync(join(TEMPLATES_DIR, 'divorce.tg.docx'));

  async function importTemplate(content: Buffer) {
    return t.raw('templates:import', { templateId: 'divorce', language: 'tg', file: { base64: content.toString('base64') } });
  }

  /** The shipped template with one more relationship in the main document's relationships. */
  function withRelationship(relationship: string): Buffer {
    const entries = readZipEntries(shipped())!.map((e) => {
      if (e.name !== 'word/_rels/document.xml.rels') return e;
      const xml = (e.method === 8 ? inflateRawSync(e.data) : Buffer.from(e.data)).toString('utf8');
      return entry(e.name, Buffer.from(xml.replace('</Relationships>', `${relationship}</Relationships>`)));
    });
    return writeZip(entries);
  }

  it('refuses a zip bomb, an entry named outside the document and links out of it; nothing is written', async () => {
    const before = writes();
    expect(await importTemplate(withEntry(shipped(), bomb('word/media/image1.png')))).toMatchObject({ ok: false, error: { code: 'FILE_TOO_LARGE' } });
    expect(await importTemplate(withEntry(shipped(), bomb('word/media/x.png', 10)))).toMatchObject({ ok: false, error: { code: 'FILE_TOO_LARGE' } });
    expect(await importTemplate(withEntry(shipped(), entry('../../word/evil.xml', Buffer.from('<x/>'))))).toMatchObject({ ok: false, error: { code: 'FILE_UNSAFE' } });
    const hyperlink = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';
    const image = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';
    for (const rel of [
      `<Relationship Id="rId90" Type="${hyperlink}" Target="http://evil.example/track" TargetMode="External"/>`,
      `<Relationship Id="rId91" Type="${image}" Target="file:///C:/Users/Public/x.png"/>`,
      `<Relationship Id="rId92" Type="${image}" Target="&#x66;ile://server/share/x.png"/>`,
      `<Relationship Id="rId93" Type="${image}" Target="\\\\server\\share\\x.png"/>`,
      `<Relationship Id="rId94" Type="${image}" Target="../../outside.png"/>`,
    ]) {
      expect(await importTemplate(withRelationship(rel)), rel).toMatchObject({ ok: false, error: { code: 'FILE_UNSAFE' } });
    }
    expect(writes()).toBe(before);
  });

  it('accepts the shipped template and one whose part points to a sibling folder inside the package', async () => {
    const inside = withRelationship(`<Relationship Id="rId95" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"/>`);
    expect(await importTemplate(inside)).toMatchObject({ ok: true, value: { accepted: true } });
  });
});
