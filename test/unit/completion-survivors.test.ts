/**
 * Behaviour behind survivors of the `core-cursor` mutation part in src/core/completion.ts and src/core/hover.ts
 * (the narrowed run against cursor, completion, hover, review-cards and prototype-names tests) that those tests did
 * not pin down: the blank line under a step's `next:`, the value kinds without a test (`boolean`, `integer`, a
 * list where one word is expected), the exact entries (insert text, snippet and retrigger flags, sort text,
 * replaced span, details in both languages), `sets` keys and values, step attributes, the snippets' insert text
 * and documentation, and the hover of allowed words. Each test here was checked by hand against the mutants it
 * names (mutant applied to the source, this file failing, source restored). The survivors that no input can tell
 * apart are listed, with the reason, in docs/mutation-notes/cmp.md.
 */
import { strict as assert } from 'assert';
import { complete, nextRequirementId, type CompletionEntry } from '../../src/core/completion';
import { analyze } from '../../src/core/engine';
import { hoverAt } from '../../src/core/hover';
import { buildModel, type Model } from '../../src/core/model';
import { parseText } from '../../src/core/parse';
import { SNIPPETS } from '../../src/core/templates';
import type { Locale } from '../../src/core/types';

/** Two roles, a start step `s` with two attributes, a decision `t`, and two requirements setting `s.mode` (and `s.speed`). */
const BASE = `bizflow: 1
process:
  name: P
roles:
  a:
    name: Alice
  b:
    name: Bob
steps:
  s:
    name: S
    type: start
    role: a
    attributes:
      mode: manual
      sla: 4h
    next: t
  t:
    name: T
    type: decision
    role: b
    next:
      yes: s
requirements:
  R-1:
    title: x
    from: a
    priority: must
    sets:
      s.mode: auto
  R-2:
    title: y
    from: b
    priority: should
    sets:
      s.mode: auto
      s.speed: fast
`;

/** BASE with `find` replaced by `by` (which holds a `|` for the cursor). */
function edit(find: string, by: string, base = BASE): string {
  assert.ok(base.includes(find), `"${find}" not in text`);
  return base.replace(find, by);
}

/** The text without its `|` and the cursor's offset. */
function mark(s: string): { text: string; offset: number } {
  const offset = s.indexOf('|');
  assert.ok(offset >= 0, 'no | in text');
  return { text: s.slice(0, offset) + s.slice(offset + 1), offset };
}

/** Completion at the `|` of `s`. */
function items(s: string, locale: Locale = 'en'): CompletionEntry[] {
  const x = mark(s);
  return complete(buildModel(parseText(x.text)), x.offset, locale);
}

/** The entries as plain data: fields set to `undefined` left out (a mutant setting one to `false` or `true` shows). */
const plain = (es: CompletionEntry[]): Partial<CompletionEntry>[] => JSON.parse(JSON.stringify(es));

/** The same without the documentation (a whole symbol card, checked by the cards' tests). */
const noDoc = (es: CompletionEntry[]) =>
  plain(es).map((e) => {
    delete e.documentation;
    return e;
  });

const labels = (es: CompletionEntry[]) => es.map((e) => e.label);
const span = (start: number, end = start) => ({ start, end });

/** An id entry as idEntries writes it (no documentation). */
function stepEntry(id: string, name: string | undefined, detail: string, insertText: string, at: { start: number; end: number }, i: number) {
  return {
    label: id,
    kind: 'step',
    ...(name ? { name, filterText: `${id} ${name}` } : {}),
    detail,
    insertText,
    replaceSpan: at,
    sortText: String(i).padStart(4, '0'),
  };
}

describe('completion survivors: odd input', () => {
  it('returns an empty list, not undefined, when the model cannot be read', () => {
    // completion.ts:91 catch block emptied (returns undefined), :92 `[]` → ["Stryker was here"]
    assert.deepEqual(complete(undefined as unknown as Model, 0), []);
    assert.deepEqual(complete({ parsed: { text: 'steps:\n  ' } } as unknown as Model, 10), []);
  });
});

