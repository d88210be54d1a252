/**
 * The wording of every rule, table-driven over the catalogue: each message
 * id has English and Chinese text, every placeholder a template names is
 * given by every report of a corpus (the examples, the fixtures and seeded
 * mutations of the examples), and no `{{` is left in what users read. Rule
 * tests assert message ids and data; this file is where the sentences are.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze, type ReportedMessage } from '../../../src/core/engine';
import { FIX_PROVIDERS } from '../../../src/core/fixes';
import { formatTemplate, placeholdersOf } from '../../../src/core/rule';
import { RULES, RULES_BY_CODE } from '../../../src/core/rules/index';
import type { Diagnostic, Locale } from '../../../src/core/types';
import { BASE } from '../helpers';
import { corpusSample } from '../timing';

const ROOT = path.resolve(__dirname, '../../..');
const read = (p: string) => fs.readFileSync(path.join(ROOT, p), 'utf8');

/** Reviews: a stale agreement, an objection with a note (owner decides / nobody), an open question. */
const REVIEWS = `bizflow: 1
process:
  name: P
  owner: director
roles:
  sales: { name: 业务员 }
  warehouse: { name: 仓库主管 }
  director: { name: 运营总监 }
steps:
  s1: { name: 接单, type: start, role: sales, next: pick }
  pick: { name: 拣货, role: warehouse, attributes: { mode: manual }, next: e1 }
  e1: { name: End, type: end }
requirements:
  REQ-1:
    title: 自动拣货
    from: sales
    priority: must
    sets: { pick.mode: automatic }
    reviews:
      - { role: warehouse, verdict: agree, on: 2026-11-01, fingerprint: 0badf00d }
      - { role: director, verdict: object, note: 成本太高 }
  REQ-2:
    title: 夜班拣货
    from: sales
    priority: should
    steps: [pick]
    reviews:
      - { role: warehouse, verdict: question }
`;

/** The examples, fixtures and hand-written texts, and deterministic variations of the examples: each line removed, doubled, or cut, and ids misspelt. */
function corpus(): string[] {
  const files = [
    'examples/order-fulfilment.bizflow.yaml',
    'examples/procure-to-pay.bizflow.yaml',
    'test/fixtures/hostile.bizflow.yaml',
    'test/fixtures/hostile-keywords.bizflow.yaml',
  ].map(read);
  const cycle = 'bizflow: 1\nroles: { sales: { name: Sales } }\nsteps:\n  s1: { name: Start, type: start, role: sales, next: e1 }\n  e1: { name: End, type: end }\nrequirements:\n  REQ-1: { title: A, from: sales, steps: [s1], depends: [REQ-2], acceptance: [x] }\n  REQ-2: { title: B, from: sales, steps: [s1], depends: [REQ-1], acceptance: [y] }\n';
  const fixed = [...files, cycle, CONFLICTS, CONFLICTS.replace('decidedBy: boss', ''), REVIEWS, REVIEWS.replace('  owner: director\n', ''), '', 'x', '[]', 'bizflow: "1"', 'bizflow:', 'bizflow: 2', 'bizflow: {}', 'bizflow: 1\nsteps: []', '%YAML 1.2\n%YAML 1.2\n---\na: 1', 'a: *nope'];
  const out: string[] = [];
  for (const text of files.slice(0, 2)) {
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      out.push([...lines.slice(0, i), ...lines.slice(i + 1)].join('\n'));
      out.push([...lines.slice(0, i + 1), lines[i], ...lines.slice(i + 1)].join('\n'));
      if (i % 3 === 0) out.push([...lines.slice(0, i), lines[i].replace(/: (\w+)/, ': $1x'), ...lines.slice(i + 1)].join('\n'));
      if (i % 5 === 0) out.push([...lines.slice(0, i), lines[i].replace(/(\w)(\w)/, '$2$1'), ...lines.slice(i + 1)].join('\n'));
      // typing mistakes of form (issue 11): a tab, full-width punctuation, one indentation step off
      if (i % 7 === 0) out.push([...lines.slice(0, i), lines[i].replace(/^ +/, '\t').replace(/: /, '：').replace(/^(\s*)- /, '$1－ '), ...lines.slice(i + 1)].join('\n'));
      if (i % 7 === 3) out.push([...lines.slice(0, i), lines[i].replace(/^  /, '\u3000').replace(/, /, '，'), ...lines.slice(i + 1)].join('\n'));
      if (i % 4 === 1) out.push([...lines.slice(0, i), lines[i].replace(/^  /, ''), ...lines.slice(i + 1)].join('\n'));
    }
  }
  // every third variation in a mutation run (the fixed texts reach every rule; see timing.ts)
  return [...fixed, ...corpusSample(out, 3)];
}

