import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { complete, nextRequirementId, type CompletionEntry } from '../../src/core/completion';
import { locate } from '../../src/core/cursor';
import { buildModel } from '../../src/core/model';
import { parseText } from '../../src/core/parse';
import type { Locale } from '../../src/core/types';

const ORDER = fs.readFileSync(path.resolve(__dirname, '../fixtures/workspace/order-fulfilment.bizflow.yaml'), 'utf8');

/** Inserts `insert` (with a `|` marking the cursor) right after `after` (its n-th occurrence) in ORDER. */
function edit(after: string, insert: string, base = ORDER): { text: string; offset: number } {
  const i = base.indexOf(after);
  assert.ok(i >= 0, `"${after}" not in text`);
  const at = i + after.length;
  const cursor = insert.indexOf('|');
  assert.ok(cursor >= 0, 'no | in insert');
  const text = base.slice(0, at) + insert.replace('|', '') + base.slice(at);
  return { text, offset: at + cursor };
}

/** A text with a `|` marking the cursor. */
function mark(s: string): { text: string; offset: number } {
  const offset = s.indexOf('|');
  return { text: s.slice(0, offset) + s.slice(offset + 1), offset };
}

function items(x: { text: string; offset: number }, locale: Locale = 'en'): CompletionEntry[] {
  return complete(buildModel(parseText(x.text)), x.offset, locale);
}

const labels = (es: CompletionEntry[]) => es.map((e) => e.label);
const one = (es: CompletionEntry[], label: string) => {
  const e = es.find((x) => x.label === label);
  assert.ok(e, `no entry ${label} in ${labels(es).join(', ')}`);
  return e;
};