describe('completion survivors: a blank line under a key of a step or role', () => {
  it('offers `- id` for every step on a blank line under a task step\'s `next:`', () => {
    // completion.ts:158 `spec.type.kind === 'next' && !isDecision` → false / `'next'` → "" / `!isDecision` → `isDecision`;
    // :159 `'step'` → "", `spec.type.kind === 'refList'` → true (kind undefined); :167 the decision test → true / `||` /
    // `!==` 'decision'
    const s = edit('    next: t\n', '    next:\n      |\n');
    const o = mark(s).offset;
    assert.deepEqual(noDoc(items(s)), [
      stepEntry('s', 'S', 'step · start · Alice', '- s', span(o), 0),
      stepEntry('t', 'T', 'step · decision · Bob', '- t', span(o), 1),
    ]);
  });

  it('offers nothing on a blank line under a decision\'s `next:` (its branches are labels)', () => {
    // completion.ts:158 `&&` → `||`, :166 isDecision's body emptied, :167 → false, `p[0] !== 'steps'`, `'steps'` → "",
    // `'decision'` → ""
    assert.deepEqual(items(edit('    next:\n      yes: s\n', '    next:\n      |\n')), []);
  });

  it('offers nothing on a blank line under a text list (`concerns:`)', () => {
    // completion.ts:158 `spec.type.kind === 'next'` → true / `!==`, the whole test → true, `spec &&` → `spec ||`,
    // `refList || next…` → true; :163 `[]` → ["Stryker was here"]
    assert.deepEqual(items(edit('    name: Bob\n', '    name: Bob\n    concerns:\n      |\n')), []);
  });

  it('offers nothing for a word typed without a dash under a list key', () => {
    // completion.ts:156 `if (c.blank)` → true
    assert.deepEqual(items(edit('    next: t\n', '    next:\n      x|\n')), []);
  });

  it('offers the steps under `next:` of a step the model has under another id (`? ghost` with its value on the next line)', () => {
    // completion.ts:167 `…get(String(p[1]))?.type` → `.type` (the path's step, "", is not in the model: throws)
    const s = edit('      yes: s\n', '      yes: s\n  ? ghost\n  :\n    next:\n      |\n');
    const o = mark(s).offset;
    assert.deepEqual(noDoc(items(s)), [
      stepEntry('s', 'S', 'step · start · Alice', '- s', span(o), 0),
      stepEntry('t', 'T', 'step · decision · Bob', '- t', span(o), 1),
      stepEntry('ghost', undefined, 'step · task', '- ghost', span(o), 2),
    ]);
  });
});

describe('completion survivors: the value kinds', () => {
  it('offers nothing for a word expected alone when a list is started (`type: [`, `role: [`, `external: [`, `bizflow: [`)', () => {
    // completion.ts:187 / :189 / :191 / :193 `[]` → ["Stryker was here"]; :191 `inList || …` → false / `&&`
    assert.deepEqual(items(edit('    type: start\n', '    type: [|\n')), []);
    assert.deepEqual(items(edit('    role: a\n', '    role: [|\n')), []);
    assert.deepEqual(items(BASE + 'data:\n  d:\n    external: [|\n'), []);
    assert.deepEqual(items(edit('bizflow: 1', 'bizflow: [|')), []);
  });

  it('offers `true` and `false` for a boolean key (`external:`)', () => {
    // completion.ts:188 `case 'boolean'` emptied (falls into integer) and `'boolean'` → "", :189 `['true', 'false']`
    // → [] and each word → ""
    const s = BASE + 'data:\n  d:\n    external: |\n';
    const o = mark(s).offset;
    assert.deepEqual(plain(items(s)), [
      { label: 'true', kind: 'enum', insertText: 'true', replaceSpan: span(o), sortText: '0000' },
      { label: 'false', kind: 'enum', insertText: 'false', replaceSpan: span(o), sortText: '0001' },
    ]);
  });

  it('offers the only allowed number for `bizflow:`', () => {
    // completion.ts:190 `case 'integer'` emptied (falls into ref) and `'integer'` → "", :191 the test → true,
    // `t.const !== undefined`, `[String(t.const)]` → []
    assert.deepEqual(plain(items(edit('bizflow: 1', 'bizflow: |'))), [
      { label: '1', kind: 'enum', insertText: '1', replaceSpan: span(9), sortText: '0000' },
    ]);
  });

  it('offers nothing for the value of a key the format does not know', () => {
    // completion.ts:183 `[]` → ["Stryker was here"]
    assert.deepEqual(items(edit('    role: a\n', '    role: a\n    foo: |\n')), []);
  });

  it('offers the steps for `next:` of a step the model has under another id', () => {
    // completion.ts:197 `…get(String(keyPath[1]))?.type` → `.type` (throws)
    const s = edit('      yes: s\n', '      yes: s\n  ? ghost\n  :\n    next: |\n');
    const o = mark(s).offset;
    assert.deepEqual(noDoc(items(s)), [
      stepEntry('s', 'S', 'step · start · Alice', 's', span(o), 0),
      stepEntry('t', 'T', 'step · decision · Bob', 't', span(o), 1),
      stepEntry('ghost', undefined, 'step · task', 'ghost', span(o), 2),
    ]);
  });

  it('excludes nothing outside a list: a step and a role whose id is "Stryker was here" are offered', () => {
    // completion.ts:199 and :195 `inList ? c.existing : []` → ["Stryker was here"], :300 `o.exclude ?? []` →
    // ["Stryker was here"]
    const withW = edit('      yes: s\n', '      yes: s\n  Stryker was here:\n    name: W\n');
    const next = edit('  t:\n    name: T\n', '  u:\n    next: |\n  t:\n    name: T\n', withW);
    assert.deepEqual(labels(items(next)), ['s', 'u', 't', 'Stryker was here']);
    const adds = edit('    priority: must\n', '    priority: must\n    adds: |\n', withW);
    assert.deepEqual(labels(items(adds)), ['s', 't', 'Stryker was here']);
    assert.equal(items(adds)[2].insertText, '[Stryker was here$0]');
    const role = edit('  b:\n', '  Stryker was here:\n    name: W\n  b:\n', edit('    role: a\n', '    role: |\n'));
    assert.deepEqual(labels(items(role)), ['a', 'Stryker was here', 'b']);
  });

  it('gives an id entry no snippet flag unless it is wrapped in brackets', () => {
    // completion.ts:306 `let snippet = false` → true, :320 `snippet || undefined` → true
    const s = edit('    role: a\n', '    role: |\n');
    for (const e of items(s)) assert.equal(e.snippet, undefined, e.label);
  });
});