/** The process files under a fixtures folder (not the YAML test suite). */
function fixtureFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const p = `${dir}/${e.name}`;
    if (e.isDirectory()) {
      if (e.name !== 'yaml-test-suite') out.push(...fixtureFiles(p));
    } else out.push(p);
  }
  return out;
}

interface Seen {
  d: Diagnostic;
  m: ReportedMessage;
  locale: Locale;
}

/**
 * The corpus' reports, made once per run (forgotten before each: a mutation run runs the tests again in the
 * same process for each mutant, and reports kept from the first run would hide every mutant).
 */
let seen: Seen[] | undefined;
function reports(): Seen[] {
  if (seen) return seen;
  seen = [];
  for (const text of corpus()) {
    for (const locale of ['en', 'zh-CN'] as const) {
      analyze(text, { locale, onReport: (d, m) => seen!.push({ d, m, locale }) });
    }
  }
  return seen;
}

function assertData(code: string, messageId: string, data: Record<string, unknown> | undefined) {
  const texts = RULES_BY_CODE.get(code)!.meta.messages[messageId];
  assert.ok(texts, `${code}: unknown message id ${messageId}`);
  for (const lang of ['en', 'zh'] as const) {
    for (const p of placeholdersOf(texts[lang])) {
      assert.ok(data && Object.prototype.hasOwnProperty.call(data, p), `${code} ${messageId} (${lang}): no value for {{${p}}}`);
    }
  }
}

