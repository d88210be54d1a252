/**
 * Edits are safe (issue 12 item 4): fixes that would change what YAML aliases
 * share, strand an alias, break a block scalar or write a duplicate key are not
 * offered. The known corruptions, each as a case.
 */
import { strict as assert } from 'assert';
import { applyEdits } from '../../src/core/edits';
import { analyze } from '../../src/core/engine';
import { fixesFor } from '../../src/core/fixes';
import { prepareRename, renameSymbol } from '../../src/core/rename';
import { buildSymbolIndex } from '../../src/core/symbols';

const HEAD = 'bizflow: 1\nprocess: { name: P }\nroles:\n  sales: { name: S }\n  ops: { name: O }\n';

function fixTitles(text: string, code: string): string[] {
  const r = analyze(text);
  return r.diagnostics.filter((d) => d.code === code).flatMap((d) => fixesFor(r.model, d).map((f) => f.title));
}

describe('fixes leave anchors, aliases and block scalars alone', () => {
  it('"Change to \'sales\'" is not offered on a block scalar (it would swallow the line break)', () => {
    const text = HEAD + 'steps:\n  a:\n    name: A\n    type: start\n    role: |\n      salse\n    next: b\n  b: { name: B, type: end }\n';
    assert.deepEqual(fixTitles(text, 'ref/unknown-role').filter((t) => t.startsWith('Change')), []);
    // the same typo as a plain scalar gets it
    assert.ok(fixTitles(text.replace('role: |\n      salse', 'role: salse'), 'ref/unknown-role').includes("Change to 'sales'"));
  });

  it('"Record that \'x\' agreed" is not offered on an aliased role list (it would rewrite the step\'s role)', () => {
    const text =
      HEAD +
      'steps:\n  a: { name: A, type: start, role: &r sales, next: b }\n  b: { name: B, role: ops, next: c }\n  c: { name: C, type: end }\n' +
      'requirements:\n  R1: { title: T, from: sales, priority: could, agreed: *r, sets: { b.mode: x } }\n';
    assert.deepEqual(fixTitles(text, 'conflict/unagreed-burden'), []);
    assert.ok(fixTitles(text.replace('agreed: *r', 'agreed: sales'), 'conflict/unagreed-burden').length > 0);
  });

  it('"Wrap in a list" is not offered on an anchored value (every alias would change)', () => {
    const text = HEAD + 'data: { d: { name: D } }\nsteps:\n  a: { name: A, type: start, role: sales, needs: &n d, next: b }\n  b: { name: B, type: end, needs: [d] }\nx-other: *n\n';
    assert.deepEqual(fixTitles(text, 'schema/type').filter((t) => t.startsWith('Wrap')), []);
    assert.ok(fixTitles(text.replace('&n d', 'd').replace('x-other: *n\n', ''), 'schema/type').includes('Wrap the value in a list'));
  });

  it('"Remove \'nmae\'" is not offered when the pair holds an anchor', () => {
    const text = HEAD + 'steps:\n  a:\n    name: A\n    nmae: &x sales\n    type: start\n    role: *x\n    next: b\n  b: { name: B, type: end }\n';
    assert.deepEqual(fixTitles(text, 'schema/unknown-key').filter((t) => t.startsWith('Remove')), []);
  });

  it('"Change to \'name\'" is not offered when the map already has `name` (a duplicate key)', () => {
    const text = HEAD + 'steps:\n  a:\n    name: A\n    nmae: B\n    type: start\n    role: sales\n    next: b\n  b: { name: B, type: end }\n';
    const titles = fixTitles(text, 'schema/unknown-key');
    assert.ok(!titles.includes("Change to 'name'"), titles.join());
    assert.ok(titles.some((t) => t.startsWith('Remove')));
    assert.ok(fixTitles(text.replace('    name: A\n', ''), 'schema/unknown-key').includes("Change to 'name'"));
  });

  it('renaming step `start` is refused when `next: *s` reaches it through `type: &s start`; an anchor on an id still renames', () => {
    const text = HEAD + 'steps:\n  start:\n    name: A\n    type: &s start\n    role: sales\n    next: b\n  b: { name: B, role: ops, next: *s }\n';
    const r = analyze(text);
    const out = renameSymbol(r.model, buildSymbolIndex(r.model), text.indexOf('start:'), 'begin');
    assert.ok('error' in out && /alias/.test(out.error), JSON.stringify(out));
    const ok = HEAD + 'steps:\n  a: { name: A, type: start, role: &r sales, next: b }\n  b: { name: B, type: end, role: *r }\n';
    const r2 = analyze(ok);
    const out2 = renameSymbol(r2.model, buildSymbolIndex(r2.model), ok.indexOf('sales:'), 'biz');
    assert.ok(!('error' in out2), JSON.stringify(out2));
  });
});

