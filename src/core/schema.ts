/**
 * The BizFlow format as data: every section and key, its type, whether it is
 * required, its allowed words and a short description in English and Chinese.
 *
 * Used by the schema rules (through `schemaFindings`, one memoised walk per
 * model), by editor completion and hover (`keysFor`, `contextOf`,
 * `describeKey`) and to generate the JSON Schema for yaml-language-server
 * (`toJsonSchema`). Pure TypeScript: no editor or Node API.
 */
import { isAlias as yIsAlias, isMap as yIsMap, isPair as yIsPair, isScalar as yIsScalar, isSeq as yIsSeq } from 'yaml';
import type { Pair, Scalar, YAMLMap } from 'yaml';
import { didYouMean, pick, q, type Texts } from './i18n';
import {
  ID_PATTERN,
  PRIORITIES,
  SEVERITY_WORDS,
  STATUSES,
  STEP_TYPES,
  innerSpan,
  rangeSpan,
  scalarText,
  type Model,
  type StepType,
} from './model';
import { deref } from './parse';
import { RULES, RULES_BY_CODE } from './rules/index';
import { nearest } from './suggest';
import type { DiagnosticData, Locale, RelatedInfo, Span } from './types';

// yaml's type guards, bound once: through yaml's CommonJS build (tsx, the unit
// tests) a call goes through a re-export getter, and the walks below call them for every node.
// Named imports, not `import * as`: a namespace object would keep all of yaml
// in the extension bundle (esbuild cannot drop what it might reach).
const isAlias = yIsAlias, isMap = yIsMap, isPair = yIsPair, isScalar = yIsScalar, isSeq = yIsSeq;

// ---------------------------------------------------------------------------
// The format

/** A map whose keys are fixed by the format. */
export type Context = 'top' | 'process' | 'role' | 'data' | 'step' | 'requirement';
/** The kinds of things that have ids (the keys of the four id maps). */
export type ItemKind = 'role' | 'data' | 'step' | 'requirement';

export type ValueType =
  /** Text (a number is accepted too: `name: 2024`). */
  | { kind: 'string' }
  | { kind: 'integer'; const?: number }
  /** `true` / `false` (YAML 1.2: `yes`/`no`/`on`/`off` are text). */
  | { kind: 'boolean' }
  | { kind: 'enum'; values: readonly string[]; default?: string }
  /** The id of a role, step, data item or requirement. */
  | { kind: 'ref'; to: ItemKind }
  | { kind: 'refList'; to: ItemKind }
  | { kind: 'stringList' }
  /** A map with its own fixed keys (`process`). */
  | { kind: 'object'; context: Context }
  /** A map id → item (`roles`, `data`, `steps`, `requirements`). */
  | { kind: 'items'; item: ItemKind }
  /** A map attribute name → scalar (`attributes`). */
  | { kind: 'scalarMap' }
  /** A map `"<step-id>.<attribute>"` → scalar (`sets`). */
  | { kind: 'sets' }
  /** A step id or a list of step ids; on a `decision`, a map branch label → step id. */
  | { kind: 'next' }
  /** A map rule code → `off` | `info` | `warning` | `error` (`rules`). */
  | { kind: 'ruleMap' };

export interface KeySpec {
  readonly key: string;
  readonly context: Context;
  readonly type: ValueType;
  /** Always required. */
  readonly required: boolean;
  /** Required only on steps of these types (`role`); a step without `type` is a `task`. */
  readonly requiredForTypes?: readonly StepType[];
  readonly description: Texts;
}

export interface ContextSpec {
  readonly context: Context;
  /** What a map of this context is. */
  readonly description: Texts;
  readonly keys: readonly KeySpec[];
}

export interface ItemSpec {
  /** "role" / "角色", for messages. */
  readonly label: Texts;
  /** "role ids" / "角色 id", for messages. */
  readonly ids: Texts;
}

export const ITEMS: Readonly<Record<ItemKind, ItemSpec>> = {
  role: { label: { en: 'role', zh: '角色' }, ids: { en: 'role ids', zh: '角色 id' } },
  data: { label: { en: 'data item', zh: '数据项' }, ids: { en: 'data ids', zh: '数据 id' } },
  step: { label: { en: 'step', zh: '步骤' }, ids: { en: 'step ids', zh: '步骤 id' } },
  requirement: { label: { en: 'requirement', zh: '需求' }, ids: { en: 'requirement ids', zh: '需求 id' } },
};

/** The pattern of an id (and of an attribute name), as JSON Schema source text. */
export const ID_PATTERN_SOURCE = ID_PATTERN.source;
/** A `sets` key: `<step-id>.<attribute>`. */
export const SETS_KEY_PATTERN = new RegExp(`^${ID_PATTERN_SOURCE.slice(1, -1)}\\.${ID_PATTERN_SOURCE.slice(1, -1)}$`);

type K = Omit<KeySpec, 'context'>;

const REQUIRED = true;

/** One key of a context: its name, type, description in English and in Chinese, and whether it is always required. */
function key(key: string, type: ValueType, en: string, zh: string, required = false): K {
  return { key, type, required, description: { en, zh } };
}

function keys(context: Context, list: K[]): KeySpec[] {
  return list.map((k) => Object.freeze({ ...k, context }));
}

// the types most keys have
const TEXT: ValueType = { kind: 'string' };
const TEXTS: ValueType = { kind: 'stringList' };
const ROLE_ID: ValueType = { kind: 'ref', to: 'role' };
const STEP_IDS: ValueType = { kind: 'refList', to: 'step' };
const DATA_IDS: ValueType = { kind: 'refList', to: 'data' };
const REQUIREMENT_IDS: ValueType = { kind: 'refList', to: 'requirement' };

const TOP = keys('top', [
  key('bizflow', { kind: 'integer', const: 1 }, 'Format version of this file; must be 1.', '文件格式版本，必须为 1。', REQUIRED),
  key(
    'process',
    { kind: 'object', context: 'process' },
    'The process this file describes: its name, id, owner and description.',
    '本文件描述的流程：名称、id、负责人和说明。',
    REQUIRED,
  ),
  key(
    'roles',
    { kind: 'items', item: 'role' },
    'The roles (swimlanes): departments or positions that take part in the process, by id.',
    '参与流程的角色（泳道）：部门或岗位，以 id 为键。',
    REQUIRED,
  ),
  key(
    'data',
    { kind: 'items', item: 'data' },
    'Data dictionary, by id. When present, every data id used in `needs`/`produces` must be declared here.',
    '数据字典，以 id 为键。一旦写了它，`needs`/`produces` 中用到的每个数据 id 都必须在此声明。',
  ),
  key(
    'steps',
    { kind: 'items', item: 'step' },
    'The steps of the (to-be) process, by id, including the steps that requirements add.',
    '（目标）流程的步骤，以 id 为键，包括需求新增的步骤。',
    REQUIRED,
  ),
  key('requirements', { kind: 'items', item: 'requirement' }, "Stakeholders' requirements, by id (e.g. REQ-001).", '各干系人提出的需求，以 id 为键（如 REQ-001）。'),
  key(
    'rules',
    { kind: 'ruleMap' },
    'Severity overrides for this file: rule code → off, info, warning or error.',
    '本文件的规则级别覆盖：规则代码 → off、info、warning 或 error。',
  ),
]);

const PROCESS = keys('process', [
  key('name', TEXT, 'Display name of the process, e.g. 订单履约流程.', '流程的显示名称，如“订单履约流程”。', REQUIRED),
  key('id', TEXT, 'Short technical id of the process, e.g. order-fulfilment.', '流程的简短技术 id，如 order-fulfilment。'),
  key('owner', ROLE_ID, 'The role accountable for the whole process (a role id).', '对整个流程负责的角色（角色 id）。'),
  key('description', TEXT, 'What the process covers, in a sentence or two.', '流程范围的简要说明。'),
]);

const ROLE = keys('role', [
  key('name', TEXT, 'Display name of the role, e.g. 销售.', '角色的显示名称，如“销售”。', REQUIRED),
  key('department', TEXT, 'The department the role belongs to.', '角色所属的部门。'),
  key('concerns', TEXTS, 'What this role cares about most (its business focus), as a list of short phrases.', '该角色最关心的事（业务关注点），写成短语列表。'),
  key('needs', DATA_IDS, 'Data this role must be able to see (a list of data ids).', '该角色必须能看到的数据（数据 id 列表）。'),
]);

