/**
 * The data of the Roles and Requirements tree views (src/core/tree.ts), on the
 * order-fulfilment example and on small files: exact children, counts,
 * groupings, conflict children, spans to reveal and id stability.
 */
import { strict as assert } from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { analyze } from '../../src/core/engine';
import {
  buildTree,
  findNode,
  parentId,
  type BurdenNode,
  type NeedNode,
  type RequirementGroupNode,
  type RoleNode,
  type TreeNode,
} from '../../src/core/tree';
import { BASE, yaml } from './helpers';

const EXAMPLE = path.resolve(__dirname, '../../examples/order-fulfilment.bizflow.yaml');
const text = readFileSync(EXAMPLE, 'utf8');

function tree(t: string, grouping: 'status' | 'priority' | 'role' = 'status') {
  const r = analyze(t);
  return buildTree(r.model, r.diagnostics, grouping);
}

function role(roles: RoleNode[], id: string): RoleNode {
  const r = roles.find((x) => x.roleId === id);
  assert.ok(r, `role ${id}`);
  return r;
}

/** `section: child, child` lines of a role. */
function sections(r: RoleNode): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const s of r.children) {
    out[s.section] = s.children.map((c) => {
      switch (c.kind) {
        case 'step':
          return c.stepId;
        case 'asked':
        case 'burden':
          return c.req.reqId;
        case 'need':
          return c.dataId;
        case 'change':
          return `${c.change} ${c.change === 'pending' ? `${c.requirement} ${c.state}` : c.change === 'data' ? c.dataId : c.change === 'changed' ? `${c.stepId}.${c.attribute} ${c.today ?? ''}→${c.after.join('/')}` : c.stepId}`;
      }
    });
  }
  return out;
}

function groups(g: RequirementGroupNode[]): Record<string, string[]> {
  return Object.fromEntries(g.map((x) => [x.key, x.children.map((c) => c.req.reqId)]));
}

/** Every node id of a forest. */
function ids(nodes: readonly TreeNode[]): string[] {
  const out: string[] = [];
  const walk = (list: readonly TreeNode[]) => {
    for (const n of list) {
      out.push(n.id);
      if ('children' in n) walk(n.children as TreeNode[]);
    }
  };
  walk(nodes);
  return out;
}