describe('completion survivors: keys and what they insert', () => {
  it('the top-level keys of an empty file: insert text, snippet and retrigger flags, sort text, details', () => {
    // completion.ts:216 integer `snippet`/`retrigger` false → true; :224-:228 `'object'`, `'items'`, `'ruleMap'` → "";
    // :229 snippet true → false, retrigger `object || ruleMap` → true / false / `&&` / either side false or negated /
    // either word → ""; :251 `ins.snippet || undefined` → true / false / `&&`; :252 replaceSpan → {}; :253 sort text
    // `+` → `-`, '0' / '1' → ""; :254 `ins.retrigger || undefined` → true; :247 kind 'key' → ""; :78 pad '0' → ""
    const es = items('|');
    assert.equal(es[0].label, 'new-file');
    assert.deepEqual(plain(es.slice(1)), [
      { label: 'bizflow', kind: 'key', detail: 'a whole number · required', documentation: 'Format version of this file; must be 1.', insertText: 'bizflow: 1', replaceSpan: span(0), sortText: '00000' },
      { label: 'process', kind: 'key', detail: 'a map of keys · required', documentation: 'The process this file describes: its name, id, owner and description.', insertText: 'process:\n  $0', snippet: true, replaceSpan: span(0), sortText: '00001', retrigger: true },
      { label: 'roles', kind: 'key', detail: 'a map of role id → role · required', documentation: 'The roles (swimlanes): departments or positions that take part in the process, by id.', insertText: 'roles:\n  $0', snippet: true, replaceSpan: span(0), sortText: '00002' },
      { label: 'data', kind: 'key', detail: 'a map of data item id → data item', documentation: 'Data dictionary, by id. When present, every data id used in `needs`/`produces` must be declared here.', insertText: 'data:\n  $0', snippet: true, replaceSpan: span(0), sortText: '10003' },
      { label: 'steps', kind: 'key', detail: 'a map of step id → step · required', documentation: 'The steps of the (to-be) process, by id, including the steps that requirements add.', insertText: 'steps:\n  $0', snippet: true, replaceSpan: span(0), sortText: '00004' },
      { label: 'requirements', kind: 'key', detail: 'a map of requirement id → requirement', documentation: "Stakeholders' requirements, by id (e.g. REQ-001).", insertText: 'requirements:\n  $0', snippet: true, replaceSpan: span(0), sortText: '10005' },
      { label: 'rules', kind: 'key', detail: 'a map of rule code → off, info, warning or error', documentation: 'Severity overrides for this file: rule code → off, info, warning or error.', insertText: 'rules:\n  $0', snippet: true, replaceSpan: span(0), sortText: '10006', retrigger: true },
    ]);
  });

  it('the keys of a requirement, in Chinese: lists, text lists, reviews, source, sets, words and ids', () => {
    // completion.ts:218 refList snippet/retrigger true → false; :220 stringList snippet true → false, retrigger false →
    // true; :223 objectList snippet/retrigger true → false; :227 `'sets'` → ""; :232 default snippet false → true,
    // retrigger `!== 'string'` → true, `'string'` → ""; :248 ' · 必填' → ""
    const s = edit('    title: x\n    from: a\n    priority: must\n', '    |\n');
    const o = mark(s).offset;
    const row = (label: string, detail: string, insertText: string, i: number, flags: { snippet?: true; retrigger?: true } = {}) => ({
      label,
      kind: 'key',
      detail,
      insertText,
      ...(flags.snippet ? { snippet: true } : {}),
      replaceSpan: span(o),
      sortText: (i < 3 ? '0' : '1') + String(i).padStart(4, '0'),
      ...(flags.retrigger ? { retrigger: true } : {}),
    });
    const both = { snippet: true, retrigger: true } as const;
    assert.deepEqual(noDoc(items(s, 'zh-CN')), [
      row('title', '文本 · 必填', 'title: ', 0),
      row('from', '角色 id · 必填', 'from: ', 1, { retrigger: true }),
      row('priority', '以下之一：must、should、could、wont · 必填', 'priority: ', 2, { retrigger: true }),
      row('status', '以下之一：proposed、accepted、rejected、done', 'status: ', 3, { retrigger: true }),
      row('steps', '步骤 id 列表', 'steps: [$1]', 4, both),
      row('adds', '步骤 id 列表', 'adds: [$1]', 6, both),
      row('removes', '步骤 id 列表', 'removes: [$1]', 7, both),
      row('agreed', '角色 id 列表', 'agreed: [$1]', 8, both),
      row('depends', '需求 id 列表', 'depends: [$1]', 9, both),
      row('overrides', '需求 id 列表', 'overrides: [$1]', 10, both),
      row('decidedBy', '角色 id', 'decidedBy: ', 11, { retrigger: true }),
      row('rationale', '文本', 'rationale: ', 12),
      row('acceptance', '文本列表', 'acceptance:\n      - $0', 13, { snippet: true }),
      row('description', '文本', 'description: ', 14),
      row('reviews', '映射列表', 'reviews:\n      - role: $0', 15, both),
      row('source', '键值映射', 'source:\n      $0', 16, both),
    ]);
    // `sets` (the key this requirement already has) on a requirement without it
    const sets = items(edit('    title: y\n    from: b\n    priority: should\n    sets:\n      s.mode: auto\n      s.speed: fast\n', '    title: y\n    |\n'));
    assert.deepEqual(plain([sets.find((e) => e.label === 'sets')!]).map((e) => [e.insertText, e.snippet, e.retrigger]), [['sets:\n      $0', true, undefined]]);
  });

  it('a start step does not require a role; a step the model has under another id counts as a task', () => {
    // completion.ts:239 `?? 'task'` → `&& 'task'` (start becomes task), `?.type` → `.type` (throws), 'task' → ""
    const start = items(edit('      yes: s\n', '      yes: s\n  u:\n    type: start\n    |\n'));
    assert.deepEqual(start.filter((e) => e.label === 'role').map((e) => [e.detail, e.sortText]), [['a role id', '10002']]);
    const ghost = items(edit('      yes: s\n', '      yes: s\n  ? ghost\n  :\n    |\n'));
    assert.deepEqual(labels(ghost), ['name', 'type', 'role', 'needs', 'produces', 'attributes', 'next']);
    assert.deepEqual(ghost.filter((e) => e.label === 'role').map((e) => [e.detail, e.sortText]), [['a role id · required', '00002']]);
  });

  it('in a flow map, a key is inserted with its `: ` and no snippet or retrigger', () => {
    // completion.ts:244 `c.inFlow && !c.hasColon` → false, `!c.hasColon` → `c.hasColon`, ': ' → ""
    const s = edit('    title: x\n', '    title: x\n    source: { |\n');
    const o = mark(s).offset;
    assert.deepEqual(noDoc(items(s)), [
      { label: 'who', kind: 'key', detail: 'text', insertText: 'who: ', replaceSpan: span(o), sortText: '10000' },
      { label: 'said', kind: 'key', detail: 'text', insertText: 'said: ', replaceSpan: span(o), sortText: '10001' },
      { label: 'channel', kind: 'key', detail: 'text', insertText: 'channel: ', replaceSpan: span(o), sortText: '10002' },
      { label: 'on', kind: 'key', detail: 'a date written YYYY-MM-DD', insertText: 'on: ', replaceSpan: span(o), sortText: '10003' },
    ]);
  });

  it('a key whose line has its colon replaces only the key: no snippet, no retrigger', () => {
    // completion.ts:244 `snippet: false` → true, `retrigger: false` → true
    const s = edit('    name: Bob\n', '    na|me: Bob\n');
    const o = mark(s).offset;
    assert.deepEqual(noDoc(items(s)).slice(0, 2), [
      { label: 'name', kind: 'key', detail: 'text · required', insertText: 'name', replaceSpan: span(o - 2, o + 2), sortText: '00000' },
      { label: 'department', kind: 'key', detail: 'text', insertText: 'department', replaceSpan: span(o - 2, o + 2), sortText: '10001' },
    ]);
  });
});

