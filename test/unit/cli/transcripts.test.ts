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
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SIGN_OFF_COLUMNS } from '../../../src/node/review-xlsx';
import { strict as assert } from 'assert';
import { removeTree, run, tempTree } from '../../fixtures/cli/harness';
import { fixtureFiles, transcriptSuite, type Case } from '../../fixtures/cli/transcript';

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
    { name: 'one kind of change per role', argv: ['impact', 'lanes.bizflow.yaml'] },
    { name: 'one kind of change per role, markdown', argv: ['impact', '-f', 'markdown', 'lanes.bizflow.yaml'] },
    { name: 'a file without process, a conflict nobody decides, a requirement without title', argv: ['impact', 'np.bizflow.yaml'], files: { 'np.bizflow.yaml': 'bizflow: 1\nroles:\n  a: { name: A }\n  b: { name: B }\nsteps:\n  s1: { name: S1, type: start, role: a, next: s2 }\n  s2: { name: S2, role: b, next: e }\n  e: { name: E, type: end }\nrequirements:\n  R1: { from: a, priority: must, sets: { s2.mode: fast } }\n' } },
    { name: 'a file without process, json', argv: ['impact', '-f', 'json', '-r', 'b', 'np.bizflow.yaml'], files: { 'np.bizflow.yaml': 'bizflow: 1\nroles:\n  a: { name: A }\n  b: { name: B }\nsteps:\n  s1: { name: S1, type: start, role: a, next: s2 }\n  s2: { name: S2, role: b, next: e }\n  e: { name: E, type: end }\nrequirements:\n  R1: { from: a, priority: must, sets: { s2.mode: fast } }\n' } },
    { name: 'a folder zh-CN', argv: ['impact', ...zh, '.'] },
    { name: 'the examples: order-fulfilment', argv: ['impact', 'order.bizflow.yaml'], files: { 'order.bizflow.yaml': fs.readFileSync(path.resolve(__dirname, '../../../examples/order-fulfilment.bizflow.yaml'), 'utf8') } },
  ];
  transcriptSuite('impact', cases);
});

/** Makes the folder a git repository with everything in it committed. */
function commitAll(dir: string): void {
  for (const args of [['init', '-q'], ['add', '.'], ['commit', '-qm', 'v1']]) {
    const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
  }
}

