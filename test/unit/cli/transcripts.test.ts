/**
 * `bizflow impact | diff | sign | review` and the top-level dispatch, in-process, each case's
 * exit code, output, errors and written files compared with its committed transcript
 * (test/unit/cli/transcripts/*.txt; see test/fixtures/cli/transcript.ts). The fixtures in
 * test/fixtures/cli/review/ are made to reach every kind of line: rich.bizflow.yaml (added,
 * removed and contested steps, data duties with and without a receiving lane, hand-offs, every
 * agreement state, a requirement without `from` or priority, a process without a name, roles
 * with nothing to do) and old/new.bizflow.yaml (every kind of step, requirement, conflict and
 * agreement change between two versions).
 */
import ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SIGN_OFF_COLUMNS } from '../../../src/node/review-xlsx';
import { run } from '../../fixtures/cli/harness';
import { transcriptSuite, type Case } from '../../fixtures/cli/transcript';

const RC = 'rules:\n  conflict/unagreed-burden: error\n';
const zh = ['--locale', 'zh-CN'];

describe('cli transcripts: impact', () => {
  const cases: Case[] = [
    { name: 'text', argv: ['impact', 'rich.bizflow.yaml'] },
    { name: 'text zh-CN', argv: ['impact', ...zh, 'rich.bizflow.yaml'] },
    { name: 'markdown', argv: ['impact', '-f', 'markdown', 'rich.bizflow.yaml'] },
    { name: 'markdown zh-CN', argv: ['impact', '-f', 'markdown', ...zh, 'rich.bizflow.yaml'] },
    { name: 'json one role', argv: ['impact', '-f', 'json', '-r', 'b', 'rich.bizflow.yaml'] },
    { name: 'json process without a name', argv: ['impact', '--format=json', '--role=idle', 'rich.bizflow.yaml'] },
    { name: 'one role with nothing, markdown', argv: ['impact', '-f', 'markdown', '-r', 'quiet', 'rich.bizflow.yaml'] },
    { name: 'one role with nothing, markdown zh-CN', argv: ['impact', '-f', 'markdown', '-r', 'quiet', ...zh, 'rich.bizflow.yaml'] },
    { name: 'the nearest rc file is used', argv: ['impact', '-r', 'c', 'rich.bizflow.yaml'], files: { '.bizflowrc.yml': RC } },
    { name: 'an explicit rc file', argv: ['impact', '-r', 'c', '-c', 'strict.yml', 'rich.bizflow.yaml'], files: { 'strict.yml': RC } },
    { name: 'a broken rc file', argv: ['impact', 'rich.bizflow.yaml'], files: { '.bizflowrc.yml': 'rules: [\n' } },
    { name: 'a missing explicit rc file', argv: ['impact', '-c', 'none.yml', 'rich.bizflow.yaml'] },
    { name: 'no file', argv: ['impact'] },
    { name: 'no file zh-CN', argv: ['impact', ...zh] },
    { name: 'two files', argv: ['impact', 'rich.bizflow.yaml', 'new.bizflow.yaml'] },
    { name: 'two files zh-CN', argv: ['impact', ...zh, 'rich.bizflow.yaml', 'new.bizflow.yaml'] },
    { name: 'unknown role', argv: ['impact', '-r', 'bb', 'rich.bizflow.yaml'] },
    { name: 'bad format', argv: ['impact', '-f', 'html', 'rich.bizflow.yaml'] },
    { name: 'bad format zh-CN', argv: ['impact', '-f', 'html', ...zh, 'rich.bizflow.yaml'] },
    { name: 'missing file', argv: ['impact', 'none.bizflow.yaml'] },
    { name: 'a folder', argv: ['impact', '.'] },
    { name: 'unknown option', argv: ['impact', '--rol', 'b', 'rich.bizflow.yaml'] },
    { name: 'help', argv: ['impact', '--help'] },
    { name: 'help zh-CN', argv: ['impact', '-h', ...zh] },
    { name: 'the examples: order-fulfilment', argv: ['impact', 'order.bizflow.yaml'], files: { 'order.bizflow.yaml': fs.readFileSync(path.resolve(__dirname, '../../../examples/order-fulfilment.bizflow.yaml'), 'utf8') } },
  ];
  transcriptSuite('impact', cases);
});