describe('completion survivors: rule codes and allowed words', () => {
  it('a rule code: its default severity in both languages, `: ` and a retrigger when the colon is not typed', () => {
    // completion.ts:266 the detail texts → {} / ``; :271 retrigger true → false
    const s = BASE + 'rules:\n  flow/unreachable: off\n  flow/no|\n';
    const o = mark(s).offset;
    const first = { label: 'yaml/syntax', kind: 'rule', insertText: 'yaml/syntax: ', replaceSpan: span(o - 7, o), sortText: '0000', retrigger: true };
    assert.deepEqual(plain(items(s))[0], { ...first, detail: 'default: error', documentation: plain(items(s))[0].documentation });
    assert.deepEqual(noDoc(items(s, 'zh-CN'))[0], { ...first, detail: '默认：error' });
    const es = items(s);
    assert.equal(es.length, 37);
    assert.deepEqual(es.filter((e) => e.retrigger !== true), []);
    assert.equal(es.find((e) => e.label === 'data/unused')!.detail, 'default: info');
  });

  it('enum words: a space before them after a bare colon, and only the default preselected', () => {
    // completion.ts:281 `+` → `-`, '' → "Stryker was here!", ' ' → ""; :284 `v === preselect || undefined` → true
    const s = edit('    type: start\n', '    type:|\n');
    const o = mark(s).offset;
    assert.deepEqual(noDoc(items(s)), [
      { label: 'start', kind: 'enum', insertText: ' start', replaceSpan: span(o), sortText: '0000' },
      { label: 'task', kind: 'enum', insertText: ' task', replaceSpan: span(o), sortText: '0001', preselect: true },
      { label: 'decision', kind: 'enum', insertText: ' decision', replaceSpan: span(o), sortText: '0002' },
      { label: 'end', kind: 'enum', insertText: ' end', replaceSpan: span(o), sortText: '0003' },
    ]);
    const p = edit('    priority: must\n', '    priority: |\n');
    assert.deepEqual(
      items(p).map((e) => [e.insertText, e.preselect]),
      [['must', undefined], ['should', undefined], ['could', undefined], ['wont', undefined]],
    );
  });
});

