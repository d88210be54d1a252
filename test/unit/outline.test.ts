/** The outline (src/core/outline.ts): sections, items, step attributes, exact spans and line/character ranges. */
import { strict as assert } from 'assert';
import { analyze } from '../../src/core/engine';
import { buildOutline, lineOutline } from '../../src/core/outline';

const TEXT = [
  'bizflow: 1',
  'process: { name: P }',
  'roles:',
  '  sales: { name: 业务员 }',
  'steps:',
  '  a:',
  '    name: Receive',
  '    type: start',
  '    role: sales',
  '    attributes: { mode: manual }',
  '    next: b',
  '  b: { name: Check, type: decision, role: sales, next: [c] }',
  '  c: { name: C, role: sales, next: d }',
  '  d: { name: Done, type: end }',
  'requirements:',
  '  REQ-1: { title: Faster, from: sales, acceptance: [x] }',
  '',
].join('\n');

describe('outline', () => {
  it('lists the sections present with their items, kinds, names and exact spans', () => {
    const nodes = buildOutline(analyze(TEXT).model);
    assert.deepEqual(
      nodes.map((n) => `${n.section}: ${n.children.map((c) => `${c.kind} ${c.name} "${c.detail}"`).join(', ')}`),
      [
        'roles: role sales "业务员"',
        'steps: event a "Receive", decision b "Check", step c "C", event d "Done"',
        'requirements: requirement REQ-1 "Faster"',
      ],
    );
    const a = nodes[1].children[0];
    assert.deepEqual(a.selection, { start: TEXT.indexOf('  a:') + 2, end: TEXT.indexOf('  a:') + 3 });
    assert.deepEqual(
      a.children.map((c) => [c.kind, c.name, c.detail, TEXT.slice(c.span.start, c.span.end)]),
      [['attribute', 'mode', 'manual', 'mode: manual']],
    );
    // a section spans from its key to its last item's end
    const roles = nodes[0];
    assert.equal(TEXT.slice(roles.span.start, roles.span.end), 'roles:\n  sales: { name: 业务员 }');
    assert.deepEqual(roles.selection, { start: TEXT.indexOf('roles:'), end: TEXT.indexOf('roles:') + 5 });
  });

  it('has no sections for an empty or broken file, and no `data` section when there is none', () => {
    assert.deepEqual(buildOutline(analyze('').model), []);
    assert.deepEqual(buildOutline(analyze('bizflow: [').model), []);
    assert.ok(!buildOutline(analyze(TEXT).model).some((n) => n.section === 'data'));
    assert.ok(buildOutline(analyze(TEXT.replace('steps:', 'data:\n  d: { name: D }\nsteps:')).model).some((n) => n.section === 'data'));
  });

  it('gives line/character ranges for LF, CRLF and lone-CR text alike', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = TEXT.replace(/\n/g, eol);
      const lined = lineOutline(text, buildOutline(analyze(text).model));
      const b = lined[1].children[1];
      assert.deepEqual([b.name, b.selectionRange], ['b', [11, 2, 11, 3]], JSON.stringify(eol));
      assert.deepEqual(lined[1].children[0].children[0].range, [9, 18, 9, 30], JSON.stringify(eol));
      assert.deepEqual(lined[2].range, [14, 0, 15, 56], JSON.stringify(eol));
    }
  });
});