describe('edit safety: cases found by the property test (edit-safety.property.test.ts)', () => {
  it('renaming a role renames the `role` of its `reviews` entries too (they were left behind, an unknown role)', () => {
    const text =
      HEAD +
      'steps:\n  a: { name: A, type: start, role: sales, next: b }\n  b: { name: B, type: end, role: ops }\n' +
      'requirements:\n  R1:\n    title: T\n    from: ops\n    priority: must\n    reviews: [{ role: sales, verdict: agree, on: 2026-01-02, fingerprint: abc }]\n';
    const r = analyze(text);
    const index = buildSymbolIndex(r.model);
    const out = renameSymbol(r.model, index, text.indexOf('sales:'), 'biz');
    assert.ok(!('error' in out), JSON.stringify(out));
    const after = applyEdits(text, out.edits);
    assert.ok(after.includes('reviews: [{ role: biz, verdict'), after);
    assert.deepEqual(analyze(after).diagnostics.filter((d) => d.code === 'ref/unknown-role'), []);
    // and the reference is found from the review entry
    const fromReview = renameSymbol(r.model, index, text.indexOf('role: sales, verdict') + 6, 'biz');
    assert.deepEqual(fromReview, out);
  });

  it('"Replace the tab" on a key whose value is a block scalar uses the key\'s level, not its text\'s', () => {
    const text = HEAD.replace('  ops: { name: O }\n', '  ops:\n\tname: >-\n      Ops team\n') + 'steps:\n  a: { name: A, type: start, role: sales, next: b }\n  b: { name: B, type: end, role: ops }\n';
    const r = analyze(text);
    const tab = r.diagnostics.find((d) => d.code === 'yaml/tab');
    assert.ok(tab, JSON.stringify(r.diagnostics));
    const fix = fixesFor(r.model, tab).find((f) => f.isPreferred)!;
    assert.equal(fix.title, 'Replace the tab with 4 spaces');
    const after = applyEdits(text, fix.edits);
    assert.ok(after.includes('  ops:\n    name: >-\n      Ops team\n'), after);
    assert.deepEqual(analyze(after).diagnostics.filter((d) => d.code.startsWith('yaml/')), []);
  });

  it('a rename is refused while the file has a typing mistake (the key `d：{ name: D }` would be renamed whole)', () => {
    const text =
      HEAD + 'data:\n  order：{ name: Order }\nsteps:\n  a: { name: A, type: start, role: sales, produces: [order], next: b }\n  b: { name: B, type: end, role: ops, needs: [order] }\n';
    const r = analyze(text);
    const index = buildSymbolIndex(r.model);
    for (const at of [text.indexOf('order：'), text.indexOf('needs: [order]') + 8, text.indexOf('sales:')]) {
      const out = renameSymbol(r.model, index, at, 'item');
      assert.ok('error' in out && /line 7 has a typing mistake/.test(out.error), JSON.stringify(out));
      assert.deepEqual(prepareRename(r.model, index, at), out);
    }
    const fixed = text.replace('order：{', 'order: {');
    const r2 = analyze(fixed);
    assert.ok(!('error' in renameSymbol(r2.model, buildSymbolIndex(r2.model), fixed.indexOf('order:'), 'item')));
  });

  it('"Create step" is not offered when no role is defined (the stub would have no lane: schema/required)', () => {
    const text = 'bizflow: 1\nprocess: { name: P }\nsteps:\n  a: { name: A, type: start, next: dnoe }\n  done: { name: D, type: end }\n';
    const noRoles = fixTitles(text, 'ref/unknown-step');
    assert.ok(!noRoles.some((t) => t.startsWith('Create')), noRoles.join());
    assert.ok(noRoles.includes("Change to 'done'"), noRoles.join());
    const withRole = text.replace('steps:', 'roles:\n  sales: { name: S }\nsteps:');
    assert.ok(fixTitles(withRole, 'ref/unknown-step').includes("Create step 'dnoe'"));
  });

  it('"Create role/step/data" is not offered while the file has a typing mistake of form (the stub could land inside a misread item)', () => {
    const clean = 'bizflow: 1\nprocess: { name: P }\nroles:\n  sales:\n    name: S\nsteps:\n  a: { name: A, type: start, role: slaes, next: b }\n  b: { name: B, type: end, role: sales }\n';
    assert.ok(fixTitles(clean, 'ref/unknown-role').includes("Create role 'slaes'"));
    const tab = clean.replace('    name: S', '\t  name: S');
    const r = analyze(tab);
    assert.ok(r.diagnostics.some((d) => d.code === 'yaml/tab'), r.diagnostics.map((d) => d.code).join());
    const titles = r.diagnostics.flatMap((d) => fixesFor(r.model, d).map((f) => f.title));
    assert.ok(!titles.some((t) => t.startsWith('Create')), titles.join());
  });

  it('"Re-indent the line" on a key whose value is a block scalar uses the key\'s level, not its text\'s', () => {
    const text = HEAD.replace('  ops: { name: O }\n', '  ops:\n  name: >-\n      Ops team\n') + 'steps:\n  a: { name: A, type: start, role: sales, next: b }\n  b: { name: B, type: end, role: ops }\n';
    const r = analyze(text);
    const ind = r.diagnostics.find((d) => d.code === 'yaml/indentation');
    assert.ok(ind, JSON.stringify(r.diagnostics));
    const fix = fixesFor(r.model, ind).find((f) => f.isPreferred)!;
    assert.equal(fix.title, 'Re-indent the line to 4 spaces');
    const after = applyEdits(text, fix.edits);
    assert.ok(after.includes('  ops:\n    name: >-\n      Ops team\n'), after);
    assert.deepEqual(analyze(after).diagnostics.filter((d) => d.code.startsWith('yaml/')), []);
  });
});