describe('completion survivors: `sets` keys', () => {
  it('a word starting with a dot names no step: nothing is offered', () => {
    // completion.ts:334 `dot < 0` → `dot <= 0`
    assert.deepEqual(items(edit('      s.speed: fast\n', '      s.speed: fast\n      .|\n')), []);
  });

  it('in a flow map after a comma, the step is inserted with a space before it', () => {
    // completion.ts:337 ' ' → ""
    const s = edit('    sets:\n      s.mode: auto\n  R-2', '    sets: {s.mode: x,|}\n  R-2');
    assert.deepEqual(items(s).map((e) => e.insertText), [' s.', ' t.']);
  });

  it('attribute names: today\'s value or who sets it, in both languages; only the name when the colon is typed', () => {
    // completion.ts:352 '' → "Stryker was here!"; :367 `目前：` → ``; :374 the detail → undefined / ``
    const s = edit('      s.speed: fast\n', '      s.speed: fast\n      nodot: y\n  R-3:\n    sets:\n      s.|\n');
    const o = mark(s).offset;
    const row = (label: string, detail: string, i: number) => ({ label, kind: 'attribute', detail, insertText: `${label}: `, replaceSpan: span(o), sortText: `000${i}`, filterText: label });
    assert.deepEqual(plain(items(s)), [row('mode', 'today: manual', 0), row('sla', 'today: 4h', 1), row('speed', 'R-2 sets it to fast', 2)]);
    assert.deepEqual(plain(items(s, 'zh-CN')), [row('mode', '目前：manual', 0), row('sla', '目前：4h', 1), row('speed', 'R-2 设为 fast', 2)]);
    // (the `nodot` entry of R-2 names no step: `s.step?.id` → `s.step.id` at :372 throws on it)
    const colon = edit('      s.speed: fast\n', '      s.speed: fast\n      s.sl|: 1\n');
    const c = mark(colon).offset;
    assert.deepEqual(plain(items(colon)), [{ label: 'sla', kind: 'attribute', detail: 'today: 4h', insertText: 'sla', replaceSpan: span(c - 2, c), sortText: '0000', filterText: 'sla' }]);
  });

  it('does not offer what the requirement itself sets (the entry being typed)', () => {
    // completion.ts:370 `r.id === exceptReq` → false
    assert.deepEqual(labels(items(edit('      s.speed: fast\n', '      s.speed: fast\n      s.zz|\n'))), ['sla']);
  });

  it('a step not in the file: the attributes other requirements set on it', () => {
    // completion.ts:364 `step?.attributes` → `step.attributes` (throws), `?? []` → ["Stryker was here"]
    const s = edit('      s.speed: fast\n', '      s.speed: fast\n      ghost.x: 1\n  R-3:\n    sets:\n      ghost.|\n');
    assert.deepEqual(items(s).map((e) => [e.label, e.detail]), [['x', 'R-2 sets it to 1']]);
  });

  it('an attribute a step defines twice is offered once', () => {
    // completion.ts:365 `seen.has(a.name)` → false
    const s = edit('      s.speed: fast\n', '      s.speed: fast\n  R-3:\n    sets:\n      s.|\n', edit('      sla: 4h\n', '      sla: 4h\n      mode: again\n'));
    assert.deepEqual(labels(items(s)), ['mode', 'sla', 'speed']);
  });
});