describe('cli transcripts: diff', () => {
  const cases: Case[] = [
    { name: 'text', argv: ['diff', 'old.bizflow.yaml', 'new.bizflow.yaml'] },
    { name: 'text zh-CN', argv: ['diff', ...zh, 'old.bizflow.yaml', 'new.bizflow.yaml'] },
    { name: 'markdown', argv: ['diff', '-f', 'markdown', 'old.bizflow.yaml', 'new.bizflow.yaml'] },
    { name: 'markdown zh-CN', argv: ['diff', '-f', 'markdown', ...zh, 'old.bizflow.yaml', 'new.bizflow.yaml'] },
    { name: 'markdown, a role with changes last', argv: ['diff', '-f', 'markdown', '-r', 'a', 'old.bizflow.yaml', 'new.bizflow.yaml'] },
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
    { name: 'git is not on the PATH', argv: ['diff', 'HEAD:old.bizflow.yaml', 'new.bizflow.yaml'], processEnv: { PATH: '/nonexistent' } },
    { name: 'git is not on the PATH zh-CN', argv: ['diff', ...zh, 'HEAD:old.bizflow.yaml', 'new.bizflow.yaml'], processEnv: { PATH: '/nonexistent' } },
    { name: 'a revision starting with -', argv: ['diff', '--', '-x:old.bizflow.yaml', 'new.bizflow.yaml'] },
    { name: 'a revision starting with - zh-CN', argv: ['diff', ...zh, '--', '-x:old.bizflow.yaml', 'new.bizflow.yaml'] },
    { name: 'a binary file in git', argv: ['diff', 'HEAD:bin.bizflow.yaml', 'new.bizflow.yaml'], files: { 'bin.bizflow.yaml': Buffer.from([0x62, 0x00, 0x01]) }, prepare: commitAll },
    { name: 'a binary file in git zh-CN', argv: ['diff', ...zh, 'HEAD:bin.bizflow.yaml', 'new.bizflow.yaml'], files: { 'bin.bizflow.yaml': Buffer.from([0x62, 0x00, 0x01]) }, prepare: commitAll },
    { name: 'a version from git', argv: ['diff', '-r', 'c', 'HEAD:./old.bizflow.yaml', 'new.bizflow.yaml'], prepare: commitAll },
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

/** Characters whose UTF-8 bytes look like a byte order mark (EF BB BF) in two of three places. */
const BOM_LOOKALIKES: [string, string][] = [
  ['丿 (E4 B8 BF)', '丿'],
  ['仿 (E4 BB BF)', '仿'],
  ['＿ (EF BC BF)', '＿'],
  ['ﻀ (EF BB 80)', 'ﻀ'],
];
const lookalike = (ch: string) => `${ch}: 1\nbizflow: 1\nroles:\n  a: { name: A }\nrequirements:\n  R:\n    title: r\n    from: a\n`;
const firstChars = async (f: string) => JSON.stringify(fs.readFileSync(f, 'utf8').slice(0, 3)) + '\n';

/** A file the command cannot write: immutable when run as root (chmod does not stop root), else read-only. */
function readOnly(file: string): void {
  if (process.getuid?.() === 0) spawnSync('chattr', ['+i', file]);
  else fs.chmodSync(file, 0o444);
}
function writable(file: string): void {
  if (process.getuid?.() === 0) spawnSync('chattr', ['-i', file]);
  else fs.chmodSync(file, 0o644);
}

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
    ...BOM_LOOKALIKES.map(([name, ch]): Case => ({ name: `no byte order mark: a file starting with ${name}`, argv: ['sign', 'l.bizflow.yaml', '--requirement', 'R', '--role', 'a', '--on', '2026-02-06'], files: { 'l.bizflow.yaml': lookalike(ch) }, show: ['l.bizflow.yaml'], describe: firstChars })),
    {
      name: 'a file that cannot be written',
      argv: ['sign', 'rich.bizflow.yaml', '--requirement', 'R6', '--role', 'c', '--on', '2026-02-03'],
      prepare: (d) => readOnly(path.join(d, 'rich.bizflow.yaml')),
      after: (d) => writable(path.join(d, 'rich.bizflow.yaml')),
      normalise: (s) => s.replace(/\((EPERM|EACCES)\)/g, '(EACCES or EPERM)'),
    },
    {
      name: 'a file that cannot be written zh-CN',
      argv: ['sign', 'rich.bizflow.yaml', ...zh, '--requirement', 'R6', '--role', 'c', '--on', '2026-02-03'],
      prepare: (d) => readOnly(path.join(d, 'rich.bizflow.yaml')),
      after: (d) => writable(path.join(d, 'rich.bizflow.yaml')),
      normalise: (s) => s.replace(/（(EPERM|EACCES)）/g, '（EACCES or EPERM）'),
    },
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

/** Rows of a returned workbook that `--import` refuses, one of each kind (unknown role, requirement, verdict, date, fingerprint, a role not asked). */
const BAD_ROWS: Record<number, Partial<Record<keyof typeof SIGN_OFF_COLUMNS, ExcelJS.CellValue>>> = {
  2: { roleId: 'cc', verdict: 'agree' },
  3: { requirement: 'R66', verdict: 'agree' },
  4: { verdict: 'maybe' },
  5: { verdict: 'agree', date: 'soon' },
  6: { verdict: 'agree', fingerprint: 'deadbeef' },
  7: { requirement: 'R6', roleId: 'zzzzzzzzzz', verdict: 'agree' },
};

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
    { name: 'xlsx named after a .bizflow.yml file', argv: ['review', '-f', 'xlsx', 'y.bizflow.yml'], files: { 'y.bizflow.yml': 'bizflow: 1\n' }, show: ['y.review.xlsx'], describe: sheets },
    { name: 'xlsx named after a file with .bizflow.yml and .yml inside its name', argv: ['review', '-f', 'xlsx', 'a.bizflow.yml.yaml'], files: { 'a.bizflow.yml.yaml': 'bizflow: 1\n' }, show: ['a.bizflow.yml.review.xlsx'], describe: sheets },
    { name: 'xlsx named after the file, on a terminal', argv: ['review', '-f', 'xlsx', '-r', 'quiet', 'rich.bizflow.yaml'], isTTY: true, show: ['rich.review.xlsx'], describe: sheets },
    {
      name: 'output over a folder: nothing is left behind',
      argv: ['review', '-f', 'md', '-o', 'folder', 'rich.bizflow.yaml'],
      files: { 'folder/x': 'x' },
      show: ['.'],
      describe: async (d) => fs.readdirSync(d).filter((f) => !f.endsWith('.bizflow.yaml')).join(', ') + '\n',
    },
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
      name: '--import of every row, none blank',
      argv: ['review', '--import', 'returned.xlsx', '--on', '2026-03-01', 'new.bizflow.yaml'],
      prepare: async (d) => {
        fs.copyFileSync(path.join(d, 'new.bizflow.yaml'), path.join(d, 'rich.bizflow.yaml'));
        await returned(d, Object.fromEntries([2, 3, 4, 5, 6, 7].map((i) => [i, { verdict: 'agree' }])));
      },
    },
    {
      name: '--import with blank rows zh-CN',
      argv: ['review', '--import', 'returned.xlsx', ...zh, 'new.bizflow.yaml'],
      prepare: async (d) => {
        fs.copyFileSync(path.join(d, 'new.bizflow.yaml'), path.join(d, 'rich.bizflow.yaml'));
        await returned(d, { 2: { verdict: 'agree', date: '2026-03-04' } });
      },
    },
    ...BOM_LOOKALIKES.map(([name, ch]): Case => ({
      name: `--import: no byte order mark in a file starting with ${name}`,
      argv: ['review', '--import', 'returned.xlsx', '--on', '2026-03-01', 'l.bizflow.yaml'],
      prepare: async (d) => {
        const text = fs.readFileSync(path.join(d, 'new.bizflow.yaml'), 'utf8');
        fs.writeFileSync(path.join(d, 'rich.bizflow.yaml'), text);
        fs.writeFileSync(path.join(d, 'l.bizflow.yaml'), `${ch}: 1\n` + text);
        await returned(d, { 2: { verdict: 'agree' } });
      },
      show: ['l.bizflow.yaml'],
      describe: firstChars,
    })),
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
        returned(d, BAD_ROWS),
      show: ['rich.bizflow.yaml'],
      describe: async (f) => (fs.readFileSync(f, 'utf8') === fs.readFileSync(path.join(__dirname, '../../fixtures/cli/review/rich.bizflow.yaml'), 'utf8') ? 'unchanged\n' : 'CHANGED\n'),
    },
    {
      name: '--import of bad rows zh-CN',
      argv: ['review', '--import', 'returned.xlsx', ...zh, 'rich.bizflow.yaml'],
      prepare: (d) =>
        returned(d, BAD_ROWS),
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
    { name: '--import refused: an anchor', argv: ['review', '--import', 'returned.xlsx', 'alias.bizflow.yaml'], files: { 'alias.bizflow.yaml': ALIAS }, prepare: (d) => returned(d, { 2: { roleId: 'a', requirement: 'R1', fingerprint: null, verdict: 'agree' } }) },
    { name: '--import refused: an anchor zh-CN', argv: ['review', '--import', 'returned.xlsx', ...zh, 'alias.bizflow.yaml'], files: { 'alias.bizflow.yaml': ALIAS }, prepare: (d) => returned(d, { 2: { roleId: 'a', requirement: 'R1', fingerprint: null, verdict: 'agree' } }) },
    { name: '--import refused: an alias', argv: ['review', '--import', 'returned.xlsx', 'alias.bizflow.yaml'], files: { 'alias.bizflow.yaml': ALIAS }, prepare: (d) => returned(d, { 2: { roleId: 'a', requirement: 'R2', fingerprint: null, verdict: 'agree' } }) },
    { name: '--import refused: an alias zh-CN', argv: ['review', '--import', 'returned.xlsx', ...zh, 'alias.bizflow.yaml'], files: { 'alias.bizflow.yaml': ALIAS }, prepare: (d) => returned(d, { 2: { roleId: 'a', requirement: 'R2', fingerprint: null, verdict: 'agree' } }) },
    { name: '--import refused: not a map', argv: ['review', '--import', 'returned.xlsx', 'alias.bizflow.yaml'], files: { 'alias.bizflow.yaml': ALIAS }, prepare: (d) => returned(d, { 2: { roleId: 'a', requirement: 'R3', fingerprint: null, verdict: 'agree' } }) },
    { name: '--import refused: not a map zh-CN', argv: ['review', '--import', 'returned.xlsx', ...zh, 'alias.bizflow.yaml'], files: { 'alias.bizflow.yaml': ALIAS }, prepare: (d) => returned(d, { 2: { roleId: 'a', requirement: 'R3', fingerprint: null, verdict: 'agree' } }) },
    { name: '--import refused: reviews not a list', argv: ['review', '--import', 'returned.xlsx', 'alias.bizflow.yaml'], files: { 'alias.bizflow.yaml': ALIAS }, prepare: (d) => returned(d, { 2: { roleId: 'a', requirement: 'R4', fingerprint: null, verdict: 'agree' } }) },
    { name: '--import refused: reviews not a list zh-CN', argv: ['review', '--import', 'returned.xlsx', ...zh, 'alias.bizflow.yaml'], files: { 'alias.bizflow.yaml': ALIAS }, prepare: (d) => returned(d, { 2: { roleId: 'a', requirement: 'R4', fingerprint: null, verdict: 'agree' } }) },
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
    { name: 'help with --locale before it', argv: ['--locale', 'zh-CN', 'help', 'lint'] },
    { name: 'help with --locale before the topic', argv: ['help', '--locale=zh-CN', 'sign'] },
    { name: 'help of an unknown command, --locale before it', argv: ['help', '--locale', 'zh-CN', 'sing'] },
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
    { name: 'an option without its value, truly last, zh-CN', argv: ['impact', '--locale=zh-CN', 'x', '--role'] },
    { name: 'a repeated option zh-CN', argv: ['impact', '-f', 'json', '-f', 'text', '--locale', 'zh-CN'] },
    { name: 'an unknown option zh-CN', argv: ['diff', '--formt', 'json', '--locale', 'zh-CN'] },
    { name: 'user text is escaped on one line', argv: ['impact', 'a\nb\u001b[31m.yaml'] },
  ];
  transcriptSuite('cli', cases);
});