describe('cli transcripts: diff', () => {
  const cases: Case[] = [
    { name: 'text', argv: ['diff', 'old.bizflow.yaml', 'new.bizflow.yaml'] },
    { name: 'text zh-CN', argv: ['diff', ...zh, 'old.bizflow.yaml', 'new.bizflow.yaml'] },
    { name: 'markdown', argv: ['diff', '-f', 'markdown', 'old.bizflow.yaml', 'new.bizflow.yaml'] },
    { name: 'markdown zh-CN', argv: ['diff', '-f', 'markdown', ...zh, 'old.bizflow.yaml', 'new.bizflow.yaml'] },
    { name: 'json one role', argv: ['diff', '-f', 'json', '-r', 'c', 'old.bizflow.yaml', 'new.bizflow.yaml'] },
    { name: 'backwards', argv: ['diff', 'new.bizflow.yaml', 'old.bizflow.yaml'] },
    { name: 'backwards zh-CN', argv: ['diff', ...zh, 'new.bizflow.yaml', 'old.bizflow.yaml'] },
    { name: 'a role only in the old version', argv: ['diff', '-r', 'gone', 'old2.bizflow.yaml', 'new.bizflow.yaml'], files: { 'old2.bizflow.yaml': 'bizflow: 1\nroles:\n  gone: { name: Gone }\n' } },
    { name: 'with an rc file', argv: ['diff', '-r', 'c', 'old.bizflow.yaml', 'new.bizflow.yaml'], files: { '.bizflowrc.yml': RC } },
    { name: 'with an explicit rc file', argv: ['diff', '-r', 'c', '--config', 'strict.yml', 'old.bizflow.yaml', 'new.bizflow.yaml'], files: { 'strict.yml': RC } },
    { name: 'one version', argv: ['diff', 'old.bizflow.yaml'] },
    { name: 'three versions zh-CN', argv: ['diff', ...zh, 'old.bizflow.yaml', 'new.bizflow.yaml', 'rich.bizflow.yaml'] },
    { name: 'unknown role', argv: ['diff', '-r', 'cc', 'old.bizflow.yaml', 'new.bizflow.yaml'] },
    { name: 'bad format', argv: ['diff', '-f', 'md', 'old.bizflow.yaml', 'new.bizflow.yaml'] },
    { name: 'old missing', argv: ['diff', 'none.bizflow.yaml', 'new.bizflow.yaml'] },
    { name: 'new missing', argv: ['diff', 'old.bizflow.yaml', 'none.bizflow.yaml'] },
    { name: 'a missing rc file', argv: ['diff', '-c', 'none.yml', 'old.bizflow.yaml', 'new.bizflow.yaml'] },
    { name: 'help', argv: ['diff', '--help'] },
    { name: 'repeated option', argv: ['diff', '-r', 'a', '-r', 'b', 'old.bizflow.yaml', 'new.bizflow.yaml'] },
    { name: 'a file named like REV:PATH is a file', argv: ['diff', 'v1:old.bizflow.yaml', 'new.bizflow.yaml'], files: { 'v1:old.bizflow.yaml': 'bizflow: 1\n' } },
  ];
  transcriptSuite('diff', cases);
});

const ALIAS = `bizflow: 1
roles:
  a: { name: A }
steps:
  s: { name: S, type: start, role: a }
requirements:
  R1: &base
    title: one
    from: a
  R2: *base
  R3: [not, a, map]
  R4:
    title: four
    reviews: 3
  R5:
    title: five
    reviews: [{ role: a, verdict: agree }]
`;