describe('completion survivors: attribute names under a step\'s `attributes:`', () => {
  it('offers what requirements set and the step does not define, also when the cursor is in a defined key', () => {
    // completion.ts:384 `?? []` → `&& []`, `(a) => a.name` → `() => undefined`; :386 `&&` → `||`; :391 '' →
    // "Stryker was here!" (the colon is typed)
    const s = edit('      mode: manual\n', '      mo|de: manual\n');
    const o = mark(s).offset;
    assert.deepEqual(plain(items(s)), [{ label: 'speed', kind: 'attribute', detail: 'R-2 sets it to fast', insertText: 'speed', replaceSpan: span(o - 2, o + 2), sortText: '0000' }]);
  });

  it('on a new line: the name and `: `', () => {
    // completion.ts:391 `+` → `-`, ': ' → ""; :392 replaceSpan → {}
    const s = edit('      sla: 4h\n', '      sla: 4h\n      |\n');
    const o = mark(s).offset;
    assert.deepEqual(plain(items(s)), [{ label: 'speed', kind: 'attribute', detail: 'R-2 sets it to fast', insertText: 'speed: ', replaceSpan: span(o), sortText: '0000' }]);
  });

  it('a step the model has under another id: the attributes a `.name` entry sets on the step without id', () => {
    // completion.ts:384 `…get(stepId)?.attributes` → `.attributes` (throws)
    const s = edit('      yes: s\n', '      yes: s\n  ? ghost\n  :\n    attributes:\n      |\n', edit('      s.speed: fast\n', '      s.speed: fast\n      .m: v\n'));
    assert.deepEqual(items(s).map((e) => [e.label, e.insertText, e.detail]), [['m', 'm: ', 'R-2 sets it to v']]);
  });
});

describe('completion survivors: values of `sets` entries and step attributes', () => {
  it('a step attribute\'s value: what requirements ask for, with a space after a bare colon (today\'s value is the one being typed)', () => {
    // completion.ts:125 the key `${stepId}.${name}` → ``; :408 `!l` → true; :419 ', ' → ""; :420 `+` → `-`,
    // '' → "Stryker was here!", ' ' → ""; :421 replaceSpan → {}
    const s = edit('      mode: manual\n', '      mode:|\n');
    const o = mark(s).offset;
    assert.deepEqual(plain(items(s)), [{ label: 'auto', kind: 'value', detail: 'R-1, R-2', insertText: ' auto', replaceSpan: span(o), sortText: '0000' }]);
  });

  it('a `sets` value: today\'s value, then each value once with the requirements asking for it (each once)', () => {
    // completion.ts:409 `!l.includes(why)` → true (R-1 sets it twice); :414 `s.step?.id === stepId` → true (t.mode),
    // `s.step?.id` → `s.step.id` (the `nodot` entry has no step: throws)
    const r1 = edit('      s.mode: auto\n  R-2', '      s.mode: auto\n      s.mode: auto\n  R-2');
    const s = edit('      s.speed: fast\n', '      s.speed: fast\n      t.mode: other\n      nodot: y\n  R-3:\n    sets:\n      s.mode: |\n', r1);
    const o = mark(s).offset;
    assert.deepEqual(plain(items(s)), [
      { label: 'manual', kind: 'value', detail: 'today', insertText: 'manual', replaceSpan: span(o), sortText: '0000' },
      { label: 'auto', kind: 'value', detail: 'R-1, R-2', insertText: 'auto', replaceSpan: span(o), sortText: '0001' },
    ]);
  });

  it('only the values of that attribute of that step, and "目前" for today\'s in Chinese', () => {
    // completion.ts:411 `a.name === attr` → true (the first attribute's value); :412 'today' → "", '目前' → "";
    // :414 `&&` → `||`, the test → true, `s.attribute === attr` → true
    const s = edit('      s.speed: fast\n', '      s.speed: fast\n  R-3:\n    sets:\n      s.sla: |\n');
    assert.deepEqual(items(s).map((e) => [e.label, e.detail]), [['4h', 'today']]);
    assert.deepEqual(items(s, 'zh-CN').map((e) => [e.label, e.detail]), [['4h', '目前']]);
  });

  it('an attribute the step does not define: only what requirements ask for', () => {
    // completion.ts:412 `if (today)` → true (throws)
    assert.deepEqual(items(edit('      sla: 4h\n', '      sla: 4h\n      speed: |\n')).map((e) => [e.label, e.detail]), [['fast', 'R-2']]);
  });

  it('a step not in the file: what requirements ask for', () => {
    // completion.ts:411 `…get(stepId)?.attributes` → `.attributes` (throws)
    const s = edit('      s.speed: fast\n', '      s.speed: fast\n      ghost.mode: g\n  R-3:\n    sets:\n      ghost.mode: |\n');
    assert.deepEqual(items(s).map((e) => [e.label, e.detail]), [['g', 'R-2']]);
  });

  it('a key without a dot has no values; one starting with a dot is an attribute of the step without id', () => {
    // completion.ts:401 `[]` → ["Stryker was here"], `dot < 0` → false (`abc` read as step `ab`, attribute `abc`),
    // `dot <= 0`
    assert.deepEqual(items(edit('      s.speed: fast\n', '      s.speed: fast\n  R-3:\n    sets:\n      nodot: |\n')), []);
    const ab = edit('      yes: s\n', '      yes: s\n  ab:\n    name: AB\n    attributes:\n      abc: today\n');
    assert.deepEqual(items(edit('      s.speed: fast\n', '      s.speed: fast\n  R-3:\n    sets:\n      abc: |\n', ab)), []);
    const empty = edit('      yes: s\n', '      yes: s\n  "":\n    name: E\n    attributes:\n      m: v\n');
    assert.deepEqual(items(edit('      s.speed: fast\n', '      s.speed: fast\n  R-3:\n    sets:\n      .m: |\n', empty)).map((e) => [e.label, e.detail]), [['v', 'today']]);
  });
});

