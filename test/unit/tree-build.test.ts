/**
 * How the two trees are built (src/core/tree.ts: buildRoleTree,
 * buildRequirementTree, findNode, childrenOf, parentId), on small files:
 * the exact nodes of a role (kinds, ids, names, levels, counts), the order of
 * a burden's changes, the groups' order and names in each grouping, the ids of
 * conflict children, and finding nodes and parents again in a rebuilt tree.
 *
 * Every tree is built inside its test (never once per file: mutation testing
 * runs the tests again with each mutant, a tree kept from the first run would
 * see none of them).
 */
import { strict as assert } from 'assert';
import { analyze } from '../../src/core/engine';
import type { Diagnostic } from '../../src/core/types';
import {
  buildRequirementTree,
  buildRoleTree,
  buildTree,
  childrenOf,
  findNode,
  parentId,
  type BurdenNode,
  type RequirementGroupNode,
  type RoleNode,
  type TreeNode,
} from '../../src/core/tree';
import { yaml } from './helpers';

type Grouping = 'status' | 'priority' | 'role';

function tree(text: string, grouping: Grouping = 'status') {
  const r = analyze(text);
  return buildTree(r.model, r.diagnostics, grouping);
}

function role(roles: RoleNode[], id: string): RoleNode {
  const r = roles.find((x) => x.roleId === id);
  assert.ok(r, `role ${id}`);
  return r;
}

function section(r: RoleNode, name: string) {
  const s = r.children.find((x) => x.section === name);
  assert.ok(s, `section ${name} of ${r.roleId}`);
  return s;
}

/** The text a span covers. */
const at = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);

/** A process with three roles: sales (named, with a department and needs), wh (no name) and boss (asks). */
const ROLES = yaml`
  bizflow: 1
  process:
    name: P
  data:
    order: { name: 订单 }
    memo: { name: 备忘 }
  roles:
    sales:
      name: 销售
      department: 市场部
      needs: [order, memo]
    wh:
      concerns: [快]
    boss:
      name: 老板
  steps:
    s1:
      name: Start
      type: start
      role: sales
      produces: [order]
      next: w1
    w1:
      name: Pick
      role: wh
      next: w2
    w2:
      role: wh
      next: e1
    e1:
      name: End
      type: end
  requirements:
    R1:
      title: r1
      from: boss
      priority: must
      removes: [w2]
      sets:
        w1.mode: fast
      adds: [w1]
      acceptance: [ok]
    R2:
      title: r2
      from: boss
      priority: must
      sets:
        w1.mode: slow
      acceptance: [ok]
    R3:
      title: r3
      from: boss
      priority: could
      sets:
        w1.speed: high
      agreed: [wh]
      acceptance: [ok]
  `;