describe('cli transcripts: sign', () => {
  const cases: Case[] = [
    { name: 'agree on a date', argv: ['sign', 'rich.bizflow.yaml', '--requirement', 'R6', '--role', 'c', '--on', '2026-02-03'], show: ['rich.bizflow.yaml'] },
    { name: 'object with a note, zh-CN', argv: ['sign', 'new.bizflow.yaml', ...zh, '--requirement', 'R1', '--role', 'a', '--verdict', 'object', '--note', 'why: "now"?', '--on', '2026-02-04'], show: ['new.bizflow.yaml'] },
    { name: 'a question, today', argv: ['sign', 'new.bizflow.yaml', '--requirement', 'R5', '--role', 'c', '--verdict', 'question'], show: ['new.bizflow.yaml'] },
    { name: 'a question zh-CN', argv: ['sign', 'new.bizflow.yaml', ...zh, '--requirement', 'R5', '--role', 'c', '--verdict', 'question', '--on', '2026-02-05'] },
    { name: 'agree zh-CN', argv: ['sign', 'new.bizflow.yaml', ...zh, '--requirement', 'R5', '--role', 'c', '--on', '2026-02-05'] },
    { name: 'a byte order mark is kept', argv: ['sign', 'bom.bizflow.yaml', '--requirement', 'R', '--role', 'a', '--on', '2026-02-06'], files: { 'bom.bizflow.yaml': '\uFEFFbizflow: 1\nroles:\n  a: { name: A }\nrequirements:\n  R:\n    title: r\n' }, show: ['bom.bizflow.yaml'], describe: async (f) => JSON.stringify(fs.readFileSync(f, 'utf8')) + '\n' },
    { name: 'an empty note is left out', argv: ['sign', 'new.bizflow.yaml', '--requirement', 'R5', '--role', 'c', '--note', '', '--on', '2026-02-05'], show: ['new.bizflow.yaml'] },
    { name: 'flow style refused', argv: ['sign', 'rich.bizflow.yaml', '--requirement', 'R1', '--role', 'c', '--on', '2026-02-03'], show: ['rich.bizflow.yaml'] },
    { name: 'flow style refused zh-CN', argv: ['sign', 'rich.bizflow.yaml', ...zh, '--requirement', 'R1', '--role', 'c', '--on', '2026-02-03'] },
    { name: 'unknown requirement', argv: ['sign', 'rich.bizflow.yaml', '--requirement', 'R66', '--role', 'c'] },
    { name: 'unknown requirement zh-CN', argv: ['sign', 'rich.bizflow.yaml', ...zh, '--requirement', 'R66', '--role', 'c'] },
    { name: 'unknown role', argv: ['sign', 'rich.bizflow.yaml', '--requirement', 'R6', '--role', 'cc'] },
    { name: 'unknown role zh-CN', argv: ['sign', 'rich.bizflow.yaml', ...zh, '--requirement', 'R6', '--role', 'cc'] },
    { name: 'unknown role, nothing near', argv: ['sign', 'rich.bizflow.yaml', '--requirement', 'R6', '--role', 'zzzzzzzz'] },
    { name: 'syntax errors', argv: ['sign', 'bad.bizflow.yaml', '--requirement', 'R', '--role', 'a'], files: { 'bad.bizflow.yaml': 'bizflow: 1\nroles: [\n' } },
    { name: 'syntax errors zh-CN', argv: ['sign', 'bad.bizflow.yaml', ...zh, '--requirement', 'R', '--role', 'a'], files: { 'bad.bizflow.yaml': 'bizflow: 1\nroles: [\n' } },
    { name: 'an anchor', argv: ['sign', 'alias.bizflow.yaml', '--requirement', 'R1', '--role', 'a'], files: { 'alias.bizflow.yaml': ALIAS } },
    { name: 'an anchor zh-CN', argv: ['sign', 'alias.bizflow.yaml', ...zh, '--requirement', 'R1', '--role', 'a'], files: { 'alias.bizflow.yaml': ALIAS } },
    { name: 'an alias', argv: ['sign', 'alias.bizflow.yaml', '--requirement', 'R2', '--role', 'a'], files: { 'alias.bizflow.yaml': ALIAS } },
    { name: 'an alias zh-CN', argv: ['sign', 'alias.bizflow.yaml', ...zh, '--requirement', 'R2', '--role', 'a'], files: { 'alias.bizflow.yaml': ALIAS } },
    { name: 'not a map', argv: ['sign', 'alias.bizflow.yaml', '--requirement', 'R3', '--role', 'a'], files: { 'alias.bizflow.yaml': ALIAS } },
    { name: 'not a map zh-CN', argv: ['sign', 'alias.bizflow.yaml', ...zh, '--requirement', 'R3', '--role', 'a'], files: { 'alias.bizflow.yaml': ALIAS } },
    { name: 'reviews not a list', argv: ['sign', 'alias.bizflow.yaml', '--requirement', 'R4', '--role', 'a'], files: { 'alias.bizflow.yaml': ALIAS } },
    { name: 'reviews not a list zh-CN', argv: ['sign', 'alias.bizflow.yaml', ...zh, '--requirement', 'R4', '--role', 'a'], files: { 'alias.bizflow.yaml': ALIAS } },
    { name: 'reviews in flow style', argv: ['sign', 'alias.bizflow.yaml', '--requirement', 'R5', '--role', 'a'], files: { 'alias.bizflow.yaml': ALIAS } },
    { name: 'no --role', argv: ['sign', 'rich.bizflow.yaml', '--requirement', 'R6'] },
    { name: 'no --requirement zh-CN', argv: ['sign', 'rich.bizflow.yaml', ...zh, '--role', 'c'] },
    { name: 'bad date', argv: ['sign', 'rich.bizflow.yaml', '--requirement', 'R6', '--role', 'c', '--on', '2026-13-01'] },
    { name: 'bad date zh-CN', argv: ['sign', 'rich.bizflow.yaml', ...zh, '--requirement', 'R6', '--role', 'c', '--on', 'tomorrow'] },
    { name: 'bad verdict', argv: ['sign', 'rich.bizflow.yaml', '--requirement', 'R6', '--role', 'c', '--verdict', 'yes'] },
    { name: 'no file', argv: ['sign', '--requirement', 'R6', '--role', 'c'] },
    { name: 'two files zh-CN', argv: ['sign', ...zh, 'a.yaml', 'b.yaml', '--requirement', 'R6', '--role', 'c'] },
    { name: 'missing file', argv: ['sign', 'none.bizflow.yaml', '--requirement', 'R6', '--role', 'c'] },
    { name: 'a folder', argv: ['sign', '.', '--requirement', 'R6', '--role', 'c'] },
    { name: 'help', argv: ['sign', '--help'] },
    { name: 'help zh-CN', argv: ['help', 'sign', ...zh] },
    { name: 'unknown option', argv: ['sign', '--verdit', 'agree'] },
  ];
  transcriptSuite('sign', cases);
});

