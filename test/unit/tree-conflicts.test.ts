/**
 * How the trees read conflicts and changes (src/core/tree.ts): `indexConflicts`
 * (which requirement, step and role a conflict belongs to, which side of a
 * clash a requirement shows, in which order), the requirement summaries, the
 * default grouping, and a role's "What changes" lines.
 *
 * Every tree is built inside its test (not once per file): the mutation run
 * re-runs the tests in one process, and a tree built at load time would be
 * built only once, without the change under test.
 */
import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { analyze } from '../../src/core/engine';
import { buildRoleTree, buildTree, indexConflicts, type ChangeNode, type ConflictInfo, type RoleNode } from '../../src/core/tree';
import type { Diagnostic, Severity, Span } from '../../src/core/types';
import { yaml } from './helpers';

const FILE = yaml`
  bizflow: 1
  process:
    name: P
    owner: boss
  roles:
    sales:
      name: 业务员
    warehouse:
      name: 仓库
    boss:
      name: 老板
  steps:
    start:
      name: 开始
      type: start
      role: sales
      next: pick
    pick:
      role: warehouse
      next: ghosted
    ghosted:
      role: ghost
      next: done
    done:
      type: end
  requirements:
    REQ-001:
      title: 一
      from: sales
    REQ-002:
      from: warehouse
    REQ-003:
      from: nobody
    REQ-004:
      title: 四
`;

/** The span of the `n`-th (0-based) occurrence of `s` in `text`. */
function at(text: string, s: string, n = 0): Span {
  let i = -1;
  for (let k = 0; k <= n; k++) {
    i = text.indexOf(s, i + 1);
    assert.ok(i >= 0, `${s} #${n}`);
  }
  return { start: i, end: i + s.length };
}

/** A conflict finding as a rule would report it (`data` absent when not given). */
function conflict(code: string, span: Span, message: string, data?: Record<string, unknown>, severity: Severity = 'warning', detail?: string): Diagnostic {
  const d: Diagnostic = { code: `conflict/${code}`, severity, message, span };
  if (data) d.data = data as Diagnostic['data'];
  if (detail !== undefined) d.detail = detail;
  return d;
}

const messages = (list: readonly ConflictInfo[] | undefined) => (list ?? []).map((c) => c.message);

function role(roles: RoleNode[], id: string): RoleNode {
  const r = roles.find((x) => x.roleId === id);
  assert.ok(r, `role ${id}`);
  return r;
}

function changes(roles: RoleNode[], id: string): ChangeNode[] {
  return (role(roles, id).children.find((s) => s.section === 'changes')?.children ?? []) as ChangeNode[];
}

