/**
 * What a symbol or an allowed word is, in words: the Markdown hover card of
 * a role, step, data item, requirement or step attribute (where it sits, who
 * asked for what, which requirements and conflicts touch it), the one-line
 * facts completion shows beside an id, the ids completion offers, and what
 * each allowed word means. Shared by hover and completion, which depend on
 * this module and not on each other.
 *
 * Pure TypeScript; built from the model, the symbol index and the
 * diagnostics of the same analysis, so a card always agrees with the
 * squiggles.
 */
import { mdCodeText, mdEscapeLine, mdEscapeText } from './escape';
import { pick, type Texts } from './i18n';
import type { Model, Requirement, Step } from './model';
import { decisionSentence, decisionsAgainst, decisionsBy, type Decision } from './decisions';
import { computeImpact } from './review/impact';
import { agreements, readDescription, readSource, type AgreementState } from './review/read';
import { ITEMS } from './schema';
import type { SymbolIndex, SymbolKind } from './symbols';
import type { Diagnostic, Locale } from './types';

/** What each allowed word means (for completion and hover). */
/** The text of an enum word (`must`, `start` …), own keys only: `word` is user text (`constructor` is no enum word). */
export function enumText(word: string): Texts | undefined {
  return Object.prototype.hasOwnProperty.call(ENUM_TEXTS, word) ? ENUM_TEXTS[word] : undefined;
}

export const ENUM_TEXTS: Readonly<Record<string, Texts>> = {
  start: { en: 'Where the process begins.', zh: '流程的起点。' },
  task: { en: 'A piece of work in a lane (the default).', zh: '泳道中的一项工作（默认）。' },
  decision: { en: 'A branch: `next` maps branch labels to steps.', zh: '分支判断：`next` 写成分支标签 → 步骤。' },
  end: { en: 'Where the process ends; it has no `next`.', zh: '流程的终点，没有 `next`。' },
  must: { en: 'Must have: the process fails without it.', zh: '必须有：没有它流程就不成立。' },
  should: { en: 'Should have: important, but not vital.', zh: '应该有：重要但非必需。' },
  could: { en: 'Could have: nice to have.', zh: '可以有：锦上添花。' },
  wont: { en: "Won't have this time.", zh: '这次不做。' },
  proposed: { en: 'Asked for, not decided yet (the default).', zh: '已提出，尚未决定（默认）。' },
  accepted: { en: 'Agreed to be done.', zh: '已同意实施。' },
  rejected: { en: 'Turned down: takes part in no conflict.', zh: '已拒绝：不参与冲突检查。' },
  done: { en: 'Delivered.', zh: '已交付。' },
  off: { en: 'Turn the rule off.', zh: '关闭该规则。' },
  info: { en: 'Report as information.', zh: '作为提示报告。' },
  warning: { en: 'Report as a warning.', zh: '作为警告报告。' },
  error: { en: 'Report as an error.', zh: '作为错误报告。' },
};

const KIND_LABEL: Record<SymbolKind, Texts> = {
  role: { en: 'role', zh: '角色' },
  step: { en: 'step', zh: '步骤' },
  data: { en: 'data', zh: '数据' },
  requirement: { en: 'requirement', zh: '需求' },
  attribute: { en: 'attribute', zh: '属性' },
};

/** Escapes Markdown (and HTML) in free text such as names and titles (line breaks and controls included). */
export function mdEscape(s: string): string {
  return mdEscapeText(s);
}