/** Fills rows of the sign-off sheet of `pack` (made first with `bizflow review -f xlsx`) and saves it as `out`. */
async function returned(dir: string, rows: Record<number, Partial<Record<keyof typeof SIGN_OFF_COLUMNS, ExcelJS.CellValue>>>, opts: { locale?: string; out?: string } = {}): Promise<void> {
  const r = await run(['review', '-f', 'xlsx', '-o', 'pack.xlsx', ...(opts.locale ? ['--locale', opts.locale] : []), 'rich.bizflow.yaml'], { cwd: dir });
  if (r.code !== 0) throw new Error(r.err);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, 'pack.xlsx'));
  const so = wb.worksheets[wb.worksheets.length - 1];
  for (const [row, cells] of Object.entries(rows)) {
    for (const [k, v] of Object.entries(cells)) so.getRow(Number(row)).getCell(SIGN_OFF_COLUMNS[k as keyof typeof SIGN_OFF_COLUMNS]).value = v as ExcelJS.CellValue;
  }
  await wb.xlsx.writeFile(path.join(dir, opts.out ?? 'returned.xlsx'));
}

/** The sheets of an xlsx file and the rows of its last one. */
async function sheets(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const last = wb.worksheets[wb.worksheets.length - 1];
  const rows: string[] = [];
  last.eachRow((row) => rows.push((row.values as unknown[]).slice(1).join(' | ')));
  return `sheets: ${wb.worksheets.map((w) => w.name).join(', ')}\n${rows.join('\n')}\n`;
}