const DATA = keys('data', [
  key('name', TEXT, 'Display name of the data, e.g. 采购订单.', '数据的显示名称，如“采购订单”。'),
  key('owner', ROLE_ID, 'The role accountable for this data (a role id).', '对该数据负责的角色（角色 id）。'),
  key(
    'external',
    { kind: 'boolean' },
    'true when the data comes from outside the process, so no step needs to produce it.',
    '为 true 表示数据来自流程外部，无需由任何步骤产生。',
  ),
]);

const STEP = keys('step', [
  key('name', TEXT, 'Display name of the step, e.g. 信用审核.', '步骤的显示名称，如“信用审核”。', REQUIRED),
  key(
    'type',
    { kind: 'enum', values: STEP_TYPES, default: 'task' },
    'start, task, decision or end; a step without type is a task.',
    'start、task、decision 或 end；不写时为 task。',
  ),
  {
    ...key(
      'role',
      ROLE_ID,
      'The role whose lane the step is in (a role id); required for task and decision steps.',
      '步骤所在泳道的角色（角色 id）；task 和 decision 步骤必填。',
    ),
    requiredForTypes: ['task', 'decision'],
  },
  key('needs', DATA_IDS, 'Data the step consumes (a list of data ids).', '该步骤使用的数据（数据 id 列表）。'),
  key('produces', DATA_IDS, 'Data the step creates or updates (a list of data ids).', '该步骤创建或更新的数据（数据 id 列表）。'),
  key(
    'attributes',
    { kind: 'scalarMap' },
    'How the step works today, as name: value pairs (e.g. mode: manual, approver: director, sla: 24h).',
    '该步骤当前的做法，写成“名称: 值”（如 mode: manual、approver: director、sla: 24h）。',
  ),
  key(
    'next',
    { kind: 'next' },
    'Where the flow goes: a step id, a list of step ids (parallel), or on a decision a map branch label → step id. End steps have none.',
    '流程的去向：一个步骤 id、步骤 id 列表（并行），或（仅 decision）分支标签 → 步骤 id 的映射。end 步骤不写。',
  ),
]);

const REQUIREMENT = keys('requirement', [
  key('title', TEXT, 'The requirement in one line.', '一句话描述需求。', REQUIRED),
  key('from', ROLE_ID, 'The stakeholder who asked for it (a role id).', '提出需求的干系人（角色 id）。', REQUIRED),
  key(
    'priority',
    { kind: 'enum', values: PRIORITIES },
    'MoSCoW priority: must, should, could or wont.',
    'MoSCoW 优先级：must、should、could 或 wont。',
    REQUIRED,
  ),
  key(
    'status',
    { kind: 'enum', values: STATUSES, default: 'proposed' },
    'proposed (default), accepted, rejected or done; every status but rejected is live.',
    'proposed（默认）、accepted、rejected 或 done；除 rejected 外都视为有效。',
  ),
  key('steps', STEP_IDS, 'Steps this requirement is about (a list of step ids).', '该需求涉及的步骤（步骤 id 列表）。'),
  key(
    'sets',
    { kind: 'sets' },
    'How the requirement wants a step to work: "<step-id>.<attribute>": value (e.g. pick.mode: automatic).',
    '需求希望步骤如何运作：“<步骤 id>.<属性>”: 值（如 pick.mode: automatic）。',
  ),
  key('adds', STEP_IDS, 'Steps this requirement introduces (step ids; define them under steps:).', '该需求新增的步骤（步骤 id；需在 steps: 下定义）。'),
  key('removes', STEP_IDS, 'Steps this requirement wants gone (a list of step ids).', '该需求希望去掉的步骤（步骤 id 列表）。'),
  key('agreed', { kind: 'refList', to: 'role' }, 'Roles that have signed off on this requirement (role ids).', '已确认同意该需求的角色（角色 id 列表）。'),
  key('depends', REQUIREMENT_IDS, 'Requirements this one needs (requirement ids).', '该需求所依赖的需求（需求 id 列表）。'),
  key(
    'overrides',
    REQUIREMENT_IDS,
    'A recorded decision: where this requirement and these clash, this one wins (requirement ids).',
    '已记录的决定：与这些需求冲突时以本需求为准（需求 id 列表）。',
  ),
  key('decidedBy', ROLE_ID, 'Who made the overrides decision (a role id).', '做出 overrides 决定的角色（角色 id）。'),
  key('rationale', TEXT, 'Why (the reason for the requirement or the decision).', '理由（需求或决定的原因）。'),
  key('acceptance', TEXTS, 'Acceptance criteria, one per list entry.', '验收标准，每条一项。'),
]);

/** The whole format: the fixed keys of every kind of map. */
export const FORMAT: Readonly<Record<Context, ContextSpec>> = Object.freeze({
  top: {
    context: 'top',
    description: { en: 'A BizFlow process file (format version 1).', zh: 'BizFlow 流程文件（格式版本 1）。' },
    keys: TOP,
  },
  process: { context: 'process', description: TOP[1].description, keys: PROCESS },
  role: {
    context: 'role',
    description: { en: 'A role (swimlane): a department or position.', zh: '角色（泳道）：一个部门或岗位。' },
    keys: ROLE,
  },
  data: {
    context: 'data',
    description: { en: 'A data item of the data dictionary.', zh: '数据字典中的一项数据。' },
    keys: DATA,
  },
  step: {
    context: 'step',
    description: { en: 'A step of the process, in the lane of one role.', zh: '流程中的一个步骤，位于某个角色的泳道中。' },
    keys: STEP,
  },
  requirement: {
    context: 'requirement',
    description: { en: "A stakeholder's requirement.", zh: '某个干系人提出的需求。' },
    keys: REQUIREMENT,
  },
});

/** Position of each key in its context's `keys`. */
const KEY_POSITION: Readonly<Record<Context, ReadonlyMap<string, number>>> = Object.fromEntries(
  (Object.keys(FORMAT) as Context[]).map((c) => [c, new Map(FORMAT[c].keys.map((k, i) => [k.key, i]))]),
) as unknown as Record<Context, ReadonlyMap<string, number>>;

/** The keys a map of this context may have, in the order of the specification. */
export function keysFor(context: Context): readonly KeySpec[] {
  return FORMAT[context]?.keys ?? [];
}

/** The specification of one key of a context. */
export function keySpec(context: Context, key: string): KeySpec | undefined {
  const i = KEY_POSITION[context]?.get(key);
  return i === undefined ? undefined : FORMAT[context].keys[i];
}

/** Whether the key must be present on a map of this context (`stepType` for steps: absent means `task`). */
export function isRequired(spec: KeySpec, stepType?: StepType): boolean {
  if (spec.required) return true;
  return !!spec.requiredForTypes && stepType !== undefined && spec.requiredForTypes.includes(stepType);
}

/**
 * The context of the map found at a path of keys from the document root:
 * `[]` → top, `['process']` → process, `['steps', 'pick']` → step, …
 * `undefined` for maps whose keys are free (ids, attributes, rule codes) or unknown paths.
 */
export function contextOf(path: readonly (string | number)[]): Context | undefined {
  if (path.length === 0) return 'top';
  const top = keySpec('top', String(path[0]));
  if (!top) return undefined;
  if (top.type.kind === 'object') return path.length === 1 ? top.type.context : undefined;
  if (top.type.kind === 'items') return path.length === 2 ? top.type.item : undefined;
  return undefined;
}

/** The specification of the key at the end of a path (`['steps', 'pick', 'role']`), if the format knows it. */
export function describeKey(path: readonly (string | number)[]): KeySpec | undefined {
  if (path.length === 0) return undefined;
  const context = contextOf(path.slice(0, -1));
  return context ? keySpec(context, String(path[path.length - 1])) : undefined;
}

/** Rule codes a `rules:` map accepts. */
export function ruleCodes(): string[] {
  return RULES.map((r) => r.code);
}

// ---------------------------------------------------------------------------
// Words for messages

/** A pair of texts built with each locale's quoting. */
function tx(en: (qq: (s: string) => string) => string, zh: (qq: (s: string) => string) => string): Texts {
  return { en: en((s) => q('en', s)), zh: zh((s) => q('zh-CN', s)) };
}