describe('completion', () => {
  describe('ids where a reference is expected (order-fulfilment example)', () => {
    it('offers the roles, with their names, after `role: ` on a new incomplete line', () => {
      const x = edit('    name: 通知客户\n', '    role: |\n');
      const es = items(x);
      assert.deepEqual(labels(es), ['sales', 'warehouse', 'finance', 'director']);
      const sales = one(es, 'sales');
      assert.equal(sales.kind, 'role');
      assert.equal(sales.name, '业务员');
      assert.equal(sales.detail, 'role · 业务部');
      assert.equal(sales.insertText, 'sales');
      assert.deepEqual(sales.replaceSpan, { start: x.offset, end: x.offset });
      assert.match(sales.documentation!, /\*\*业务员\*\* `sales` — role/);
      assert.equal(sales.filterText, 'sales 业务员');
    });

    it('replaces the whole id when the cursor is inside one', () => {
      const x = edit('    type: start\n    role: sal', '|');
      const es = items(x);
      const w = one(es, 'warehouse');
      const start = x.text.indexOf('sales\n    produces: [order]');
      assert.deepEqual(w.replaceSpan, { start, end: start + 'sales'.length });
    });

    it('puts a space after a colon typed right before the cursor', () => {
      const x = edit('    name: 通知客户\n', '    role:|\n');
      const e = one(items(x), 'finance');
      assert.equal(e.insertText, ' finance');
      assert.deepEqual(e.replaceSpan, { start: x.offset, end: x.offset });
    });

    it('offers steps inside an unclosed flow list of `next`, without those already listed', () => {
      const x = edit('    name: 出库复核\n', '    next: [invoice, |\n');
      const es = items(x);
      assert.deepEqual(labels(es), ['receive-order', 'credit-check', 'pick', 'double-check', 'notify-customer', 'done']);
      assert.equal(one(es, 'pick').detail, 'step · task · 仓库主管');
      assert.equal(one(es, 'pick').insertText, 'pick');
      const tight = edit('    name: 出库复核\n', '    next: [invoice,|\n');
      assert.equal(one(items(tight), 'done').insertText, ' done');
    });

    it('offers step ids as branch targets of a decision', () => {
      const x = edit('      拒绝: notify-customer\n', '      其他: |\n');
      assert.deepEqual(labels(items(x)), ['receive-order', 'credit-check', 'pick', 'double-check', 'invoice', 'notify-customer', 'done']);
    });

    it('offers nothing for the bare value of a decision `next` (it takes a map of branches)', () => {
      const x = edit('    type: decision\n    role: finance\n', '    next: |\n');
      assert.deepEqual(items(x), []);
    });

    it('offers requirement ids in `depends`, not the requirement itself nor those listed', () => {
      const x = mark(ORDER.replace('    depends: [REQ-003]', '    depends: [REQ-003, |]'));
      const es = items(x);
      assert.deepEqual(labels(es), ['REQ-001', 'REQ-002']);
      assert.equal(one(es, 'REQ-001').name, '订单一键下推仓库，自动拣货');
      assert.equal(one(es, 'REQ-001').detail, 'requirement · must · accepted · 业务员');
    });

    it('offers roles as block list items of `agreed`, and `- role` on a blank line under it', () => {
      const dash = edit('    adds: [double-check]\n', '    agreed:\n      - warehouse\n      - |\n');
      assert.deepEqual(labels(items(dash)), ['sales', 'finance', 'director']);
      const blank = edit('    adds: [double-check]\n', '    agreed:\n      |\n');
      const es = items(blank);
      assert.equal(one(es, 'sales').insertText, '- sales');
    });

    it('offers data ids in `needs` (with no `data:` dictionary: every data id in use)', () => {
      const x = edit('    name: 开票\n    role: finance\n', '    needs: [|]\n');
      assert.deepEqual(labels(items(x)), ['order', 'delivery-status', 'credit-report', 'invoice', 'trace-log']);
    });

    it('wraps a list id in brackets when `[` is not typed yet', () => {
      const x = edit('    name: 开票\n    role: finance\n', '    needs: |\n');
      const e = one(items(x), 'order');
      assert.equal(e.insertText, '[order$0]');
      assert.equal(e.snippet, true);
    });

    it('offers `process.owner` roles', () => {
      const x = mark(ORDER.replace('  owner: director', '  owner: d|'));
      const es = items(x);
      assert.ok(labels(es).includes('director'));
      const start = x.text.indexOf('  owner: d') + '  owner: '.length;
      assert.deepEqual(one(es, 'director').replaceSpan, { start, end: start + 1 });
    });
  });

  describe('keys in a flow map', () => {
    /** The text after accepting `e`. */
    const accept = (x: { text: string }, e: CompletionEntry) => x.text.slice(0, e.replaceSpan.start) + e.insertText + x.text.slice(e.replaceSpan.end);
    const REQ = 'bizflow: 1\nroles:\n  a: { name: A }\nrequirements:\n  R1: { title: t, from: a, source: { ';

    it('a key whose colon is already typed is completed without a second colon', () => {
      const x = mark(REQ + 'wh|: x } }\n');
      assert.equal(accept(x, one(items(x), 'who')), REQ + 'who: x } }\n');
      const y = mark(REQ + 'wh| : x } }\n');
      assert.equal(accept(y, one(items(y), 'who')), REQ + 'who : x } }\n');
    });

    it('a key without its colon gets one', () => {
      const x = mark(REQ + 'wh| } }\n');
      assert.equal(accept(x, one(items(x), 'who')), REQ + 'who:  } }\n');
      const y = mark(REQ + 'wh|, said: x } }\n');
      assert.equal(accept(y, one(items(y), 'who')), REQ + 'who: , said: x } }\n');
    });
  });

  describe('`sets` keys', () => {
    it('offers `step.` first, then re-opens the list', () => {
      const x = edit('    adds: [double-check]\n', '    sets:\n      pi|\n');
      const e = one(items(x), 'pick');
      assert.equal(e.insertText, 'pick.');
      assert.equal(e.retrigger, true);
      assert.deepEqual(e.replaceSpan, { start: x.offset - 2, end: x.offset });
    });

    it('after `step.`, offers that step\'s attributes (defined or set by other requirements), replacing only after the dot', () => {
      const x = edit('    adds: [double-check]\n', '    sets:\n      pick.|\n');
      const es = items(x);
      assert.deepEqual(labels(es), ['mode']);
      assert.equal(one(es, 'mode').detail, 'today: manual');
      assert.equal(one(es, 'mode').insertText, 'mode: ');
      assert.deepEqual(one(es, 'mode').replaceSpan, { start: x.offset, end: x.offset });
      const y = edit('    adds: [double-check]\n', '    sets:\n      credit-check.app|\n');
      const e = one(items(y), 'approver');
      assert.deepEqual(e.replaceSpan, { start: y.offset - 3, end: y.offset });
    });

    it('does not offer an attribute this requirement already sets', () => {
      const x = mark(ORDER.replace('      pick.mode: manual-review\n', '      pick.mode: manual-review\n      pick.|\n'));
      assert.deepEqual(items(x), []);
    });

    it('offers today\'s value and the values other requirements ask for', () => {
      const x = mark(ORDER.replace('      pick.mode: manual-review', '      pick.mode: |'));
      const es = items(x);
      assert.deepEqual(labels(es), ['manual', 'automatic']);
      assert.equal(one(es, 'automatic').detail, 'REQ-001');
    });
  });

  describe('keys and words of the format', () => {
    it('offers the keys a step may still have, with descriptions, on an incomplete line', () => {
      const x = edit('    name: 通知客户\n', '    ro|\n');
      const es = items(x);
      // notify-customer already has name, role and next
      assert.deepEqual(labels(es), ['type', 'needs', 'produces', 'attributes']);
      const fresh = edit('  done:\n    name: 交付完成\n    type: end\n', '  extra:\n    name: x\n    |\n');
      const all = items(fresh);
      assert.deepEqual(labels(all), ['type', 'role', 'needs', 'produces', 'attributes', 'next']);
      const role = one(all, 'role');
      assert.equal(role.detail, 'a role id · required');
      assert.equal(role.documentation, 'The role whose lane the step is in (a role id); required for task and decision steps.');
      assert.equal(role.insertText, 'role: ');
      assert.equal(role.retrigger, true);
      assert.ok(role.sortText < one(all, 'type').sortText, 'required keys first');
      const attrs = one(all, 'attributes');
      assert.equal(attrs.insertText, 'attributes:\n      $0');
      assert.equal(one(all, 'needs').insertText, 'needs: [$1]');
    });

    it('describes keys in Chinese when the locale is zh-CN', () => {
      const x = edit('  REQ-004:\n', '    |\n');
      const es = items(x, 'zh-CN');
      const rat = one(es, 'rationale');
      assert.equal(rat.documentation, '理由（需求或决定的原因）。');
      const acc = one(es, 'acceptance');
      assert.equal(acc.detail, '文本列表');
      assert.equal(acc.insertText, 'acceptance:\n      - $0');
    });

    it('completes only the key when the line already has its colon', () => {
      const x = mark(ORDER.replace('    department: 财务部', '    depa|rtment: 财务部'));
      const c = locate(x.text, x.offset)!;
      assert.equal(c.slot, 'key');
      assert.equal(x.text.slice(c.word.start, c.word.end), 'department');
      // `department` itself is excluded only as the word being typed: it is offered again
      const es = items(x);
      assert.equal(one(es, 'department').insertText, 'department');
    });

    it('offers enum words, with the default preselected', () => {
      const x = edit('    name: 通知客户\n', '    type: |\n');
      const es = items(x);
      assert.deepEqual(labels(es), ['start', 'task', 'decision', 'end']);
      assert.equal(one(es, 'task').preselect, true);
      assert.equal(one(es, 'decision').documentation, 'A branch: `next` maps branch labels to steps.');
      const p = edit('  REQ-004:\n', '    status: |\n');
      assert.deepEqual(labels(items(p)), ['proposed', 'accepted', 'rejected', 'done']);
      const pr = mark(ORDER.replace('    priority: could', '    priority: co|'));
      const pe = items(pr);
      assert.deepEqual(labels(pe), ['must', 'should', 'could', 'wont']);
      const start = pr.text.indexOf('    priority: co') + '    priority: '.length;
      assert.deepEqual(one(pe, 'could').replaceSpan, { start, end: start + 2 });
    });

    it('offers the remaining top-level keys on a blank line at column 0', () => {
      const x = mark(ORDER + '|');
      assert.deepEqual(labels(items(x)), ['data', 'rules']);
      assert.deepEqual(labels(items(mark('|'))), ['new-file', 'bizflow', 'process', 'roles', 'data', 'steps', 'requirements', 'rules']);
      assert.equal(one(items(mark('|')), 'bizflow').insertText, 'bizflow: 1');
    });

    it('offers rule codes under `rules:` and severities as their values', () => {
      const x = mark(ORDER + 'rules:\n  handoff/no-data: off\n  flow/|\n');
      const es = items(x);
      assert.ok(!labels(es).includes('handoff/no-data'));
      const e = one(es, 'flow/unreachable');
      assert.equal(e.kind, 'rule');
      assert.equal(e.insertText, 'flow/unreachable: ');
      assert.deepEqual(e.replaceSpan, { start: x.offset - 'flow/'.length, end: x.offset });
      const v = mark(ORDER + 'rules:\n  handoff/no-data: |\n');
      assert.deepEqual(labels(items(v)), ['off', 'info', 'warning', 'error']);
    });

    it('offers attribute names that requirements set but the step does not define yet', () => {
      const text = ORDER.replace('    attributes:\n      approver: finance-lead\n', '    attributes:\n      approver: finance-lead\n      |\n').replace(
        '      credit-check.approver: director',
        '      credit-check.approver: director\n      credit-check.sla: 4h',
      );
      const es = items(mark(text));
      assert.deepEqual(labels(es), ['sla']);
    });
  });

  describe('where nothing fits', () => {
    it('offers nothing in comments, free text, block scalars and new ids', () => {
      assert.deepEqual(items(edit('    needs: [order, credit-report]', ' # a comment |')), []);
      assert.deepEqual(items(edit('  REQ-004:\n', '    rationale: some free text |\n')), []);
      assert.deepEqual(items(edit('  REQ-004:\n', '    rationale: |\n      text\n      mo|\n')), []);
      // a new id: only the snippets for a whole new item
      assert.deepEqual(items(edit('steps:\n', '  |\n')).filter((e) => e.kind !== 'snippet'), []);
      assert.deepEqual(items(edit('    name: 通知客户\n', '    name: |\n')), []);
    });
  });

  describe('on broken files', () => {
    it('keeps working when the file has a syntax error elsewhere', () => {
      const broken = ORDER.replace('    title: 信用审核改由总监审批', '    title: "unclosed');
      const x = edit('    name: 通知客户\n', '    role: |\n', broken);
      assert.ok(buildModel(parseText(x.text)).parsed.errors.length > 0);
      assert.ok(labels(items(x)).includes('sales'));
    });

    it('keeps working when the current line itself does not parse', () => {
      const x = edit('    name: 通知客户\n', '    next: [done, {|\n');
      const c = locate(x.text, x.offset)!;
      assert.equal(c.slot, 'key');
      const y = edit('  REQ-004:\n', '    from: sales\n    agreed: [warehouse, |\n');
      const c2 = locate(y.text, y.offset)!;
      assert.deepEqual(c2.path, ['requirements', 'REQ-004', 'agreed', 1]);
      assert.deepEqual(c2.existing, ['warehouse']);
      assert.deepEqual(labels(items(y)), ['sales', 'finance', 'director']);
    });

    it('handles flow lists spanning lines and compact block lists', () => {
      const x = mark('bizflow: 1\nroles:\n  a:\n    name: A\n  b:\n    name: B\nsteps:\n  s:\n    name: S\n    role: a\n    next: [\n      t,\n      |\n    ]\n  t:\n    name: T\n');
      assert.deepEqual(locate(x.text, x.offset)!.path, ['steps', 's', 'next', 1]);
      assert.deepEqual(labels(items(x)), ['s']);
      const y = mark('bizflow: 1\nroles:\n  a:\n    name: A\nrequirements:\n  R:\n    agreed:\n    - |\n');
      assert.deepEqual(locate(y.text, y.offset)!.path, ['requirements', 'R', 'agreed', 0]);
      assert.deepEqual(labels(items(y)), ['a']);
    });

    it('reads the path under list items and quoted keys', () => {
      const x = mark('bizflow: 1\nrequirements:\n  "R-1":\n    title: x\n    |\n');
      assert.deepEqual(locate(x.text, x.offset)!.path, ['requirements', 'R-1']);
      assert.ok(labels(items(x)).includes('from'));
    });

    it('agrees with the parse tree on every key and scalar of well-formed files (block and flow style)', () => {
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      const Y = require('yaml') as typeof import('yaml');
      const P2P = fs.readFileSync(path.resolve(__dirname, '../fixtures/workspace/procure-to-pay.bizflow.yaml'), 'utf8');
      for (const text of [ORDER, P2P]) {
        const doc = Y.parseDocument(text);
        let checked = 0;
        const visit = (node: unknown, p: (string | number)[]) => {
          if (Y.isMap(node)) {
            for (const pair of node.items) {
              const k = pair.key as import('yaml').Scalar;
              const key = String(k.value);
              const r = k.range!;
              const c = locate(text, r[0] + 1)!;
              assert.ok(c, `no context at key ${[...p, key].join('.')}`);
              assert.equal(c.slot, 'key', `key ${[...p, key].join('.')}`);
              assert.deepEqual(c.path, p, `key ${[...p, key].join('.')}`);
              assert.equal(text.slice(c.word.start, c.word.end), key);
              checked++;
              visit(pair.value, [...p, key]);
            }
          } else if (Y.isSeq(node)) {
            node.items.forEach((item, i) => visit(item, [...p, i]));
          } else if (Y.isScalar(node) && node.range && typeof node.value === 'string' && /^[A-Za-z][\w-]*$/.test(node.value)) {
            const c = locate(text, node.range[0] + 1)!;
            assert.ok(c, `no context at value ${p.join('.')}`);
            assert.equal(c.slot, 'value', `value ${p.join('.')}`);
            assert.deepEqual(c.path, p, `value ${p.join('.')}`);
            assert.equal(text.slice(c.word.start, c.word.end), node.value);
            checked++;
          }
        };
        visit(doc.contents, []);
        assert.ok(checked > 100, `checked ${checked}`);
      }
    });

    it('never throws on odd offsets and texts', () => {
      for (const t of ['', '\n', '- a\n- b', 'a: [', '{', '"x": |', 'steps:\n  - x: y\n']) {
        for (let o = 0; o <= t.length + 1; o++) assert.doesNotThrow(() => complete(buildModel(parseText(t)), o));
      }
    });
  });
});