describe('rule messages', () => {
  before(() => (seen = undefined));
  for (const rule of RULES) {
    it(`${rule.code}: every message has English and Chinese text`, () => {
      const ids = Object.keys(rule.meta.messages);
      assert.ok(ids.length > 0);
      for (const id of ids) {
        const { en, zh } = rule.meta.messages[id];
        assert.ok(en.trim().length > 0, `${id} en`);
        assert.ok(zh.trim().length > 0, `${id} zh`);
        // (a message about full-width punctuation shows the character it is about, in quotes)
        assert.doesNotMatch(en.replace(/"[：，－]"/g, ''), /[\u4e00-\u9fff“”（），。：；]/, `${id}: Chinese in the English text`);
        // placeholders are {{word}} only: no stray braces that the formatter would leave
        assert.equal(en.replace(/\{\{\w+\}\}/g, '').includes('{{'), false, `${id} en`);
        assert.equal(zh.replace(/\{\{\w+\}\}/g, '').includes('{{'), false, `${id} zh`);
      }
    });
  }

  it('every report of the corpus gives every placeholder of its message, in both languages, and leaves no {{ in the text', function () {
    this.timeout(120000);
    const all = reports();
    assert.ok(all.length > 1000, `corpus too small: ${all.length}`);
    for (const { d, m } of all) {
      assertData(d.code, m.messageId, m.data);
      for (const r of m.related) assertData(d.code, r.messageId, r.data);
      assert.equal(d.message.includes('{{'), false, d.message);
      for (const r of d.related ?? []) assert.equal(r.message.includes('{{'), false, r.message);
    }
  });

  it('the corpus reaches every rule', function () {
    this.timeout(120000);
    const codes = new Set(reports().map((s) => s.d.code));
    assert.deepEqual(RULES.map((r) => r.code).filter((c) => !codes.has(c)), []);
  });

  it('conflict, review and the long-winded data/requirement messages stay within two lines (≤ 200 characters) on the examples and fixtures, in both languages', function () {
    this.timeout(120000);
    // issue 11 item 6: the essentials in one or two lines; the explanation is the diagnostic's `detail` (hover cards)
    const short = (code: string) => /^(conflict|review)\//.test(code) || ['req/no-acceptance', 'data/not-produced', 'handoff/no-data'].includes(code);
    const files = [...fs.readdirSync(path.join(ROOT, 'examples')).map((f) => `examples/${f}`), ...fixtureFiles('test/fixtures')].filter((f) => /\.bizflow\.ya?ml$/.test(f));
    assert.ok(files.length >= 10, files.join(', '));
    const texts = [...files.map(read), CONFLICTS, CONFLICTS.replace('decidedBy: boss', ''), REVIEWS, REVIEWS.replace('  owner: director\n', '')];
    const long: string[] = [];
    let checked = 0;
    const codes = new Set<string>();
    for (const text of texts) {
      for (const locale of ['en', 'zh-CN'] as const) {
        for (const d of analyze(text, { locale }).diagnostics) {
          if (!short(d.code)) continue;
          checked++;
          codes.add(d.code);
          if ([...d.message].length > 200) long.push(`${d.code} (${locale}, ${[...d.message].length}): ${d.message}`);
        }
      }
    }
    assert.deepEqual(long, []);
    // the check reaches every conflict rule, both review rules and the three others
    assert.deepEqual(
      [...codes].sort(),
      RULES.map((r) => r.code).filter(short).sort(),
    );
    assert.ok(checked > 50, String(checked));
  });

  it('a conflict finding carries its explanation (detail) with every placeholder given', function () {
    this.timeout(120000);
    let n = 0;
    for (const { d, m } of reports()) {
      if (!d.code.startsWith('conflict/')) continue;
      assert.ok(m.detail, `${d.code}: no detail`);
      assertData(d.code, m.detail.messageId, m.detail.data);
      assert.ok(d.detail && !d.detail.includes('{{') && [...d.detail].length > [...d.message].length / 2, d.detail);
      n++;
    }
    assert.ok(n > 100, String(n));
  });

  it('the formatter fills placeholders once (a value holding {{x}} is not expanded again) and keeps unknown ones', () => {
    assert.equal(formatTemplate('a {{x}} b {{y}}', { x: '{{y}}', y: 1 }), 'a {{y}} b 1');
    assert.equal(formatTemplate('a {{z}}', { x: 1 }), 'a {{z}}');
    assert.equal(formatTemplate('a {{toString}}', {}), 'a {{toString}}');
  });

  it("a rule's meta.fixable agrees with the fixes dispatch", () => {
    for (const r of RULES) assert.equal(r.meta.fixable, FIX_PROVIDERS[r.code] !== undefined, r.code);
  });

  it('every rule says where its finding is shown', () => {
    for (const r of RULES) assert.ok(r.meta.shownOn.trim().length > 3, r.code);
  });
});

/**
 * The wording of the schema rules, one sentence per message id in each
 * language (the rule tests assert message ids and placeholder values; these
 * are the sentences the schema walk's words make).
 */
