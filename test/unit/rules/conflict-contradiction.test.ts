import { strict as assert } from 'assert';
import { analyzeModel } from '../../../src/core/engine';
import { buildModel } from '../../../src/core/model';
import { parseText } from '../../../src/core/parse';
import { MAX_OTHER_SIDES } from '../../../src/core/conflicts';
import { RULES } from '../../../src/core/rules/index';
import { CONFLICT_HEAD, conflictHead } from '../../support/conflict-process';
import { lint, only } from '../helpers';
import { itTiming } from '../timing';

const CODE = 'conflict/contradiction';

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
    CONFLICT_HEAD +
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
    assert.equal(CONFLICT_HEAD.split('\n').length, 28);
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

/**
 * The helpers the conflict findings are worded with (src/core/conflicts.ts):
 * who outranks whom and who records the decision, how a requirement and a
 * step are named. Asserted on the placeholder values, in both languages: the
 * explanation's (`detail`: the long labels and the full how-to with who
 * decides) and the short message's.
 */
describe('conflict/contradiction: the decision hint and the labels', () => {
  /** REQ-1 (should, sales) and REQ-2 (must, warehouse) set pick.mode to a and b. */
  const PAIR =
    conflictHead({ pickMode: null }) +
    ['  REQ-1:', '    from: sales', '    priority: should', '    sets:', '      pick.mode: a', '  REQ-2:', '    from: warehouse', '    priority: must', '    sets:', '      pick.mode: b', ''].join('\n');
  const data = (text: string, locale: 'en' | 'zh-CN' = 'en') => {
    const all = lint(text, { locale });
    assert.deepEqual(all.filter((f) => f.code.startsWith('bizflow/')), [], 'no rule failure');
    // the explanation's values under the names the message used before it was shortened
    return all
      .filter((f) => f.code === CODE)
      .map((f) => ({ ...f.detail!, a: f.detail!.aWho, b: f.detail!.bWho, step: f.detail!.step, today: f.detail!.today, decision: f.detail!.howTo, short: f.data! }));
  };
  const outranks = (decider: string) =>
    ` "REQ-2" (must) outranks "REQ-1" (should). If "REQ-2" wins, record the decision in it with \`overrides: [REQ-1]\` and \`decidedBy: ${decider}\`; otherwise change one of them so they agree.`;
  const outranksZh = (decider: string) =>
    `“REQ-2”（must）优先于“REQ-1”（should）。若以“REQ-2”为准，请在其中用 \`overrides: [REQ-1]\` 和 \`decidedBy: ${decider}\` 记录这一决定；否则请修改其中一条，使两者一致。`;

  it('names the higher priority as the winner from either side, with the owner as decider', () => {
    const [a, b] = data(PAIR);
    assert.deepEqual([a.a, a.b], ['"REQ-1" (should, asked by 业务员 "sales")', '"REQ-2" (must, asked by 仓库主管 "warehouse")']);
    // the short message: who asked by role name, which one outranks, what to record
    assert.deepEqual([a.short.a, a.short.b, a.short.decision], ['REQ-1 (should, 业务员)', 'REQ-2 (must, 仓库主管)', ' REQ-2 outranks; record overrides: [REQ-1] + decidedBy.']);
    assert.equal(b.short.decision, ' REQ-2 outranks; record overrides: [REQ-1] + decidedBy.');
    assert.equal(data(PAIR, 'zh-CN')[0].short.decision, 'REQ-2 优先；请记录 overrides: [REQ-1] + decidedBy。');
    assert.equal(a.decision, outranks('director'));
    assert.equal(b.decision, outranks('director'));
    const [z1, z2] = data(PAIR, 'zh-CN');
    assert.equal(z1.decision, outranksZh('director'));
    assert.equal(z2.decision, outranksZh('director'));
    // the order of the two in the file does not change who wins
    const swapped = PAIR.replace('priority: should', 'priority: TMP').replace('priority: must', 'priority: should').replace('priority: TMP', 'priority: must');
    assert.equal(data(swapped)[0].decision, outranks('director').replace(/REQ-2/g, 'X').replace(/REQ-1/g, 'REQ-2').replace(/X/g, 'REQ-1'));
    // could against wont: the lower rank wins too
    const low = PAIR.replace('priority: should', 'priority: wont').replace('priority: must', 'priority: could');
    assert.match(String(data(low)[0].decision), /^ "REQ-2" \(could\) outranks "REQ-1" \(wont\)\./);
  });

  it('writes a <role> placeholder when the process has no owner, or an owner that is not a role', () => {
    for (const text of [PAIR.replace('  owner: director\n', ''), PAIR.replace('owner: director', 'owner: boss')]) {
      assert.deepEqual(data(text).map((d) => d.decision), [outranks('<role>'), outranks('<role>')]);
      assert.deepEqual(data(text, 'zh-CN').map((d) => d.decision), [outranksZh('<角色>'), outranksZh('<角色>')]);
    }
  });

  it('says neither outranks the other for the same priority, and only "the roles decide" when one has none', () => {
    const same = PAIR.replace('priority: should', 'priority: must');
    assert.equal(data(same)[0].short.decision, ' Same priority: the roles decide (overrides + decidedBy).');
    assert.equal(data(PAIR.replace('    priority: should\n', ''))[0].short.decision, ' The roles decide (overrides + decidedBy).');
    assert.equal(
      data(same)[0].decision,
      ' Neither outranks the other (both are must), so the roles involved have to decide. Record the decision in the requirement that wins with `overrides` and `decidedBy: director`, or change one of them so they agree.',
    );
    assert.equal(data(same, 'zh-CN')[0].decision, '两者优先级相同（都是 must），需由相关角色商定。请在胜出的需求中用 `overrides` 和 `decidedBy: director` 记录决定，或修改其中一条，使两者一致。');
    assert.equal(data(same, 'zh-CN')[0].short.decision, '优先级相同，需相关角色商定（overrides + decidedBy）。');
    // one without priority, on either side of the finding: the roles decide
    for (const text of [PAIR.replace('    priority: should\n', ''), PAIR.replace('    priority: must\n', '')]) {
      assert.deepEqual(data(text).map((d) => d.short.decision), [' The roles decide (overrides + decidedBy).', ' The roles decide (overrides + decidedBy).']);
      assert.deepEqual(data(text, 'zh-CN').map((d) => d.short.decision), ['需相关角色商定（overrides + decidedBy）。', '需相关角色商定（overrides + decidedBy）。']);
    }
    for (const text of [PAIR.replace('    priority: should\n', ''), PAIR.replace('    priority: must\n', '')]) {
      const found = data(text);
      assert.equal(found.length, 2);
      for (const d of found) {
        assert.equal(d.decision, ' The roles involved have to decide. Record the decision in the requirement that wins with `overrides` and `decidedBy: director`, or change one of them so they agree.');
      }
      assert.equal(data(text, 'zh-CN')[0].decision, '需由相关角色商定。请在胜出的需求中用 `overrides` 和 `decidedBy: director` 记录决定，或修改其中一条，使两者一致。');
    }
  });

  it('names a requirement without priority or without `from`, and a role or step that is not declared, by id', () => {
    const text = PAIR.replace('    priority: should\n', '').replace('from: warehouse', 'from: nobody');
    const [a] = data(text);
    assert.deepEqual([a.a, a.b], ['"REQ-1" (no priority, asked by 业务员 "sales")', '"REQ-2" (must, asked by "nobody")']);
    assert.deepEqual([a.short.a, a.short.b], ['REQ-1 (no priority, 业务员)', 'REQ-2 (must, nobody)']);
    const [z] = data(text, 'zh-CN');
    assert.deepEqual([z.short.a, z.short.b], ['REQ-1（未定优先级，业务员）', 'REQ-2（must，nobody）']);
    assert.deepEqual([z.a, z.b], ['“REQ-1”（未定优先级，由业务员“sales”提出）', '“REQ-2”（must，由“nobody”提出）']);
    const bare = PAIR.replace('    from: sales\n    priority: should\n', '');
    assert.equal(data(bare)[0].a, '"REQ-1" (no priority, no "from")');
    assert.equal(data(bare, 'zh-CN')[0].a, '“REQ-1”（未定优先级，未写提出方）');
    const ghost = PAIR.replace(/pick\.mode/g, 'ghost.mode');
    assert.deepEqual(data(ghost).map((d) => [d.short.key, d.step]), [['ghost.mode', '"ghost"'], ['ghost.mode', '"ghost"']]);
  });

  it('says nothing of today when the step does not set the attribute, and its value when it does', () => {
    assert.deepEqual(data(PAIR).map((d) => d.today), ['', '']);
    assert.deepEqual(data(PAIR, 'zh-CN').map((d) => d.today), ['', '']);
    const withToday = PAIR.replace('    role: warehouse\n', '    role: warehouse\n    attributes:\n      mode: manual\n');
    assert.notEqual(withToday, PAIR);
    assert.deepEqual(data(withToday).map((d) => d.today), [' Today it is "manual".', ' Today it is "manual".']);
    assert.deepEqual(data(withToday, 'zh-CN').map((d) => d.today), ['目前为“manual”。', '目前为“manual”。']);
  });

  it('shows a step by its name beside its id, and by its id alone when the name is blank or the id itself', () => {
    assert.equal(data(PAIR)[0].step, '拣货 "pick"');
    assert.equal(data(PAIR, 'zh-CN')[0].step, '拣货“pick”');
    assert.equal(data(PAIR.replace('name: 拣货', 'name: "  "'))[0].step, '"pick"');
    assert.equal(data(PAIR.replace('name: 拣货', 'name: " pick "'))[0].step, '"pick"');
    assert.equal(data(PAIR.replace('name: 拣货', 'name: " 拣 货 "'))[0].step, '拣 货 "pick"');
    assert.equal(data(PAIR.replace('name: 拣货', 'name: "  "'), 'zh-CN')[0].step, '“pick”');
  });

  it('writes a requirement id bare in the short message when it is a plain id of up to 40 characters, quoted (and cut) otherwise', () => {
    const shortA = (id: string, locale: 'en' | 'zh-CN' = 'en') => data(PAIR.replace('REQ-1:', `${JSON.stringify(id)}:`), locale)[0].short.a;
    const id40 = 'R'.repeat(10) + '需求_.-' + '9'.repeat(25);
    assert.equal([...id40].length, 40);
    assert.equal(shortA(id40), `${id40} (should, 业务员)`);
    assert.equal(shortA(id40 + 'x'), `"${id40.slice(0, 39)}…" (should, 业务员)`);
    assert.equal(shortA('REQ 1'), '"REQ 1" (should, 业务员)');
    assert.equal(shortA('REQ 1', 'zh-CN'), '“REQ 1”（should，业务员）');
    assert.equal(shortA('x/REQ-1'), '"x/REQ-1" (should, 业务员)');
    assert.equal(shortA('REQ-1!'), '"REQ-1!" (should, 业务员)');
  });

  it('names who asked by the role name, trimmed, whole up to 16 characters and cut to 15 and "…" beyond, or by the role id when the name is blank', () => {
    const shortA = (name: string) => data(PAIR.replace('name: 业务员', `name: ${JSON.stringify(name)}`))[0].short.a;
    assert.equal(shortA('  Sales team  '), 'REQ-1 (should, Sales team)');
    assert.equal(shortA('   '), 'REQ-1 (should, sales)');
    assert.equal(shortA('abcdefghijklmnop'), 'REQ-1 (should, abcdefghijklmnop)');
    assert.equal(shortA('abcdefghijklmnopq'), 'REQ-1 (should, abcdefghijklmno…)');
    // no `from`: the short message says so
    assert.equal(data(PAIR.replace('    from: sales\n', ''))[0].short.a, 'REQ-1 (should, no "from")');
    assert.equal(data(PAIR.replace('    from: sales\n', ''), 'zh-CN')[0].short.a, 'REQ-1（should，未写提出方）');
  });

});

