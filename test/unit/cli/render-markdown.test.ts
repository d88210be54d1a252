/** `bizflow render FILE.md`: the ```bizflow blocks of a Markdown file (src/cli/render-markdown.ts). */
import { strict as assert } from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../src/core/engine';
import { toMermaid } from '../../../src/core/mermaid';
import { markdownBlocks } from '../../../src/cli/render-markdown';
import { findChromium } from '../../../src/node/mermaid-render';
import { orderExample, removeTree, run, tempTree } from '../../fixtures/cli/harness';
import { skipInMutationRun } from '../timing';

const ORDER = fs.readFileSync(orderExample, 'utf8');
const INLINE = `bizflow: 1
roles:
  a: { name: Alpha }
steps:
  s1: { name: Start, type: start, role: a, next: s9 }
`;
const fence = (body: string, info = 'bizflow') => '```' + info + '\n' + body + (body.endsWith('\n') ? '' : '\n') + '```\n';
const PRD = ['# PRD', '', fence('file: flows/order.bizflow.yaml\nrole: warehouse'), 'text', '', fence(INLINE), fence('a: 1', 'yaml')].join('\n');

describe('cli render of a Markdown file', () => {
  it('finds the bizflow fences as CommonMark does (~~~, longer fences, in lists), not other fences or indented code', () => {
    const md = ['    ```bizflow', '    not a fence', '', '~~~bizflow', 'a', '~~~', '', '- item', '', '  ````BizFlow x', '  b', '  ````', '', '```yaml', 'c', '```', ''].join('\n');
    assert.deepEqual(markdownBlocks(md), [
      { fenceLine: 4, content: 'a\n' },
      { fenceLine: 10, content: 'b\n' },
    ]);
  });

  it('prints each block\'s Mermaid text after a comment naming it; problems on stderr with the Markdown file\'s lines', async () => {
    const root = tempTree({ 'docs/prd.md': PRD, 'docs/flows/order.bizflow.yaml': ORDER });
    try {
      const r = await run(['render', 'docs/prd.md'], { cwd: root });
      const a = analyze(ORDER);
      const b = analyze(INLINE);
      assert.equal(
        r.out,
        `%% bizflow: docs/prd.md block 1, line 3\n${toMermaid(a.model, a.diagnostics, { role: 'warehouse' }).text.replace(/\n?$/, '\n')}` +
          `%% bizflow: docs/prd.md block 2, line 10\n${toMermaid(b.model, b.diagnostics).text.replace(/\n?$/, '\n')}`,
      );
      // the unknown step is on line 5 of the second block, whose fence is on line 10: line 15 of the Markdown file
      assert.match(r.err, /^docs\/prd\.md:15: error: .*"s9".* \[ref\/unknown-step\]$/m);
      // the referenced file's problems with its own path and lines
      const first = a.diagnostics[0];
      const line = ORDER.slice(0, first.span.start).split('\n').length;
      assert.match(r.err, new RegExp(`^docs/flows/order\\.bizflow\\.yaml:${line}: ${first.severity}: .* \\[${first.code.replace('/', '\\/')}\\]$`, 'm'));
      assert.equal(r.code, 0);
    } finally {
      removeTree(root);
    }
  });

  it('--role applies to every block; -o DIR writes NAME-N.mmd per block', async () => {
    const root = tempTree({ 'prd.md': fence('file: o.yaml') + fence('file: o.yaml\nrole: sales'), 'o.yaml': ORDER });
    try {
      const r = await run(['render', '--role', 'finance', '-o', 'out', 'prd.md'], { cwd: root });
      assert.equal(r.code, 0);
      assert.equal(r.out, '');
      const a = analyze(ORDER);
      const want = toMermaid(a.model, a.diagnostics, { role: 'finance' }).text.replace(/\n?$/, '\n');
      assert.deepEqual(fs.readdirSync(path.join(root, 'out')).sort(), ['prd-1.mmd', 'prd-2.mmd']);
      for (const f of ['prd-1.mmd', 'prd-2.mmd']) assert.equal(fs.readFileSync(path.join(root, 'out', f), 'utf8'), want);
    } finally {
      removeTree(root);
    }
  });

  it('blocks that cannot be drawn: a clear error each, the others still written, exit 1; no block at all: exit 2', async () => {
    const root = tempTree({
      'prd.md': [fence('file: missing.yaml'), fence('file: /etc/passwd.yaml'), fence('file: notes.txt'), fence(INLINE)].join('\n'),
      'plain.md': '# nothing here\n\n```yaml\na: 1\n```\n',
    });
    try {
      const r = await run(['render', 'prd.md'], { cwd: root });
      assert.equal(r.code, 1);
      assert.match(r.err, /^prd\.md:2: error: File not found: "missing\.yaml"/m);
      assert.match(r.err, /^prd\.md:6: error: .*outside the workspace/m);
      assert.match(r.err, /^prd\.md:10: error: .*not a BizFlow YAML file/m);
      assert.match(r.out, /^%% bizflow: prd\.md block 4, line 13\n---\n/);
      const none = await run(['render', 'plain.md'], { cwd: root });
      assert.equal(none.code, 2);
      assert.equal(none.err, 'bizflow: plain.md has no ```bizflow block.\n');
      const zh = await run(['render', '--locale', 'zh-CN', 'prd.md'], { cwd: root });
      assert.match(zh.err, /找不到文件“missing\.yaml”/);
    } finally {
      removeTree(root);
    }
  });

  it('-o is for Markdown files only', async () => {
    const r = await run(['render', '-o', 'x', orderExample]);
    assert.equal(r.code, 2);
    assert.match(r.err, /-o\/--out applies to Markdown files/);
  });

  it('control characters in names cannot reach the terminal', async () => {
    const root = tempTree({ 'prd.md': fence('bizflow: 1\nsteps:\n  s1: { name: "x", type: start, next: "\\e[31mred" }\n') });
    try {
      const r = await run(['render', 'prd.md'], { cwd: root });
      assert.doesNotMatch(r.err, /\u001b/);
      assert.match(r.err, /\\u\{1b\}\[31mred/);
    } finally {
      removeTree(root);
    }
  });

  it('--format svg: one SVG per block with bands, stdout or -o DIR', async function () {
    skipInMutationRun(this); // Chromium draws: src/node, not mutated
    try {
      findChromium();
    } catch {
      this.skip();
    }
    this.timeout(90_000);
    const root = tempTree({ 'prd.md': fence('file: o.yaml\nrole: warehouse') + '\n' + fence(INLINE), 'o.yaml': ORDER });
    try {
      const r = await run(['render', '-f', 'svg', 'prd.md'], { cwd: root });
      assert.equal(r.code, 0, r.err);
      const parts = r.out.split(/^<!-- bizflow: prd\.md block \d, line \d+ -->\n/m).filter(Boolean);
      assert.equal(parts.length, 2);
      for (const p of parts) {
        assert.match(p, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
        assert.match(p, /<g class="cluster swimlane[" ]/, 'drawn as bands');
      }
      assert.match(parts[0], /仓库主管/);
      const w = await run(['render', '-f', 'svg', '-o', 'svg', 'prd.md'], { cwd: root });
      assert.equal(w.code, 0);
      assert.deepEqual(fs.readdirSync(path.join(root, 'svg')).sort(), ['prd-1.svg', 'prd-2.svg']);
      assert.match(fs.readFileSync(path.join(root, 'svg', 'prd-2.svg'), 'utf8'), /Alpha/);
    } finally {
      removeTree(root);
    }
  });
});