describe('new-file template and snippets', () => {
  // imported here so the template tests sit next to the completion they complement
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { newFileTemplate, SNIPPETS } = require('../../src/core/templates') as typeof import('../../src/core/templates');
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { analyze } = require('../../src/core/engine') as typeof import('../../src/core/engine');

  it('the starter file lints clean, in English and in Chinese', () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const text = newFileTemplate(locale);
      assert.deepEqual(analyze(text, { locale }).diagnostics, [], locale);
    }
    assert.match(newFileTemplate('zh-CN'), /name: 新流程/);
  });

  it('offers the snippets where a new item starts, indented for the cursor, with the next free requirement id', () => {
    const steps = items(edit('  done:\n    name: 交付完成\n    type: end\n', '  |\n'));
    assert.deepEqual(labels(steps), ['new-step', 'new-decision']);
    assert.equal(steps[0].kind, 'snippet');
    assert.equal(steps[0].detail, 'A task step under steps:');
    assert.equal(steps[1].insertText.split('\n')[6], '      ${5:approved}: ${6:next-step}');
    const roles = items(edit('    needs: [trace-log]\n', '  |\n'), 'zh-CN');
    assert.deepEqual(labels(roles), ['new-role']);
    assert.equal(roles[0].detail, '角色（泳道），写在 roles: 下');
    const reqs = items(mark(ORDER + '  |\n'));
    assert.deepEqual(labels(reqs), ['new-requirement']);
    assert.match(reqs[0].insertText, /^\$\{1:REQ-005\}:\n {4}title: /);
    const empty = items(mark('|'));
    assert.equal(empty[0].label, 'new-file');
    assert.equal(empty[0].insertText.split('\n')[2], 'bizflow: 1');
    // nowhere else
    assert.ok(!items(edit('    name: 通知客户\n', '    role: |\n')).some((e) => e.kind === 'snippet'));
  });

  /** A snippet body with its placeholders' defaults, indented for the line it is inserted on. */
  function expand(body: string[], indent: string): string {
    return body
      .map((l) => indent + l.replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, ''))
      .join('\n')
      .replace(/\\([$}\\])/g, '$1');
  }

  it('each snippet, inserted with its defaults, reads as valid BizFlow', () => {
    const base = newFileTemplate('en');
    assert.equal(expand(SNIPPETS['BizFlow file'].body, '') + '\n', base);
    const text = base
      .replace('\nsteps:\n', `\n${expand(SNIPPETS['BizFlow role'].body, '  ')}\n\nsteps:\n`)
      .replace('\nrequirements:\n', `\n${expand(SNIPPETS['BizFlow step'].body, '  ')}\n${expand(SNIPPETS['BizFlow decision'].body, '  ')}\n\nrequirements:\n`)
      .concat(expand(SNIPPETS['BizFlow requirement'].body, '  ').replace('REQ-001', 'REQ-002') + '\n');
    const found = analyze(text).diagnostics.filter((d) => d.code.startsWith('schema/') || d.code.startsWith('yaml/'));
    assert.deepEqual(found.map((d) => d.message), []);
  });
});