describe('cli transcripts: review', () => {
  const cases: Case[] = [
    { name: 'md to standard output', argv: ['review', '-f', 'md', 'rich.bizflow.yaml'] },
    { name: 'md zh-CN, one role', argv: ['review', '-f', 'md', '-r', 'c', ...zh, 'rich.bizflow.yaml'] },
    { name: 'md to a file', argv: ['review', '-f', 'md', '-o', 'out.md', 'rich.bizflow.yaml'], show: ['out.md'] },
    { name: 'md to a file zh-CN', argv: ['review', '-f', 'md', '-o', 'out.md', ...zh, '-r', 'c', 'rich.bizflow.yaml'] },
    { name: 'md to "-"', argv: ['review', '-f', 'md', '-o', '-', '-r', 'quiet', 'rich.bizflow.yaml'] },
    { name: 'md over an existing file keeps its mode', argv: ['review', '-f', 'md', '-r', 'quiet', '-o', 'out.md', 'rich.bizflow.yaml'], files: { 'out.md': 'old' }, prepare: (d) => fs.chmodSync(path.join(d, 'out.md'), 0o600), show: ['out.md'], describe: async (f) => `mode ${(fs.statSync(f).mode & 0o777).toString(8)}, ${fs.readFileSync(f, 'utf8').split('\n')[0]}\n` },
    { name: 'md with an rc file', argv: ['review', '-f', 'md', '-r', 'c', 'rich.bizflow.yaml'], files: { '.bizflowrc.yml': RC } },
    { name: 'md with an explicit rc file', argv: ['review', '-f', 'md', '-r', 'c', '-c', 'strict.yml', 'rich.bizflow.yaml'], files: { 'strict.yml': RC } },
    { name: 'a broken rc file', argv: ['review', '-f', 'md', 'rich.bizflow.yaml'], files: { '.bizflowrc.yml': 'rules: [\n' } },
    {
      name: 'html without pictures to a file',
      argv: ['review', '--no-pictures', '-o', 'out.html', 'rich.bizflow.yaml'],
      show: ['out.html'],
      describe: async (f) => fs.readFileSync(f, 'utf8').split('\n').slice(0, 2).join('\n') + '\n',
    },
    {
      name: 'html without pictures to standard output, zh-CN',
      argv: ['review', '--no-pictures', ...zh, 'rich.bizflow.yaml'],
      files: {},
    },
    { name: 'xlsx named after the file', argv: ['review', '-f', 'xlsx', 'rich.bizflow.yaml'], show: ['rich.review.xlsx'], describe: sheets },
    { name: 'xlsx named after a .yml file', argv: ['review', '-f', 'xlsx', 'x.yml'], files: { 'x.yml': fs.readFileSync(path.join(__dirname, '../../fixtures/cli/review/rich.bizflow.yaml'), 'utf8') }, show: ['x.review.xlsx'], describe: sheets },
    { name: 'xlsx zh-CN one role', argv: ['review', '-f', 'xlsx', '-r', 'c', '-o', 'c.xlsx', ...zh, 'rich.bizflow.yaml'], show: ['c.xlsx'], describe: sheets },
    { name: 'xlsx to a terminal', argv: ['review', '-f', 'xlsx', '-o', '-', 'rich.bizflow.yaml'], isTTY: true },
    { name: 'xlsx to a terminal zh-CN', argv: ['review', '-f', 'xlsx', '-o', '-', ...zh, 'rich.bizflow.yaml'], isTTY: true },
    { name: 'empty output name', argv: ['review', '-f', 'md', '-o', '', 'rich.bizflow.yaml'] },
    { name: 'empty output name zh-CN', argv: ['review', '-f', 'md', '-o', '', ...zh, 'rich.bizflow.yaml'] },
    { name: 'output over the file itself', argv: ['review', '-f', 'md', '-o', './rich.bizflow.yaml', 'rich.bizflow.yaml'], show: ['rich.bizflow.yaml'], describe: async (f) => fs.readFileSync(f, 'utf8').split('\n')[0] + '\n' },
    { name: 'output over the file itself zh-CN', argv: ['review', '-f', 'md', '-o', 'rich.bizflow.yaml', ...zh, 'rich.bizflow.yaml'] },
    { name: 'output into a missing folder', argv: ['review', '-f', 'md', '-o', 'no/such/out.md', 'rich.bizflow.yaml'] },
    { name: 'output into a missing folder zh-CN', argv: ['review', '-f', 'md', '-o', 'no/such/out.md', ...zh, 'rich.bizflow.yaml'] },
    { name: 'bad format', argv: ['review', '-f', 'pdf', 'rich.bizflow.yaml'] },
    { name: 'unknown role', argv: ['review', '-f', 'md', '-r', 'bb', 'rich.bizflow.yaml'] },
    { name: 'no file', argv: ['review'] },
    { name: 'two files', argv: ['review', 'a', 'b'] },
    { name: 'missing file', argv: ['review', 'none.bizflow.yaml'] },
    { name: 'a folder', argv: ['review', '-f', 'md', '.'] },
    { name: '--on without --import', argv: ['review', '--on', '2026-01-01', 'rich.bizflow.yaml'] },
    { name: '--on without --import zh-CN', argv: ['review', '--on', '2026-01-01', ...zh, 'rich.bizflow.yaml'] },
    { name: '--import with --format', argv: ['review', '--import', 'r.xlsx', '-f', 'md', 'rich.bizflow.yaml'] },
    { name: '--import with --output zh-CN', argv: ['review', '--import', 'r.xlsx', '-o', 'x', ...zh, 'rich.bizflow.yaml'] },
    { name: '--import with --role', argv: ['review', '--import', 'r.xlsx', '-r', 'c', 'rich.bizflow.yaml'] },
    { name: '--import with --no-pictures', argv: ['review', '--import', 'r.xlsx', '--no-pictures', 'rich.bizflow.yaml'] },
    { name: '--import with a bad --on', argv: ['review', '--import', 'r.xlsx', '--on', '2026-02-30', 'rich.bizflow.yaml'] },
    { name: '--import with a bad --on zh-CN', argv: ['review', '--import', 'r.xlsx', '--on', 'x', ...zh, 'rich.bizflow.yaml'] },
    { name: '--import of a missing sheet', argv: ['review', '--import', 'none.xlsx', 'rich.bizflow.yaml'] },
    { name: '--import of a missing sheet zh-CN', argv: ['review', '--import', 'none.xlsx', ...zh, 'rich.bizflow.yaml'] },
    { name: '--import of a folder', argv: ['review', '--import', 'dir.xlsx', 'rich.bizflow.yaml'], files: { 'dir.xlsx/x': '' } },
    { name: '--import of a folder zh-CN', argv: ['review', '--import', 'dir.xlsx', ...zh, 'rich.bizflow.yaml'], files: { 'dir.xlsx/x': '' } },
    { name: '--import into a missing file', argv: ['review', '--import', 'r.xlsx', 'none.bizflow.yaml'] },
    { name: '--import of a text file', argv: ['review', '--import', 'notes.xlsx', 'rich.bizflow.yaml'], files: { 'notes.xlsx': 'not a zip' } },
    { name: '--import of a text file zh-CN', argv: ['review', '--import', 'notes.xlsx', ...zh, 'rich.bizflow.yaml'], files: { 'notes.xlsx': 'not a zip' } },
    {
      name: '--import of a workbook without a sign-off sheet',
      argv: ['review', '--import', 'other.xlsx', 'rich.bizflow.yaml'],
      prepare: async (dir) => {
        const wb = new ExcelJS.Workbook();
        wb.addWorksheet('Sheet1').addRow(['x']);
        await wb.xlsx.writeFile(path.join(dir, 'other.xlsx'));
      },
    },
    {
      name: '--import of a workbook without a sign-off sheet zh-CN',
      argv: ['review', '--import', 'other.xlsx', ...zh, 'rich.bizflow.yaml'],
      prepare: async (dir) => {
        const wb = new ExcelJS.Workbook();
        wb.addWorksheet('Sheet1').addRow(['x']);
        await wb.xlsx.writeFile(path.join(dir, 'other.xlsx'));
      },
    },
    { name: '--import of a blank sheet', argv: ['review', '--import', 'returned.xlsx', 'rich.bizflow.yaml'], prepare: (d) => returned(d, {}), show: ['rich.bizflow.yaml'], describe: async (f) => `${fs.readFileSync(f, 'utf8').length} characters\n` },
    { name: '--import of a blank sheet zh-CN', argv: ['review', '--import', 'returned.xlsx', ...zh, 'rich.bizflow.yaml'], prepare: (d) => returned(d, {}) },
    {
      name: '--import of filled rows',
      argv: ['review', '--import', 'returned.xlsx', '--on', '2026-03-01', 'new.bizflow.yaml'],
      prepare: async (d) => {
        fs.copyFileSync(path.join(d, 'new.bizflow.yaml'), path.join(d, 'rich.bizflow.yaml'));
        await returned(d, { 2: { verdict: 'agree' }, 3: { verdict: 'object', note: 'no', date: '2026-03-02' } });
      },
      show: ['new.bizflow.yaml'],
    },
    {
      name: '--import of every row, zh-CN, no blank row',
      argv: ['review', '--import', 'returned.xlsx', '--on', '2026-03-01', ...zh, 'new.bizflow.yaml'],
      prepare: async (d) => {
        fs.copyFileSync(path.join(d, 'new.bizflow.yaml'), path.join(d, 'rich.bizflow.yaml'));
        await returned(d, { 2: { verdict: 'agree' }, 3: { verdict: 'agree' }, 4: { verdict: 'agree' } }, { locale: 'zh-CN' });
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(path.join(d, 'returned.xlsx'));
        const so = wb.worksheets[wb.worksheets.length - 1];
        for (let i = 5; i <= so.rowCount; i++) so.getRow(i).getCell(SIGN_OFF_COLUMNS.verdict).value = 'question';
        await wb.xlsx.writeFile(path.join(d, 'returned.xlsx'));
      },
    },
    {
      name: '--import keeps a byte order mark',
      argv: ['review', '--import', 'returned.xlsx', '--on', '2026-03-01', 'bom.bizflow.yaml'],
      prepare: async (d) => {
        const text = fs.readFileSync(path.join(d, 'new.bizflow.yaml'), 'utf8');
        fs.writeFileSync(path.join(d, 'rich.bizflow.yaml'), text);
        fs.writeFileSync(path.join(d, 'bom.bizflow.yaml'), '\uFEFF' + text);
        await returned(d, { 2: { verdict: 'agree' } });
      },
      show: ['bom.bizflow.yaml'],
      describe: async (f) => JSON.stringify(fs.readFileSync(f, 'utf8').slice(0, 12)) + ` … ${fs.readFileSync(f, 'utf8').includes('verdict: agree\n        on: 2026-03-01') ? 'recorded' : 'not recorded'}\n`,
    },
    {
      name: '--import of bad rows: nothing is written',
      argv: ['review', '--import', 'returned.xlsx', 'rich.bizflow.yaml'],
      prepare: (d) =>
        returned(d, {
          2: { roleId: 'cc', verdict: 'agree' },
          3: { requirement: 'R66', verdict: 'agree' },
          4: { verdict: 'maybe' },
          5: { verdict: 'agree', date: 'soon' },
          6: { verdict: 'agree', fingerprint: 'deadbeef' },
          7: { requirement: 'R6', roleId: 'zzzzzzzzzz', verdict: 'agree' },
        }),
      show: ['rich.bizflow.yaml'],
      describe: async (f) => (fs.readFileSync(f, 'utf8') === fs.readFileSync(path.join(__dirname, '../../fixtures/cli/review/rich.bizflow.yaml'), 'utf8') ? 'unchanged\n' : 'CHANGED\n'),
    },
    {
      name: '--import of bad rows zh-CN',
      argv: ['review', '--import', 'returned.xlsx', ...zh, 'rich.bizflow.yaml'],
      prepare: (d) =>
        returned(d, {
          2: { roleId: 'cc', verdict: 'agree' },
          3: { requirement: 'R66', verdict: 'agree' },
          4: { verdict: 'maybe' },
          5: { verdict: 'agree', date: 'soon' },
          6: { verdict: 'agree', fingerprint: 'deadbeef' },
          7: { requirement: 'R6', roleId: 'zzzzzzzzzz', verdict: 'agree' },
        }),
    },
    { name: '--import into a flow-style requirement is refused', argv: ['review', '--import', 'returned.xlsx', 'rich.bizflow.yaml'], prepare: (d) => returned(d, { 2: { verdict: 'agree' } }) },
    { name: '--import into a flow-style requirement is refused zh-CN', argv: ['review', '--import', 'returned.xlsx', ...zh, 'rich.bizflow.yaml'], prepare: (d) => returned(d, { 2: { verdict: 'agree' } }) },
    {
      name: '--import into a file with syntax errors',
      argv: ['review', '--import', 'returned.xlsx', 'rich.bizflow.yaml'],
      prepare: async (d) => {
        await returned(d, { 2: { verdict: 'agree' } });
        fs.appendFileSync(path.join(d, 'rich.bizflow.yaml'), 'x: [\n');
      },
    },
    {
      name: '--import into a file with syntax errors zh-CN',
      argv: ['review', '--import', 'returned.xlsx', ...zh, 'rich.bizflow.yaml'],
      prepare: async (d) => {
        await returned(d, { 2: { verdict: 'agree' } });
        fs.appendFileSync(path.join(d, 'rich.bizflow.yaml'), 'x: [\n');
      },
    },
    {
      name: '--import that cannot write the file',
      argv: ['review', '--import', 'returned.xlsx', '--on', '2026-03-01', 'new.bizflow.yaml'],
      prepare: async (d) => {
        fs.copyFileSync(path.join(d, 'new.bizflow.yaml'), path.join(d, 'rich.bizflow.yaml'));
        await returned(d, { 2: { verdict: 'agree' } });
        // the temporary file beside it cannot be made: a folder has its name
        fs.mkdirSync(path.join(d, `.new.bizflow.yaml.${process.pid}.tmp`));
      },
      show: ['new.bizflow.yaml'],
      describe: async (f) => (fs.readFileSync(f, 'utf8') === fs.readFileSync(path.join(__dirname, '../../fixtures/cli/review/new.bizflow.yaml'), 'utf8') ? 'unchanged\n' : 'CHANGED\n'),
    },
    {
      name: '--import that cannot write the file zh-CN',
      argv: ['review', '--import', 'returned.xlsx', '--on', '2026-03-01', ...zh, 'new.bizflow.yaml'],
      prepare: async (d) => {
        fs.copyFileSync(path.join(d, 'new.bizflow.yaml'), path.join(d, 'rich.bizflow.yaml'));
        await returned(d, { 2: { verdict: 'agree' } });
        fs.mkdirSync(path.join(d, `.new.bizflow.yaml.${process.pid}.tmp`));
      },
    },
    {
      name: 'a pack that cannot be written',
      argv: ['review', '-f', 'md', '-o', 'out.md', 'rich.bizflow.yaml'],
      prepare: (d) => fs.mkdirSync(path.join(d, `.out.md.${process.pid}.tmp`)),
      show: ['out.md'],
    },
    { name: 'help', argv: ['review', '--help'] },
    { name: 'help zh-CN', argv: ['review', '--help', ...zh] },
  ];
  transcriptSuite('review', cases);
});