describe('conflict/contradiction: decisions, aliases and "…and N more" in Chinese', () => {
  const three = (extra1 = '') =>
    file() + (extra1 ? '' : '') + ['  REQ-3:', '    title: 第三方', '    priority: could', '    sets:', '      pick.mode: robot', ''].join('\n');

  it('a requirement that overrides two others is decided with both', () => {
    const text = three().replace('      pick.mode: automatic\n', '      pick.mode: automatic\n    overrides: [REQ-2, REQ-3]\n    decidedBy: director\n');
    const found = only(CODE, text);
    // REQ-1 is quiet; REQ-2 and REQ-3 still contradict each other
    assert.deepEqual(found.map((f) => [f.d.data?.requirements]), [[['REQ-2', 'REQ-3']], [['REQ-3', 'REQ-2']]]);
  });

  it('reports an entry reached again through an alias once', () => {
    const text = file().replace('  REQ-1:\n', '  REQ-1: &q\n') + '  REQ-9: *q\n';
    const found = only(CODE, text);
    const spans = found.map((f) => `${f.d.span.start}:${f.d.span.end}`);
    assert.equal(new Set(spans).size, spans.length, 'one finding per span');
    assert.deepEqual(found.map((f) => f.text), ['pick.mode: automatic', 'pick.mode: manual-review']);
  });

  it('says "……另有 N 条。" in Chinese', () => {
    const found = only(CODE, three(), { locale: 'zh-CN' });
    assert.deepEqual(found.map((f) => f.data?.more), ['……另有 1 条。', '……另有 1 条。', '……另有 1 条。']);
  });

  it('works in a file without a process section', () => {
    const text = file().replace(/^process:\n  name: P\n  owner: director\n/m, '');
    const all = lint(text);
    assert.deepEqual(all.filter((f) => f.code.startsWith('bizflow/')), []);
    assert.match(String(all.find((f) => f.code === CODE)?.detail?.howTo), /`decidedBy: <role>`/);
  });
});