/** What a value of each type with no parameters is, in words. */
const TYPE_WORDS: Partial<Record<ValueType['kind'], Texts>> = {
  string: { en: 'text', zh: '文本' },
  integer: { en: 'a whole number', zh: '整数' },
  boolean: { en: 'true or false', zh: '布尔值 true 或 false' },
  stringList: { en: 'a list of texts', zh: '文本列表' },
  object: { en: 'a map of keys', zh: '键值映射' },
  scalarMap: { en: 'a map of attribute name → value', zh: '属性名 → 值的映射' },
  sets: { en: 'a map of "<step-id>.<attribute>" → value', zh: '“<步骤 id>.<属性>” → 值的映射' },
  next: { en: 'a step id or a list of step ids', zh: '步骤 id 或步骤 id 列表' },
  ruleMap: { en: 'a map of rule code → off, info, warning or error', zh: '规则代码 → off、info、warning 或 error 的映射' },
};

/** What a value of this type is, in words: "a list of data ids". */
export function typeLabel(type: ValueType): Texts {
  switch (type.kind) {
    case 'enum':
      return { en: `one of ${type.values.join(', ')}`, zh: `以下之一：${type.values.join('、')}` };
    case 'ref': {
      const l = ITEMS[type.to].label;
      return { en: `a ${l.en} id`, zh: `${l.zh} id` };
    }
    case 'refList': {
      const ids = ITEMS[type.to].ids;
      return { en: `a list of ${ids.en}`, zh: `${ids.zh} 列表` };
    }
    case 'items': {
      const l = ITEMS[type.item].label;
      return { en: `a map of ${l.en} id → ${l.en}`, zh: `${l.zh} id → ${l.zh}的映射` };
    }
    default:
      return TYPE_WORDS[type.kind]!;
  }
}

function clip(s: string, max = 40): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > max ? one.slice(0, max - 1) + '…' : one;
}

/** What a node is, in words: "a list", "the number 3", "nothing". */
function actualLabel(node: unknown): Texts {
  if (node === undefined || node === null) return { en: 'nothing', zh: '空值' };
  if (isSeq(node)) return { en: 'a list', zh: '列表' };
  if (isMap(node)) return { en: 'a map', zh: '映射' };
  if (isScalar(node)) {
    const v = node.value;
    if (v === null || v === undefined) return { en: 'nothing', zh: '空值' };
    if (typeof v === 'boolean') return { en: `the boolean ${v}`, zh: `布尔值 ${v}` };
    if (typeof v === 'number' || typeof v === 'bigint') {
      const s = scalarText(node) ?? String(v);
      return { en: `the number ${s}`, zh: `数字 ${s}` };
    }
    const s = clip(String(v));
    return tx((qq) => `the text ${qq(s)}`, (qq) => `文本${qq(s)}`);
  }
  return { en: 'something else', zh: '其他内容' };
}

/** Where a key sits, for messages. */
type Where = { kind: 'top' } | { kind: 'process' } | { kind: 'item'; item: ItemKind; id: string } | { kind: 'rules' };

/** `"process"` / `step "pick"`: the map a key is in (below the top level), for messages. */
function whereName(where: Exclude<Where, { kind: 'top' }>): Texts {
  if (where.kind !== 'item') return tx((qq) => qq(where.kind), (qq) => qq(where.kind));
  const l = ITEMS[where.item].label;
  return tx((qq) => `${l.en} ${qq(where.id)}`, (qq) => `${l.zh}${qq(where.id)}`);
}

/** `"needs" of step "pick"` / `步骤“pick”的“needs”` */
function keyAt(where: Where, key: string): Texts {
  if (where.kind === 'top') return tx((qq) => qq(key), (qq) => qq(key));
  if (where.kind === 'rules') return tx((qq) => `rule ${qq(key)} in ${qq('rules')}`, (qq) => `${qq('rules')}中规则${qq(key)}`);
  const w = whereName(where);
  return tx((qq) => `${qq(key)} of ${w.en}`, (qq) => `${w.zh}的${qq(key)}`);
}

/** `in step "pick"` / `步骤“pick”中` */
function inWhere(where: Where): Texts {
  if (where.kind === 'top') return { en: 'at the top level', zh: '顶层' };
  const w = whereName(where);
  return { en: `in ${w.en}`, zh: `${w.zh}中` };
}

/** Two texts one after the other (`b` may be absent). */
function plus(a: Texts, b: Texts | undefined): Texts {
  return b ? { en: a.en + b.en, zh: a.zh + b.zh } : a;
}

