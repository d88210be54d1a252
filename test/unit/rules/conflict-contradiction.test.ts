import { strict as assert } from 'assert';
import { analyzeModel } from '../../../src/core/engine';
import { buildModel } from '../../../src/core/model';
import { parseText } from '../../../src/core/parse';
import { RULES } from '../../../src/core/rules/index';
import { lint, only, yaml } from '../helpers';
import { itTiming } from '../timing';

const CODE = 'conflict/contradiction';

/** 27 lines; the first requirement's key is on line 28. */
const HEAD = yaml`
  bizflow: 1
  process:
    name: P
    owner: director
  roles:
    sales:
      name: 业务员
    warehouse:
      name: 仓库主管
    director:
      name: 运营总监
  steps:
    s1:
      name: 接单
      type: start
      role: sales
      next: pick
    pick:
      name: 拣货
      role: warehouse
      attributes:
        mode: manual
      next: e1
    e1:
      name: End
      type: end
  requirements:
`;

interface Opts {
  p1?: string;
  p2?: string;
  v1?: string;
  v2?: string;
  extra1?: string;
  extra2?: string;
}

function file(o: Opts = {}): string {
  return (
    HEAD +
    [
      '  REQ-1:', // 28
      '    title: 自动拣货',
      '    from: sales',
      `    priority: ${o.p1 ?? 'must'}`,
      '    agreed: [warehouse]',
      '    sets:',
      `      pick.mode: ${o.v1 ?? 'automatic'}`, // 34
      ...(o.extra1 ? [o.extra1] : []),
      '  REQ-2:',
      '    title: 人工复核',
      '    from: warehouse',
      `    priority: ${o.p2 ?? 'should'}`,
      '    sets:',
      `      pick.mode: ${o.v2 ?? 'manual-review'}`, // 40 (without extra1)
      ...(o.extra2 ? [o.extra2] : []),
      '',
    ].join('\n')
  );
}