describe('completion survivors: snippets', () => {
  it('the step and requirement snippets: insert text, documentation with the placeholders\' defaults, flags', () => {
    // completion.ts:456 the documentation: '```yaml\n' / '\n' / '\n```' → "", the placeholder pattern (`\D+`,
    // `[^:|]`, one character, `[}|,]*`, one `[^}]`, `[}]*`), '$1' → "", `\$\D+`, '' → "Stryker was here!";
    // :458 snippet true → false; :459 replaceSpan → {}; :460 'z' → ""
    const st = 'bizflow: 1\nsteps:\n  s:\n    name: S\n  |\n';
    const o = mark(st).offset;
    assert.deepEqual(plain(items(st))[0], {
      label: 'new-step',
      kind: 'snippet',
      detail: 'A task step under steps:',
      documentation: '```yaml\nstep-id:\n  name: Name\n  role: role-id\n  needs: []\n  produces: []\n  next: next-step\n```',
      insertText: '${1:step-id}:\n    name: ${2:Name}\n    role: ${3:role-id}\n    needs: [$4]\n    produces: [$5]\n    next: ${6:next-step}',
      snippet: true,
      replaceSpan: span(o),
      sortText: 'z0000',
    });
    assert.equal(items(st)[1].sortText, 'z0001');
    const req = items('bizflow: 1\nrequirements:\n  R-7:\n    title: t\n  |\n');
    assert.equal(
      req[0].documentation,
      '```yaml\nREQ-001:\n  title: One line\n  from: role-id\n  priority: must\n  steps: []\n  acceptance:\n    - How to check it is done\n```',
    );
    assert.equal(req[0].insertText.split('\n')[0], '${1:R-8}:');
  });

  it('the new-file snippet at an indented cursor: its lines indented, its blank lines left empty', () => {
    // completion.ts:450 `l === ''` → false, '' → "Stryker was here!" (either)
    const lines = items('  |')[0].insertText.split('\n');
    const body = SNIPPETS['BizFlow file'].body;
    assert.equal(lines.length, body.length);
    assert.equal(lines[2], '  bizflow: 1');
    const blank = body.map((l, i) => (l === '' ? i : -1)).filter((i) => i > 0);
    assert.ok(blank.length >= 2, 'the body has blank lines');
    assert.deepEqual(blank.map((i) => lines[i]), blank.map(() => ''));
    assert.deepEqual(
      lines.map((l, i) => [i, l]).filter(([i, l]) => i !== 0 && !blank.includes(Number(i)) && !String(l).startsWith('  ')),
      [],
    );
  });

  it('the new-file snippet is offered only where the file is blank but for the word typed', () => {
    // completion.ts:146 `.trim()` dropped on either side, either slice → `x.text`, the text after → true
    assert.deepEqual(labels(items('bi|')).slice(0, 2), ['new-file', 'bizflow']);
    assert.deepEqual(labels(items('\n\nbi|')).slice(0, 2), ['new-file', 'bizflow']);
    assert.deepEqual(labels(items('bi|\n\n')).slice(0, 2), ['new-file', 'bizflow']);
    assert.deepEqual(labels(items('bi|\nsteps:\n')), ['bizflow', 'process', 'roles', 'data', 'requirements', 'rules']);
  });

  it('no requirement snippet on a new key under another top-level map', () => {
    // completion.ts:153 `p[0] === 'requirements'` → true
    assert.deepEqual(items('bizflow: 1\ndata:\n  |\n'), []);
  });

  it('nextRequirementId reads only a whole id ending in a number (one with a line break in it is not one)', () => {
    // completion.ts:432 `/^(.*?)(\d+)$/` → `/(.*?)(\d+)$/`
    const model = buildModel(parseText('bizflow: 1\nrequirements:\n  "A\\nR-7":\n    title: t\n'));
    assert.deepEqual(model.requirements.list.map((r) => r.id), ['A\nR-7']);
    assert.equal(nextRequirementId(model), 'REQ-001');
  });
});