describe('localisation of the language features', () => {
  const root = path.resolve(__dirname, '../..');
  const read = (p: string) => fs.readFileSync(path.join(root, p), 'utf8');

  it('every vscode.l10n.t text of src/extension/language has a 简体中文 translation', () => {
    const bundle = JSON.parse(read('l10n/bundle.l10n.zh-cn.json')) as Record<string, string>;
    const dir = path.join(root, 'src/extension/language');
    const missing: string[] = [];
    let count = 0;
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
      const src = fs.readFileSync(path.join(dir, f), 'utf8');
      for (const m of src.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) {
        count++;
        const key = m[1].replace(/\\'/g, "'");
        if (!bundle[key]) missing.push(`${f}: ${key}`);
      }
    }
    assert.ok(count >= 8, `found only ${count} texts`);
    assert.deepEqual(missing, []);
  });

  it('the New File command is contributed with a title in both languages', () => {
    const pkg = JSON.parse(read('package.json'));
    const cmd = pkg.contributes.commands.find((c: { command: string }) => c.command === 'bizflow.newFile');
    assert.equal(cmd.title, '%command.newFile%');
    assert.equal(JSON.parse(read('package.nls.json'))['command.newFile'], 'New BizFlow File');
    assert.equal(JSON.parse(read('package.nls.zh-cn.json'))['command.newFile'], '新建 BizFlow 文件');
    assert.deepEqual(pkg.contributes.yamlValidation, [{ fileMatch: ['*.bizflow.yaml', '*.bizflow.yml'], url: './schemas/bizflow.schema.json' }]);
    assert.ok(fs.existsSync(path.join(root, 'schemas/bizflow.schema.json')));
  });
});