describe('tree conflicts and changes (core/tree.ts indexConflicts, summaries, changeNodes)', () => {
  describe('indexConflicts: what each conflict names', () => {
    it('a conflict finding without data belongs to the requirement whose entry holds it, bounds included, else to none', () => {
      const model = analyze(FILE).model;
      const [r1, r2] = model.requirements.list;
      const found = indexConflicts(model, [
        // exactly the whole entry of REQ-001: both ends count as inside
        conflict('a', r1.span, 'whole REQ-001'),
        // inside REQ-002, which starts after REQ-001 ends
        conflict('b', at(FILE, 'from: warehouse'), 'in REQ-002'),
        // in the steps: no requirement holds it
        conflict('c', at(FILE, 'role: ghost'), 'in the steps'),
      ]);
      assert.deepStrictEqual(
        found.all.map((c) => ({ ...c })),
        [
          { key: `conflict/a@${r1.span.start}-${r1.span.end}`, code: 'conflict/a', severity: 'warning', message: 'whole REQ-001', span: r1.span, requirements: ['REQ-001'], steps: [] },
          {
            key: `conflict/b@${at(FILE, 'from: warehouse').start}-${at(FILE, 'from: warehouse').end}`,
            code: 'conflict/b',
            severity: 'warning',
            message: 'in REQ-002',
            span: at(FILE, 'from: warehouse'),
            requirements: ['REQ-002'],
            steps: [],
          },
          {
            key: `conflict/c@${at(FILE, 'role: ghost').start}-${at(FILE, 'role: ghost').end}`,
            code: 'conflict/c',
            severity: 'warning',
            message: 'in the steps',
            span: at(FILE, 'role: ghost'),
            requirements: [],
            steps: [],
          },
        ],
      );
      assert.deepEqual(messages(found.byRequirement.get('REQ-001')), ['whole REQ-001']);
      assert.deepEqual(messages(found.byRequirement.get('REQ-002')), ['in REQ-002']);
      assert.ok(r2.span.start > r1.span.end);
    });

    it('a requirement or step list in the data keeps its strings only; the data wins over where the finding sits', () => {
      const model = analyze(FILE).model;
      const found = indexConflicts(model, [conflict('a', at(FILE, 'title: 一'), 'named', { requirements: ['REQ-002', 7, null], steps: ['pick', 3, { id: 'x' }] })]);
      assert.deepEqual(
        found.all.map((c) => [c.requirements, c.steps]),
        [[['REQ-002'], ['pick']]],
      );
      assert.deepEqual([...found.byRequirement.keys()], ['REQ-002']);
      // a list that is no list names nothing: the holder is used
      const odd = indexConflicts(model, [conflict('a', at(FILE, 'title: 一'), 'odd', { requirements: 'REQ-002', steps: 'pick' })]);
      assert.deepEqual(
        odd.all.map((c) => [c.requirements, c.steps]),
        [[['REQ-001'], []]],
      );
    });

    it('keeps the burdened role when it is a string and the explanation when there is one, and has no such keys otherwise', () => {
      const model = analyze(FILE).model;
      const span = at(FILE, 'title: 一');
      const found = indexConflicts(model, [
        conflict('unagreed-burden', span, 'role and detail', { requirements: ['REQ-001'], role: 'warehouse' }, 'warning', 'why it matters'),
        conflict('unagreed-burden', span, 'odd role', { requirements: ['REQ-001'], role: 5 }),
        conflict('unagreed-burden', span, 'empty detail', { requirements: ['REQ-001'], role: '' }, 'error', ''),
      ]);
      assert.deepStrictEqual(
        found.all.map((c) => [c.message, c.role, c.detail]),
        [
          ['role and detail', 'warehouse', 'why it matters'],
          ['odd role', undefined, undefined],
          ['empty detail', '', ''],
        ],
      );
      assert.deepStrictEqual(Object.keys(found.all[0]).sort(), ['code', 'detail', 'key', 'message', 'requirements', 'role', 'severity', 'span', 'steps']);
      // absent, not `undefined`: the trees travel as JSON
      assert.deepStrictEqual(Object.keys(found.all[1]).sort(), ['code', 'key', 'message', 'requirements', 'severity', 'span', 'steps']);
      assert.deepStrictEqual(Object.keys(found.all[2]).sort(), ['code', 'detail', 'key', 'message', 'requirements', 'role', 'severity', 'span', 'steps']);
    });
  });

  describe('indexConflicts: per requirement', () => {
    it('lists only requirements with conflicts; one entry per conflict, the side inside the requirement preferred, else the first; own side first, then document order', () => {
      const model = analyze(FILE).model;
      const inversion = (span: Span, message: string) => conflict('priority-inversion', span, message, { requirements: ['REQ-002', 'REQ-001'] });
      const contradiction = (span: Span, message: string) => conflict('contradiction', span, message, { requirements: ['REQ-001', 'REQ-002'], steps: ['pick'] });
      const found = indexConflicts(model, [
        inversion(at(FILE, 'REQ-001'), 'inversion at REQ-001'),
        contradiction(at(FILE, 'title: 一'), 'contradiction in REQ-001'),
        inversion(at(FILE, 'from: sales'), 'inversion again in REQ-001'),
        contradiction(at(FILE, 'REQ-002'), 'contradiction in REQ-002'),
        // REQ-003's own findings, reported out of document order
        conflict('x', at(FILE, 'from: nobody'), 'REQ-003 from', { requirements: ['REQ-003'] }),
        conflict('y', at(FILE, 'REQ-003'), 'REQ-003 key', { requirements: ['REQ-003'] }),
      ]);
      assert.deepEqual(
        Object.fromEntries([...found.byRequirement].map(([id, list]) => [id, messages(list)])),
        {
          // both inversions sit in REQ-001: the first is kept; the contradiction's REQ-001 side
          'REQ-001': ['inversion at REQ-001', 'contradiction in REQ-001'],
          // its own side of the contradiction first, then the inversion (seen from REQ-001, the first one kept)
          'REQ-002': ['contradiction in REQ-002', 'inversion at REQ-001'],
          'REQ-003': ['REQ-003 key', 'REQ-003 from'],
        },
      );
      assert.equal(found.byRequirement.has('REQ-004'), false);
      assert.deepEqual(found.counts, { error: 0, warning: 4, total: 4 });
    });
  });

  describe('indexConflicts: per step and per role', () => {
    it('counts distinct conflicts per named step at their highest level, and marks only declared lanes of known steps', () => {
      const model = analyze(FILE).model;
      const found = indexConflicts(model, [
        conflict('one', at(FILE, 'REQ-001'), 'w', { steps: ['pick', 'done', 'nowhere'] }, 'warning'),
        conflict('two', at(FILE, 'REQ-002'), 'e', { steps: ['pick', 'ghosted'] }, 'error'),
        conflict('one', at(FILE, 'REQ-001'), 'w again', { steps: ['pick'] }, 'info'),
      ]);
      const k1 = `conflict/one@${at(FILE, 'REQ-001').start}-${at(FILE, 'REQ-001').end}`;
      const k2 = `conflict/two@${at(FILE, 'REQ-002').start}-${at(FILE, 'REQ-002').end}`;
      assert.deepEqual(
        Object.fromEntries([...found.byStep].map(([s, e]) => [s, { keys: [...e.keys], level: e.level }])),
        {
          pick: { keys: [k1, k2], level: 'error' },
          done: { keys: [k1], level: 'warning' },
          nowhere: { keys: [k1], level: 'warning' },
          ghosted: { keys: [k2], level: 'error' },
        },
      );
      // pick is warehouse's; done has no lane, nowhere is no step, ghost is no declared role
      assert.deepEqual([...found.byRole], [['warehouse', 'error']]);
    });

    it('a lane stays at warning when all its conflicts are warnings', () => {
      const model = analyze(FILE).model;
      const found = indexConflicts(model, [
        conflict('one', at(FILE, 'REQ-001'), 'w', { steps: ['start'] }, 'warning'),
        conflict('two', at(FILE, 'REQ-002'), 'w2', { steps: ['start'] }, 'info'),
      ]);
      assert.deepEqual([...found.byRole], [['sales', 'warning']]);
      assert.equal(found.byStep.get('start')?.level, 'warning');
    });
  });

  describe('requirement summaries and the default grouping', () => {
    it('a requirement knows whether its asker is a declared role, and its highest conflict level', () => {
      const r = analyze(FILE);
      const diagnostics = [
        conflict('a', at(FILE, 'title: 一'), 'error in REQ-001', { requirements: ['REQ-001'] }, 'error'),
        conflict('b', at(FILE, 'REQ-003'), 'warning in REQ-003', { requirements: ['REQ-003'] }, 'warning'),
      ];
      const t = buildTree(r.model, diagnostics, 'priority');
      const reqs = t.requirements.flatMap((g) => g.children.map((c) => c.req));
      assert.deepStrictEqual(
        reqs.map((s) => [s.reqId, s.fromKnown, s.from ?? null, s.fromName ?? null, s.level ?? null]),
        [
          ['REQ-001', true, 'sales', '业务员', 'error'],
          ['REQ-002', true, 'warehouse', '仓库', null],
          ['REQ-003', false, 'nobody', null, 'warning'],
          ['REQ-004', false, null, null, null],
        ],
      );
    });

    it('without a grouping, requirements are grouped by status', () => {
      const text = FILE.replace('    title: 四\n', '    title: 四\n    status: accepted\n');
      const r = analyze(text);
      const t = buildTree(r.model, r.diagnostics);
      assert.deepEqual(
        t.requirements.map((g) => [g.key, g.children.map((c) => c.req.reqId)]),
        [
          ['proposed', ['REQ-001', 'REQ-002', 'REQ-003']],
          ['accepted', ['REQ-004']],
        ],
      );
    });
  });

  describe('a role\'s "What changes" lines', () => {
    const CHANGES = yaml`
      bizflow: 1
      process:
        name: P
        owner: boss
      roles:
        sales:
          name: 业务员
        warehouse:
          name: 仓库
        boss:
          name: 老板
      steps:
        start:
          name: 开始
          type: start
          role: sales
          next: pack
        pack:
          role: warehouse
          attributes:
            mode: manual
          next: ship
        ship:
          name: 发货
          role: warehouse
          next: label
        label:
          role: warehouse
          produces: [tag]
          next: weigh
        weigh:
          name: 称重
          role: warehouse
          produces: [tag]
          next: done
        done:
          name: 完成
          type: end
      requirements:
        REQ-001:
          from: sales
          priority: must
          adds: [label, weigh]
          removes: [ship]
          sets:
            pack.speed: fast
        REQ-002:
          title: 老板同意
          from: boss
          priority: could
          sets:
            pack.mode: auto
          reviews: [{ role: warehouse, verdict: agree }]
    `;

    /** A change line with its span as the text it selects. */
    const shown = (text: string, c: ChangeNode) => {
      const { span, ...rest } = c;
      return { ...rest, at: text.slice(span.start, span.end) };
    };

    it('lists added, removed and changed steps, the data asked, and the agreements still open, with ids, names and where each is asked', () => {
      const r = analyze(CHANGES);
      const roles = buildRoleTree(r.model, r.diagnostics);
      assert.deepStrictEqual(
        changes(roles, 'warehouse').map((c) => shown(CHANGES, c)),
        [
          // a step without a name has no stepName
          { kind: 'change', id: 'role/warehouse/changes/added/label', roleId: 'warehouse', change: 'added', stepId: 'label', requirements: ['REQ-001'], contested: false, at: 'label' },
          { kind: 'change', id: 'role/warehouse/changes/added/weigh', roleId: 'warehouse', change: 'added', stepId: 'weigh', requirements: ['REQ-001'], contested: false, stepName: '称重', at: 'weigh' },
          { kind: 'change', id: 'role/warehouse/changes/removed/ship', roleId: 'warehouse', change: 'removed', stepId: 'ship', requirements: ['REQ-001'], contested: false, stepName: '发货', at: 'ship' },
          // no value today: no `today`
          {
            kind: 'change',
            id: 'role/warehouse/changes/changed/pack/speed',
            roleId: 'warehouse',
            change: 'changed',
            stepId: 'pack',
            attribute: 'speed',
            after: ['fast'],
            contested: false,
            requirements: ['REQ-001'],
            at: 'pack.speed: fast',
          },
          {
            kind: 'change',
            id: 'role/warehouse/changes/changed/pack/mode',
            roleId: 'warehouse',
            change: 'changed',
            stepId: 'pack',
            attribute: 'mode',
            after: ['auto'],
            contested: false,
            requirements: ['REQ-002'],
            today: 'manual',
            at: 'pack.mode: auto',
          },
          // both added steps produce tag: one line, from the first; it selects the requirement asking for it
          { kind: 'change', id: 'role/warehouse/changes/data/tag', roleId: 'warehouse', change: 'data', dataId: 'tag', stepId: 'label', requirements: ['REQ-001'], at: 'REQ-001' },
          // REQ-002 is agreed: not pending; REQ-001 has no title
          { kind: 'change', id: 'role/warehouse/changes/pending/REQ-001', roleId: 'warehouse', change: 'pending', requirement: 'REQ-001', state: 'none', at: 'REQ-001' },
        ],
      );
      // nothing changes for the askers: no "changes" section at all
      assert.deepEqual(
        roles.map((x) => [x.roleId, x.children.map((s) => s.section)]),
        [
          ['sales', ['steps', 'asked']],
          ['warehouse', ['steps', 'burden', 'changes']],
          ['boss', ['asked']],
        ],
      );
    });

    it('on the order-fulfilment example: a contested value lists every asked value, pending lines carry the title, data asked of another lane selects the asking requirement', () => {
      const text = readFileSync(path.resolve(__dirname, '../../examples/order-fulfilment.bizflow.yaml'), 'utf8');
      const r = analyze(text);
      const roles = buildRoleTree(r.model, r.diagnostics);
      assert.deepStrictEqual(
        changes(roles, 'warehouse').map((c) => shown(text, c)),
        [
          { kind: 'change', id: 'role/warehouse/changes/added/double-check', roleId: 'warehouse', change: 'added', stepId: 'double-check', requirements: ['REQ-003'], contested: false, stepName: '出库复核', at: 'double-check' },
          {
            kind: 'change',
            id: 'role/warehouse/changes/changed/pick/mode',
            roleId: 'warehouse',
            change: 'changed',
            stepId: 'pick',
            attribute: 'mode',
            after: ['automatic', 'manual-review'],
            contested: true,
            requirements: ['REQ-001', 'REQ-002'],
            stepName: '拣货出库',
            today: 'manual',
            at: 'pick.mode: automatic',
          },
          { kind: 'change', id: 'role/warehouse/changes/pending/REQ-001', roleId: 'warehouse', change: 'pending', requirement: 'REQ-001', state: 'none', title: '订单一键下推仓库，自动拣货', at: 'REQ-001' },
          { kind: 'change', id: 'role/warehouse/changes/pending/REQ-003', roleId: 'warehouse', change: 'pending', requirement: 'REQ-003', state: 'none', title: '每个环节写入追溯日志，三端数据拉通', at: 'REQ-003' },
        ],
      );
      assert.deepStrictEqual(
        changes(roles, 'sales').map((c) => shown(text, c)),
        [{ kind: 'change', id: 'role/sales/changes/data/order', roleId: 'sales', change: 'data', dataId: 'order', stepId: 'receive-order', requirements: ['REQ-003'], at: 'REQ-003' }],
      );
    });
  });
});