/** An id in a code span (a line break or control character shown as `\u{…}`, so it cannot end the span). */
export const code = (id: string) => '`' + mdCodeText(id.replace(/`/g, "'")) + '`';

/** "role", "data item", … for the first line of a card. */
function kindName(kind: SymbolKind): Texts {
  return kind === 'attribute' ? { en: 'step attribute', zh: '步骤属性' } : ITEMS[kind].label;
}

const MAX_LIST = 8;

const CONFLICTS: Texts = { en: 'Conflicts', zh: '冲突' };

/** `Not defined under `steps:`.` for an id that names nothing. */
function notDefined(section: string): Texts {
  return { en: `Not defined under \`${section}:\`.`, zh: `未在 \`${section}:\` 中定义。` };
}

class Card {
  private readonly lines: string[] = [];
  constructor(private readonly locale: Locale) {}
  t(texts: Texts): string {
    return pick(this.locale, texts);
  }
  line(s: string): void {
    this.lines.push(s);
  }
  /** `**Label:** value` (skipped when the value is empty). */
  field(label: Texts, value: string | undefined): void {
    if (value === undefined || value === '') return;
    this.lines.push(`**${this.t(label)}${this.locale === 'zh-CN' ? '：' : ':'}** ${value}`);
  }
  /** `field` with a list of values, in the locale's list style. */
  list(label: Texts, values: string[]): void {
    this.field(label, values.join(sep(this.locale)));
  }
  section(title: Texts, items: string[]): void {
    if (!items.length) return;
    this.lines.push(`**${this.t(title)}**`);
    const shown = items.slice(0, MAX_LIST);
    for (const i of shown) this.lines.push(`- ${i}`);
    if (items.length > shown.length) {
      const more = items.length - shown.length;
      this.lines.push(`- ${pick(this.locale, `… and ${more} more`, `…… 另有 ${more} 项`)}`);
    }
  }
  toString(): string {
    // Markdown needs a blank line between paragraphs; list items stay together
    const out: string[] = [];
    for (let i = 0; i < this.lines.length; i++) {
      const l = this.lines[i];
      const prev = out[out.length - 1];
      if (prev !== undefined && prev !== '' && l !== '' && !(l.startsWith('- ') && (prev.startsWith('- ') || prev.startsWith('**')))) out.push('');
      out.push(l);
    }
    while (out.length && out[out.length - 1] === '') out.pop();
    return out.join('\n');
  }
}

const sep = (locale: Locale) => (locale === 'zh-CN' ? '、' : ', ');
const colon = (locale: Locale) => (locale === 'zh-CN' ? '：' : ': ');

/** `业务员 `sales`` — the display name (escaped) beside the id. */
/** The first line of a card: the display name in bold with the id, or just the id. */
function head(name: string | undefined, id: string, what: string): string {
  return name && name !== id ? `**${mdEscape(name)}** ${code(id)} — ${what}` : `${code(id)} — ${what}`;
}

function named(name: string | undefined, id: string): string {
  return name && name !== id ? `${mdEscape(name)} ${code(id)}` : code(id);
}

function roleLabel(model: Model, id: string): string {
  return named(model.roles.byId.get(id)?.name, id);
}

/** `roleLabel` with the role's department: `业务员 `sales` · 业务部`. */
function roleWithDepartment(model: Model, id: string): string {
  const department = model.roles.byId.get(id)?.department;
  return roleLabel(model, id) + (department ? ` · ${mdEscape(department)}` : '');
}

function stepLabel(model: Model, id: string): string {
  return named(model.steps.byId.get(id)?.name, id);
}

function dataLabel(model: Model, id: string): string {
  return named(model.data?.byId.get(id)?.name, id);
}

/** `REQ-001` (must, accepted, from 业务员 `sales`): title */
function reqLine(model: Model, r: Requirement, locale: Locale, how?: string): string {
  const facts = [r.priority ?? pick(locale, 'no priority', '未定优先级'), r.status];
  if (r.from) facts.push(pick(locale, `from ${roleLabel(model, r.from.id)}`, `由${roleLabel(model, r.from.id)}提出`));
  const zh = locale === 'zh-CN';
  const head = zh ? `${code(r.id)}（${facts.join('，')}）` : `${code(r.id)} (${facts.join(', ')})`;
  const title = r.title ? `${zh ? '：' : ': '}${mdEscape(r.title)}` : '';
  return head + title + (how ? ` — ${how}` : '');
}

function severityMark(d: Diagnostic): string {
  return d.severity === 'error' ? '⛔' : d.severity === 'warning' ? '⚠️' : 'ℹ️';
}

/** The first sentence of a message (conflict messages go on to advise; the card only names the clash). */
function firstSentence(m: string): string {
  const i = m.search(/\.(\s|$)|。/);
  return i >= 0 ? m.slice(0, i + 1) : m;
}

/** A message as Markdown: free text escaped, what it marks with backticks as code (`overrides: [REQ-002]`). */
function messageMd(s: string): string {
  const parts = s.split('`');
  if (parts.length % 2 === 0) return mdEscape(s);
  return parts.map((p, i) => (i % 2 ? code(p) : mdEscape(p))).join('');
}

/** A recorded decision in a card, with the ids as code and the deciding role's display name beside its id. */
function decisionLine(model: Model, d: Decision, locale: Locale): string {
  return decisionSentence(d, locale, code, (x) => (x.decidedBy === undefined ? '' : roleLabel(model, x.decidedBy)));
}

/** Who decides a conflict between these requirements: a `decidedBy` of theirs, else the process owner. */
export function deciderOf(model: Model, requirements: readonly string[]): string | undefined {
  for (const id of requirements) {
    const d = model.requirements.byId.get(id)?.decidedBy?.id;
    if (d !== undefined) return d;
  }
  return model.process?.owner?.id;
}

function conflictLines(ds: readonly Diagnostic[] | undefined, touches: (d: Diagnostic) => boolean, model?: Model, locale: Locale = 'en'): string[] {
  if (!ds) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const d of ds) {
    if (!d.code.startsWith('conflict/') || !touches(d)) continue;
    // the same clash is reported in each of its two requirements: show it once
    const reqs = Array.isArray(d.data?.requirements) ? [...(d.data!.requirements as string[])].sort() : [];
    const steps = Array.isArray(d.data?.steps) ? [...(d.data!.steps as string[])].sort() : [];
    const k = [d.code, reqs.join(','), steps.join(','), reqs.length ? '' : d.message].join('\u0000');
    if (seen.has(k)) continue;
    seen.add(k);
    // messages mark ids and keys with backticks themselves: keep those as code
    let line = `${severityMark(d)} ${code(d.code)} ${messageMd(firstSentence(d.message))}`;
    if (model && reqs.length > 1) {
      const who = deciderOf(model, reqs);
      line += who
        ? pick(locale, ` — decides: ${roleLabel(model, who)}`, ` —— 决定人：${roleLabel(model, who)}`)
        : pick(locale, ' — decides: nobody yet (no `decidedBy`, no process `owner`)', ' —— 决定人：尚无（未写 `decidedBy`，流程也没有 `owner`）');
    }
    // the explanation behind the short message: the situation today, why it matters, the full how-to
    if (d.detail) line += `\n  - ${messageMd(d.detail)}`;
    out.push(line);
  }
  return out;
}

const has = (xs: unknown, id: string) => Array.isArray(xs) && xs.includes(id);

/**
 * The Markdown card of a symbol. `diagnostics` (of the same analysis) adds
 * the conflicts touching it; without them the card only shows facts.
 */
export function symbolCard(
  model: Model,
  _index: SymbolIndex,
  kind: SymbolKind,
  id: string,
  locale: Locale = 'en',
  diagnostics?: readonly Diagnostic[],
): string {
  const c = new Card(locale);
  const t = (en: string, zh: string) => pick(locale, en, zh);
  const kindText = pick(locale, kindName(kind));
  switch (kind) {
    case 'role': {
      const r = model.roles.byId.get(id);
      c.line(head(r?.name, id, kindText));
      if (!r) {
        c.line(pick(locale, notDefined('roles')));
        break;
      }
      c.field({ en: 'Department', zh: '部门' }, r.department ? mdEscape(r.department) : undefined);
      c.list({ en: 'Concerns', zh: '关注点' }, r.concerns.map(mdEscape));
      c.list({ en: 'Needs', zh: '需要的数据' }, r.needs.map((n) => dataLabel(model, n.id)));
      const lane = model.steps.list.filter((s) => s.role?.id === id);
      c.list({ en: 'Lane', zh: '泳道步骤' }, lane.map((s) => stepLabel(model, s.id)));
      if (model.process?.owner?.id === id) c.line(t('Owns the process.', '流程负责人。'));
      const reqs = (which: (q: Requirement) => boolean) => model.requirements.list.filter(which).map((q) => reqLine(model, q, locale));
      c.section({ en: 'Asked for', zh: '提出的需求' }, reqs((q) => q.from?.id === id));
      c.section({ en: 'Signed off', zh: '已确认的需求' }, reqs((q) => q.agreed.some((a) => a.id === id)));
      c.section({ en: 'Decided', zh: '做出的决定' }, reqs((q) => q.decidedBy?.id === id));
      const asked = new Set(model.requirements.list.filter((q) => q.from?.id === id).map((q) => q.id));
      c.section(
        CONFLICTS,
        conflictLines(
          diagnostics,
          (d) => has(d.data?.roles, id) || (Array.isArray(d.data?.requirements) && (d.data!.requirements as string[]).some((q) => asked.has(q))),
          model,
          locale,
        ),
      );
      c.section({ en: 'What changes for this role', zh: '对该角色的变化' }, roleImpactLines(model, id, locale, diagnostics));
      break;
    }
    case 'step': {
      const s = model.steps.byId.get(id);
      c.line(head(s?.name, id, `${kindText} (${s?.type ?? 'task'})`));
      if (!s) {
        c.line(pick(locale, notDefined('steps')));
        break;
      }
      stepFacts(c, model, s);
      c.section({ en: 'Requirements', zh: '相关需求' }, stepRequirements(model, s.id, locale));
      c.section(CONFLICTS, conflictLines(diagnostics, (d) => has(d.data?.steps, id), model, locale));
      break;
    }
    case 'data': {
      const d = model.data?.byId.get(id);
      c.line(head(d?.name, id, kindText));
      if (model.data && !d) c.line(t('Not declared under `data:`.', '未在 `data:` 中声明。'));
      if (d?.owner) c.field({ en: 'Owner', zh: '负责角色' }, roleLabel(model, d.owner.id));
      if (d?.external) c.line(t('Comes from outside the process.', '来自流程外部。'));
      const producers = model.steps.list.filter((s) => s.produces.some((p) => p.id === id));
      const stepUsers = model.steps.list.filter((s) => s.needs.some((p) => p.id === id));
      const roleUsers = model.roles.list.filter((r) => r.needs.some((p) => p.id === id));
      c.field({ en: 'Produced by', zh: '产出步骤' }, producers.map((s) => stepLabel(model, s.id)).join(sep(locale)) || t('no step', '无'));
      c.list({ en: 'Needed by steps', zh: '使用的步骤' }, stepUsers.map((s) => stepLabel(model, s.id)));
      c.list({ en: 'Needed by roles', zh: '需要的角色' }, roleUsers.map((r) => roleLabel(model, r.id)));
      break;
    }
    case 'requirement': {
      const r = model.requirements.byId.get(id);
      c.line(head(r?.title, id, kindText));
      if (!r) {
        c.line(pick(locale, notDefined('requirements')));
        break;
      }
      if (r.from) c.field({ en: 'Asked by', zh: '提出方' }, roleWithDepartment(model, r.from.id));
      c.field({ en: 'Source', zh: '来源' }, sourceLine(model, r, locale));
      const description = readDescription(model, r);
      if (description) c.line(mdEscapeLine(description));
      c.field(
        { en: 'Priority', zh: '优先级' },
        `${r.priority ?? t('none', '未定')} · ${t('status', '状态')} ${r.status}${r.live ? '' : t(' (not live)', '（不生效）')}`,
      );
      const steps: string[] = [];
      for (const s of r.steps) steps.push(stepLabel(model, s.id));
      for (const s of r.sets) if (s.step) steps.push(`${stepLabel(model, s.step.id)} ${t('sets', '设置')} ${code(s.attribute)} = ${mdEscape(s.value)}`);
      for (const s of r.adds) steps.push(`${t('adds', '新增')} ${stepLabel(model, s.id)}${laneOf(model, s.id)}`);
      for (const s of r.removes) steps.push(`${t('removes', '删除')} ${stepLabel(model, s.id)}`);
      c.section({ en: 'Steps', zh: '涉及步骤' }, steps);
      c.list({ en: 'Signed off by', zh: '已确认' }, r.agreed.map((a) => roleLabel(model, a.id)));
      c.list({ en: 'Depends on', zh: '依赖' }, r.depends.map((d) => code(d.id)));
      // recorded decisions, against it and by it: "REQ-002 overridden by REQ-001, decided by 总监"
      c.section({ en: 'Decisions', zh: '已记录的决定' }, [
        ...decisionsAgainst(model, r).map((d) => decisionLine(model, d, locale)),
        ...decisionsBy(model, r).map((d) => decisionLine(model, d, locale)),
      ]);
      c.field(
        { en: 'Acceptance', zh: '验收标准' },
        r.acceptance.length
          ? t(`${r.acceptance.length} ${r.acceptance.length === 1 ? 'criterion' : 'criteria'}`, `${r.acceptance.length} 条`)
          : t('none yet', '尚未填写'),
      );
      c.section({ en: 'Reviews', zh: '各角色意见' }, reviewLines(model, r, locale));
      c.section(CONFLICTS, conflictLines(diagnostics, (d) => has(d.data?.requirements, id), model, locale));
      break;
    }
    case 'attribute': {
      const dot = id.indexOf('.');
      const stepId = id.slice(0, dot);
      const attr = id.slice(dot + 1);
      const s = model.steps.byId.get(stepId);
      c.line(`${code(attr)} — ${kindText} ${t('of', '·')} ${stepLabel(model, stepId)}`);
      const today = s?.attributes.find((a) => a.name === attr);
      c.field({ en: 'Today', zh: '目前' }, today ? mdEscape(today.value) : t('not set', '未设置'));
      const wanted: string[] = [];
      for (const r of model.requirements.list) {
        for (const x of r.sets) if (x.step?.id === stepId && x.attribute === attr) wanted.push(`${reqLine(model, r, locale)} → ${mdEscape(x.value)}`);
      }
      c.section({ en: 'Requirements want', zh: '需求希望' }, wanted);
      c.section(
        CONFLICTS,
        conflictLines(diagnostics, (d) => d.code === 'conflict/contradiction' && has(d.data?.steps, stepId) && d.message.includes(`${stepId}.${attr}`)),
      );
      break;
    }
  }
  return c.toString();
}

/** `张总 (customer meeting, 2026-11-01): "原话"` — where a requirement came from. */
function sourceLine(model: Model, r: Requirement, locale: Locale): string | undefined {
  const src = readSource(model, r);
  if (!src) return undefined;
  const zh = locale === 'zh-CN';
  const facts = [src.channel, src.on].filter((x): x is string => !!x).map(mdEscape);
  let out = src.who ? mdEscape(src.who) : '';
  if (facts.length) out += zh ? `（${facts.join('，')}）` : `${out ? ' ' : ''}(${facts.join(', ')})`;
  if (src.said) out += (out ? (zh ? '：' : ': ') : '') + (zh ? `“${mdEscape(src.said)}”` : `"${mdEscape(src.said)}"`);
  return out || undefined;
}

const STATE_WORDS: Readonly<Record<AgreementState, Texts>> = {
  agreed: { en: 'agrees', zh: '同意' },
  stale: { en: 'agreed to an earlier version (stale)', zh: '同意的是旧版本（已失效）' },
  object: { en: 'objects', zh: '反对' },
  question: { en: 'has a question', zh: '有疑问' },
  none: { en: 'no word yet', zh: '尚无意见' },
};

/** Each role's standing on a requirement (its last review, or the `agreed` shorthand). */
function reviewLines(model: Model, r: Requirement, locale: Locale): string[] {
  const out: string[] = [];
  for (const a of agreements(model, r).values()) {
    let line = `${roleLabel(model, a.role)}${colon(locale)}${pick(locale, STATE_WORDS[a.state])}`;
    const on = a.review?.on;
    if (on) line += ` · ${mdEscape(on)}`;
    if (a.state === 'stale') line += pick(locale, ` (signed ${code(a.recorded ?? '')}, today ${code(a.current ?? '')})`, `（签署时 ${code(a.recorded ?? '')}，当前 ${code(a.current ?? '')}）`);
    const note = a.review?.note;
    if (note) line += locale === 'zh-CN' ? `：“${mdEscape(note)}”` : `: "${mdEscape(note)}"`;
    out.push(line);
  }
  return out;
}

/** A role's impact in a few lines: steps added, removed and changed in its lane, data asked of it, agreements pending. */
export function roleImpactLines(model: Model, role: string, locale: Locale, diagnostics: readonly Diagnostic[] = []): string[] {
  const [impact] = computeImpact({ model, diagnostics }, { role }).roles;
  if (!impact) return [];
  const t = (en: string, zh: string) => pick(locale, en, zh) + colon(locale);
  const steps = (ids: string[]) => ids.map((s) => stepLabel(model, s)).join(sep(locale));
  const out: string[] = [];
  if (impact.stepsAdded.length) out.push(`${t('Steps added', '新增步骤')}${steps(impact.stepsAdded.map((c) => c.step))}`);
  if (impact.stepsRemoved.length) out.push(`${t('Steps removed', '删除步骤')}${steps(impact.stepsRemoved.map((c) => c.step))}`);
  for (const c of impact.stepsChanged) {
    const after =
      c.after.kind === 'value'
        ? mdEscape(c.after.value)
        : pick(locale, `contested (${c.after.values.map(mdEscape).join(' / ')})`, `有争议（${c.after.values.map(mdEscape).join(' / ')}）`);
    out.push(`${t('Changed', '改变')}${stepLabel(model, c.step)} ${code(c.attribute)} ${c.today !== undefined ? mdEscape(c.today) : pick(locale, '(not set)', '（未设置）')} → ${after}`);
  }
  const data = [...new Set(impact.provides.map((d) => d.data))];
  if (data.length) out.push(`${t('Data asked of it', '需提供的数据')}${data.map((d) => dataLabel(model, d)).join(sep(locale))}`);
  const pending = impact.agreements.filter((a) => a.state !== 'agreed');
  if (pending.length) {
    out.push(
      `${t('Waiting for its agreement', '待其同意')}${pending
        .map((a) => (a.state === 'none' ? code(a.requirement) : `${code(a.requirement)} (${pick(locale, STATE_WORDS[a.state])})`))
        .join(sep(locale))}`,
    );
  }
  return out;
}

function laneOf(model: Model, stepId: string): string {
  const r = model.steps.byId.get(stepId)?.role?.id;
  return r ? ` (${roleLabel(model, r)})` : '';
}

function stepFacts(c: Card, model: Model, s: Step): void {
  if (s.role) c.field({ en: 'Lane', zh: '泳道' }, roleWithDepartment(model, s.role.id));
  c.list({ en: 'Needs', zh: '使用数据' }, s.needs.map((n) => dataLabel(model, n.id)));
  c.list({ en: 'Produces', zh: '产出数据' }, s.produces.map((n) => dataLabel(model, n.id)));
  c.list({ en: 'Attributes', zh: '属性' }, s.attributes.map((a) => `${code(a.name)} = ${mdEscape(a.value)}`));
  c.list(
    { en: 'Next', zh: '下一步' },
    s.next.map((e) => (e.label !== undefined ? `${mdEscape(e.label)} → ` : '') + stepLabel(model, e.target.id)),
  );
}

function stepRequirements(model: Model, stepId: string, locale: Locale): string[] {
  const out: string[] = [];
  for (const r of model.requirements.list) {
    const hows: string[] = [];
    if (r.steps.some((s) => s.id === stepId)) hows.push(pick(locale, 'about it', '涉及'));
    for (const s of r.sets) if (s.step?.id === stepId) hows.push(`${pick(locale, 'sets', '设置')} ${code(s.attribute)} = ${mdEscape(s.value)}`);
    if (r.adds.some((s) => s.id === stepId)) hows.push(pick(locale, 'adds it', '新增'));
    if (r.removes.some((s) => s.id === stepId)) hows.push(pick(locale, 'removes it', '删除'));
    if (hows.length) out.push(reqLine(model, r, locale, hows.join(sep(locale))));
  }
  return out;
}

/** The ids of a kind that completion offers: defined ones (for data without a dictionary, every data id in use). */
export function knownIds(model: Model, index: SymbolIndex, kind: SymbolKind): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const anyData = kind === 'data' && model.data === undefined;
  for (const o of index.all()) {
    if (o.kind !== kind || seen.has(o.id)) continue;
    if (!o.isDefinition && !anyData) continue;
    seen.add(o.id);
    out.push(o.id);
  }
  // document order of the definitions
  if (!anyData) {
    const order = (id: string) => index.definition(kind, id)?.span.start ?? 0;
    out.sort((a, b) => order(a) - order(b));
  }
  return out;
}