describe('nextRequirementId: the id the new-requirement snippet proposes', () => {
  const next = (...ids: string[]) =>
    nextRequirementId(buildModel(parseText('bizflow: 1\nrequirements:\n' + ids.map((id) => `  ${id}:\n    title: t\n`).join(''))));

  it('keeps the prefix and the zero padding of the highest id', () => {
    assert.equal(next('REQ-0007'), 'REQ-0008');
    assert.equal(next('REQ-0001', 'REQ-0007', 'REQ-0003'), 'REQ-0008');
    assert.equal(next('REQ-009'), 'REQ-010');
    assert.equal(next('REQ-9'), 'REQ-10');
    assert.equal(next('REQ-999'), 'REQ-1000');
    assert.equal(next('REQ-0'), 'REQ-1');
    assert.equal(next('V2-10'), 'V2-11');
    assert.equal(next('R12'), 'R13');
  });

  it('takes prefix and width from the highest number (the last one on a tie), ignoring ids without a trailing number', () => {
    assert.equal(next('A-05', 'B-7'), 'B-8');
    assert.equal(next('B-7', 'A-05'), 'B-8');
    assert.equal(next('A-7', 'B-007'), 'B-008');
    assert.equal(next('B-007', 'A-7'), 'A-8');
    assert.equal(next('REQ-002', 'checkout', 'REQ-3a'), 'REQ-003');
  });

  it('starts at REQ-001', () => {
    assert.equal(next(), 'REQ-001');
    assert.equal(next('checkout'), 'REQ-001');
  });

  it('is what the snippet inserts', () => {
    const text = 'bizflow: 1\nrequirements:\n  REQ-0007:\n    title: t\n  ';
    const x = items({ text, offset: text.length });
    assert.match(x.find((e) => e.label === 'new-requirement')!.insertText, /^\$\{1:REQ-0008\}:\n/);
  });
});