describe('cli transcripts: the bizflow command', () => {
  const cases: Case[] = [
    { name: 'no arguments', argv: [] },
    { name: 'no arguments, Chinese environment', argv: [], env: { LANG: 'zh_CN.UTF-8' } },
    { name: 'LC_ALL wins over LANG', argv: ['bogus'], env: { LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' } },
    { name: 'LC_MESSAGES', argv: ['bogus'], env: { LC_MESSAGES: 'zh_CN' } },
    { name: 'LANGUAGE', argv: ['bogus'], env: { LANGUAGE: 'zh' } },
    { name: '--help', argv: ['--help'] },
    { name: '-h', argv: ['-h'] },
    { name: '--version', argv: ['--version'] },
    { name: '-v', argv: ['-v'] },
    { name: '-V', argv: ['-V'] },
    { name: 'help', argv: ['help'] },
    { name: 'help zh-CN', argv: ['help', '--locale', 'zh-CN'] },
    { name: 'help lint', argv: ['help', 'lint'] },
    { name: 'help render', argv: ['help', 'render'] },
    { name: 'help impact', argv: ['help', 'impact'] },
    { name: 'help diff zh-CN', argv: ['help', 'diff', '--locale=zh-CN'] },
    { name: 'help sign', argv: ['help', 'sign'] },
    { name: 'help review', argv: ['help', 'review'] },
    { name: 'help of an unknown command', argv: ['help', 'sing'] },
    { name: 'unknown command', argv: ['reveiw'] },
    { name: 'unknown command, nothing near', argv: ['zzzzzzzz'] },
    { name: 'an option instead of a command', argv: ['-x'] },
    { name: '--locale before the command', argv: ['--locale', 'zh-CN', 'impact'] },
    { name: '--locale= before the command', argv: ['--locale=zh-CN', 'sign', '--help'] },
    { name: '--locale and nothing else', argv: ['--locale', 'zh-CN'] },
    { name: '--locale= and nothing else', argv: ['--locale=zh-CN'] },
    { name: '--locale twice before the command', argv: ['--locale', 'zh-CN', '--locale', 'en'] },
    { name: '--locale then --locale=', argv: ['--locale', 'zh-CN', '--locale=en', 'lint'] },
    { name: 'a bad --locale', argv: ['impact', '--locale', 'fr', 'x'] },
    { name: 'a bad --locale=', argv: ['impact', '--locale=de'] },
    { name: '--locale without a value', argv: ['impact', '--locale'] },
    { name: 'zh_CN.UTF-8 as --locale', argv: ['impact', '--locale', 'zh_CN.UTF-8'] },
    { name: '--locale after -- is a file name', argv: ['impact', '--', '--locale', 'fr'] },
    { name: 'an option taking no value given one', argv: ['review', '--no-pictures=yes', 'x'] },
    { name: 'an option taking no value given one zh-CN', argv: ['review', '--no-pictures=yes', '--locale', 'zh-CN', 'x'] },
    { name: 'an option without its value', argv: ['impact', 'x', '--role'] },
    { name: 'an option without its value zh-CN', argv: ['impact', 'x', '--role', '--locale=zh-CN'] },
    { name: 'a repeated option zh-CN', argv: ['impact', '-f', 'json', '-f', 'text', '--locale', 'zh-CN'] },
    { name: 'an unknown option zh-CN', argv: ['diff', '--formt', 'json', '--locale', 'zh-CN'] },
    { name: 'user text is escaped on one line', argv: ['impact', 'a\nb\u001b[31m.yaml'] },
  ];
  transcriptSuite('cli', cases);
});
