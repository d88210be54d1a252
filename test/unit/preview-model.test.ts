import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { analyze } from '../../src/core/engine';
import { LineIndex } from '../../src/core/positions';
import {
  buildRenderModel,
  diagnosticsOfStep,
  exportFileName,
  highlightAt,
  prepareRender,
  restrictToRoles,
  sameHighlight,
  summarize,
  syntaxProblems,
} from '../../src/shared/preview-render';

const ROOT = path.resolve(__dirname, '..', '..');
const ORDER = readFileSync(path.join(ROOT, 'test/fixtures/workspace/order-fulfilment.bizflow.yaml'), 'utf8');

function render(text: string, opts: Partial<Parameters<typeof buildRenderModel>[2]> = {}) {
  const result = analyze(text);
  return { result, model: buildRenderModel(result, new LineIndex(text), { fileName: 'x.bizflow.yaml', ...opts }) };
}

describe('preview model', () => {
  it('draws every step and lane of the example, with the conflicts of the README', () => {
    const { model, result } = render(ORDER);
    assert.equal(model.title, '订单履约流程');
    assert.equal(model.steps.length, result.model.steps.list.length);
    assert.deepEqual(
      model.lanes.map((l) => l.roleId),
      ['sales', 'warehouse', 'finance', ''], // a band per role that has steps (the director has none), then the unassigned band
    );
    assert.deepEqual(model.lanes[3], { roleId: '', laneId: 'unassigned', label: 'unassigned', conflict: false, unassigned: true });
    assert.deepEqual(model.roles.map((r) => r.label), ['业务员', '仓库主管', '财务专员', '运营总监']);
    const byId = new Map(model.steps.map((s) => [s.id, s]));
    // REQ-001 (must) vs REQ-002 (should): a warning; the contradiction is reported in both requirements but counted once
    assert.equal(byId.get('pick')!.conflict, 'warning');
    assert.equal(byId.get('pick')!.conflictCount, 2, 'the contradiction + the unagreed burden');
    assert.equal(byId.get('double-check')!.conflict, 'warning');
    assert.equal(byId.get('credit-check')!.conflict, 'warning');
    assert.equal(byId.get('invoice')!.conflict, undefined);
    assert.deepEqual(model.conflictCounts, { error: 0, warning: 4 });
    // the hover's diagnostics are not in the model (asked for on hover): only how many there are
    const parts = prepareRender(result, new LineIndex(ORDER), { fileName: 'x.bizflow.yaml' });
    assert.deepEqual(parts.model, model);
    const pick = diagnosticsOfStep(parts, 'pick')!;
    assert.equal(byId.get('pick')!.diagnosticCount, pick.length);
    const codes = pick.map((d) => d.code).sort();
    assert.deepEqual([...new Set(codes)], ['conflict/contradiction', 'conflict/unagreed-burden', 'handoff/no-data']);
    const d = pick.find((x) => x.code === 'conflict/contradiction')!;
    assert.equal(d.line, 82);
    assert.equal(d.severity, 'warning');
    assert.ok(d.message.length > 0);
    for (const s of model.steps) {
      assert.equal(s.diagnosticCount ?? 0, diagnosticsOfStep(parts, s.id)!.length, s.id);
      assert.ok(!('diagnostics' in s), 'no diagnostic texts in the render message');
    }
    assert.equal(diagnosticsOfStep(parts, 'no-such-step'), undefined);
    assert.match(model.mermaid, /^---\nconfig:\n {2}layout: swimlane\n---\nflowchart LR\n/);
    assert.deepEqual(model.problems, []);
    assert.equal(model.tooLarge, undefined);
  });

  it('makes a must/must contradiction an error', () => {
    const { model } = render(ORDER.replace('priority: should', 'priority: must'));
    const pick = model.steps.find((s) => s.id === 'pick')!;
    assert.equal(pick.conflict, 'error');
    assert.equal(model.conflictCounts.error, 1);
    assert.match(model.mermaid, /class n2 conflictError|class [^\n]*\bn2\b[^\n]* conflictError/);
  });

  it('shows one role\'s view, and falls back to all roles for an unknown role', () => {
    const { model } = render(ORDER, { role: 'sales' });
    assert.equal(model.role, 'sales');
    assert.ok(model.steps.length < 7);
    assert.ok(model.steps.some((s) => s.id === 'notify-customer'));
    const unknown = render(ORDER, { role: 'nobody', texts: { unknownRole: 'no {0}' } }).model;
    assert.equal(unknown.role, undefined);
    assert.deepEqual(unknown.notices, ['no nobody']);
    assert.equal(unknown.steps.length, 7);
  });

  it('keeps only the lanes involved in conflicts (and the lane-less steps next to them)', () => {
    const { model } = render(ORDER, { onlyConflictLanes: true });
    assert.deepEqual(model.lanes.map((l) => l.roleId).sort(), ['', 'finance', 'warehouse']);
    assert.ok(model.lanes.every((l) => l.conflict || l.unassigned));
    const ids = model.steps.map((s) => s.id).sort();
    assert.deepEqual(ids, ['credit-check', 'done', 'double-check', 'invoice', 'pick']);
    // node ids come from the restricted model, and the text names them
    for (const s of model.steps) assert.ok(model.mermaid.includes(`${s.nodeId}`));
    const none = render(
      'bizflow: 1\nprocess: { name: P }\nroles: { a: { name: A } }\nsteps:\n  s: { type: start, role: a, next: e }\n  e: { type: end }\n',
      { onlyConflictLanes: true, texts: { noConflicts: 'none' } },
    ).model;
    assert.deepEqual(none.notices, ['none']);
    assert.equal(none.lanes.length, 2, "the role's band and the unassigned band of the end step");
  });

  it('restrictToRoles re-indexes the steps it keeps', () => {
    const { result } = render(ORDER);
    const m = restrictToRoles(result.model, new Set(['warehouse']));
    assert.deepEqual(m.steps.list.map((s) => [s.id, s.index]), [
      ['pick', 0],
      ['double-check', 1],
    ]);
    assert.deepEqual(m.roles.list.map((r) => r.id), ['warehouse']);
    assert.equal(result.model.steps.list.length, 7, 'the original model is untouched');
  });

  it('refuses to draw beyond the limits', function () {
    this.timeout(20_000);
    const { model } = render(ORDER, { limits: { maxTextLength: 100, maxEdges: 3000, maxNodes: 1500 } });
    assert.ok(model.tooLarge);
    assert.equal(model.mermaid, '');
    assert.equal(model.tooLarge!.maxTextLength, 100);
    assert.equal(model.roles.length, 4, 'the roles are there to offer the role view');
    // nothing drawn, nothing to send of the steps and lanes (a 10,000-step file's steps are 1.2 MB of message)
    assert.deepEqual([model.steps, model.lanes], [[], []]);
    assert.equal(render(ORDER, { limits: { maxTextLength: 100_000, maxEdges: 3000, maxNodes: 1500 } }).model.steps.length, 7);
    const big = readFileSync(path.join(ROOT, 'test/fixtures/big-300.bizflow.yaml'), 'utf8');
    const b = render(big).model;
    assert.equal(b.tooLarge, undefined, 'the 300-step file is within the limits');
    assert.equal(b.steps.length, 300);
    assert.equal(b.lanes.length, 20);
  });

  it('reports syntax errors with 1-based line:column', () => {
    const text = 'bizflow: 1\nsteps:\n  a: [unclosed\n';
    const { result, model } = render(text);
    const problems = syntaxProblems(result, new LineIndex(text));
    assert.ok(problems.length > 0);
    assert.deepEqual(model.problems, problems);
    assert.ok(problems[0].line >= 3);
  });

  it('summarize counts a conflict once per step even when reported on both sides', () => {
    const { result } = render(ORDER);
    const s = summarize(result.model, result.diagnostics);
    assert.equal(s.byStep.get('pick')!.count, 2);
    assert.deepEqual([...s.roles].sort(), ['finance', 'warehouse']);
  });

  describe('highlightAt', () => {
    const at = (needle: string, delta = 0) => {
      const m = render(ORDER).result.model;
      const i = ORDER.indexOf(needle);
      assert.ok(i >= 0, needle);
      return highlightAt(m, i + delta);
    };
    it('a step definition highlights the step', () => {
      assert.deepEqual(at('  invoice:\n', 4), { steps: ['invoice'], primary: 'invoice', lanes: [] });
      assert.deepEqual(at('    produces: [invoice]'), { steps: ['invoice'], primary: 'invoice', lanes: [] });
    });
    it('a reference in `next` highlights the referenced step', () => {
      assert.deepEqual(at('next: double-check', 8), { steps: ['double-check'], primary: 'double-check', lanes: [] });
      assert.deepEqual(at('拒绝: notify-customer', 6), { steps: ['notify-customer'], primary: 'notify-customer', lanes: [] });
    });
    it('a step\'s role highlights its lane too', () => {
      assert.deepEqual(at('role: finance\n    produces: [invoice]', 7), { steps: ['invoice'], primary: 'invoice', lanes: ['finance'] });
    });
    it('anywhere in a requirement highlights every step it touches', () => {
      const r = at('title: 每个环节写入追溯日志');
      assert.deepEqual(r.steps.sort(), ['double-check', 'invoice', 'pick', 'receive-order']);
      assert.equal(r.primary, undefined);
      const onRef = at('adds: [double-check]', 8);
      assert.equal(onRef.primary, 'double-check');
      assert.deepEqual(at('pick.mode: automatic', 12), { steps: ['pick'], lanes: [] });
      assert.deepEqual(at('pick.mode: automatic', 1), { steps: ['pick'], primary: 'pick', lanes: [] });
    });
    it('a role highlights its lane; elsewhere nothing', () => {
      assert.deepEqual(at('    department: 物流部'), { steps: [], lanes: ['warehouse'] });
      assert.deepEqual(at('bizflow: 1'), { steps: [], lanes: [] });
    });
    it('sameHighlight compares targets', () => {
      assert.ok(sameHighlight({ steps: ['a'], primary: 'a', lanes: [] }, { steps: ['a'], primary: 'a', lanes: [] }));
      assert.ok(!sameHighlight(undefined, { steps: [], lanes: [] }));
      assert.ok(!sameHighlight({ steps: ['a'], lanes: [] }, { steps: ['b'], lanes: [] }));
    });
  });

  it('exportFileName', () => {
    assert.equal(exportFileName('order.bizflow.yaml', 'svg'), 'order.svg');
    assert.equal(exportFileName('order.bizflow.yml', 'png', 'sales'), 'order-sales.png');
    assert.equal(exportFileName('a.bizflow.yaml', 'png', '角色/x'), 'a-_x.png');
  });
});