/**
 * Who counts as another side, and how many there are: values shared by several requirements, a requirement that sets the same key
 * twice (a duplicate key, yaml/duplicate-key's finding, still read by the rule), decisions with some of the other sides and the
 * must-priority of those left, and today's value when the step sets several attributes.
 */
describe('conflict/contradiction: the other sides of an entry', () => {
  /** Requirements given as [id, priority, value, extra lines]. */
  const reqs = (...rs: [string, string, string, string[]?][]) =>
    CONFLICT_HEAD + rs.flatMap(([id, p, v, extra]) => [`  ${id}:`, '    from: sales', `    priority: ${p}`, '    sets:', `      pick.mode: ${v}`, ...(extra ?? [])]).join('\n') + '\n';
  const summary = (text: string) =>
    only(CODE, text).map((f) => ({ at: f.text, severity: f.severity, other: f.d.data?.other, others: f.d.data?.others, more: f.data?.more, related: f.d.related?.length }));

  it('agreeing values are no finding (and no rule failure)', () => {
    const text = reqs(['REQ-1', 'must', 'automatic'], ['REQ-2', 'should', 'automatic'], ['REQ-3', 'could', '"automatic"']);
    assert.deepEqual(lint(text).filter((f) => f.code === CODE || f.code.startsWith('bizflow/')), []);
  });

  it('a requirement with the same value is no other side, and is not counted in "…and N more"', () => {
    const text = reqs(['REQ-1', 'should', 'automatic'], ['REQ-2', 'should', 'manual'], ['REQ-3', 'should', 'automatic']);
    assert.deepEqual(summary(text), [
      { at: 'pick.mode: automatic', severity: 'warning', other: 'REQ-2', others: undefined, more: '', related: 2 },
      { at: 'pick.mode: manual', severity: 'warning', other: 'REQ-1', others: ['REQ-1', 'REQ-3'], more: ' …and 1 more.', related: 3 },
      { at: 'pick.mode: automatic', severity: 'warning', other: 'REQ-2', others: undefined, more: '', related: 2 },
    ]);
  });

  it('a requirement that sets the key twice is not its own other side', () => {
    const text = CONFLICT_HEAD + ['  REQ-1:', '    from: sales', '    priority: should', '    sets:', '      pick.mode: a', '      pick.mode: b', '  REQ-2:', '    from: warehouse', '    priority: should', '    sets:', '      pick.mode: c', ''].join('\n');
    assert.deepEqual(summary(text), [
      { at: 'pick.mode: a', severity: 'warning', other: 'REQ-2', others: undefined, more: '', related: 2 },
      { at: 'pick.mode: b', severity: 'warning', other: 'REQ-2', others: undefined, more: '', related: 2 },
      { at: 'pick.mode: c', severity: 'warning', other: 'REQ-1', others: ['REQ-1', 'REQ-1'], more: ' …and 1 more.', related: 3 },
    ]);
    assert.ok(lint(text).some((f) => f.code === 'yaml/duplicate-key'));
  });

  it('an error only when a must requirement is left with a must one it is not decided with', () => {
    const decided = ['    overrides: [REQ-2]', '    decidedBy: director'];
    // REQ-1 (must) decided with REQ-2 (must): only REQ-3 (should) is left, a warning
    assert.deepEqual(summary(reqs(['REQ-1', 'must', 'a', decided], ['REQ-2', 'must', 'b'], ['REQ-3', 'should', 'c'])), [
      { at: 'pick.mode: a', severity: 'warning', other: 'REQ-3', others: undefined, more: '', related: 2 },
      { at: 'pick.mode: b', severity: 'warning', other: 'REQ-3', others: undefined, more: '', related: 2 },
      { at: 'pick.mode: c', severity: 'warning', other: 'REQ-1', others: ['REQ-1', 'REQ-2'], more: ' …and 1 more.', related: 3 },
    ]);
    // REQ-1 (must) decided with REQ-2 (should): REQ-3 (must) is left, an error on both must sides
    assert.deepEqual(summary(reqs(['REQ-1', 'must', 'a', decided], ['REQ-2', 'should', 'b'], ['REQ-3', 'must', 'c'])), [
      { at: 'pick.mode: a', severity: 'error', other: 'REQ-3', others: undefined, more: '', related: 2 },
      { at: 'pick.mode: b', severity: 'warning', other: 'REQ-3', others: undefined, more: '', related: 2 },
      { at: 'pick.mode: c', severity: 'error', other: 'REQ-1', others: ['REQ-1', 'REQ-2'], more: ' …and 1 more.', related: 3 },
    ]);
  });

  it("today's value is the attribute's own, among several", () => {
    const text = file().replace('      mode: manual\n', '      sla: 4h\n      mode: manual\n      owner: ops\n');
    const [a] = only(CODE, text);
    assert.equal(a.detail?.today, ' Today it is "manual".');
    const today = a.d.related![1];
    assert.equal(text.slice(today.span.start, today.span.end), 'manual');
    assert.equal(today.message, 'Today step 拣货 "pick" has mode = "manual".');
  });
});

describe('conflict/contradiction: at most MAX_OTHER_SIDES other sides named', () => {
  it(`names the first ${MAX_OTHER_SIDES} other sides in the data and related information, and counts them all`, () => {
    let text = CONFLICT_HEAD + ['  REQ-1:', '    from: sales', '    priority: must', '    sets:', '      pick.mode: mine', ''].join('\n');
    for (let i = 2; i <= 23; i++) text += [`  REQ-${i}:`, '    from: warehouse', '    priority: could', '    sets:', `      pick.mode: v${i}`, ''].join('\n');
    const [f] = only(CODE, text);
    assert.deepEqual(f.d.data?.others, Array.from({ length: MAX_OTHER_SIDES }, (_, i) => `REQ-${i + 2}`));
    // the other sides, then today's value
    assert.equal(f.d.related?.length, MAX_OTHER_SIDES + 1);
    assert.equal(f.data?.more, ' …and 21 more.');
  });
});
