import { strict as assert } from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../src/core/engine';
import { toMermaid } from '../../../src/core/mermaid';
import { findChromium } from '../../../src/node/mermaid-render';
import { examples, orderExample, removeTree, run, tempTree } from '../../fixtures/cli/harness';
import { skipInMutationRun } from '../timing';

const orderText = () => fs.readFileSync(orderExample, 'utf8');

describe('cli render', () => {
  it('prints the Mermaid swimlane diagram of an example', async () => {
    const r = await run(['render', 'order-fulfilment.bizflow.yaml'], { cwd: examples });
    assert.equal(r.code, 0);
    assert.equal(r.err, '');
    const { model, diagnostics } = analyze(orderText());
    assert.equal(r.out, toMermaid(model, diagnostics).text.replace(/\n?$/, '\n'));
    assert.match(r.out, /^---\nconfig:\n {2}layout: swimlane\n---\nflowchart /);
    // a band per role with steps, named with its department
    for (const lane of ['业务员 · 业务部', '仓库主管 · 物流部', '财务专员 · 财务部']) assert.match(r.out, new RegExp(`subgraph \\w+\\["${lane}"\\]`));
    assert.match(r.out, /\n\s*class [\w,]+ conflict\n/, 'the conflicting steps are styled');
  });

  it('--role shows one role’s view', async () => {
    const r = await run(['render', '--role', 'warehouse', orderExample]);
    assert.equal(r.code, 0);
    const { model, diagnostics } = analyze(orderText());
    assert.equal(r.out, toMermaid(model, diagnostics, { role: 'warehouse' }).text.replace(/\n?$/, '\n'));
    assert.match(r.out, /仓库主管/);
    assert.doesNotMatch(r.out, /业务员/, 'the sales lane has no neighbour of warehouse');
    assert.notEqual(r.out, (await run(['render', orderExample])).out);
  });

  it('an unknown --role is a one-line error listing the known roles, exit 2', async () => {
    const r = await run(['render', '-r', 'warehose', orderExample]);
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.equal(
      r.err,
      'bizflow: unknown role "warehose". Did you mean "warehouse"? Known roles: sales, warehouse, finance, director.\n',
    );
    const zh = await run(['render', '--role', 'nobody', '--locale', 'zh-CN', orderExample]);
    assert.equal(zh.err, 'bizflow: 未知角色“nobody”。已定义的角色：sales、warehouse、finance、director。\n');
  });

  it('uses the rc configuration: conflicts turned off are not styled', async () => {
    const root = tempTree({
      '.bizflowrc.json': JSON.stringify({ rules: { 'conflict/contradiction': 'off', 'conflict/unagreed-burden': 'off' } }),
      'o.bizflow.yaml': orderText(),
    });
    try {
      const r = await run(['render', 'o.bizflow.yaml'], { cwd: root });
      assert.equal(r.code, 0);
      assert.doesNotMatch(r.out, /\bclass [\w,]+ conflict/);
    } finally {
      removeTree(root);
    }
  });

  it('exit 2 for a folder, a missing file, no file or two files, a binary file, a bad format', async () => {
    const root = tempTree({ 'bin.bizflow.yaml': Buffer.from([0, 1, 2, 3]) });
    try {
      const cases: [string[], string | RegExp][] = [
        [['render', examples], `bizflow: "${examples}" is a folder; give a file.\n`],
        [['render', 'missing.bizflow.yaml'], 'bizflow: cannot find "missing.bizflow.yaml": no such file or folder.\n'],
        [['render'], /^bizflow: no FILE given/],
        [['render', orderExample, orderExample], /^bizflow: render takes exactly one FILE, got 2\./],
        [['render', path.join(root, 'bin.bizflow.yaml')], /is a binary file, not UTF-8 text\.\n$/],
        [['render', '--format', 'png', orderExample], /invalid value "png" for --format: use "mermaid" or "svg"/],
      ];
      for (const [argv, want] of cases) {
        const r = await run(argv);
        assert.equal(r.code, 2, argv.join(' '));
        assert.equal(r.out, '');
        if (typeof want === 'string') assert.equal(r.err, want);
        else assert.match(r.err, want);
        assert.equal(r.err.split('\n').length, 2, 'one line');
      }
    } finally {
      removeTree(root);
    }
  });

  it('--format svg renders with the real Mermaid when Chromium is installed', async function () {
    skipInMutationRun(this); // Chromium draws: src/node, not mutated
    try {
      findChromium();
    } catch {
      this.skip();
    }
    this.timeout(60_000);
    const r = await run(['render', '--format', 'svg', orderExample]);
    assert.equal(r.err, '');
    assert.equal(r.code, 0);
    assert.match(r.out, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(r.out, /<\/svg>\n$/);
    assert.match(r.out, /仓库主管/);
    assert.match(r.out, /<g class="cluster swimlane[" ]/, 'drawn as bands');
  });
});