const FIX = path.resolve(__dirname, '../../fixtures/cli');
const MIXED = fs.readFileSync(path.join(FIX, 'mixed.bizflow.yaml'), 'utf8');
const WARNINGS = fs.readFileSync(path.join(FIX, 'warnings.bizflow.yaml'), 'utf8');
/** A fixable file: a typo in a role reference that lint --fix corrects. */
const FIXABLE = fs.readFileSync(path.join(FIX, 'one-error.bizflow.yaml'), 'utf8');
const NO_CHROMIUM = { BIZFLOW_CHROMIUM: '/nonexistent/chromium' };
const MD = (body: string) => `# Doc\n\nText.\n\n\`\`\`bizflow\n${body}\`\`\`\n`;

describe('cli transcripts: lint and render', () => {
  const lintFiles = { 'mixed.bizflow.yaml': MIXED, 'warnings.bizflow.yaml': WARNINGS };
  const cases: Case[] = [
    { name: 'FORCE_COLOR=1 colours without a terminal', argv: ['lint', 'mixed.bizflow.yaml'], files: lintFiles, env: { FORCE_COLOR: '1' } },
    { name: 'FORCE_COLOR=0 no colours on a terminal', argv: ['lint', 'mixed.bizflow.yaml'], files: lintFiles, env: { FORCE_COLOR: '0' }, isTTY: true },
    { name: 'FORCE_COLOR=false no colours on a terminal', argv: ['lint', 'mixed.bizflow.yaml'], files: lintFiles, env: { FORCE_COLOR: 'false' }, isTTY: true },
    { name: 'FORCE_COLOR empty: a terminal decides', argv: ['lint', 'mixed.bizflow.yaml'], files: lintFiles, env: { FORCE_COLOR: '' }, isTTY: true },
    { name: 'FORCE_COLOR empty without a terminal: no colours', argv: ['lint', 'mixed.bizflow.yaml'], files: lintFiles, env: { FORCE_COLOR: '' } },
    { name: '--max-warnings -5', argv: ['lint', '--max-warnings', '-5', 'warnings.bizflow.yaml'], files: lintFiles },
    { name: 'NO_COLOR wins over FORCE_COLOR', argv: ['lint', 'mixed.bizflow.yaml'], files: lintFiles, env: { FORCE_COLOR: '1', NO_COLOR: '1' }, isTTY: true },
    { name: '--max-warnings with spaces', argv: ['lint', '--max-warnings', ' 2 ', 'warnings.bizflow.yaml'], files: lintFiles },
    { name: '--max-warnings exceeded', argv: ['lint', '--max-warnings', '1', 'warnings.bizflow.yaml'], files: lintFiles },
    { name: '--max-warnings exceeded zh-CN', argv: ['lint', '--max-warnings', '1', ...zh, 'warnings.bizflow.yaml'], files: lintFiles },
    { name: '--max-warnings -1', argv: ['lint', '--max-warnings', '-1', 'warnings.bizflow.yaml'], files: lintFiles },
    { name: '--max-warnings 1x', argv: ['lint', '--max-warnings', '1x', 'warnings.bizflow.yaml'], files: lintFiles },
    { name: '--max-warnings x1 zh-CN', argv: ['lint', '--max-warnings', 'x1', ...zh, 'warnings.bizflow.yaml'], files: lintFiles },
    { name: '--max-warnings too big', argv: ['lint', '--max-warnings', '99999999999999999999', 'warnings.bizflow.yaml'], files: lintFiles },
    { name: '--max-file-size in bytes', argv: ['lint', '--max-file-size', '1000', 'mixed.bizflow.yaml'], files: { 'mixed.bizflow.yaml': MIXED + '#'.repeat(1024) + '\n' } },
    { name: '--max-file-size 1k, a file of 1 KB and a bit', argv: ['lint', '--max-file-size', '1k', 'mixed.bizflow.yaml'], files: { 'mixed.bizflow.yaml': MIXED + '#'.repeat(1024) + '\n' } },
    { name: '--max-file-size 1.5 mb zh-CN', argv: ['lint', '--max-file-size', '1.5 mb', ...zh, 'big.bizflow.yaml'], files: { 'big.bizflow.yaml': 'bizflow: 1\n' + '#'.repeat(2 * 1024 * 1024) + '\n' } },
    { name: '--max-file-size exactly 1 MB', argv: ['lint', '--max-file-size', '1048575', 'big.bizflow.yaml'], files: { 'big.bizflow.yaml': '#'.repeat(1024 * 1024 - 1) + '\n' } },
    { name: '--max-file-size 1.25k', argv: ['lint', '--max-file-size', '1.25k', 'mixed.bizflow.yaml'], files: { 'mixed.bizflow.yaml': MIXED + '#'.repeat(1024) + '\n' } },
    { name: '--max-warnings 10', argv: ['lint', '--max-warnings', '10', 'warnings.bizflow.yaml'], files: lintFiles },
    { name: 'lint: an unknown option', argv: ['lint', '--max-warning', '1', 'warnings.bizflow.yaml'], files: lintFiles },
    { name: '--max-file-size 1g', argv: ['lint', '--max-file-size', '1g', 'warnings.bizflow.yaml'], files: lintFiles },
    { name: '--max-file-size 10q', argv: ['lint', '--max-file-size', '10q', 'warnings.bizflow.yaml'], files: lintFiles },
    { name: '--max-file-size 1.5.5 zh-CN', argv: ['lint', '--max-file-size', '1.5.5', ...zh, 'warnings.bizflow.yaml'], files: lintFiles },
    { name: 'an empty PATH among others', argv: ['lint', 'warnings.bizflow.yaml', ''], files: lintFiles },
    { name: 'an empty PATH zh-CN', argv: ['lint', '', ...zh], files: lintFiles },
    { name: 'no PATH', argv: ['lint'] },
    { name: 'no PATH zh-CN', argv: ['lint', ...zh] },
    { name: 'a folder without BizFlow files', argv: ['lint', 'empty', 'empty2'], files: { 'empty/readme.txt': 'x', 'empty2/x.yaml': 'x' } },
    { name: 'a folder without BizFlow files zh-CN', argv: ['lint', ...zh, 'empty', 'empty2'], files: { 'empty/readme.txt': 'x', 'empty2/x.yaml': 'x' } },
    { name: 'unreadable files of every kind', argv: ['lint', 'utf16.bizflow.yaml', 'latin1.bizflow.yaml', 'binary.bizflow.yaml', 'null.bizflow.yaml', 'loop.bizflow.yaml', 'warnings.bizflow.yaml'], files: { ...lintFiles, 'utf16.bizflow.yaml': Buffer.from([0xff, 0xfe, 0x62, 0x00]), 'latin1.bizflow.yaml': Buffer.from([0x62, 0xe9, 0x0a]), 'binary.bizflow.yaml': Buffer.from([0x62, 0x00, 0x0a]) }, prepare: (d) => { fs.symlinkSync('/dev/null', path.join(d, 'null.bizflow.yaml')); fs.symlinkSync('loop.bizflow.yaml', path.join(d, 'loop.bizflow.yaml')); } },
    { name: 'unreadable files of every kind zh-CN', argv: ['lint', ...zh, 'utf16.bizflow.yaml', 'latin1.bizflow.yaml', 'binary.bizflow.yaml', 'null.bizflow.yaml', 'loop.bizflow.yaml', '.'], files: { 'utf16.bizflow.yaml': Buffer.from([0xff, 0xfe, 0x62, 0x00]), 'latin1.bizflow.yaml': Buffer.from([0x62, 0xe9, 0x0a]), 'binary.bizflow.yaml': Buffer.from([0x62, 0x00, 0x0a]) }, prepare: (d) => { for (const f of fs.readdirSync(d)) if (f.endsWith('.yaml') && !/^(utf16|latin1|binary)/.test(f)) fs.rmSync(path.join(d, f)); fs.symlinkSync('/dev/null', path.join(d, 'null.bizflow.yaml')); fs.symlinkSync('loop.bizflow.yaml', path.join(d, 'loop.bizflow.yaml')); } },
    { name: 'an rc file with problems is reported once for two files', argv: ['lint', 'mixed.bizflow.yaml', 'warnings.bizflow.yaml'], files: { ...lintFiles, '.bizflowrc.yml': 'rules:\n  ref/unknown-role: info\n  no/such-rule: error\n  role/unused: loud\n' } },
    { name: 'an rc file with problems zh-CN', argv: ['lint', ...zh, 'warnings.bizflow.yaml'], files: { ...lintFiles, '.bizflowrc.yml': 'rules:\n  no/such-rule: error\n  role/unused: loud\n' } },
    { name: 'a fatal rc file stops at the first file', argv: ['lint', 'mixed.bizflow.yaml', 'warnings.bizflow.yaml'], files: { ...lintFiles, '.bizflowrc.yml': 'rules: [\n' } },
    { name: 'a fatal rc file zh-CN', argv: ['lint', ...zh, 'warnings.bizflow.yaml'], files: { ...lintFiles, '.bizflowrc.yml': 'rules: [\n' } },
    { name: 'a missing explicit rc file', argv: ['lint', '-c', 'none.yml', 'warnings.bizflow.yaml'], files: lintFiles },
    { name: '--fix writes the fixed text, keeping a byte order mark', argv: ['lint', '--fix', 'fix.bizflow.yaml'], files: { 'fix.bizflow.yaml': '\uFEFF' + FIXABLE }, show: ['fix.bizflow.yaml'], describe: async (f) => JSON.stringify(fs.readFileSync(f, 'utf8')) + '\n' },
    ...BOM_LOOKALIKES.map(([name, ch]): Case => ({ name: `--fix: no byte order mark in a file starting with ${name}`, argv: ['lint', '--fix', 'l.bizflow.yaml'], files: { 'l.bizflow.yaml': `${ch}: 1\n` + FIXABLE }, show: ['l.bizflow.yaml'], describe: firstChars })),
    { name: '--fix with an rc file', argv: ['lint', '--fix', 'fix.bizflow.yaml'], files: { 'fix.bizflow.yaml': FIXABLE, '.bizflowrc.yml': 'rules:\n  ref/unknown-role: info\n' }, show: ['fix.bizflow.yaml'] },
    { name: '--fix with the rule turned off', argv: ['lint', '--fix', 'fix.bizflow.yaml'], files: { 'fix.bizflow.yaml': FIXABLE, '.bizflowrc.yml': 'rules:\n  ref/unknown-role: off\n' }, show: ['fix.bizflow.yaml'] },
    {
      name: '--fix into a file that cannot be written',
      argv: ['lint', '--fix', 'fix.bizflow.yaml'],
      files: { 'fix.bizflow.yaml': FIXABLE },
      prepare: (d) => readOnly(path.join(d, 'fix.bizflow.yaml')),
      after: (d) => writable(path.join(d, 'fix.bizflow.yaml')),
      show: ['fix.bizflow.yaml'],
      describe: async (f) => (fs.readFileSync(f, 'utf8') === FIXABLE ? 'unchanged\n' : 'CHANGED\n'),
    },
    {
      name: '--fix into a file that cannot be written zh-CN',
      argv: ['lint', '--fix', ...zh, 'fix.bizflow.yaml'],
      files: { 'fix.bizflow.yaml': FIXABLE },
      prepare: (d) => readOnly(path.join(d, 'fix.bizflow.yaml')),
      after: (d) => writable(path.join(d, 'fix.bizflow.yaml')),
    },
    { name: '--fix with nothing to fix', argv: ['lint', '--fix', 'warnings.bizflow.yaml'], files: lintFiles, show: ['warnings.bizflow.yaml'], describe: async (f) => (fs.readFileSync(f, 'utf8') === WARNINGS ? 'unchanged\n' : 'CHANGED\n') },
    { name: '--fix-dry-run: the fixed text on stdout, what is left on stderr', argv: ['lint', '--fix-dry-run', 'fix.bizflow.yaml'], files: { 'fix.bizflow.yaml': FIXABLE.replace('bizflow: 1\n', 'bizflow: 1\n# x\n') + 'extra: 1\n' }, show: ['fix.bizflow.yaml'], describe: async (f) => `${fs.readFileSync(f, 'utf8').length} characters\n` },
    { name: '--fix-dry-run of a clean file', argv: ['lint', '--fix-dry-run', 'clean.bizflow.yaml'], files: { 'clean.bizflow.yaml': fs.readFileSync(path.join(__dirname, '../../fixtures/cli/review/rich.bizflow.yaml'), 'utf8').slice(0, 0) + 'bizflow: 1\nprocess:\n  name: P\nroles:\n  sales:\n    name: 销售\nsteps:\n  s1:\n    name: Start\n    type: start\n    role: sales\n    next: e1\n  e1:\n    name: End\n    type: end\n' } },
    { name: '--fix-dry-run of a file with errors and nothing to fix', argv: ['lint', '--fix-dry-run', 'mixed.bizflow.yaml'], files: lintFiles },
    { name: '--fix-dry-run of a file with errors left', argv: ['lint', '--fix-dry-run', 'x.bizflow.yaml'], files: { 'x.bizflow.yaml': 'bizflow: 1\nroles:\n  a: { name: A }\n' } },
    { name: '--fix-dry-run of two files', argv: ['lint', '--fix-dry-run', 'mixed.bizflow.yaml', 'warnings.bizflow.yaml'], files: lintFiles },
    { name: '--fix-dry-run of two files zh-CN', argv: ['lint', '--fix-dry-run', ...zh, 'mixed.bizflow.yaml', 'warnings.bizflow.yaml'], files: lintFiles },
    { name: '--fix-dry-run json of two files', argv: ['lint', '--fix-dry-run', '-f', 'json', 'fix.bizflow.yaml', 'warnings.bizflow.yaml'], files: { ...lintFiles, 'fix.bizflow.yaml': FIXABLE } },
    { name: '--fix-dry-run of an unreadable file', argv: ['lint', '--fix-dry-run', 'bad.bizflow.yaml'], files: { 'bad.bizflow.yaml': Buffer.from([0x62, 0x00]) } },
    { name: '--fix and --fix-dry-run', argv: ['lint', '--fix', '--fix-dry-run', 'warnings.bizflow.yaml'], files: lintFiles },
    { name: '--fix and --fix-dry-run zh-CN', argv: ['lint', '--fix', '--fix-dry-run', ...zh, 'warnings.bizflow.yaml'], files: lintFiles },
    { name: 'gitlab with CI_PROJECT_DIR', argv: ['lint', '-f', 'gitlab', 'sub/mixed.bizflow.yaml', 'sub/mixed2.bizflow.yaml'], files: { 'sub/mixed.bizflow.yaml': MIXED, 'sub/mixed2.bizflow.yaml': MIXED + 'owner2: x\n' }, env: { CI_PROJECT_DIR: 'sub' } },
    { name: 'junit', argv: ['lint', '-f', 'junit', 'mixed.bizflow.yaml', 'warnings.bizflow.yaml', 'x.bizflow.yml', 'v.bizflow.yaml.d/w.bizflow.yaml'], files: { ...lintFiles, 'x.bizflow.yml': WARNINGS, 'v.bizflow.yaml.d/w.bizflow.yaml': WARNINGS } },
    { name: 'gitlab: the same problem twice in a file has two fingerprints', argv: ['lint', '-f', 'gitlab', 'twice.bizflow.yaml'], files: { 'twice.bizflow.yaml': 'bizflow: 1\nprocess: { name: P }\nsteps:\n  a: { name: A, type: start, role: ghost, next: b }\n  b: { name: B, type: end, role: ghost }\n  c:\n    role: ghost\n  d:\n    role: ghost\n' } },
    { name: 'lint --locale zh-CN text', argv: ['lint', ...zh, 'mixed.bizflow.yaml'], files: lintFiles },
    { name: 'lint --help zh-CN', argv: ['lint', '--help', ...zh] },
    { name: 'render: no file zh-CN', argv: ['render', ...zh] },
    { name: 'render: two files', argv: ['render', 'a', 'b'] },
    { name: 'render: two files zh-CN', argv: ['render', ...zh, 'a', 'b'] },
    { name: 'render: a folder', argv: ['render', '.'] },
    { name: 'render: --out for a BizFlow file', argv: ['render', '-o', 'out', 'rich.bizflow.yaml'] },
    { name: 'render: --out for a BizFlow file zh-CN', argv: ['render', '-o', 'out', ...zh, 'rich.bizflow.yaml'] },
    { name: 'render: unknown role', argv: ['render', '-r', 'bb', 'rich.bizflow.yaml'] },
    { name: 'render: a role of a file without roles zh-CN', argv: ['render', '-r', 'bb', ...zh, 'x.bizflow.yaml'], files: { 'x.bizflow.yaml': 'bizflow: 1\n' } },
    { name: 'render: a role of a file without roles', argv: ['render', '-r', 'bb', 'x.bizflow.yaml'], files: { 'x.bizflow.yaml': 'bizflow: 1\n' } },
    { name: 'render: one role', argv: ['render', '-r', 'c', 'rich.bizflow.yaml'] },
    { name: 'render: with an explicit rc file', argv: ['render', '-c', 'rc.yml', 'x.bizflow.yaml'], files: { 'x.bizflow.yaml': MIXED, 'rc.yml': 'rules:\n  ref/unknown-role: off\n' } },
    { name: 'render: with a fatal rc file', argv: ['render', 'x.bizflow.yaml'], files: { 'x.bizflow.yaml': MIXED, '.bizflowrc.yml': 'rules: [\n' } },
    { name: 'render: svg without Chromium', argv: ['render', '-f', 'svg', 'rich.bizflow.yaml'], processEnv: NO_CHROMIUM },
    { name: 'render: svg without Chromium zh-CN', argv: ['render', '-f', 'svg', ...zh, 'rich.bizflow.yaml'], processEnv: NO_CHROMIUM },
    { name: 'render: svg with a Chromium that does not start', argv: ['render', '-f', 'svg', '-r', 'c', 'rich.bizflow.yaml'], processEnv: { BIZFLOW_CHROMIUM: '/bin/false' } },
    { name: 'render: svg with a Chromium that does not start zh-CN', argv: ['render', '-f', 'svg', ...zh, 'rich.bizflow.yaml'], processEnv: { BIZFLOW_CHROMIUM: '/bin/false' } },
    { name: 'render: svg of Markdown with a Chromium that does not start', argv: ['render', '-f', 'svg', 'doc.md'], files: { 'doc.md': MD('bizflow: 1\nroles: { a: { name: A } }\nsteps: { s: { name: S, type: start, role: a } }\n') }, processEnv: { BIZFLOW_CHROMIUM: '/bin/false' } },
    { name: 'render: svg of Markdown without Chromium', argv: ['render', '-f', 'svg', 'doc.md'], files: { 'doc.md': MD('bizflow: 1\nroles: { a: { name: A } }\nsteps: { s: { name: S, type: start, role: a } }\n') }, processEnv: NO_CHROMIUM },
    { name: 'review html with pictures without Chromium', argv: ['review', '-r', 'quiet', '-o', 'p.html', 'rich.bizflow.yaml'], processEnv: NO_CHROMIUM },
    { name: 'review html with pictures without Chromium zh-CN', argv: ['review', '-r', 'quiet', '-o', 'p.html', ...zh, 'rich.bizflow.yaml'], processEnv: NO_CHROMIUM },
    { name: 'render Markdown: no block', argv: ['render', 'doc.md'], files: { 'doc.md': '# Doc\n\n```yaml\nx: 1\n```\n' } },
    { name: 'render Markdown: no block zh-CN', argv: ['render', ...zh, 'doc.markdown'], files: { 'doc.markdown': '# Doc\n' } },
    {
      name: 'render Markdown: blocks to a folder',
      argv: ['render', '-o', 'out/d', 'Doc.MD'],
      files: { 'Doc.MD': MD('bizflow: 1\nroles: { a: { name: A } }\nsteps: { s: { name: S, type: start, role: a } }\n') + MD('file: rich.bizflow.yaml\n') },
      show: ['out/d/Doc-1.mmd', 'out/d/Doc-2.mmd', 'out/d/Doc-3.mmd'],
    },
    { name: 'render Markdown: blocks to a folder zh-CN', argv: ['render', '-o', 'out', ...zh, 'doc.md'], files: { 'doc.md': MD('bizflow: 1\nroles: { a: { name: A } }\nsteps: { s: { name: S, type: start, role: a } }\n') } },
    { name: 'render Markdown: a folder that cannot be made', argv: ['render', '-o', 'out', 'doc.md'], files: { out: 'a file', 'doc.md': MD('bizflow: 1\nroles: { a: { name: A } }\nsteps: { s: { name: S, type: start, role: a } }\n') } },
    { name: 'render Markdown: a folder that cannot be made zh-CN', argv: ['render', '-o', 'out', ...zh, 'doc.md'], files: { out: 'a file', 'doc.md': MD('bizflow: 1\n') } },
    {
      name: 'render Markdown: problems in blocks and in referenced files',
      argv: ['render', 'doc.md'],
      files: {
        'doc.md': MD('bizflow: 1\nsteps:\n  s: { name: S, type: start, role: ghost, next: nowhere }\n') + MD('file: flows/x.bizflow.yaml\n') + MD('file: big.bizflow.yaml\n') + MD('file: ../outside.bizflow.yaml\n') + MD('file: notes.txt\n') + MD('file: none.bizflow.yaml\n') + MD(': [\n'),
        'flows/x.bizflow.yaml': 'bizflow: 1\nsteps:\n  s: { name: S, type: start, role: ghost }\n',
        'big.bizflow.yaml': 'bizflow: 1\n' + '#'.repeat(11 * 1024 * 1024) + '\n',
      },
    },
    {
      name: 'render Markdown: many problems in one block zh-CN',
      argv: ['render', ...zh, 'doc.md'],
      files: { 'doc.md': MD('bizflow: 1\nsteps:\n' + Array.from({ length: 40 }, (_, i) => `  s${i}: { name: S${i}, role: ghost${i}, next: nowhere${i} }\n`).join('')) },
    },
    { name: 'render Markdown: a name with -- in svg comments and line breaks', argv: ['render', 'a--b.md'], files: { 'a--b.md': MD('bizflow: 1\nroles: { a: { name: A } }\nsteps: { s: { name: S, type: start, role: a } }\n') } },
  ];
  transcriptSuite('lint-render', cases);
});

