/** The built `dist/cli.js` as a user runs it: real exit codes, real streams, never a stack trace. */
import { strict as assert } from 'assert';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { version } from '../../../package.json';
import { CLEAN, STACK_LINE, examples, fixtures, orderExample, p2pExample, removeTree, repoRoot, tempTree } from '../../fixtures/cli/harness';

const cli = path.join(repoRoot, 'dist/cli.js');
const trace = path.join(fixtures, 'trace-require.cjs');

function bizflow(args: string[], opts: { cwd?: string; env?: Record<string, string>; preload?: string } = {}) {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', ...opts.env };
  const r = spawnSync(process.execPath, [...(opts.preload ? ['-r', opts.preload] : []), cli, ...args], {
    cwd: opts.cwd ?? repoRoot,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.error) throw r.error;
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** One line on stderr, nothing that looks like a stack trace. */
function assertOneLineError(err: string, re: RegExp): void {
  assert.match(err, /^bizflow: [^\n]+\n$/, JSON.stringify(err));
  assert.match(err, re);
  assert.doesNotMatch(err, STACK_LINE);
}

describe('cli: the built dist/cli.js', function () {
  this.timeout(120_000);

  before(() => {
    execFileSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'pipe' });
  });

  it('starts with a shebang and prints its version', () => {
    const r = bizflow(['--version']);
    assert.equal(r.code, 0);
    assert.equal(r.out, `${version}\n`);
    assert.match(fs.readFileSync(cli, 'utf8'), /^#!\/usr\/bin\/env node\n/);
  });

  it('exit 0 for a clean file, 1 for errors, 1 with too many warnings', () => {
    assert.equal(bizflow(['lint', p2pExample]).code, 0);
    const errors = bizflow(['lint', path.join(fixtures, 'one-error.bizflow.yaml')]);
    assert.equal(errors.code, 1);
    assert.match(errors.out, /✖ 1 problem \(1 error, 0 warnings, 0 info\)\n$/);
    const warn = path.join(fixtures, 'warnings.bizflow.yaml');
    assert.equal(bizflow(['lint', warn]).code, 0);
    const tooMany = bizflow(['lint', '--max-warnings', '1', warn]);
    assert.equal(tooMany.code, 1);
    assert.equal(tooMany.err, 'bizflow: too many warnings: 2 (maximum: 1).\n');
  });

  it('exit 2 without a stack trace: missing file, bad option, bad format, binary file, folder to render', () => {
    const root = tempTree({ 'b.bizflow.yaml': Buffer.from([0xff, 0x00, 0x10]) });
    try {
      const cases: [string[], RegExp][] = [
        [['lint', 'nope.bizflow.yaml'], /cannot find "nope\.bizflow\.yaml"/],
        [['lint', '--frmat', 'json', '.'], /unknown option "--frmat"/],
        [['lint', '--format', 'xml', '.'], /invalid value "xml"/],
        [['lint', path.join(root, 'b.bizflow.yaml')], /binary file/],
        [['render', examples], /is a folder/],
        [['render', '--role', 'ghost', orderExample], /unknown role "ghost"\. Known roles: sales, warehouse, finance, director\./],
        [['frobnicate'], /unknown command "frobnicate"/],
      ];
      for (const [args, re] of cases) {
        const r = bizflow(args);
        assert.equal(r.code, 2, args.join(' '));
        assert.equal(r.out, '', args.join(' '));
        assertOneLineError(r.err, re);
      }
    } finally {
      removeTree(root);
    }
  });

  it('json output is parseable from the real stdout, with the env locale', () => {
    const r = bizflow(['lint', '--format', 'json', orderExample], { env: { LANG: 'zh_CN.UTF-8' } });
    assert.equal(r.code, 0);
    const [res] = JSON.parse(r.out);
    assert.equal(res.filePath, orderExample);
    assert.equal(res.messages.length, 12);
    assert.match(res.messages[0].message, /[\u4e00-\u9fff]/, 'Chinese from LANG');
  });

  it('lint never loads playwright-core (render --format mermaid neither)', () => {
    // the tracer works: loading playwright-core directly is reported
    const control = spawnSync(process.execPath, ['-r', trace, '-e', "try { require('playwright-core') } catch {}"], { encoding: 'utf8', cwd: repoRoot });
    assert.match(control.stderr, /TRACE: playwright-core loaded/);
    for (const args of [['lint', '--format', 'sarif', orderExample], ['render', orderExample]]) {
      const r = bizflow(args, { preload: trace });
      assert.equal(r.code, 0, r.err);
      assert.doesNotMatch(r.err, /TRACE/);
    }
  });

  it('render --format svg without Chromium: a clear one-line error, exit 2', () => {
    const r = bizflow(['render', '--format', 'svg', orderExample], { env: { BIZFLOW_CHROMIUM: '/nonexistent/chromium' } });
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assertOneLineError(r.err, /Chromium was not found \(no executable at \/nonexistent\/chromium\)/);
  });

  it('a closed pipe (`| head`) is not an error', () => {
    // ~2000 unused roles: far more output than a pipe buffer holds
    const roles = Array.from({ length: 2000 }, (_, i) => `  r${i}:\n    name: R${i}\n`).join('');
    const root = tempTree({ 'big.bizflow.yaml': CLEAN.replace('roles:\n', 'roles:\n' + roles) });
    try {
      const r = spawnSync('sh', ['-c', `"${process.execPath}" "${cli}" lint big.bizflow.yaml | head -c 100 >/dev/null`], {
        encoding: 'utf8',
        cwd: root,
        timeout: 60_000,
      });
      assert.equal(r.status, 0);
      assert.equal(r.stderr, '');
    } finally {
      removeTree(root);
    }
  });
});