function roleName(model: Model, id: string | undefined): string | undefined {
  return id === undefined ? undefined : (model.roles.byId.get(id)?.name ?? id);
}

/** Display name and a one-line detail of an id. */
export function idFacts(model: Model, kind: SymbolKind, id: string, locale: Locale): { name?: string; detail: string } {
  const k = pick(locale, KIND_LABEL[kind]);
  const parts = [k];
  let name: string | undefined;
  switch (kind) {
    case 'role': {
      const r = model.roles.byId.get(id);
      name = r?.name;
      if (r?.department) parts.push(r.department);
      break;
    }
    case 'step': {
      const s: Step | undefined = model.steps.byId.get(id);
      name = s?.name;
      if (s) parts.push(s.type);
      const lane = roleName(model, s?.role?.id);
      if (lane) parts.push(lane);
      break;
    }
    case 'data': {
      const d = model.data?.byId.get(id);
      name = d?.name;
      const owner = roleName(model, d?.owner?.id);
      if (owner) parts.push(owner);
      break;
    }
    case 'requirement': {
      const r = model.requirements.byId.get(id);
      name = r?.title;
      if (r?.priority) parts.push(r.priority);
      if (r) parts.push(r.status);
      const from = roleName(model, r?.from?.id);
      if (from) parts.push(from);
      break;
    }
    default:
      break;
  }
  return { name: name && name !== id ? name : undefined, detail: parts.join(' · ') };
}