describe('cli review: an xlsx pack to standard output', () => {
  it('-o - when standard output is not a terminal: the workbook bytes go to process.stdout, nothing else is written', async () => {
    const dir = tempTree(fixtureFiles());
    const chunks: Buffer[] = [];
    const write = process.stdout.write;
    process.stdout.write = ((chunk: Buffer) => (chunks.push(Buffer.from(chunk)), true)) as typeof process.stdout.write;
    let r: Awaited<ReturnType<typeof run>>;
    try {
      r = await run(['review', '-f', 'xlsx', '-o', '-', '-r', 'c', 'rich.bizflow.yaml'], { cwd: dir });
    } finally {
      process.stdout.write = write;
    }
    try {
      assert.deepEqual([r.code, r.out, r.err], [0, '', '']);
      assert.equal(chunks.length, 1);
      assert.equal(chunks[0].subarray(0, 2).toString('latin1'), 'PK', 'a zip file');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(chunks[0] as unknown as ArrayBuffer);
      assert.deepEqual(wb.worksheets.map((w) => w.name), ['Read me', 'Requirements', 'Role c', 'Sign-off']);
      assert.deepEqual(fs.readdirSync(dir).sort(), Object.keys(fixtureFiles()).sort(), 'no file written');
    } finally {
      removeTree(dir);
    }
  });
});

describe('cli lint --format sarif: the base folder', () => {
  it('run from the root folder: the base URI is file:/// (one slash at the end, not two)', async () => {
    const dir = tempTree({ 'w.bizflow.yaml': WARNINGS });
    try {
      const r = await run(['lint', '-f', 'sarif', path.join(dir, 'w.bizflow.yaml')], { cwd: '/' });
      assert.equal(r.code, 0, r.err);
      const sarif = JSON.parse(r.out);
      assert.deepEqual(sarif.runs[0].originalUriBaseIds, { SRCROOT: { uri: 'file:///' } });
      assert.equal(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, path.join(dir, 'w.bizflow.yaml').slice(1));
    } finally {
      removeTree(dir);
    }
  });
});
