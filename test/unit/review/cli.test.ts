import { strict as assert } from 'assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../src/core/engine';
import { agreementOf } from '../../../src/core/review/read';
import { parseRevisionSpec } from '../../../src/node/git';
import { examples, orderExample, removeTree, run, STACK_LINE, tempTree } from '../../fixtures/cli/harness';

const ORDER = fs.readFileSync(orderExample, 'utf8');

function git(cwd: string, ...args: string[]): void {
  const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
}

const hasGit = spawnSync('git', ['--version']).status === 0;

describe('cli review commands', () => {
  describe('impact', () => {
    it('text: every role, with the added step, the contested attribute and the pending agreements', async () => {
      const r = await run(['impact', 'order-fulfilment.bizflow.yaml'], { cwd: examples });
      assert.equal(r.code, 0);
      assert.equal(r.err, '');
      assert.match(r.out, /^What the requirements change for each role — 订单履约流程 \(order-fulfilment\.bizflow\.yaml\)\n/);
      for (const lane of ['业务员 "sales"', '仓库主管 "warehouse"', '财务专员 "finance"', '运营总监 "director"']) assert.ok(r.out.includes(`\n${lane}\n`), lane);
      assert.ok(r.out.includes('    + 出库复核 "double-check" — asked by REQ-003 (must, 运营总监 "director")\n'));
      assert.ok(
        r.out.includes(
          '    ~ 拣货出库 "pick" mode: manual → contested: automatic ← REQ-001 (must, 业务员 "sales") | manual-review ← REQ-002 (should, 仓库主管 "warehouse")\n',
        ),
      );
      assert.ok(r.out.includes('    steps 1 → 2, decisions 0 → 0, hand-offs 2 → 2, manual steps 1 → 0; 1 contested (not counted after)\n'));
      assert.ok(r.out.includes('    REQ-004 信用审核改由总监审批 (could, 运营总监 "director"): not given — fingerprint 363bb00d\n'));
      assert.ok(r.out.includes('    warning conflict/unagreed-burden (REQ-004) — who decides: 运营总监 "director" (line 104)\n'));
    });

    it('--role, --format markdown and zh-CN', async () => {
      const r = await run(['impact', '-r', 'finance', '-f', 'markdown', '--locale', 'zh-CN', orderExample]);
      assert.equal(r.code, 0);
      assert.match(r.out, /^# 需求对各角色带来的变化 — 订单履约流程（/);
      assert.ok(r.out.includes('\n## 财务专员“finance”\n'));
      assert.ok(!r.out.includes('仓库主管“warehouse”\n'), 'only finance');
      assert.ok(r.out.includes('| 变化前 | 2 | 1 | 4 | 0 |\n| 变化后 | 2 | 1 | 4 | 0 |\n'));
      assert.ok(r.out.includes('- ~ 信用审核“credit-check” approver: finance-lead → director — 提出：REQ-004（could，运营总监“director”）\n'));
      assert.ok(r.out.includes('- − 拣货出库“pick” → 开票“invoice” \\[仓库主管“warehouse”\\]\n'), 'brackets escaped');
      assert.ok(r.out.includes('：尚未表态 — 指纹 363bb00d'));
    });

    it('--format json: the impact with 1-based positions', async () => {
      const r = await run(['impact', '--format', 'json', '--role', 'warehouse', orderExample]);
      assert.equal(r.code, 0);
      const j = JSON.parse(r.out);
      assert.equal(j.process, '订单履约流程');
      assert.equal(j.roles.length, 1);
      const w = j.roles[0];
      assert.equal(w.role, 'warehouse');
      assert.deepEqual(w.pending, ['REQ-001', 'REQ-003']);
      assert.deepEqual(w.stepsAdded[0].span, { line: 57, column: 3, endLine: 57, endColumn: 15 });
      assert.equal(ORDER.split('\n')[56], '  double-check:');
      assert.deepEqual(w.stepsChanged[0].after, { kind: 'contested', values: ['automatic', 'manual-review'] });
    });

    it('usage problems: exit 2 with one line', async () => {
      const cases: [string[], RegExp][] = [
        [['impact'], /^bizflow: no FILE given/],
        [['impact', orderExample, orderExample], /^bizflow: impact takes exactly one FILE, got 2\./],
        [['impact', '--role', 'warehose', orderExample], /^bizflow: unknown role "warehose"\. Did you mean "warehouse"\?/],
        [['impact', '--format', 'html', orderExample], /invalid value "html" for --format: use "text", "json" or "markdown"/],
        [['impact', 'missing.bizflow.yaml'], /^bizflow: cannot find "missing.bizflow.yaml"/],
      ];
      for (const [argv, want] of cases) {
        const r = await run(argv);
        assert.equal(r.code, 2, argv.join(' '));
        assert.equal(r.out, '');
        assert.match(r.err, want);
        assert.equal(r.err.split('\n').length, 2);
        assert.doesNotMatch(r.err, STACK_LINE);
      }
    });

    it('help: impact --help and help impact, in both languages', async () => {
      const a = await run(['impact', '--help']);
      const b = await run(['help', 'impact']);
      assert.equal(a.code, 0);
      assert.equal(a.out, b.out);
      assert.match(a.out, /^Usage: bizflow impact \[options\] FILE/);
      assert.match((await run(['help', 'diff', '--locale', 'zh-CN'])).out, /^用法：bizflow diff/);
      assert.match((await run(['sign', '--help'])).out, /^Usage: bizflow sign FILE --requirement ID --role ROLE/);
    });
  });

  describe('diff', () => {
    it('two files, text and json', async () => {
      const after = ORDER.replace('    priority: should\n    sets:\n', '    priority: should\n    status: rejected\n    sets:\n');
      const root = tempTree({ 'old.bizflow.yaml': ORDER, 'new.bizflow.yaml': after });
      try {
        const r = await run(['diff', 'old.bizflow.yaml', 'new.bizflow.yaml', '--role', 'warehouse'], { cwd: root });
        assert.equal(r.code, 0);
        assert.equal(
          r.out,
          [
            'Changes by role: old.bizflow.yaml → new.bizflow.yaml',
            '',
            '仓库主管 "warehouse"',
            '  Requirements:',
            '    ~ REQ-002 高价值订单出库前人工复核: status proposed → rejected',
            '  Conflicts:',
            '    ✓ resolved: warning conflict/contradiction (REQ-001, REQ-002)',
            '',
          ].join('\n'),
        );
        const j = JSON.parse((await run(['diff', '-f', 'json', 'old.bizflow.yaml', 'new.bizflow.yaml'], { cwd: root })).out);
        assert.deepEqual(j.roles.map((x: { role: string }) => x.role), ['sales', 'warehouse', 'finance', 'director']);
        assert.deepEqual(j.roles[3], { role: 'director', steps: [], requirements: [], conflicts: [], agreements: [] });
        const md = await run(['diff', '-f', 'markdown', '--locale', 'zh-CN', 'old.bizflow.yaml', 'new.bizflow.yaml'], { cwd: root });
        assert.ok(md.out.includes('\n## 运营总监“director”\n\n该角色没有变化。\n'));
      } finally {
        removeTree(root);
      }
    });

    it('REV:PATH through git, relative to the repository top or ./ to the folder', async function () {
      if (!hasGit) this.skip();
      this.timeout(20_000);
      const root = tempTree({ 'flows/o.bizflow.yaml': ORDER });
      try {
        git(root, 'init', '-q');
        git(root, 'add', '.');
        git(root, 'commit', '-qm', 'v1');
        fs.writeFileSync(path.join(root, 'flows/o.bizflow.yaml'), ORDER.replace('    adds: [double-check]\n', '    adds: [double-check]\n    agreed: [warehouse]\n'));
        const r = await run(['diff', 'HEAD:flows/o.bizflow.yaml', 'flows/o.bizflow.yaml', '-r', 'warehouse'], { cwd: root });
        assert.equal(r.err, '');
        assert.equal(r.code, 0);
        assert.ok(r.out.includes('    REQ-003: agreement gained (not given → agreed)\n'), r.out);
        assert.ok(r.out.includes('    ✓ resolved: warning conflict/unagreed-burden (REQ-003)\n'));
        const sub = await run(['diff', 'HEAD:./o.bizflow.yaml', 'o.bizflow.yaml', '-r', 'warehouse'], { cwd: path.join(root, 'flows') });
        assert.equal(sub.out, r.out.replace('HEAD:flows/o.bizflow.yaml → flows/o.bizflow.yaml', 'HEAD:./o.bizflow.yaml → o.bizflow.yaml'));
        const bad = await run(['diff', 'HEAD~3:flows/o.bizflow.yaml', 'flows/o.bizflow.yaml'], { cwd: root });
        assert.equal(bad.code, 2);
        assert.match(bad.err, /^bizflow: cannot read "HEAD~3:flows\/o\.bizflow\.yaml" through git: .+\n$/);
        const missing = await run(['diff', 'HEAD:flows/none.yaml', 'flows/o.bizflow.yaml'], { cwd: root });
        assert.equal(missing.code, 2);
        assert.match(missing.err, /through git: .*none\.yaml/);
      } finally {
        removeTree(root);
      }
    });

    it('REV:PATH parsing: an existing file or a drive path is a file', () => {
      assert.deepEqual(parseRevisionSpec('HEAD~1:a/b.yaml', () => false), { rev: 'HEAD~1', path: 'a/b.yaml' });
      assert.equal(parseRevisionSpec('a:b.yaml', () => true), undefined);
      assert.equal(parseRevisionSpec('C:\\x\\b.yaml', () => false), undefined);
      assert.equal(parseRevisionSpec(':b.yaml', () => false), undefined);
      assert.equal(parseRevisionSpec('plain.yaml', () => false), undefined);
    });

    it('needs exactly two versions', async () => {
      const r = await run(['diff', orderExample]);
      assert.equal(r.code, 2);
      assert.match(r.err, /^bizflow: diff takes two versions, OLD and NEW \(files or REV:PATH\), got 1\./);
    });
  });

  describe('sign', () => {
    it('records the verdict in the file, keeps comments, and the recorded fingerprint matches', async () => {
      const root = tempTree({ 'o.bizflow.yaml': ORDER });
      const file = path.join(root, 'o.bizflow.yaml');
      try {
        const r = await run(['sign', 'o.bizflow.yaml', '--requirement', 'REQ-003', '--role', 'warehouse', '--on', '2026-12-01', '--note', '需要增加人手'], { cwd: root });
        assert.equal(r.err, '');
        assert.equal(r.code, 0);
        const fingerprint = '190217e7';
        assert.equal(r.out, `o.bizflow.yaml: recorded that warehouse agrees to REQ-003 on 2026-12-01 (fingerprint ${fingerprint}).\n`);
        const out = fs.readFileSync(file, 'utf8');
        assert.ok(out.startsWith('# 订单履约流程 — a B2B order-to-delivery process across three departments.\n# It is deliberately imperfect'));
        assert.ok(
          out.includes(
            `    steps: [receive-order, pick, invoice]\n    reviews:\n      - role: warehouse\n        verdict: agree\n        on: 2026-12-01\n        fingerprint: "${fingerprint}"\n        note: 需要增加人手\n  REQ-004:\n`,
          ),
        );
        assert.equal(out.replace(/ {4}reviews:\n(?: {6}.*\n| {8}.*\n)+/, ''), ORDER, 'nothing else changed');
        const { model } = analyze(out);
        assert.equal(agreementOf(model, model.requirements.byId.get('REQ-003')!, 'warehouse').state, 'agreed');
        // an objection from finance, in Chinese, appended after
        const zh = await run(['sign', file, '--requirement', 'REQ-003', '--role', 'finance', '--verdict', 'object', '--locale', 'zh-CN', '--on', '2026-12-02']);
        assert.equal(zh.code, 0);
        assert.equal(zh.out, `${file}：已记录 finance 于 2026-12-02 反对REQ-003（指纹 ${fingerprint}）。\n`);
        assert.match(fs.readFileSync(file, 'utf8'), /note: 需要增加人手\n {6}- role: finance\n {8}verdict: object\n {8}on: 2026-12-02\n/);
      } finally {
        removeTree(root);
      }
    });

    it('today by default; a BOM is kept', async () => {
      const root = tempTree({ 'o.bizflow.yaml': '\uFEFF' + ORDER });
      const file = path.join(root, 'o.bizflow.yaml');
      try {
        const r = await run(['sign', file, '--requirement', 'REQ-004', '--role', 'finance']);
        assert.equal(r.code, 0);
        const d = new Date();
        const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
        const out = fs.readFileSync(file, 'utf8');
        assert.ok(out.startsWith('\uFEFF# 订单履约流程'));
        assert.ok(out.endsWith(`        on: ${today}\n        fingerprint: 363bb00d\n`));
      } finally {
        removeTree(root);
      }
    });

    it('refuses with one clear line and leaves the file alone', async () => {
      const flow = ORDER.replace(/ {2}REQ-004:\n[\s\S]*$/, '  REQ-004: { title: 信用审核改由总监审批, from: director, priority: could }\n');
      const root = tempTree({ 'o.bizflow.yaml': ORDER, 'f.bizflow.yaml': flow });
      try {
        const cases: [string[], string][] = [
          [['sign', 'o.bizflow.yaml', '--requirement', 'REQ-04', '--role', 'finance'], 'bizflow: cannot sign: there is no requirement "REQ-04". Did you mean "REQ-004"?\n'],
          [['sign', 'o.bizflow.yaml', '--requirement', 'REQ-004', '--role', 'financ'], 'bizflow: cannot sign: there is no role "financ" under roles:. Did you mean "finance"?\n'],
          [
            ['sign', 'f.bizflow.yaml', '--requirement', 'REQ-004', '--role', 'finance'],
            'bizflow: cannot sign: requirement "REQ-004" or its reviews list is written in flow style ({ … } or [ … ]), which cannot be edited safely. Edit the file by hand, or rewrite that part in block style.\n',
          ],
          [['sign', 'o.bizflow.yaml', '--requirement', 'REQ-004'], 'bizflow: sign needs --requirement ID and --role ROLE. Run "bizflow sign --help" for usage.\n'],
          [['sign', 'o.bizflow.yaml', '--requirement', 'REQ-004', '--role', 'finance', '--on', '2026-02-30'], 'bizflow: --on needs a date written YYYY-MM-DD, not "2026-02-30".\n'],
          [['sign', 'o.bizflow.yaml', '--requirement', 'REQ-004', '--role', 'finance', '--verdict', 'yes'], 'bizflow: invalid value "yes" for --verdict: use "agree", "object" or "question".\n'],
        ];
        for (const [argv, want] of cases) {
          const r = await run(argv, { cwd: root });
          assert.equal(r.code, 2, argv.join(' '));
          assert.equal(r.out, '');
          assert.equal(r.err, want);
        }
        assert.equal(fs.readFileSync(path.join(root, 'o.bizflow.yaml'), 'utf8'), ORDER);
        assert.equal(fs.readFileSync(path.join(root, 'f.bizflow.yaml'), 'utf8'), flow);
        const zh = await run(['sign', 'f.bizflow.yaml', '--requirement', 'REQ-004', '--role', 'finance', '--locale', 'zh-CN'], { cwd: root });
        assert.equal(zh.err, 'bizflow: 无法签署：需求“REQ-004”或其 reviews 列表是流式写法（{ … } 或 [ … ]），无法安全修改。请手工编辑文件，或把这部分改写为块格式。\n');
      } finally {
        removeTree(root);
      }
    });
  });

  it('the commands are listed for did-you-mean', async () => {
    const r = await run(['imapct', orderExample]);
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown command "imapct"\. Did you mean "impact"\?/);
  });
});