describe('conflict/contradiction', () => {
  it('fires on the sets entry of each requirement, with related info and data', () => {
    const text = file();
    assert.equal(HEAD.split('\n').length, 28);
    const found = only(CODE, text);
    assert.deepEqual(
      found.map((f) => [f.text, f.line, f.column, f.severity]),
      [
        ['pick.mode: automatic', 34, 7, 'warning'],
        ['pick.mode: manual-review', 40, 7, 'warning'],
      ],
    );
    const [a, b] = found;
    // the essentials in one line: who asked each side, priorities, which outranks, what to record
    assert.equal(a.messageId, 'contradiction');
    assert.equal(
      a.message,
      'Contradiction on pick.mode: REQ-1 (must, 业务员) sets "automatic", REQ-2 (should, 仓库主管) sets "manual-review". REQ-1 outranks; record overrides: [REQ-2] + decidedBy.',
    );
    assert.equal(
      b.message,
      'Contradiction on pick.mode: REQ-2 (should, 仓库主管) sets "manual-review", REQ-1 (must, 业务员) sets "automatic". REQ-1 outranks; record overrides: [REQ-2] + decidedBy.',
    );
    // the explanation (for hovers): the step, today's value, the full how-to with who decides
    assert.equal(
      a.d.detail,
      'Step 拣货 "pick" can only work one way. Today it is "manual". "REQ-1" (must, asked by 业务员 "sales") wants "automatic"; "REQ-2" (should, asked by 仓库主管 "warehouse") wants "manual-review". "REQ-1" (must) outranks "REQ-2" (should). If "REQ-1" wins, record the decision in it with `overrides: [REQ-2]` and `decidedBy: director`; otherwise change one of them so they agree.',
    );
    // related: the other requirement's entry, then today's value on the step
    assert.deepEqual(a.d.related?.map((r) => [text.slice(r.span.start, r.span.end), r.message]), [
      ['pick.mode: manual-review', 'REQ-2 (should, 仓库主管) sets pick.mode to "manual-review" here.'],
      ['manual', 'Today step 拣货 "pick" has mode = "manual".'],
    ]);
    assert.equal(text.slice(b.d.related![0].span.start, b.d.related![0].span.end), 'pick.mode: automatic');
    assert.deepEqual(a.d.data, { steps: ['pick'], requirements: ['REQ-1', 'REQ-2'], other: 'REQ-2' });
    assert.deepEqual(b.d.data, { steps: ['pick'], requirements: ['REQ-2', 'REQ-1'], other: 'REQ-1' });
  });

  it('is an error when both are must, and then says neither outranks the other', () => {
    const found = only(CODE, file({ p2: 'must' }));
    assert.deepEqual(found.map((f) => f.severity), ['error', 'error']);
    assert.match(found[0].message, /Same priority: the roles decide \(overrides \+ decidedBy\)\.$/);
    assert.match(found[0].d.detail!, /Neither outranks the other \(both are must\)/);
    assert.match(found[0].d.detail!, /`overrides` and `decidedBy: director`/);
  });

  it('speaks Chinese', () => {
    const [f] = only(CODE, file(), { locale: 'zh-CN' });
    assert.equal(f.message, 'pick.mode 存在矛盾：REQ-1（must，业务员）设为“automatic”，REQ-2（should，仓库主管）设为“manual-review”。REQ-1 优先；请记录 overrides: [REQ-2] + decidedBy。');
    assert.match(
      f.d.detail!,
      /^步骤拣货“pick”只能有一种做法。目前为“manual”。“REQ-1”（must，由业务员“sales”提出）要求“automatic”；“REQ-2”（should，由仓库主管“warehouse”提出）要求“manual-review”。“REQ-1”（must）优先于“REQ-2”（should）。/,
    );
  });

  it('compares values by their text', () => {
    assert.deepEqual(only(CODE, file({ v1: '1d', v2: '"1d"' })), []);
    assert.equal(only(CODE, file({ v1: '1d', v2: '"2d"' })).length, 2);
  });

  it('stays quiet when one overrides the other (either way) or one is rejected', () => {
    assert.deepEqual(only(CODE, file({ extra1: '    overrides: [REQ-2]\n    decidedBy: director' })), []);
    assert.deepEqual(only(CODE, file({ extra2: '    overrides: [REQ-1]' })), []);
    assert.deepEqual(only(CODE, file({ extra2: '    status: rejected' })), []);
    // a decision about some other requirement does not count
    assert.equal(only(CODE, file({ extra2: '    overrides: [REQ-9]' })).length, 2);
  });

  it('stays quiet when different attributes are set', () => {
    const text = file().replace('pick.mode: manual-review', 'pick.sla: 4h');
    assert.deepEqual(only(CODE, text), []);
  });

  it('reports once per entry in a three-way contradiction (first other side, "…and 1 more"), and takes part without `from`', () => {
    const text =
      file() + ['  REQ-3:', '    title: 第三方', '    priority: could', '    sets:', '      pick.mode: robot', ''].join('\n');
    const found = only(CODE, text);
    assert.deepEqual(found.map((f) => [f.line, f.d.data?.other, f.data?.more, f.d.related?.length, f.severity]), [
      [34, 'REQ-2', ' …and 1 more.', 3, 'warning'],
      [40, 'REQ-1', ' …and 1 more.', 3, 'warning'],
      [45, 'REQ-1', ' …and 1 more.', 3, 'warning'],
    ]);
    const onThird = found.find((f) => f.line === 45)!;
    assert.deepEqual(onThird.d.data?.requirements, ['REQ-3', 'REQ-1']);
    assert.deepEqual(onThird.d.data?.others, ['REQ-1', 'REQ-2']);
    assert.equal(onThird.data?.a, 'REQ-3 (could, no "from")');
    assert.equal(onThird.data?.aValue, 'robot');
    assert.match(onThird.d.message, /…and 1 more\.$/);
    // the both-sides rule holds per entry: a pair has no "more"
    assert.deepEqual(only(CODE, file()).map((f) => f.data?.more), ['', '']);
  });

  it('never throws on odd shapes', () => {
    const text = file() + '  REQ-4: text\n  REQ-5:\n    sets: [a, b]\n  REQ-6:\n    sets:\n      nodot: x\n      pick.mode: [x]\n';
    const all = lint(text);
    assert.equal(all.filter((f) => f.code === 'bizflow/internal-error').length, 0);
    assert.equal(all.filter((f) => f.code === CODE).length, 2);
  });

  itTiming('scales: the data, requirement and conflict rules stay near-linear on 10,000 steps and 3,000 requirements', function () {
    this.timeout(60000);
    const n = 10000;
    const R = 3000;
    const parts: string[] = ['bizflow: 1\nprocess:\n  name: P\nroles:\n'];
    for (let i = 0; i < 10; i++) parts.push(`  r${i}:\n    name: R${i}\n`);
    parts.push('steps:\n');
    for (let i = 0; i < n; i++) {
      parts.push(`  s${i}:\n    name: S${i}\n    type: ${i ? 'task' : 'start'}\n    role: r${i % 10}\n    needs: [d${(i * 7) % 2000}]\n    produces: [d${i % 2000}]\n`);
      if (i + 1 < n) parts.push(`    next: [s${i + 1}]\n`);
    }
    parts.push('requirements:\n');
    for (let i = 0; i < R; i++) {
      parts.push(
        `  Q${i}:\n    title: T\n    from: r${i % 10}\n    priority: ${['must', 'should', 'could'][i % 3]}\n` +
          `    sets:\n      s${(i * 17) % 1000}.mode: v${i % 3}\n    adds: [s${(i * 5) % n}]\n    removes: [s${(i * 13) % n}]\n` +
          `    steps: [s${(i * 3) % n}]\n    depends: [Q${(i + 1) % R}]\n    overrides: [Q${(i + 2) % R}]\n`,
      );
    }
    const model = buildModel(parseText(parts.join('')));
    const rules = RULES.filter((r) => /^(data|handoff|req|conflict)\//.test(r.code));
    assert.equal(rules.length, 12);
    const found = analyzeModel(model, { rules, maxFindings: Infinity });
    assert.ok(found.some((d) => d.code === CODE));
    assert.ok(!found.some((d) => d.code === 'bizflow/internal-error'));
  });
});