describe('schema rule wording', () => {
  const FILES = [
    '- a\n',
    BASE.replace('    next: e1\n', '    next: e1\n    needs: [order, {a: 1}, ~]\n    produces: order\n    attributes: { "sla hours": 1, x: [1] }\n    nmae: x\n'),
    BASE.replace('    role: sales\n', '    role:\n').replace('type: start', 'type: strat'),
    BASE.replace('roles:\n', 'roles:\n  结束: { name: E }\n') + 'requirement: 1\nzzzzzz: 1\nrules:\n  flow/unreachible: warn\n  made/up: off\n',
    BASE.replace('process:\n  name: P\n', 'process:\n  budget: 1\n') +
      '  t1: { name: T }\n  d1: { name: D, type: decision, role: sales, next: { ok: e1, ko: ~ } }\n' +
      'requirements:\n  1st:\n    title: T\n    from: sales\n    priority: must\n    status: approved\n    sets: { mode: x, s1.: y }\n',
    'bizflow: 1\nprocess: { name: P }\nroles: {}\n',
    BASE + 'requirements:\n  ? [a]\n  : { title: T }\n',
    BASE.replace('    next: e1\n', '    next: e1\n    attributes:\n      ? [a]\n      : 1\n') + 'requirements:\n  R2: { title: T, from: sales, priority: must, sets: { ? [b] : 1 } }\n',
  ];
  /** `code messageId` → [English, Chinese]: the first finding of each id over FILES. */
  const WORDING: Record<string, [string, string]> = {
    'schema/type documentNotMap': [
      'A BizFlow file must be a map of top-level keys (bizflow, process, roles, steps, …), but this document is a list.',
      'BizFlow 文件必须是由顶层键（bizflow、process、roles、steps 等）组成的映射，但此文档是列表。',
    ],
    'schema/type wrongType': [
      'Entry 2 of "needs" of step "s1" must be a data item id, but it is a map.',
      '步骤“s1”的“needs”的第 2 项应为数据项 id，但这里是映射。',
    ],
    'schema/type emptyEntry': [
      'Entry 3 of "needs" of step "s1" is empty: write a data item id or remove the entry.',
      '步骤“s1”的“needs”的第 3 项为空：请写上数据项 id，或删除该项。',
    ],
    'schema/type wrongTypeHint': [
      '"produces" of step "s1" must be a list of data ids, but it is the text "order". Write it as a list: "[order]".',
      '步骤“s1”的“produces”应为数据 id 列表，但这里是文本“order”。请写成列表：“[order]”。',
    ],
    'schema/type noValue': [
      '"role" of step "s1" has no value: write a role id after the colon, or remove the key.',
      '步骤“s1”的“role”没有值：请在冒号后写上角色 id；或删除该键。',
    ],
    'schema/type emptyTarget': ['Branch "ko" of "next" of step "d1" is empty: write a step id.', '步骤“d1”的“next”的分支“ko”为空：请写上步骤 id。'],
    'schema/enum notAllowedSuggest': [
      '"type" of step "s1" is "strat", which is not allowed. Use one of: start, task, decision, end. Did you mean "start"?',
      '步骤“s1”的“type”的值“strat”无效。可选值：start、task、decision、end。是否想写“start”？',
    ],
    'schema/enum notAllowed': [
      '"status" of requirement "1st" is "approved", which is not allowed. Use one of: proposed, accepted, rejected, done.',
      '需求“1st”的“status”的值“approved”无效。可选值：proposed、accepted、rejected、done。',
    ],
    'schema/unknown-key unknownKeySuggest': ['Unknown key "nmae" in step "s1". Did you mean "name"?', '步骤“s1”中有未知键“nmae”。是否想写“name”？'],
    'schema/unknown-key unknownKey': [
      'Unknown key "budget" in "process". Keys allowed here: name, id, owner, description.',
      '“process”中有未知键“budget”。此处可用的键：name、id、owner、description。',
    ],
    'schema/unknown-key unknownTopKeySuggest': ['Unknown top-level key "requirement". Did you mean "requirements"?', '未知的顶层键“requirement”。是否想写“requirements”？'],
    'schema/unknown-key unknownTopKey': [
      'Unknown top-level key "zzzzzz". Keys allowed here: bizflow, process, roles, data, steps, requirements, rules.',
      '未知的顶层键“zzzzzz”。此处可用的键：bizflow、process、roles、data、steps、requirements、rules。',
    ],
    'schema/unknown-key unknownRuleSuggest': [
      'Unknown rule "flow/unreachible" in "rules". Did you mean "flow/unreachable"?',
      '“rules”中有未知规则“flow/unreachible”。是否想写“flow/unreachable”？',
    ],
    'schema/unknown-key unknownRule': [
      'Unknown rule "made/up" in "rules". Rule codes look like "flow/unreachable"; see the rule catalogue.',
      '“rules”中有未知规则“made/up”。规则代码形如“flow/unreachable”，请查阅规则列表。',
    ],
    'schema/required missingTopKey': [
      'The file has no "steps", which is required (the steps of the (to-be) process, by id, including the steps that requirements add). Add "steps:" at the top level.',
      '文件缺少必填的顶层键“steps”（（目标）流程的步骤，以 id 为键，包括需求新增的步骤）。请在顶层添加“steps:”。',
    ],
    'schema/required missingRole': [
      'Step "t1" has no "role": a task or decision step must name the role whose lane it is in (a step without "type" is a task). Add "role: <role id>".',
      '步骤“t1”缺少“role”：task 和 decision 步骤必须指明所在泳道的角色（未写“type”的步骤即为 task）。请添加“role: <角色 id>”。',
    ],
    'schema/required missingKey': ['"process" is missing the required key "name". Add "name: …".', '“process”缺少必填键“name”。请添加“name: …”。'],
    'schema/id badIdSuggest': [
      'Attribute name "sla hours" is not valid: it must start with a Latin letter and contain only letters, digits, "_" and "-". Did you mean "sla-hours"?',
      '属性名“sla hours”无效：必须以英文字母开头，且只能包含字母、数字、“_”和“-”。是否想写“sla-hours”？',
    ],
    'schema/id badIdNonAscii': [
      'Role id "结束" is not valid: it must start with a Latin letter and contain only letters, digits, "_" and "-". Use a short Latin id as the key and put "结束" in "name".',
      '角色 id“结束”无效：必须以英文字母开头，且只能包含字母、数字、“_”和“-”。请改用简短的英文 id 作为键，把“结束”写在“name”中。',
    ],
    'schema/id badId': [
      'Requirement id "1st" is not valid: it must start with a Latin letter and contain only letters, digits, "_" and "-".',
      '需求 id“1st”无效：必须以英文字母开头，且只能包含字母、数字、“_”和“-”。',
    ],
    'schema/id setsKeyNoDot': [
      'Key "mode" in "sets" of requirement "1st" is not valid: it has no dot; write "<step-id>.<attribute>", e.g. "mode.mode".',
      '需求“1st”的“sets”中键“mode”无效：缺少点号；请写成“<步骤 id>.<属性>”，如“mode.mode”。',
    ],
    'schema/id setsKeyBadParts': [
      'Key "s1." in "sets" of requirement "1st" is not valid: both the step id and the attribute name must start with a Latin letter and contain only letters, digits, "_" and "-", separated by one dot.',
      '需求“1st”的“sets”中键“s1.”无效：步骤 id 和属性名都必须以英文字母开头，只含字母、数字、“_”和“-”，中间用一个点号分隔。',
    ],
    'schema/id itemKeyNotPlain': [
      'A requirement needs a plain id as its key (letters, digits, "_" and "-", starting with a letter).',
      '需求的键必须是简单的 id（字母、数字、“_”和“-”，以字母开头）。',
    ],
    'schema/id attributeKeyNotPlain': ['An attribute needs a plain name as its key.', '属性的键必须是简单的名称。'],
    'schema/id setsKeyNotPlain': ['A "sets" key must be written "<step-id>.<attribute>".', '“sets”的键必须写成“<步骤 id>.<属性>”。'],
  };
  const SCHEMA_CODES = ['schema/required', 'schema/type', 'schema/enum', 'schema/unknown-key', 'schema/id'];

  function firstSentences(locale: Locale): Map<string, string> {
    const out = new Map<string, string>();
    for (const text of FILES) {
      analyze(text, {
        locale,
        onReport: (d, m) => {
          const k = `${d.code} ${m.messageId}`;
          if (SCHEMA_CODES.includes(d.code) && !out.has(k)) out.set(k, d.message);
        },
      });
    }
    return out;
  }

  it('every message id of the five schema rules has its sentence here', () => {
    const ids = SCHEMA_CODES.flatMap((c) => Object.keys(RULES_BY_CODE.get(c)!.meta.messages).map((id) => `${c} ${id}`));
    assert.deepEqual(ids.filter((k) => !(k in WORDING)), []);
  });

  for (const [locale, i] of [['en', 0], ['zh-CN', 1]] as const) {
    it(`in ${locale === 'en' ? 'English' : 'Chinese'}`, () => {
      const found = firstSentences(locale);
      for (const [k, texts] of Object.entries(WORDING)) assert.equal(found.get(k), texts[i], k);
    });
  }
});

/** The conflicts the examples do not have: a removed step others name, a rejected dependency, a priority inversion. */
const CONFLICTS = `bizflow: 1
process:
  name: P
  owner: boss
roles:
  boss:
    name: Boss
  sales:
    name: 销售
steps:
  s1:
    name: Start
    type: start
    role: sales
    next: s2
  s2:
    name: Work
    role: sales
    next: e1
  e1:
    name: End
    type: end
requirements:
  REQ-1:
    title: Drop the work
    from: sales
    priority: must
    removes: [s2]
    depends: [REQ-3, REQ-4]
  REQ-2:
    title: Keep the work
    from: boss
    priority: should
    steps: [s2]
    sets:
      s2.mode: fast
    decidedBy: boss
  REQ-3:
    title: Rejected
    from: sales
    priority: must
    status: rejected
    steps: [s1]
  REQ-4:
    title: Nice to have
    from: sales
    priority: could
    steps: [s1]
`;