describe('hover survivors: rule codes, keys and allowed words', () => {
  const B = 'bizflow: 1\nprocess:\n  name: P\nroles:\n  a:\n    name: Alice\nsteps:\n  s:\n    name: task\n    type: start\n    role: a\n';
  const hover = (s: string, locale: Locale = 'en') => {
    const x = mark(s);
    const r = analyze(x.text, { locale });
    return hoverAt(r.model, x.offset, locale, r.diagnostics);
  };

  it('a severity under `rules:` is described', () => {
    // hover.ts:70 `spec?.type.kind === 'enum'` → true and `spec?.type` → `spec.type` (no spec there: throws),
    // `matchPath(['rules', '*'], …) !== undefined` → false / `=== undefined`, the pattern → [] / its words → ""
    const s = B + 'rules:\n  flow/no-end: warn|ing\n';
    const at = mark(s).offset - 4;
    assert.deepEqual(hover(s), { markdown: '`warning` — Report as a warning.', span: span(at, at + 7) });
  });

  it('an allowed word is described only where that key allows it', () => {
    // hover.ts:70 the whole test → true (`name: task`), `&&` → `||` (`type: must`)
    assert.equal(hover(B.replace('    name: task', '    name: ta|sk')), undefined);
    assert.equal(hover(B.replace('    type: start', '    type: mu|st')), undefined);
    assert.equal(hover(B.replace('    type: start', '    type: st|art'))!.markdown, '`start` — Where the process begins.');
  });

  it('a rule code and a required key, in Chinese', () => {
    // hover.ts:57 the Chinese rule line → ``; :64 ' · 必填' → ""
    const rule = hover(B + 'rules:\n  flow/no-e|nd: off\n', 'zh-CN')!;
    assert.equal(rule.markdown.split('\n')[0], '`flow/no-end` — 规则，默认级别 error');
    assert.equal(hover(B.replace('    name: task', '    na|me: task'), 'zh-CN')!.markdown.split('\n')[0], '`name` — 文本 · 必填');
  });
});

describe('completion: a requirement whose id is also a role\'s or a step\'s', () => {
  it('offers that role and that step; only `depends`/`overrides` leave the requirement itself out', () => {
    // bug fixed (8 Dec): the requirement's own id was left out of every id list inside it, so `from:` in requirement
    // `a` did not offer role `a`, nor `adds:` in requirement `s` step `s`. Also kills completion.ts:193
    // `{ self: selfOf(keyPath) }` → {} (before the fix)
    const from = edit('  R-2:\n', '  a:\n    title: z\n    from: |\n  R-2:\n');
    assert.deepEqual(labels(items(from)), ['a', 'b']);
    const agreed = edit('  R-2:\n', '  a:\n    title: z\n    agreed: [|]\n  R-2:\n');
    assert.deepEqual(labels(items(agreed)), ['a', 'b']);
    const blank = edit('  R-2:\n', '  a:\n    title: z\n    agreed:\n      |\n  R-2:\n');
    assert.deepEqual(items(blank).map((e) => e.insertText), ['- a', '- b']);
    const adds = edit('  R-2:\n', '  s:\n    title: z\n    adds: [|]\n  R-2:\n');
    assert.deepEqual(labels(items(adds)), ['s', 't']);
    const depends = edit('    title: y\n', '    title: y\n    depends: [|]\n');
    assert.deepEqual(labels(items(depends)), ['R-1']);
    const overrides = edit('    title: y\n', '    title: y\n    overrides:\n      |\n');
    assert.deepEqual(items(overrides).map((e) => e.insertText), ['- R-1']);
  });
});
