/**
 * The BizFlow format as data: every section and key, its type, whether it is
 * required, its allowed words and a short description in English and Chinese.
 * Read by the schema walk (`walk.ts`), by completion and hover (`keysFor`,
 * `contextOf`, `describeKey`) and by the JSON Schema generator.
 *
 * Pure data and lookups: no YAML walk, no rule catalogue.
 */
import type { Texts } from '../i18n';
import { ID_PATTERN, PRIORITIES, SEVERITY_WORDS, STATUSES, STEP_TYPES, type StepType } from '../model';

// ---------------------------------------------------------------------------
// The format

/** A map whose keys are fixed by the format. */
export type Context = 'top' | 'process' | 'role' | 'data' | 'step' | 'requirement' | 'source' | 'review';
/** The kinds of things that have ids (the keys of the four id maps). */
export type ItemKind = 'role' | 'data' | 'step' | 'requirement';

export type ValueType =
  /** Text (a number is accepted too: `name: 2024`); `format`: a date YYYY-MM-DD, or 8 hex digits (a fingerprint). */
  | { kind: 'string'; format?: TextFormat }
  | { kind: 'integer'; const?: number }
  /** `true` / `false` (YAML 1.2: `yes`/`no`/`on`/`off` are text). */
  | { kind: 'boolean' }
  | { kind: 'enum'; values: readonly string[]; default?: string }
  /** The id of a role, step, data item or requirement. */
  | { kind: 'ref'; to: ItemKind }
  | { kind: 'refList'; to: ItemKind }
  | { kind: 'stringList' }
  /** A map with its own fixed keys (`process`, a requirement's `source`). */
  | { kind: 'object'; context: Context }
  /** A list of maps with their own fixed keys (a requirement's `reviews`). */
  | { kind: 'objectList'; context: Context }
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

/** Shapes a text value may be required to have. */
export type TextFormat = 'date' | 'hex8';

/** The pattern of each text format (JSON Schema source text is `.source`). */
export const TEXT_FORMATS: Readonly<Record<TextFormat, RegExp>> = {
  date: /^\d{4}-\d{2}-\d{2}$/,
  hex8: /^[0-9a-fA-F]{8}$/,
};

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

type KeyEntry = Omit<KeySpec, 'context'>;

const REQUIRED = true;

/** One key of a context: its name, type, description in English and in Chinese, and whether it is always required. */
function key(key: string, type: ValueType, en: string, zh: string, required = false): KeyEntry {
  return { key, type, required, description: { en, zh } };
}

function keys(context: Context, list: KeyEntry[]): KeySpec[] {
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
  key(
    'description',
    TEXT,
    'What the requirement means in more words (signed like the title: changing it makes agreements stale).',
    '需求的详细说明（与标题一样计入签署指纹：修改后已有的同意失效）。',
  ),
  key(
    'reviews',
    { kind: 'objectList', context: 'review' },
    "Each role's verdict: a list of { role, verdict: agree | object | question, on: YYYY-MM-DD, fingerprint, note }. A role's last entry counts; an agree whose fingerprint no longer matches is stale.",
    '各角色的意见：列表，每项包含 role、verdict（agree、object 或 question）、on（YYYY-MM-DD）、fingerprint 和 note。以该角色最后一项为准；指纹不再匹配的同意即失效。',
  ),
  key(
    'source',
    { kind: 'object', context: 'source' },
    'Where the ask came from: { who, said, channel, on } — who asked, their own words, where, when.',
    '需求来源：who（提出人）、said（原话）、channel（渠道）和 on（日期）。',
  ),
]);

/** The verdicts a review may give. */
export const VERDICT_WORDS = ['agree', 'object', 'question'] as const;

const REVIEW = keys('review', [
  key('role', ROLE_ID, 'The role giving its verdict (a role id).', '给出意见的角色（角色 id）。', REQUIRED),
  key(
    'verdict',
    { kind: 'enum', values: VERDICT_WORDS },
    'agree, object or question: the role agrees, objects, or has an open question.',
    'agree、object 或 question：该角色同意、反对或还有疑问。',
    REQUIRED,
  ),
  key('on', { kind: 'string', format: 'date' }, 'When the verdict was given: YYYY-MM-DD.', '给出意见的日期：YYYY-MM-DD。'),
  key(
    'fingerprint',
    { kind: 'string', format: 'hex8' },
    'The fingerprint of what the role agreed to (8 hex digits, as `bizflow sign` and the quick fix write it); when it no longer matches, the agreement is stale.',
    '该角色所同意内容的指纹（8 位十六进制数，由 `bizflow sign` 或快速修复写入）；不再匹配时，同意即失效。',
  ),
  key('note', TEXT, "The role's comment: its reason, question or condition.", '该角色的说明：理由、疑问或条件。'),
]);

const SOURCE = keys('source', [
  key('who', TEXT, 'Who asked (a person or customer, in words).', '提出人（个人或客户）。'),
  key('said', TEXT, 'Their own words, as said or written.', '提出人的原话。'),
  key('channel', TEXT, 'Where it was said: a meeting, an e-mail, a ticket, a call.', '提出渠道：会议、邮件、工单、电话等。'),
  key('on', { kind: 'string', format: 'date' }, 'When it was said: YYYY-MM-DD.', '提出日期：YYYY-MM-DD。'),
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
  source: {
    context: 'source',
    description: { en: "Where a requirement came from: who asked, their own words, where and when.", zh: '需求的来源：提出人、原话、渠道和日期。' },
    keys: SOURCE,
  },
  review: {
    context: 'review',
    description: { en: "One role's verdict on a requirement.", zh: '某个角色对需求的意见。' },
    keys: REVIEW,
  },
});

/** Position of each key in its context's `keys`. */
export const KEY_POSITION: Readonly<Record<Context, ReadonlyMap<string, number>>> = Object.fromEntries(
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
  if (top.type.kind !== 'items') return undefined;
  if (path.length === 2) return top.type.item;
  // a map inside an item (a requirement's `source`, an entry of its `reviews`)
  const inner = keySpec(top.type.item, String(path[2]));
  if (inner?.type.kind === 'object') return path.length === 3 ? inner.type.context : undefined;
  if (inner?.type.kind === 'objectList') return path.length === 4 && typeof path[3] === 'number' ? inner.type.context : undefined;
  return undefined;
}

/** The specification of the key at the end of a path (`['steps', 'pick', 'role']`), if the format knows it. */
export function describeKey(path: readonly (string | number)[]): KeySpec | undefined {
  if (path.length === 0) return undefined;
  const context = contextOf(path.slice(0, -1));
  return context ? keySpec(context, String(path[path.length - 1])) : undefined;
}