/** `entry 2 of "needs" of step "pick"`: entry `i` (from 0) of a list. */
function entryOf(what: Texts, i: number): Texts {
  return { en: `entry ${i + 1} of ${what.en}`, zh: `${what.zh}的第 ${i + 1} 项` };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A nearby allowed word: edit distance, then a unique prefix (`warn` → `warning`), then a suffix for rule codes. */
export function suggestWord(value: string, allowed: readonly string[]): string | undefined {
  const n = nearest(value, allowed);
  if (n) return n;
  const lower = value.toLowerCase();
  if (lower.length >= 2) {
    const pre = allowed.filter((a) => a.toLowerCase().startsWith(lower));
    if (pre.length === 1) return pre[0];
    const suf = allowed.filter((a) => a.toLowerCase().endsWith('/' + lower));
    if (suf.length === 1) return suf[0];
    const near = allowed.filter((a) => a.includes('/') && nearest(lower, [a.slice(a.indexOf('/') + 1)]) !== undefined);
    if (near.length === 1) return near[0];
  }
  return undefined;
}

/** A valid id close to an invalid one (`credit check` → `credit-check`), when there is an obvious one. */
export function suggestId(id: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  if (!/^[\x00-\x7f]*$/.test(id)) return undefined;
  const s = id
    .trim()
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s !== id && ID_PATTERN.test(s) ? s : undefined;
}

// ---------------------------------------------------------------------------
// The schema walk: one pass over the YAML document per model, memoised.

export type SchemaCode = 'schema/required' | 'schema/type' | 'schema/enum' | 'schema/unknown-key' | 'schema/id';

export interface SchemaFinding {
  span: Span;
  message: Texts;
  data?: DiagnosticData;
}

export type SchemaFindings = Readonly<Record<SchemaCode, readonly SchemaFinding[]>>;

interface Walks {
  findings: SchemaFindings;
  tree: YamlTreeFacts;
}

const walksCache = new WeakMap<Model, Walks>();

/**
 * Both walks of a model, done once: the schema walk, which also walks the
 * YAML tree of each item as it checks it (while the item's nodes are fresh
 * in the processor's caches), then the tree walk of everything else.
 */
function walks(model: Model): Walks {
  let w = walksCache.get(model);
  if (!w) {
    const tree = new TreeWalk(model);
    const findings = new SchemaWalk(model, tree).run();
    tree.walk(model.parsed.doc?.contents, undefined);
    w = { findings, tree: tree.facts };
    walksCache.set(model, w);
  }
  return w;
}

/** Everything the schema rules report for a model, computed once per model. */
export function schemaFindings(model: Model): SchemaFindings {
  return walks(model).findings;
}

/**
 * Where "the document start" is for diagnostics about the whole file (a
 * missing `bizflow` or top-level key): an empty span at the start of the
 * first top-level key, i.e. after any leading comments, or at offset 0 when
 * the document has no content.
 */
export function documentStart(model: Model): Span {
  const doc = model.parsed.doc;
  const contents = model.root ?? (doc ? doc.contents : undefined);
  const s = rangeSpan(contents, model.parsed.text);
  const at = s && s.end > s.start ? s.start : 0;
  return { start: at, end: at };
}

/** The effective type of a step map: `task` when absent, `undefined` when not a known type. */
function stepTypeOf(map: YAMLMap, doc: Model['parsed']['doc']): StepType | undefined {
  for (const p of map.items as Pair[]) {
    if (!isPair(p) || scalarText(p.key) !== 'type') continue;
    const v = deref(doc, p.value);
    const t = isScalar(v) && typeof v.value === 'string' ? v.value : undefined;
    return (STEP_TYPES as readonly string[]).includes(t ?? '') ? (t as StepType) : undefined;
  }
  return 'task';
}

function isNullNode(node: unknown): boolean {
  return node === null || (isScalar(node) && (node.value === null || node.value === undefined));
}

/** A scalar usable as text or id: a string or a number (not a boolean, not null). */
function isTextScalar(node: unknown): node is Scalar {
  if (!isScalar(node)) return false;
  const t = typeof node.value;
  return t === 'string' || t === 'number' || t === 'bigint';
}

/**
 * Where the findings about a map with fixed keys are anchored (a missing key)
 * and what its keys' spans fall back on: a span, or the item pair whose key
 * span it is, computed only if something is reported.
 */
type Anchor = Span | Pair;

/** `{ kind: 'ref', to: 'step' }`: the type of one target of `next`. */
const STEP_REF: ValueType = { kind: 'ref', to: 'step' };

/**
 * The walk does no work for what is valid beyond checking it: spans and
 * texts for messages are built only when something is reported, and
 * collections are tracked (`once`) only when the document may have aliases,
 * since only then can the walk reach a node twice.
 */
class SchemaWalk {
  private readonly text: string;
  private readonly doc: Model['parsed']['doc'];
  private readonly out: Record<SchemaCode, SchemaFinding[]> = {
    'schema/required': [],
    'schema/type': [],
    'schema/enum': [],
    'schema/unknown-key': [],
    'schema/id': [],
  };
  /** Collections already checked in a given role (an alias may name one many times). */
  private readonly seen = new Map<string, WeakSet<object>>();
  /** The document may have aliases (its text has a `*`), so a node may be reached more than once. */
  private readonly shared: boolean;

  constructor(
    private readonly model: Model,
    private readonly tree: TreeWalk,
  ) {
    this.text = model.parsed.text;
    this.doc = model.parsed.doc;
    this.shared = this.text.includes('*');
  }

  run(): SchemaFindings {
    try {
      this.walk();
    } catch {
      // never throw: what was found so far is still worth reporting
    }
    return this.out;
  }

  private add(code: SchemaCode, span: Span, message: Texts, data?: DiagnosticData): void {
    const f: SchemaFinding = { span, message };
    if (data) f.data = data;
    this.out[code].push(f);
  }

  /** First visit of `node` under `tag`? (Always, when no node can be reached twice.) */
  private once(node: unknown, tag: string): boolean {
    if (!this.shared || !node || typeof node !== 'object') return true;
    let set = this.seen.get(tag);
    if (!set) this.seen.set(tag, (set = new WeakSet()));
    if (set.has(node)) return false;
    set.add(node);
    return true;
  }

  private span(node: unknown, fallback?: Span): Span {
    const s = rangeSpan(node, this.text);
    if (s && s.end > s.start) return s;
    return fallback ?? s ?? { start: 0, end: 0 };
  }

  /** Span of a key's text (without quotes). */
  private keySpan(key: unknown, fallback: Span): Span {
    if (isScalar(key)) {
      const s = innerSpan(key, this.text);
      if (s.end > s.start) return s;
    }
    return this.span(key, fallback);
  }

  /** `keySpan` of a pair's key, falling back on its value's span, then on `anchor`; computed only when needed. */
  private pairKeySpan(p: Pair, anchor: Anchor | undefined): Span {
    const key = p.key;
    if (isScalar(key)) {
      const s = innerSpan(key, this.text);
      if (s.end > s.start) return s;
    }
    return this.span(key, this.span(p.value, anchor && this.at(anchor)));
  }

  /** The text of a span, on one line and clipped, to name it in a message. */
  private clipped(span: Span): string {
    return clip(this.text.slice(span.start, span.end));
  }

  /** The span of an anchor. */
  private at(anchor: Anchor): Span {
    return isPair(anchor) ? this.pairKeySpan(anchor, undefined) : anchor;
  }

  private walk(): void {
    const { model, doc } = this;
    if (!doc) return;
    const root = model.root;
    if (!root) {
      const contents = deref(doc, doc.contents);
      if (contents && !isNullNode(contents)) {
        const actual = actualLabel(contents);
        this.add(
          'schema/type',
          this.span(doc.contents),
          {
            en: `A BizFlow file must be a map of top-level keys (bizflow, process, roles, steps, …), but this document is ${actual.en}.`,
            zh: `BizFlow 文件必须是由顶层键（bizflow、process、roles、steps 等）组成的映射，但此文档是${actual.zh}。`,
          },
          { expected: 'map' },
        );
      }
      return;
    }
    this.fields(root, 'top', { kind: 'top' }, documentStart(model), undefined);
  }

  /**
   * Checks the keys of a map with fixed keys: unknown keys, each value, and
   * (anchored on `anchor`) the required keys that are missing.
   */
  private fields(map: YAMLMap | undefined, context: Context, where: Where, anchor: Anchor, stepType: StepType | undefined): void {
    const specs = keysFor(context);
    const positions = KEY_POSITION[context];
    // keys of the format present in the map, as bits of their position in `specs`
    let present = 0;
    const firstVisit = !this.shared || this.once(map, 'fields:' + context + ':' + (stepType ?? ''));
    if (map) {
      const pairs = map.items as unknown[];
      for (let k = 0; k < pairs.length; k++) {
        const p = pairs[k];
        if (!isPair(p)) continue;
        const keyNode = p.key;
        const key = scalarText(keyNode);
        const i = key === undefined ? undefined : positions.get(key);
        if (i !== undefined) present |= 1 << i;
        if (!firstVisit) continue;
        if (i === undefined || !isScalar(keyNode)) {
          // a key the format does not know, or not a plain key (named by its text)
          const fallback = this.span(p.value, this.at(anchor));
          this.unknownKey(keyNode, key ?? this.clipped(this.span(keyNode, fallback)), context, where, fallback);
          continue;
        }
        if (context === 'top' && key === 'bizflow') continue; // schema/version's business
        this.value(specs[i], p, anchor, where, stepType);
      }
    }
    for (let i = 0; i < specs.length; i++) {
      if (present & (1 << i)) continue;
      const spec = specs[i];
      if (!isRequired(spec, stepType)) continue;
      if (context === 'top' && spec.key === 'bizflow') continue; // schema/version reports it
      this.missing(spec, where, this.at(anchor));
    }
  }

  private unknownKey(keyNode: unknown, key: string, context: Context, where: Where, fallback: Span): void {
    const candidates = keysFor(context).map((k) => k.key);
    const suggestion = suggestWord(key, candidates);
    const w = inWhere(where);
    const head =
      where.kind === 'top'
        ? tx((qq) => `Unknown top-level key ${qq(key)}.`, (qq) => `未知的顶层键${qq(key)}。`)
        : tx((qq) => `Unknown key ${qq(key)} ${w.en}.`, (qq) => `${w.zh}有未知键${qq(key)}。`);
    const hint = suggestion
      ? didYouMean(suggestion)
      : { en: ` Keys allowed here: ${candidates.join(', ')}.`, zh: `此处可用的键：${candidates.join('、')}。` };
    const data: DiagnosticData = { name: key };
    if (suggestion) data.suggestion = suggestion;
    this.add('schema/unknown-key', this.keySpan(keyNode, fallback), plus(head, hint), data);
  }

  private missing(spec: KeySpec, where: Where, anchor: Span): void {
    let message: Texts;
    const k = spec.key;
    const placeholder = placeholderFor(spec.type);
    if (where.kind === 'top') {
      const desc = spec.description;
      message = tx(
        (qq) => `The file has no ${qq(k)}, which is required (${lowerFirst(desc.en).replace(/\.$/, '')}). Add ${qq(`${k}:`)} at the top level.`,
        (qq) => `文件缺少必填的顶层键${qq(k)}（${desc.zh.replace(/。$/, '')}）。请在顶层添加${qq(`${k}:`)}。`,
      );
    } else if (where.kind === 'item' && where.item === 'step' && k === 'role') {
      message = tx(
        (qq) =>
          `Step ${qq(where.id)} has no ${qq('role')}: a task or decision step must name the role whose lane it is in (a step without ${qq('type')} is a task). Add ${qq('role: <role id>')}.`,
        (qq) =>
          `步骤${qq(where.id)}缺少${qq('role')}：task 和 decision 步骤必须指明所在泳道的角色（未写${qq('type')}的步骤即为 task）。请添加${qq('role: <角色 id>')}。`,
      );
    } else {
      const w = whereName(where as Exclude<Where, { kind: 'top' }>);
      message = tx(
        (qq) => `${cap(w.en)} is missing the required key ${qq(k)}. Add ${qq(`${k}: ${placeholder.en}`)}.`,
        (qq) => `${w.zh}缺少必填键${qq(k)}。请添加${qq(`${k}: ${placeholder.zh}`)}。`,
      );
    }
    const data: DiagnosticData = { key: k };
    if (where.kind === 'item') data.name = where.id;
    this.add('schema/required', anchor, message, data);
  }

  /** `raw` is the value as written (maybe an alias): the span is its place, the words describe what it names. */
  /** `key`: the first key of the map expected (an item that is not a map), for quick fixes. */
  private typeError(raw: unknown, keySpan: Span, what: Texts, expected: Texts, expectedToken: string, hint?: Texts, key?: string): void {
    const actual = actualLabel(deref(this.doc, raw));
    const message = {
      en: `${cap(what.en)} must be ${expected.en}, but it is ${actual.en}.${hint ? ' ' + hint.en : ''}`,
      zh: `${what.zh}应为${expected.zh}，但这里是${actual.zh}。${hint ? hint.zh : ''}`,
    };
    this.add('schema/type', this.span(raw, keySpan), message, key === undefined ? { expected: expectedToken } : { expected: expectedToken, key });
  }

  private noValue(keySpan: Span, valueNode: unknown, what: Texts, type: ValueType): void {
    const expected = typeLabel(type);
    this.add(
      'schema/type',
      this.span(valueNode, keySpan),
      {
        en: `${cap(what.en)} has no value: write ${expected.en} after the colon, or remove the key.`,
        zh: `${what.zh}没有值：请在冒号后写上${expected.zh}；或删除该键。`,
      },
      { expected: tokenOf(type) },
    );
  }

  /**
   * Checks one value (of pair `p`, in a map anchored on `anchor`) against its
   * key's type. The key's span and the words for the key are built only when
   * something is reported.
   */
  private value(spec: KeySpec, p: Pair, anchor: Anchor, where: Where, stepType: StepType | undefined): void {
    const raw = p.value;
    const node = isAlias(raw) ? deref(this.doc, raw) : raw;
    if (node === undefined && isAlias(raw)) return; // an unresolved alias: yaml/syntax reports it
    const type = spec.type;
    switch (type.kind) {
      case 'string':
      case 'ref':
        if (isTextScalar(node)) return;
        if (isNullNode(node)) return this.noValueOf(spec, p, anchor, where);
        return this.typeErrorOf(
          spec,
          p,
          anchor,
          where,
          type.kind === 'ref' ? 'id' : 'string',
          isScalar(node) && typeof node.value === 'boolean'
            ? { en: `Quote it if you mean the text: "${String(node.value)}".`, zh: `如果想写文本，请加引号写成 "${String(node.value)}"。` }
            : undefined,
        );
      case 'integer':
        if (isNullNode(node)) return this.noValueOf(spec, p, anchor, where);
        if (isScalar(node) && typeof node.value === 'number' && Number.isInteger(node.value)) return;
        return this.typeErrorOf(spec, p, anchor, where, 'integer');
      case 'boolean': {
        if (isScalar(node) && typeof node.value === 'boolean') return;
        if (isNullNode(node)) return this.noValueOf(spec, p, anchor, where);
        const word = isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
        return this.typeErrorOf(
          spec,
          p,
          anchor,
          where,
          'boolean',
          word !== undefined && /^(y|n|yes|no|on|off)$/i.test(word)
            ? tx(
                (qq) => `In YAML 1.2 ${qq(word)} is plain text; write true or false.`,
                (qq) => `在 YAML 1.2 中${qq(word)}只是普通文本；请写 true 或 false。`,
              )
            : undefined,
        );
      }
      case 'enum':
        if (isNullNode(node)) return this.noValueOf(spec, p, anchor, where);
        if (!isScalar(node)) return this.typeErrorOf(spec, p, anchor, where, 'enum');
        if (typeof node.value === 'string' && type.values.includes(node.value)) return;
        return this.enumValue(node, this.pairKeySpan(p, anchor), keyAt(where, spec.key), type.values);
      case 'refList':
      case 'stringList':
        return this.list(spec, node, p, anchor, where);
      case 'object':
        if (isNullNode(node)) return this.fields(undefined, type.context, { kind: 'process' }, this.pairKeySpan(p, anchor), undefined);
        if (!isMap(node)) return this.typeErrorOf(spec, p, anchor, where, 'map');
        return this.fields(node, type.context, { kind: 'process' }, this.pairKeySpan(p, anchor), undefined);
      case 'next':
        return this.next(node, p, anchor, spec, where, stepType);
      default:
        // the maps: items, attributes and sets, rules
        if (isNullNode(node)) return;
        if (!isMap(node)) return this.typeErrorOf(spec, p, anchor, where, 'map');
        if (type.kind === 'items') return this.items(node, type.item, isAlias(raw) ? undefined : spec.key);
        if (type.kind === 'ruleMap') return this.ruleMap(node);
        return this.scalarMap(node, spec, where, p, anchor);
    }
  }

  /** `noValue` for the value of pair `p` of key `spec` (where it is written, the alias itself if any). */
  private noValueOf(spec: KeySpec, p: Pair, anchor: Anchor, where: Where): void {
    this.noValue(this.pairKeySpan(p, anchor), p.value, keyAt(where, spec.key), spec.type);
  }

  /** `typeError` for the value of pair `p` of key `spec`. */
  private typeErrorOf(spec: KeySpec, p: Pair, anchor: Anchor, where: Where, expectedToken: string, hint?: Texts): void {
    this.typeError(p.value, this.pairKeySpan(p, anchor), keyAt(where, spec.key), typeLabel(spec.type), expectedToken, hint);
  }

  private enumValue(node: Scalar, keySpan: Span, what: Texts, values: readonly string[]): void {
    const text = scalarText(node) ?? '';
    if (typeof node.value === 'string' && values.includes(node.value)) return;
    const suggestion = suggestWord(text, values);
    const shown = clip(text);
    const message = plus(
      tx(
        (qq) => `${cap(what.en)} is ${qq(shown)}, which is not allowed. Use one of: ${values.join(', ')}.`,
        (qq) => `${what.zh}的值${qq(shown)}无效。可选值：${values.join('、')}。`,
      ),
      suggestion ? didYouMean(suggestion) : undefined,
    );
    const data: DiagnosticData = { name: text, allowed: [...values] };
    if (suggestion) data.suggestion = suggestion;
    this.add('schema/enum', this.span(node, keySpan), message, data);
  }

  private list(spec: KeySpec, node: unknown, p: Pair, anchor: Anchor, where: Where): void {
    const type = spec.type;
    if (isNullNode(node)) return; // `needs:` with nothing after it: an empty list
    if (!isSeq(node)) {
      const single = isScalar(node) ? scalarText(node) : undefined;
      const hint =
        single !== undefined
          ? tx((qq) => `Write it as a list: ${qq(`[${clip(single)}]`)}.`, (qq) => `请写成列表：${qq(`[${clip(single)}]`)}。`)
          : undefined;
      return this.typeError(p.value, this.pairKeySpan(p, anchor), keyAt(where, spec.key), typeLabel(type), 'list', hint);
    }
    if (this.shared && !this.once(node, 'list:' + type.kind)) return;
    const refs = type.kind === 'refList';
    const items = node.items;
    for (let i = 0; i < items.length; i++) {
      const raw = items[i];
      const item = isAlias(raw) ? deref(this.doc, raw) : raw;
      if (item === undefined && isAlias(raw)) continue;
      const ok = refs ? isTextScalar(item) : isScalar(item) && !isNullNode(item);
      if (!ok) this.badEntry(spec, raw, item, i, this.pairKeySpan(p, anchor), keyAt(where, spec.key));
    }
  }

  /** An entry of a list that is not what the list holds. */
  private badEntry(spec: KeySpec, raw: unknown, item: unknown, i: number, keySpan: Span, what: Texts): void {
    const type = spec.type;
    const itemType: ValueType = type.kind === 'refList' ? { kind: 'ref', to: type.to } : { kind: 'string' };
    const entry = entryOf(what, i);
    if (isNullNode(item)) {
      this.add('schema/type', this.span(raw, keySpan), {
        en: `${cap(entry.en)} is empty: write ${typeLabel(itemType).en} or remove the entry.`,
        zh: `${entry.zh}为空：请写上${typeLabel(itemType).zh}，或删除该项。`,
      }, { expected: tokenOf(itemType) });
      return;
    }
    this.typeError(raw, keySpan, entry, typeLabel(itemType), tokenOf(itemType));
  }

  /**
   * `section`: the key of the section, when its map was reached without an
   * alias; the YAML tree of each item is then walked here too (`TreeWalk`),
   * and `tree.covered` says up to which item.
   */
  private items(map: YAMLMap, kind: ItemKind, section: string | undefined): void {
    if (this.shared && !this.once(map, 'items:' + kind)) return;
    const label = ITEMS[kind].label;
    const context: Context = kind;
    const pairs = map.items as unknown[];
    let walked = 0;
    try {
      for (let i = 0; i < pairs.length; i++) {
        const p = pairs[i];
        if (!isPair(p)) continue;
        if (section !== undefined) {
          const v = p.value;
          if (v && typeof v === 'object' && !isScalar(v) && !isAlias(v)) this.tree.walk(v, (isScalar(p.key) ? scalarText(p.key) : undefined) ?? section);
          walked = i + 1;
        }
        this.item(p, kind, label, context);
      }
    } finally {
      if (section !== undefined) this.tree.covered.set(map, walked);
    }
  }

  private item(p: Pair, kind: ItemKind, label: Texts, context: Context): void {
    const keyNode = p.key;
    const id = scalarText(keyNode);
    // the item's key span anchors what is reported about it (p stands for it until then)
    if (id === undefined || !isScalar(keyNode)) {
      this.add('schema/id', this.pairKeySpan(p, undefined), {
        en: `A ${label.en} needs a plain id as its key (letters, digits, "_" and "-", starting with a letter).`,
        zh: `${label.zh}的键必须是简单的 id（字母、数字、“_”和“-”，以字母开头）。`,
      });
      return;
    }
    if (!ID_PATTERN.test(id)) this.badId(id, this.pairKeySpan(p, undefined), label);
    const raw = p.value;
    const node = isAlias(raw) ? deref(this.doc, raw) : raw;
    if (node === undefined && isAlias(raw)) return;
    const where: Where = { kind: 'item', item: kind, id };
    if (isMap(node)) {
      this.fields(node, context, where, p, kind === 'step' ? stepTypeOf(node, this.doc) : undefined);
    } else if (isNullNode(node)) {
      this.fields(undefined, context, where, p, kind === 'step' ? 'task' : undefined);
    } else {
      const keySpan = this.pairKeySpan(p, undefined);
      const name = isScalar(node) ? scalarText(node) : undefined;
      const first = keysFor(context)[0].key;
      const hint =
        name !== undefined
          ? tx(
              (qq) => `Write its keys under it, e.g. ${qq(`${id}: { ${first}: ${clip(name)} }`)}.`,
              (qq) => `请在其下写出各个键，如${qq(`${id}: { ${first}: ${clip(name)} }`)}。`,
            )
          : undefined;
      const keys = keysFor(context).map((k) => k.key);
      const expected = { en: `a map of its keys (${keys.join(', ')})`, zh: `由其各个键（${keys.join('、')}）组成的映射` };
      this.typeError(raw, keySpan, whereName(where), expected, 'map', hint, first);
    }
  }

  private badId(id: string, span: Span, label: Texts, attribute = false): void {
    const suggestion = suggestId(id);
    const shown = clip(id);
    const what = attribute ? { en: 'attribute name', zh: '属性名' } : { en: `${label.en} id`, zh: `${label.zh} id` };
    // eslint-disable-next-line no-control-regex
    const nonAscii = !/^[\x00-\x7f]*$/.test(id);
    const message = plus(
      tx(
        (qq) => `${cap(what.en)} ${qq(shown)} is not valid: it must start with a Latin letter and contain only letters, digits, "_" and "-".`,
        (qq) => `${what.zh}${qq(shown)}无效：必须以英文字母开头，且只能包含字母、数字、“_”和“-”。`,
      ),
      suggestion
        ? didYouMean(suggestion)
        : nonAscii && !attribute
          ? tx(
              (qq) => ` Use a short Latin id as the key and put ${qq(shown)} in ${qq('name')}.`,
              (qq) => `请改用简短的英文 id 作为键，把${qq(shown)}写在${qq('name')}中。`,
            )
          : undefined,
    );
    const data: DiagnosticData = { name: id };
    if (suggestion) data.suggestion = suggestion;
    this.add('schema/id', span, message, data);
  }

  /** `attributes` (name → scalar) and `sets` ("step.attribute" → scalar) of the value of pair `owner`. */
  private scalarMap(map: YAMLMap, spec: KeySpec, where: Where, owner: Pair, anchor: Anchor): void {
    if (this.shared && !this.once(map, 'map:' + spec.type.kind)) return;
    const isSets = spec.type.kind === 'sets';
    const pairs = map.items as unknown[];
    for (let i = 0; i < pairs.length; i++) {
      const p = pairs[i];
      if (!isPair(p)) continue;
      const keyNode = p.key;
      const name = scalarText(keyNode);
      if (name === undefined || !isScalar(keyNode)) {
        this.add('schema/id', this.entryKeySpan(p, owner, anchor), {
          en: isSets ? 'A "sets" key must be written "<step-id>.<attribute>".' : 'An attribute needs a plain name as its key.',
          zh: isSets ? '“sets”的键必须写成“<步骤 id>.<属性>”。' : '属性的键必须是简单的名称。',
        });
      } else if (isSets) {
        if (!SETS_KEY_PATTERN.test(name)) this.badSetsKey(name, this.entryKeySpan(p, owner, anchor), where);
      } else if (!ID_PATTERN.test(name)) {
        this.badId(name, this.entryKeySpan(p, owner, anchor), { en: 'attribute', zh: '属性' }, true);
      }
      const raw = p.value;
      const v = isAlias(raw) ? deref(this.doc, raw) : raw;
      if (v === undefined && isAlias(raw)) continue;
      if (v === null || isScalar(v)) continue;
      const ownerKey = keyAt(where, spec.key);
      const what = tx((qq) => `the value of ${qq(name ?? '?')} in ${ownerKey.en}`, (qq) => `${ownerKey.zh}中${qq(name ?? '?')}的值`);
      this.typeError(raw, this.entryKeySpan(p, owner, anchor), what, { en: 'a single value (text, number or true/false)', zh: '单个值（文本、数字或 true/false）' }, 'scalar');
    }
  }

  /** Span of the key of entry `p` of the map under pair `owner`. */
  private entryKeySpan(p: Pair, owner: Pair, anchor: Anchor): Span {
    return this.keySpan(p.key, this.span(p.value, this.pairKeySpan(owner, anchor)));
  }

  private badSetsKey(name: string, span: Span, where: Where): void {
    const req = where.kind === 'item' ? where.id : '';
    const dot = name.indexOf('.');
    const shown = clip(name);
    let detail: Texts;
    if (dot < 0) {
      detail = tx(
        (qq) => `it has no dot; write ${qq(`<step-id>.<attribute>`)}, e.g. ${qq(`${/^[A-Za-z]/.test(name) ? name : 'pick'}.mode`)}.`,
        (qq) => `缺少点号；请写成${qq('<步骤 id>.<属性>')}，如${qq(`${/^[A-Za-z]/.test(name) ? name : 'pick'}.mode`)}。`,
      );
    } else {
      detail = {
        en: 'both the step id and the attribute name must start with a Latin letter and contain only letters, digits, "_" and "-", separated by one dot.',
        zh: '步骤 id 和属性名都必须以英文字母开头，只含字母、数字、“_”和“-”，中间用一个点号分隔。',
      };
    }
    this.add(
      'schema/id',
      span,
      tx(
        (qq) => `Key ${qq(shown)} in ${qq('sets')} of requirement ${qq(req)} is not valid: ${detail.en}`,
        (qq) => `需求${qq(req)}的${qq('sets')}中键${qq(shown)}无效：${detail.zh}`,
      ),
      { name },
    );
  }

  /** Whether one target of `next` is fine: a step id, or an unresolved alias (yaml/syntax reports it). */
  private refOk(raw: unknown): boolean {
    if (!isAlias(raw)) return isTextScalar(raw);
    const v = deref(this.doc, raw);
    return v === undefined || isTextScalar(v);
  }

  /** Reports one target of `next` that is not a step id (`refOk` said no). */
  private badRef(raw: unknown, keySpan: Span, entry: Texts): void {
    const v = deref(this.doc, raw);
    if (isNullNode(v)) {
      this.add('schema/type', this.span(raw, keySpan), {
        en: `${cap(entry.en)} is empty: write a step id.`,
        zh: `${entry.zh}为空：请写上步骤 id。`,
      }, { expected: 'id' });
      return;
    }
    this.typeError(raw, keySpan, entry, typeLabel(STEP_REF), 'id');
  }

  private next(node: unknown, p: Pair, anchor: Anchor, spec: KeySpec, where: Where, stepType: StepType | undefined): void {
    if (isNullNode(node)) return; // `next:` with nothing after it: no edges (flow rules say what is missing)
    const at = p.value;
    if (stepType === 'decision') {
      if (!isMap(node)) {
        return this.typeError(
          at,
          this.pairKeySpan(p, anchor),
          keyAt(where, spec.key),
          { en: 'a map of branch label → step id on a decision step', zh: '分支标签 → 步骤 id 的映射（decision 步骤）' },
          'map',
          tx(
            (qq) => `Write one line per branch, e.g. ${qq('approved: ship')}.`,
            (qq) => `请每个分支写一行，如${qq('通过: ship')}。`,
          ),
        );
      }
      if (!this.once(node, 'next:map')) return;
      const branches = node.items as unknown[];
      for (let i = 0; i < branches.length; i++) {
        const b = branches[i];
        if (!isPair(b) || this.refOk(b.value)) continue;
        const label = scalarText(b.key) ?? '';
        const what = keyAt(where, spec.key);
        this.badRef(b.value, this.pairKeySpan(p, anchor), tx((qq) => `branch ${qq(label)} of ${what.en}`, (qq) => `${what.zh}的分支${qq(label)}`));
      }
      return;
    }
    if (isScalar(node)) {
      if (!this.refOk(at)) this.badRef(at, this.pairKeySpan(p, anchor), keyAt(where, spec.key));
      return;
    }
    if (isSeq(node)) {
      if (!this.once(node, 'next:list')) return;
      const items = node.items;
      for (let i = 0; i < items.length; i++) {
        if (!this.refOk(items[i])) this.badRef(items[i], this.pairKeySpan(p, anchor), entryOf(keyAt(where, spec.key), i));
      }
      return;
    }
    // a map: only a decision has labelled branches (unless the type is itself wrong, schema/enum: either shape may be meant)
    if (isMap(node) && stepType === undefined) return;
    this.typeErrorOf(
      spec,
      p,
      anchor,
      where,
      'next',
      isMap(node)
        ? tx(
            (qq) => `Only a decision step can have labelled branches: add ${qq('type: decision')} or list the step ids.`,
            (qq) => `只有 decision 步骤可以有带标签的分支：请添加${qq('type: decision')}，或改为列出步骤 id。`,
          )
        : undefined,
    );
  }

  private ruleMap(map: YAMLMap): void {
    if (!this.once(map, 'rules')) return;
    const codes = ruleCodes();
    const pairs = map.items as unknown[];
    for (let i = 0; i < pairs.length; i++) {
      const p = pairs[i];
      if (!isPair(p)) continue;
      const keyNode = p.key;
      const code = scalarText(keyNode);
      const ks = this.keySpan(keyNode, this.span(p.value));
      if (code === undefined || !isScalar(keyNode) || !RULES_BY_CODE.has(code)) {
        const name = code ?? this.clipped(ks);
        const suggestion = suggestWord(name, codes);
        const message = plus(
          tx((qq) => `Unknown rule ${qq(name)} in ${qq('rules')}.`, (qq) => `${qq('rules')}中有未知规则${qq(name)}。`),
          suggestion
            ? didYouMean(suggestion)
            : tx(
                () => ' Rule codes look like "flow/unreachable"; see the rule catalogue.',
                (qq) => `规则代码形如${qq('flow/unreachable')}，请查阅规则列表。`,
              ),
        );
        const data: DiagnosticData = { name };
        if (suggestion) data.suggestion = suggestion;
        this.add('schema/unknown-key', ks, message, data);
      }
      const v = deref(this.doc, p.value);
      if (v === undefined && isAlias(p.value)) continue;
      const what = keyAt({ kind: 'rules' }, code ?? '?');
      const type: ValueType = { kind: 'enum', values: SEVERITY_WORDS };
      if (isNullNode(v)) this.noValue(ks, p.value, what, type);
      else if (!isScalar(v)) this.typeError(p.value, ks, what, typeLabel(type), 'enum');
      else this.enumValue(v, ks, what, SEVERITY_WORDS);
    }
  }
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** A short token for `data.expected`, for quick fixes, by type (`map` for the others). */
const TOKENS: Partial<Record<ValueType['kind'], string>> = {
  string: 'string',
  integer: 'integer',
  boolean: 'boolean',
  enum: 'enum',
  ref: 'id',
  refList: 'list',
  stringList: 'list',
  next: 'next',
};

function tokenOf(type: ValueType): string {
  return TOKENS[type.kind] ?? 'map';
}

function placeholderFor(type: ValueType): Texts {
  switch (type.kind) {
    case 'ref':
      return { en: `<${ITEMS[type.to].label.en} id>`, zh: `<${ITEMS[type.to].label.zh} id>` };
    case 'enum':
      return { en: type.values.join(' | '), zh: type.values.join(' | ') };
    default:
      return { en: '…', zh: '…' };
  }
}

// ---------------------------------------------------------------------------
// The YAML tree walk shared by the yaml/* rules: repeated keys and unresolved
// aliases, in one iterative pass that never follows an alias.

export interface DuplicateKey {
  key: string;
  /** The repeated key (second or later definition). */
  span: Span;
  /** The first definition's key. */
  first: Span;
  /** The key of the map the duplicates are in (`undefined` at the top level). */
  parent?: string;
}

export interface YamlTreeFacts {
  duplicates: DuplicateKey[];
  /** Aliases that name no anchor defined before them. */
  unresolvedAliases: { name: string; span: Span }[];
}

export function yamlTreeFacts(model: Model): YamlTreeFacts {
  return walks(model).tree;
}

/** Maps with more keys than this find repeated keys with a Map; smaller ones compare with the keys before. */
const SMALL_MAP = 16;

/**
 * The map of each section the model read (roles, data, steps, requirements:
 * the value of the first top-level key of that name), with the number of ids
 * the model found in it. The ids are distinct keys of that map (a model
 * restricted to some items has fewer), so a section map with as many keys
 * as ids has no repeated key.
 */
function sectionSizes(model: Model): Map<unknown, number> {
  const sizes = new Map<unknown, number>();
  const root = model.root;
  if (!root) return sizes;
  const seen = new Set<string>();
  for (const p of root.items as unknown[]) {
    if (!isPair(p)) continue;
    const key = scalarText(p.key);
    if (key === undefined || seen.has(key)) continue;
    seen.add(key);
    const section =
      key === 'roles' ? model.roles : key === 'data' ? model.data : key === 'steps' ? model.steps : key === 'requirements' ? model.requirements : undefined;
    if (!section) continue;
    const node = deref(model.parsed.doc, p.value);
    if (isMap(node)) sizes.set(node, section.byId.size);
  }
  return sizes;
}

/**
 * The walk of the YAML tree for the yaml/* rules: every node in document
 * order, never following an alias. The schema walk calls `walk` on each item
 * of a section it checks and records it in `covered`; the walk of the whole
 * document then skips those items.
 */
class TreeWalk {
  readonly facts: YamlTreeFacts = { duplicates: [], unresolvedAliases: [] };
  /** Section map → how many of its first pairs had their value walked already (values that are not aliases). */
  readonly covered = new Map<unknown, number>();
  // the stack as two arrays (node, key of the map it is in); scalars are never pushed (they hold nothing to report)
  private readonly nodes: unknown[] = [];
  private readonly parents: (string | undefined)[] = [];
  // keys of the map being read, by pair position (reused from map to map)
  private readonly keys: (string | undefined)[] = [];
  // span of each first definition of a repeated key: one object however many times the key repeats
  private readonly firstSpans = new Map<Scalar, Span>();
  private sectionIds: Map<unknown, number> | undefined;

  constructor(private readonly model: Model) {}

  /** Walks `node` and everything under it; `parent` is the key of the map it is in. Never throws. */
  walk(node: unknown, parent: string | undefined): void {
    const { doc, text } = this.model.parsed;
    if (!doc) return;
    const { nodes, parents, keys, facts, covered } = this;
    nodes.push(node);
    parents.push(parent);
    try {
      while (nodes.length) {
        const node = nodes.pop();
        const parent = parents.pop();
        if (isAlias(node)) {
          if (deref(doc, node) === undefined) {
            facts.unresolvedAliases.push({ name: node.source, span: rangeSpan(node, text) ?? { start: 0, end: 0 } });
          }
        } else if (isMap(node)) {
          const items = node.items as unknown[];
          const n = items.length;
          let defined = 0;
          for (let i = 0; i < n; i++) {
            const p = items[i];
            const key = isPair(p) && isScalar(p.key) ? scalarText(p.key) : undefined;
            keys[i] = key;
            if (key !== undefined) defined++;
          }
          // repeated keys: a small map compares each key with the ones before it; a large one uses
          // a Map, unless it is a section in which the model found as many ids as there are keys
          if (n <= SMALL_MAP) {
            for (let i = 1; i < n; i++) {
              const key = keys[i];
              if (key === undefined) continue;
              for (let j = 0; j < i; j++) {
                if (keys[j] === key) {
                  this.repeated(items, i, j, key, parent);
                  break;
                }
              }
            }
          } else if ((this.sectionIds ??= sectionSizes(this.model)).get(node) !== defined) {
            const firsts = new Map<string, number>();
            for (let i = 0; i < n; i++) {
              const key = keys[i];
              if (key === undefined) continue;
              const f = firsts.get(key);
              if (f === undefined) firsts.set(key, i);
              else this.repeated(items, i, f, key, parent);
            }
          }
          const walked = covered.size ? (covered.get(node) ?? 0) : 0;
          // reversed so that the stack pops them in document order
          for (let i = n - 1; i >= 0; i--) {
            const p = items[i];
            if (!isPair(p)) continue;
            const key = keys[i];
            const v = p.value;
            if (v && typeof v === 'object' && !isScalar(v) && (i >= walked || isAlias(v))) {
              nodes.push(v);
              parents.push(key ?? parent);
            }
            if (key === undefined && p.key && typeof p.key === 'object' && !isScalar(p.key)) {
              nodes.push(p.key);
              parents.push(parent);
            }
          }
        } else if (isSeq(node)) {
          const items = node.items;
          for (let i = items.length - 1; i >= 0; i--) {
            const v = items[i];
            if (v && typeof v === 'object' && !isScalar(v)) {
              nodes.push(v);
              parents.push(parent);
            }
          }
        } else if (isPair(node)) {
          const v = node.value;
          if (v && typeof v === 'object' && !isScalar(v)) {
            nodes.push(v);
            parents.push(parent);
          }
          if (node.key && typeof node.key === 'object' && !isScalar(node.key)) {
            nodes.push(node.key);
            parents.push(parent);
          }
        }
      }
    } catch {
      // never throw
      nodes.length = 0;
      parents.length = 0;
    }
  }

  /** Records that key `i` of `items` repeats key `first`. */
  private repeated(items: unknown[], i: number, first: number, key: string, parent: string | undefined): void {
    const text = this.model.parsed.text;
    const firstKey = (items[first] as Pair).key as Scalar;
    let firstSpan = this.firstSpans.get(firstKey);
    if (!firstSpan) this.firstSpans.set(firstKey, (firstSpan = innerSpan(firstKey, text)));
    this.facts.duplicates.push({ key, span: innerSpan((items[i] as Pair).key as Scalar, text), first: firstSpan, parent });
  }
}

// ---------------------------------------------------------------------------
// JSON Schema (draft-07) for yaml-language-server / Red Hat's YAML extension

export type JsonSchema = { [key: string]: unknown };

const SCALAR_TYPES = ['string', 'number', 'boolean', 'null'];

function jsonForType(type: ValueType, locale: Locale): JsonSchema {
  switch (type.kind) {
    case 'string':
      return { type: ['string', 'number'] };
    case 'integer':
      return type.const !== undefined ? { type: 'integer', const: type.const } : { type: 'integer' };
    case 'boolean':
      return { type: 'boolean' };
    case 'enum':
      return type.default !== undefined ? { type: 'string', enum: [...type.values], default: type.default } : { type: 'string', enum: [...type.values] };
    case 'ref':
      return { type: 'string' };
    case 'refList':
      return { type: ['array', 'null'], items: { type: 'string' } };
    case 'stringList':
      return { type: ['array', 'null'], items: { type: ['string', 'number', 'boolean'] } };
    case 'object':
      return { $ref: `#/definitions/${type.context}` };
    case 'items':
      return {
        type: ['object', 'null'],
        propertyNames: { pattern: ID_PATTERN_SOURCE },
        additionalProperties: { $ref: `#/definitions/${type.item}` },
      };
    case 'scalarMap':
      return {
        type: ['object', 'null'],
        propertyNames: { pattern: ID_PATTERN_SOURCE },
        additionalProperties: { type: SCALAR_TYPES },
      };
    case 'sets':
      return {
        type: ['object', 'null'],
        propertyNames: { pattern: SETS_KEY_PATTERN.source },
        additionalProperties: { type: SCALAR_TYPES },
      };
    case 'next':
      return {
        anyOf: [
          { type: 'string' },
          { type: 'array', items: { type: 'string' } },
          { type: 'object', additionalProperties: { type: 'string' } },
          { type: 'null' },
        ],
      };
    case 'ruleMap': {
      const properties: Record<string, JsonSchema> = {};
      for (const r of RULES) {
        properties[r.code] = { type: 'string', enum: [...SEVERITY_WORDS], description: pick(locale, r.description) };
      }
      return { type: ['object', 'null'], properties, additionalProperties: false };
    }
  }
}

function jsonForContext(context: Context, locale: Locale): JsonSchema {
  const spec = FORMAT[context];
  const properties: Record<string, JsonSchema> = {};
  for (const k of spec.keys) {
    properties[k.key] = { description: pick(locale, k.description), ...jsonForType(k.type, locale) };
  }
  const out: JsonSchema = {
    type: 'object',
    description: pick(locale, spec.description),
    properties,
    additionalProperties: false,
  };
  const required = spec.keys.filter((k) => k.required).map((k) => k.key);
  if (required.length) out.required = required;
  if (context === 'step') {
    const roleTypes = keySpec('step', 'role')!.requiredForTypes ?? [];
    out.allOf = [
      {
        // `role` is required for task and decision steps (a step without `type` is a task)
        if: { anyOf: [{ not: { required: ['type'] } }, { required: ['type'], properties: { type: { enum: [...roleTypes] } } }] },
        then: { required: ['role'] },
      },
      {
        // a decision branches with a map; every other step names a step id or a list
        if: { required: ['type'], properties: { type: { const: 'decision' } } },
        then: { properties: { next: { type: ['object', 'null'], additionalProperties: { type: 'string' } } } },
        else: { properties: { next: { type: ['string', 'array', 'null'], items: { type: 'string' } } } },
      },
    ];
  }
  return out;
}

/** The format as a JSON Schema (draft-07), with descriptions in one locale. */
export function toJsonSchema(locale: Locale = 'en'): JsonSchema {
  const top = jsonForContext('top', locale);
  const definitions: Record<string, JsonSchema> = {};
  for (const c of ['process', 'role', 'data', 'step', 'requirement'] as const) definitions[c] = jsonForContext(c, locale);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'BizFlow',
    ...top,
    definitions,
  };
}

/** The JSON Schema as the text of `schemas/bizflow.schema.json`. */
export function jsonSchemaText(locale: Locale = 'en'): string {
  return JSON.stringify(toJsonSchema(locale), null, 2) + '\n';
}

/** Related information for a repeated key. */
export function firstDefinition(d: DuplicateKey, locale: Locale): RelatedInfo {
  return {
    span: d.first,
    message: pick(locale, tx((qq) => `${qq(d.key)} is first defined here.`, (qq) => `${qq(d.key)}首次定义于此。`)),
  };
}