describe('tree building (core/tree.ts: buildRoleTree, buildRequirementTree, findNode, parentId)', () => {
  describe('the roles tree', () => {
    it('a role node: kind, id, name and department only when written, its counts and its level', () => {
      const t = tree(ROLES);
      assert.deepEqual(
        t.roles.map((r) => [r.kind, r.id, r.roleId, r.name, r.department, r.concerns, at(ROLES, r.span)]),
        [
          ['role', 'role/sales', 'sales', '销售', '市场部', [], 'sales'],
          ['role', 'role/wh', 'wh', undefined, undefined, ['快'], 'wh'],
          ['role', 'role/boss', 'boss', '老板', undefined, [], 'boss'],
        ],
      );
      // absent, not `undefined`: the trees travel from the worker as JSON
      assert.deepEqual(
        t.roles.map((r) => ['name', 'department', 'level'].filter((k) => k in r)),
        [['name', 'department'], ['level'], ['name']],
      );
      // wh: R1 and R2 change its lane without its agreement, R3 with it
      assert.deepEqual(
        t.roles.map((r) => [r.roleId, r.unagreed, r.missingData, r.level]),
        [
          ['sales', 0, 1, undefined],
          ['wh', 2, 0, 'error'],
          ['boss', 0, 0, undefined],
        ],
      );
    });

    it('the tree survives the trip as JSON unchanged (no property is `undefined`)', () => {
      for (const g of ['status', 'priority', 'role'] as const) {
        const t = tree(ROLES, g);
        assert.deepStrictEqual(JSON.parse(JSON.stringify(t.roles)), t.roles);
        assert.deepStrictEqual(JSON.parse(JSON.stringify(t.requirements)), t.requirements);
      }
    });

    it('only non-empty sections, each with its kind and id', () => {
      const t = tree(ROLES);
      assert.deepEqual(
        t.roles.map((r) => r.children.map((s) => [s.kind, s.id, s.roleId, s.section])),
        [
          [
            ['section', 'role/sales/steps', 'sales', 'steps'],
            ['section', 'role/sales/needs', 'sales', 'needs'],
          ],
          [
            ['section', 'role/wh/steps', 'wh', 'steps'],
            ['section', 'role/wh/burden', 'wh', 'burden'],
            ['section', 'role/wh/changes', 'wh', 'changes'],
          ],
          [['section', 'role/boss/asked', 'boss', 'asked']],
        ],
      );
    });

    it('step nodes: kind, id, name when written, conflict count and level', () => {
      const t = tree(ROLES);
      const steps = section(role(t.roles, 'wh'), 'steps').children;
      assert.deepEqual(
        steps.map((s) => (s.kind === 'step' ? [s.kind, s.id, s.stepId, s.name, s.type, at(ROLES, s.span), s.conflictCount, s.level] : s.kind)),
        [
          // the contradiction (error) and the unagreed changes: R1's `sets` and `adds` entries, R2's `sets`
          ['step', 'role/wh/steps/w1', 'w1', 'Pick', 'task', 'w1', 4, 'error'],
          // R1 removes w2: its own burden only
          ['step', 'role/wh/steps/w2', 'w2', undefined, 'task', 'w2', 0, undefined],
        ],
      );
      assert.deepEqual(
        steps.map((s) => ['name', 'level'].filter((k) => k in s)),
        [['name', 'level'], []],
      );
      const sales = section(role(t.roles, 'sales'), 'steps').children;
      assert.deepEqual(
        sales.map((s) => (s.kind === 'step' ? [s.id, s.name, s.conflictCount, 'level' in s] : s.kind)),
        [['role/sales/steps/s1', 'Start', 0, false]],
      );
    });

    it('asked nodes: one per requirement from the role, with its id and key', () => {
      const t = tree(ROLES);
      const asked = section(role(t.roles, 'boss'), 'asked').children;
      assert.deepEqual(
        asked.map((a) => (a.kind === 'asked' ? [a.kind, a.id, a.roleId, a.req.reqId, a.req.title, at(ROLES, a.span)] : a.kind)),
        [
          ['asked', 'role/boss/asked/R1', 'boss', 'R1', 'r1', 'R1'],
          ['asked', 'role/boss/asked/R2', 'boss', 'R2', 'r2', 'R2'],
          ['asked', 'role/boss/asked/R3', 'boss', 'R3', 'r3', 'R3'],
        ],
      );
    });

    it("burden nodes: ids, agreement, and each requirement's changes in document order", () => {
      const t = tree(ROLES);
      const burden = section(role(t.roles, 'wh'), 'burden').children as BurdenNode[];
      assert.deepEqual(
        burden.map((b) => [b.kind, b.id, b.roleId, b.req.reqId, b.agreed, at(ROLES, b.span)]),
        [
          ['burden', 'role/wh/burden/R1', 'wh', 'R1', false, 'R1'],
          ['burden', 'role/wh/burden/R2', 'wh', 'R2', false, 'R2'],
          ['burden', 'role/wh/burden/R3', 'wh', 'R3', true, 'R3'],
        ],
      );
      // R1 writes removes, sets, adds: listed in that order, whatever the order the kinds are read in
      assert.deepEqual(
        burden[0].changes.map((c) => [c.how, c.stepId, c.key, c.value, at(ROLES, c.span)]),
        [
          ['removes', 'w2', undefined, undefined, 'w2'],
          ['sets', 'w1', 'w1.mode', 'fast', 'w1.mode: fast'],
          ['adds', 'w1', undefined, undefined, 'w1'],
        ],
      );
      assert.deepEqual(
        burden[0].changes.map((c) => Object.keys(c).sort()),
        [
          ['how', 'span', 'stepId'],
          ['how', 'key', 'span', 'stepId', 'value'],
          ['how', 'span', 'stepId'],
        ],
      );
    });

    it('need nodes: kind, id, the dictionary entry, and which ones are missing', () => {
      const t = tree(ROLES);
      const needs = section(role(t.roles, 'sales'), 'needs').children;
      assert.deepEqual(
        needs.map((n) =>
          n.kind === 'need' ? [n.kind, n.id, n.dataId, n.name, n.produced, n.missing, at(ROLES, n.span), n.definitionSpan && at(ROLES, n.definitionSpan)] : n.kind,
        ),
        [
          ['need', 'role/sales/needs/order', 'order', '订单', true, false, 'order', 'order'],
          ['need', 'role/sales/needs/memo', 'memo', '备忘', false, true, 'memo', 'memo'],
        ],
      );
      // the reference is in `needs`, the definition under `data:`
      for (const n of needs) if (n.kind === 'need') assert.ok(n.definitionSpan!.start < n.span.start);
    });

    it("the asker's own lane is no burden; a step without a lane or an unknown step burdens nobody", () => {
      const text = yaml`
        bizflow: 1
        process:
          name: P
        roles:
          sales:
            name: 销售
          wh:
            name: 仓库
        steps:
          s1:
            name: Start
            type: start
            role: sales
            next: w1
          w1:
            name: Pick
            role: wh
            next: e1
          e1:
            name: End
            type: end
        requirements:
          R1:
            title: own lane
            from: sales
            priority: must
            sets:
              s1.mode: fast
            adds: [s1]
            removes: [s1]
          R2:
            title: no lane
            from: wh
            priority: must
            sets:
              e1.mode: fast
              mode: slow
            adds: [e1, ghost]
            removes: [nowhere]
        `;
      const t = tree(text);
      assert.deepEqual(
        t.roles.map((r) => [r.roleId, r.children.map((s) => s.section), r.unagreed]),
        [
          ['sales', ['steps', 'asked', 'changes'], 0],
          ['wh', ['steps', 'asked'], 0],
        ],
      );
    });

    it('a conflict that names a role colours the role even when none of its steps is in that role\'s lane', () => {
      const text = ROLES.replace(/\n {2}R2:[\s\S]*$/, '\n');
      const r = analyze(text);
      const named: Diagnostic = { code: 'conflict/test', severity: 'error', message: 'm', span: r.model.roles.byId.get('boss')!.keySpan, data: { role: 'boss', steps: [] } };
      const roles = buildRoleTree(r.model, [...r.diagnostics, named]);
      assert.deepEqual(
        roles.map((x) => [x.roleId, x.level]),
        [
          ['sales', undefined],
          ['wh', 'warning'],
          ['boss', 'error'],
        ],
      );
      // without it, boss has no level
      assert.deepEqual(
        buildRoleTree(r.model, r.diagnostics).map((x) => [x.roleId, 'level' in x]),
        [
          ['sales', false],
          ['wh', true],
          ['boss', false],
        ],
      );
    });
  });

  describe('the requirements tree', () => {
    /** Four roles (two of them named like a priority and a status) and requirements of every kind of group. */
    const GROUPS = yaml`
      bizflow: 1
      process:
        name: P
      roles:
        sales:
          name: 销售
        could:
          name: 可选组
        proposed:
          name: 提议组
        wh:
          name: 仓库
      steps:
        s1:
          name: Start
          type: start
          role: sales
          next: e1
        e1:
          name: End
          type: end
      requirements:
        A:
          title: a
          from: wh
          priority: could
          status: accepted
          steps: [s1]
        B:
          title: b
          from: ghost
          steps: [s1]
        C:
          title: c
          from: sales
          priority: must
          steps: [s1]
        D:
          title: d
          priority: could
          steps: [s1]
      `;

    const shape = (g: RequirementGroupNode[]) => g.map((x) => [x.kind, x.id, x.grouping, x.key, x.known, x.name, x.children.map((c) => c.req.reqId)]);

    it('by priority: must, should, could, wont, then "no priority"; groups are not roles', () => {
      assert.deepEqual(shape(tree(GROUPS, 'priority').requirements), [
        ['group', 'group/priority/must', 'priority', 'must', true, undefined, ['C']],
        ['group', 'group/priority/could', 'priority', 'could', true, undefined, ['A', 'D']],
        ['group', 'group/priority/-', 'priority', '', true, undefined, ['B']],
      ]);
    });

    it('by status: in the order of the statuses, every group known, none named after a role', () => {
      const g = tree(GROUPS, 'status').requirements;
      assert.deepEqual(shape(g), [
        ['group', 'group/status/proposed', 'status', 'proposed', true, undefined, ['B', 'C', 'D']],
        ['group', 'group/status/accepted', 'status', 'accepted', true, undefined, ['A']],
      ]);
      assert.ok(g.every((x) => !('name' in x)));
    });

    it('by role: defined roles in document order, then unknown `from` ids, then "no role"', () => {
      assert.deepEqual(shape(tree(GROUPS, 'role').requirements), [
        ['group', 'group/role/sales', 'role', 'sales', true, '销售', ['C']],
        ['group', 'group/role/wh', 'role', 'wh', true, '仓库', ['A']],
        ['group', 'group/role/ghost', 'role', 'ghost', false, undefined, ['B']],
        ['group', 'group/role/-', 'role', '', true, undefined, ['D']],
      ]);
    });

    /** Conflicts of every shape: a contradiction, three unagreed entries on one step, rejected dependencies with and without steps. */
    const CONFLICTS = yaml`
      bizflow: 1
      process:
        name: P
      roles:
        sales:
          name: 销售
        wh:
          name: 仓库
      steps:
        s1:
          name: Start
          type: start
          role: sales
          next: w1
        w1:
          name: Pick
          role: wh
          next: e1
        e1:
          name: End
          type: end
      requirements:
        A:
          title: a
          from: wh
          priority: could
          sets:
            w1.mode: x
        B:
          title: b
          from: sales
          priority: could
          sets:
            w1.mode: y
            w1.speed: high
            w1.size: big
        E:
          title: e
          from: sales
          priority: could
          steps: [s1]
          depends: [F]
        F:
          title: f
          from: wh
          priority: could
          status: rejected
          steps: [w1]
        G:
          title: g
          from: sales
          priority: could
          depends: [H]
        H:
          title: h
          from: sales
          priority: could
          status: rejected
      `;

    const children = (t: ReturnType<typeof tree>, req: string) => {
      const n = findNode(t.requirements, `req/${req}`);
      assert.ok(n && n.kind === 'requirement', req);
      return n.children.map((c) => [c.kind, c.id, c.reqId, c.conflict.code, at(CONFLICTS, c.span) === at(CONFLICTS, c.conflict.span)]);
    };

    it('conflict children: ids from the rule, the other requirements and the steps; repeated ones numbered', () => {
      const t = tree(CONFLICTS);
      assert.deepEqual(children(t, 'B'), [
        ['conflict', 'req/B/conflict%2Fcontradiction/A/w1', 'B', 'conflict/contradiction', true],
        ['conflict', 'req/B/conflict%2Funagreed-burden/-/w1', 'B', 'conflict/unagreed-burden', true],
        ['conflict', 'req/B/conflict%2Funagreed-burden/-/w1/1', 'B', 'conflict/unagreed-burden', true],
        ['conflict', 'req/B/conflict%2Funagreed-burden/-/w1/2', 'B', 'conflict/unagreed-burden', true],
      ]);
      // the steps of both requirements, joined; none: `-`
      assert.deepEqual(children(t, 'E'), [['conflict', 'req/E/conflict%2Fdepends-rejected/F/s1%2Cw1', 'E', 'conflict/depends-rejected', true]]);
      assert.deepEqual(children(t, 'G'), [['conflict', 'req/G/conflict%2Fdepends-rejected/H/-', 'G', 'conflict/depends-rejected', true]]);
    });

    it('a conflict among three requirements names both others in its id', () => {
      const r = analyze(CONFLICTS);
      const three: Diagnostic = {
        code: 'conflict/test',
        severity: 'warning',
        message: 'm',
        span: r.model.requirements.byId.get('E')!.keySpan,
        data: { requirements: ['E', 'G', 'A'], steps: [] },
      };
      const groups = buildRequirementTree(r.model, [three], 'status');
      const e = findNode(groups, 'req/E');
      assert.ok(e && e.kind === 'requirement');
      assert.deepEqual(
        e.children.map((c) => c.id),
        ['req/E/conflict%2Ftest/G%2CA/-'],
      );
    });

    it('finds conflict nodes by id, and their parents, also for a node of an earlier build of the tree', () => {
      const t = tree(CONFLICTS);
      const id = 'req/B/conflict%2Fcontradiction/A/w1';
      const c = findNode(t.requirements, id);
      assert.ok(c && c.kind === 'conflict');
      assert.equal(c.conflict.code, 'conflict/contradiction');
      assert.equal(parentId(t.requirements, c), 'req/B');
      assert.deepEqual(childrenOf(c), []);
      // the view asks with the node it was given, built before the last edit
      const later = tree(CONFLICTS.replace('process:', '# 注释\nprocess:'));
      const again = findNode(later.requirements, id);
      assert.ok(again && again.kind === 'conflict' && again !== c && again.span.start !== c.span.start);
      assert.equal(parentId(later.requirements, c), 'req/B');
      const req = findNode(t.requirements, 'req/B')!;
      assert.equal(parentId(later.requirements, req), 'group/status/proposed');
      // roots have no parent; a node of no tree neither
      assert.equal(parentId(later.requirements, later.requirements[0]), undefined);
      assert.equal(parentId(later.requirements, { ...c, id: 'req/Z/x' } as TreeNode), undefined);
      assert.equal(findNode(later.requirements, 'req/Z/x'), undefined);
    });

    it('finds every node of the roles tree by its id, and its parent', () => {
      const t = tree(ROLES);
      const burden = findNode(t.roles, 'role/wh/burden/R1');
      assert.ok(burden && burden.kind === 'burden');
      assert.equal(parentId(t.roles, burden), 'role/wh/burden');
      assert.equal(parentId(t.roles, findNode(t.roles, 'role/wh/burden')!), 'role/wh');
      assert.equal(parentId(t.roles, findNode(t.roles, 'role/wh')!), undefined);
    });
  });
});