describe('tree data (core/tree.ts)', () => {
  describe('roles on the order-fulfilment example', () => {
    it('lists the roles in document order with name and department', () => {
      const t = tree(text);
      assert.deepEqual(
        t.roles.map((r) => [r.id, r.name, r.department]),
        [
          ['role/sales', '业务员', '业务部'],
          ['role/warehouse', '仓库主管', '物流部'],
          ['role/finance', '财务专员', '财务部'],
          ['role/director', '运营总监', '管理层'],
        ],
      );
    });

    it('gives each role its lane steps, asked requirements, burdens and needed data', () => {
      const t = tree(text);
      assert.deepEqual(sections(role(t.roles, 'sales')), {
        steps: ['receive-order', 'notify-customer'],
        asked: ['REQ-001'],
        // the step REQ-003 adds to the warehouse's lane needs the order, which only sales produces today
        changes: ['data order'],
        needs: ['order', 'delivery-status'],
      });
      assert.deepEqual(sections(role(t.roles, 'warehouse')), {
        steps: ['pick', 'double-check'],
        asked: ['REQ-002'],
        burden: ['REQ-001', 'REQ-003'],
        changes: ['added double-check', 'changed pick.mode manual→automatic/manual-review', 'pending REQ-001 none', 'pending REQ-003 none'],
        needs: ['order'],
      });
      assert.deepEqual(sections(role(t.roles, 'finance')), {
        steps: ['credit-check', 'invoice'],
        burden: ['REQ-004'],
        changes: ['changed credit-check.approver finance-lead→director', 'pending REQ-004 none'],
        needs: ['credit-report', 'invoice'],
      });
      // the director has no lane: no steps section, and nobody burdens it
      assert.deepEqual(sections(role(t.roles, 'director')), {
        asked: ['REQ-003', 'REQ-004'],
        needs: ['trace-log'],
      });
    });

    it('sections come in a fixed order: steps, asked, burden, changes, needs', () => {
      const t = tree(text);
      assert.deepEqual(
        role(t.roles, 'warehouse').children.map((s) => s.id),
        ['role/warehouse/steps', 'role/warehouse/asked', 'role/warehouse/burden', 'role/warehouse/changes', 'role/warehouse/needs'],
      );
    });

    it("describes warehouse's burdens: what changes, and that warehouse never agreed", () => {
      const t = tree(text);
      const w = role(t.roles, 'warehouse');
      const burden = w.children.find((s) => s.section === 'burden')!.children as BurdenNode[];
      assert.deepEqual(
        burden.map((b) => ({ id: b.id, req: b.req.reqId, from: b.req.from, agreed: b.agreed, changes: b.changes.map((c) => [c.how, c.stepId, c.key, c.value]) })),
        [
          {
            id: 'role/warehouse/burden/REQ-001',
            req: 'REQ-001',
            from: 'sales',
            agreed: false,
            changes: [['sets', 'pick', 'pick.mode', 'automatic']],
          },
          {
            id: 'role/warehouse/burden/REQ-003',
            req: 'REQ-003',
            from: 'director',
            agreed: false,
            changes: [['adds', 'double-check', undefined, undefined]],
          },
        ],
      );
      assert.equal(w.unagreed, 2);
      // REQ-003 merely names pick (`steps`): that is not a change of warehouse's work
      assert.equal(text.slice(burden[0].changes[0].span.start, burden[0].changes[0].span.end), 'pick.mode: automatic');
      assert.equal(text.slice(burden[1].changes[0].span.start, burden[1].changes[0].span.end), 'double-check');
    });

    it('marks data nobody produces', () => {
      const t = tree(text);
      const needs = (id: string) =>
        (role(t.roles, id).children.find((s) => s.section === 'needs')!.children as NeedNode[]).map((n) => [n.dataId, n.missing]);
      assert.deepEqual(needs('sales'), [
        ['order', false],
        ['delivery-status', false],
      ]);
      assert.deepEqual(needs('finance'), [
        ['credit-report', true],
        ['invoice', false],
      ]);
      assert.deepEqual(needs('director'), [['trace-log', true]]);
      assert.equal(role(t.roles, 'finance').missingData, 1);
      assert.equal(role(t.roles, 'sales').missingData, 0);
    });

    it('marks steps and lanes touched by conflicts', () => {
      const t = tree(text);
      const steps = (id: string) =>
        role(t.roles, id).children.find((s) => s.section === 'steps')!.children.map((c) => c.kind === 'step' && [c.stepId, c.conflictCount, c.level ?? null]);
      // pick: the contradiction and REQ-001's unagreed burden; double-check: REQ-003's burden
      assert.deepEqual(steps('warehouse'), [
        ['pick', 2, 'warning'],
        ['double-check', 1, 'warning'],
      ]);
      assert.deepEqual(steps('finance'), [
        ['credit-check', 1, 'warning'],
        ['invoice', 0, null],
      ]);
      assert.equal(role(t.roles, 'warehouse').level, 'warning');
      assert.equal(role(t.roles, 'sales').level, undefined);
    });

    it('every node that stands for something selects its key (or its reference) in the file', () => {
      const t = tree(text);
      const at = (id: string) => {
        const n = findNode(t.roles, id);
        assert.ok(n && 'span' in n, id);
        return text.slice(n.span.start, n.span.end);
      };
      assert.equal(at('role/warehouse'), 'warehouse');
      assert.equal(at('role/warehouse/steps/double-check'), 'double-check');
      assert.equal(at('role/warehouse/burden/REQ-003'), 'REQ-003');
      assert.equal(at('role/director/asked/REQ-004'), 'REQ-004');
      const need = findNode(t.roles, 'role/finance/needs/credit-report') as NeedNode;
      assert.equal(text.slice(need.span.start, need.span.end), 'credit-report');
      // the role's `needs` entry (line 25), where the warning is
      assert.equal(text.slice(0, need.span.start).split('\n').length, 25);
    });

    it('ids are unique and parents can be found', () => {
      const t = tree(text);
      const all = ids(t.roles);
      assert.equal(new Set(all).size, all.length);
      const burden = findNode(t.roles, 'role/warehouse/burden/REQ-001')!;
      assert.equal(parentId(t.roles, burden), 'role/warehouse/burden');
      assert.equal(parentId(t.roles, findNode(t.roles, 'role/warehouse/burden')!), 'role/warehouse');
      assert.equal(parentId(t.roles, findNode(t.roles, 'role/warehouse')!), undefined);
    });
  });

  describe('requirements on the order-fulfilment example', () => {
    it('counts distinct conflicts: the contradiction once, three unagreed burdens', () => {
      const t = tree(text);
      assert.deepEqual(t.conflicts.counts, { error: 0, warning: 4, total: 4 });
    });

    it('groups by status', () => {
      const t = tree(text, 'status');
      assert.deepEqual(groups(t.requirements), { proposed: ['REQ-002', 'REQ-003', 'REQ-004'], accepted: ['REQ-001'] });
      // the contradiction REQ-001 (accepted) ⟷ REQ-002 (proposed) counts once, in the first group:
      // the groups add up to the badge (4), never "3 + 2"
      assert.deepEqual(
        t.requirements.map((g) => [g.id, g.conflictCount, g.conflictsInvolved, g.level]),
        [
          ['group/status/proposed', 3, 3, 'warning'],
          ['group/status/accepted', 1, 2, 'warning'],
        ],
      );
    });

    it('in every grouping, the groups\' conflict counts add up to the badge', () => {
      for (const g of ['status', 'priority', 'role'] as const) {
        const t = tree(text, g);
        assert.equal(
          t.requirements.reduce((n, x) => n + x.conflictCount, 0),
          t.conflicts.counts.total,
          g,
        );
      }
    });

    it('groups by priority', () => {
      const t = tree(text, 'priority');
      assert.deepEqual(groups(t.requirements), { must: ['REQ-001', 'REQ-003'], should: ['REQ-002'], could: ['REQ-004'] });
      assert.deepEqual(
        t.requirements.map((g) => g.id),
        ['group/priority/must', 'group/priority/should', 'group/priority/could'],
      );
    });

    it('groups by requesting role, in the order of the roles', () => {
      const t = tree(text, 'role');
      assert.deepEqual(groups(t.requirements), { sales: ['REQ-001'], warehouse: ['REQ-002'], director: ['REQ-003', 'REQ-004'] });
      assert.deepEqual(
        t.requirements.map((g) => [g.key, g.name, g.known]),
        [
          ['sales', '业务员', true],
          ['warehouse', '仓库主管', true],
          ['director', '运营总监', true],
        ],
      );
    });

    it('shows id, title, priority and from-role of each requirement, with its conflicts as children', () => {
      const t = tree(text);
      const all = t.requirements.flatMap((g) => g.children);
      const summary = Object.fromEntries(
        all.map((r) => [r.req.reqId, [r.req.title, r.req.priority, r.req.from, r.req.fromName, r.req.status, r.children.map((c) => c.conflict.code)]]),
      );
      assert.deepEqual(summary, {
        'REQ-001': ['订单一键下推仓库，自动拣货', 'must', 'sales', '业务员', 'accepted', ['conflict/contradiction', 'conflict/unagreed-burden']],
        'REQ-002': ['高价值订单出库前人工复核', 'should', 'warehouse', '仓库主管', 'proposed', ['conflict/contradiction']],
        'REQ-003': ['每个环节写入追溯日志，三端数据拉通', 'must', 'director', '运营总监', 'proposed', ['conflict/unagreed-burden']],
        'REQ-004': ['信用审核改由总监审批', 'could', 'director', '运营总监', 'proposed', ['conflict/unagreed-burden']],
      });
    });

    it("each side of the contradiction shows the diagnostic reported in it, pointing at the other", () => {
      const t = tree(text);
      const req = (id: string) => t.requirements.flatMap((g) => g.children).find((r) => r.req.reqId === id)!;
      const c1 = req('REQ-001').children[0];
      const c2 = req('REQ-002').children[0];
      assert.equal(text.slice(c1.span.start, c1.span.end), 'pick.mode: automatic');
      assert.equal(text.slice(c2.span.start, c2.span.end), 'pick.mode: manual-review');
      assert.match(c1.conflict.message, /^Contradiction on pick\.mode: REQ-001 /);
      assert.equal(c1.conflict.severity, 'warning');
      assert.equal(c1.conflict.key, c2.conflict.key);
      assert.equal(c1.id, 'req/REQ-001/conflict%2Fcontradiction/REQ-002/pick');
      assert.equal(c2.id, 'req/REQ-002/conflict%2Fcontradiction/REQ-001/pick');
      assert.equal(req('REQ-001').req.level, 'warning');
      assert.equal(text.slice(req('REQ-001').span.start, req('REQ-001').span.end), 'REQ-001');
    });

    it('ids are unique across the tree and do not depend on the grouping of a requirement', () => {
      for (const g of ['status', 'priority', 'role'] as const) {
        const all = ids(tree(text, g).requirements);
        assert.equal(new Set(all).size, all.length, g);
        assert.ok(all.includes('req/REQ-003'));
        assert.ok(all.includes('req/REQ-003/conflict%2Funagreed-burden/-/double-check'));
      }
    });
  });

  describe('stability and odd files', () => {
    it('ids stay the same when text is inserted above (offsets change, ids do not)', () => {
      const before = tree(text);
      const edited = text.replace('roles:\n', 'roles:\n  # 新增注释\n');
      const after = tree(edited);
      assert.deepEqual(ids(after.roles), ids(before.roles));
      assert.deepEqual(ids(after.requirements), ids(before.requirements));
      const a = findNode(before.requirements, 'req/REQ-002')!;
      const b = findNode(after.requirements, 'req/REQ-002')!;
      assert.ok('span' in a && 'span' in b);
      assert.notEqual(a.span.start, b.span.start);
    });

    it('an error-level contradiction between two musts colours the requirement red; a recorded decision clears it', () => {
      const src = (extra: string) =>
        BASE +
        yaml`
        requirements:
          A:
            title: a
            from: sales
            priority: must
            sets:
              s1.mode: x
            acceptance: [ok]
          B:
            title: b
            from: sales
            priority: must
            sets:
              s1.mode: y
            acceptance: [ok]
            ${extra}
        `;
      const t = tree(src(''));
      assert.deepEqual(t.conflicts.counts, { error: 1, warning: 0, total: 1 });
      const a = findNode(t.requirements, 'req/A');
      assert.ok(a && a.kind === 'requirement');
      assert.equal(a.req.level, 'error');
      assert.equal(a.children.length, 1);
      const decided = tree(src('overrides: [A]'));
      assert.equal(decided.conflicts.counts.total, 0);
      assert.equal((findNode(decided.requirements, 'req/A') as { children: unknown[] }).children.length, 0);
      // the decision shows on both sides; decided by the process owner when there is no decidedBy
      const a2 = findNode(decided.requirements, 'req/A');
      const b2 = findNode(decided.requirements, 'req/B');
      assert.ok(a2?.kind === 'requirement' && b2?.kind === 'requirement');
      assert.deepEqual(a2.req.overriddenBy.map((d) => [d.winner, d.loser]), [['B', 'A']]);
      assert.deepEqual(b2.req.overrides.map((d) => [d.winner, d.loser]), [['B', 'A']]);
      assert.deepEqual(a2.req.overrides, []);
      const withBy = src('overrides: [A]').replace(/^( *)overrides: \[A\]$/m, '$1overrides: [A]\n$1decidedBy: sales');
      assert.notEqual(withBy, src('overrides: [A]'));
      const a3 = findNode(tree(withBy).requirements, 'req/A');
      assert.ok(a3?.kind === 'requirement');
      assert.deepEqual(a3.req.overriddenBy, [{ winner: 'B', loser: 'A', decidedBy: 'sales', decidedByName: a3.req.overriddenBy[0]?.decidedByName }]);
      assert.equal((a3.req.overriddenBy[0] as { byOwner?: boolean }).byOwner, undefined);
    });

    it('a burden the role agreed to is listed but not marked; a rejected requirement burdens nobody; removes count', () => {
      const t = tree(
        BASE +
          yaml`
          roles:
          requirements:
            R1:
              title: r1
              from: boss
              priority: could
              sets:
                s1.mode: fast
              agreed: [sales]
            R2:
              title: r2
              from: boss
              priority: could
              status: rejected
              adds: [s1]
            R3:
              title: r3
              from: boss
              priority: could
              removes: [s1]
          `.replace('roles:\n', ''),
      );
      const sales = role(t.roles, 'sales');
      const burden = sales.children.find((s) => s.section === 'burden')!.children as BurdenNode[];
      assert.deepEqual(
        burden.map((b) => [b.req.reqId, b.agreed, b.changes.map((c) => c.how)]),
        [
          ['R1', true, ['sets']],
          ['R3', false, ['removes']],
        ],
      );
      assert.equal(sales.unagreed, 1);
      // `from: boss` is not a defined role: grouped under its id, marked unknown
      const byRole = tree(BASE + yaml`
        requirements:
          R1: { title: r1, from: boss, priority: could }
          R2: { title: r2, priority: could }
        `, 'role');
      assert.deepEqual(
        byRole.requirements.map((g) => [g.id, g.known, g.children.map((c) => c.req.reqId)]),
        [
          ['group/role/boss', false, ['R1']],
          ['group/role/-', true, ['R2']],
        ],
      );
    });

    it('data marked external or produced is not missing; with a dictionary, undeclared data is flagged', () => {
      const t = tree(
        yaml`
        bizflow: 1
        process:
          name: P
        data:
          ext: { name: 外部数据, external: true }
          made: { name: 产出 }
        roles:
          sales:
            name: 销售
            needs: [ext, made, ghost, made]
        steps:
          s1:
            name: Start
            type: start
            role: sales
            produces: [made]
            next: e1
          e1:
            name: End
            type: end
        `,
      );
      const needs = role(t.roles, 'sales').children.find((s) => s.section === 'needs')!.children as NeedNode[];
      assert.deepEqual(
        needs.map((n) => [n.dataId, n.name, n.external, n.produced, n.declared, n.missing]),
        [
          ['ext', '外部数据', true, false, true, false],
          ['made', '产出', false, true, true, false],
          ['ghost', undefined, false, false, false, true],
        ],
      );
    });

    it('never throws on broken or empty files', () => {
      for (const src of ['', 'bizflow: 1\n', '- a\n- b\n', 'roles: 3\nrequirements: [1]\n', 'roles:\n  a:\n  b: {name: [x]}\nrequirements:\n  R: 5\n', text.slice(0, 900)]) {
        for (const g of ['status', 'priority', 'role'] as const) {
          const t = tree(src, g);
          const all = [...ids(t.roles), ...ids(t.requirements)];
          assert.equal(new Set(all).size, all.length);
        }
      }
    });
  });

  describe('localisation of the tree view', () => {
    it('every text of src/extension/tree (w.t, vscode.l10n.t) has a 简体中文 translation', () => {
      const root = path.resolve(__dirname, '../..');
      const bundle = JSON.parse(readFileSync(path.join(root, 'l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
      const dir = path.join(root, 'src/extension/tree');
      const missing: string[] = [];
      let found = 0;
      for (const f of require('fs').readdirSync(dir) as string[]) {
        const src = readFileSync(path.join(dir, f), 'utf8');
        for (const m of src.matchAll(/\b(?:l10n|w)\.t\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")/g)) {
          found++;
          const key = (m[1] ?? m[2]).replace(/\\(.)/g, '$1');
          if (!(key in bundle)) missing.push(key);
        }
      }
      assert.ok(found > 40, `found ${found}`);
      assert.deepEqual(missing, []);
    });
  });
});
