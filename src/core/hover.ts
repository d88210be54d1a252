/**
 * Hover cards: what a role, step, data item, requirement or step attribute
 * is, where it sits (lane, department), who asked for what (priority,
 * status, `from`), and which requirements and conflicts touch it — as
 * Markdown, in English or Chinese. Keys of the format show their
 * description, and rule codes under `rules:` theirs.
 *
 * Pure TypeScript; built from the model, the symbol index and the
 * diagnostics of the same analysis, so a card always agrees with the
 * squiggles.
 */
import { mdCodeText, mdEscapeText } from './escape';
import { pick, type Texts } from './i18n';
import type { Model, Requirement, Step } from './model';
import { RULES_BY_CODE } from './rules/index';
import { describeKey, ITEMS, typeLabel } from './schema';
import { buildSymbolIndex, type SymbolIndex, type SymbolKind } from './symbols';
import { ENUM_TEXTS, locate, type Seg } from './completion';
import type { Diagnostic, Locale, Span } from './types';

export interface HoverResult {
  markdown: string;
  /** The text the hover is about (the id, key or word under the cursor). */
  span: Span;
}

/** Escapes Markdown (and HTML) in free text such as names and titles (line breaks and controls included). */
export function mdEscape(s: string): string {
  return mdEscapeText(s);
}

/** An id in a code span (a line break or control character shown as `\u{…}`, so it cannot end the span). */
const code = (id: string) => '`' + mdCodeText(id.replace(/`/g, "'")) + '`';

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

function conflictLines(ds: readonly Diagnostic[] | undefined, touches: (d: Diagnostic) => boolean): string[] {
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
    out.push(`${severityMark(d)} ${code(d.code)} ${mdEscape(firstSentence(d.message)).replace(/\\`/g, '`')}`);
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
        conflictLines(diagnostics, (d) => has(d.data?.roles, id) || (Array.isArray(d.data?.requirements) && (d.data!.requirements as string[]).some((q) => asked.has(q)))),
      );
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
      c.section(CONFLICTS, conflictLines(diagnostics, (d) => has(d.data?.steps, id)));
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
      if (r.overrides.length) {
        c.field(
          { en: 'Overrides', zh: '优先于' },
          r.overrides.map((d) => code(d.id)).join(sep(locale)) +
            (r.decidedBy ? t(`, decided by ${roleLabel(model, r.decidedBy.id)}`, `，由${roleLabel(model, r.decidedBy.id)}决定`) : ''),
        );
      }
      const overriddenBy = model.requirements.list.filter((q) => q.overrides.some((o) => o.id === id));
      c.list({ en: 'Overridden by', zh: '被以下需求优先' }, overriddenBy.map((q) => code(q.id)));
      c.field(
        { en: 'Acceptance', zh: '验收标准' },
        r.acceptance.length
          ? t(`${r.acceptance.length} ${r.acceptance.length === 1 ? 'criterion' : 'criteria'}`, `${r.acceptance.length} 条`)
          : t('none yet', '尚未填写'),
      );
      c.section(CONFLICTS, conflictLines(diagnostics, (d) => has(d.data?.requirements, id)));
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

/** The hover at `offset`: a symbol's card, a key's description, or a rule code's. */
export function hoverAt(
  model: Model,
  offset: number,
  locale: Locale = 'en',
  diagnostics?: readonly Diagnostic[],
  index?: SymbolIndex,
): HoverResult | undefined {
  try {
    const idx = index ?? buildSymbolIndex(model);
    const sym = idx.symbolAt(offset);
    if (sym) {
      return { markdown: symbolCard(model, idx, sym.kind, sym.id, locale, diagnostics), span: { ...sym.span } };
    }
    return keyHover(model, offset, locale);
  } catch {
    return undefined;
  }
}

function keyHover(model: Model, offset: number, locale: Locale): HoverResult | undefined {
  const text = model.parsed.text;
  const c = locate(text, offset);
  if (!c || c.word.start === c.word.end) return undefined;
  const word = text.slice(c.word.start, c.word.end);
  if (c.slot === 'key') {
    if (c.path.length === 1 && c.path[0] === 'rules') {
      const rule = RULES_BY_CODE.get(word);
      if (!rule) return undefined;
      return {
        markdown: `${code(rule.code)} — ${pick(locale, `rule, default ${rule.defaultSeverity}`, `规则，默认级别 ${rule.defaultSeverity}`)}\n\n${pick(locale, rule.description)}`,
        span: c.word,
      };
    }
    const spec = describeKey([...c.path, word] as Seg[]);
    if (!spec) return undefined;
    return {
      markdown: `${code(spec.key)} — ${pick(locale, typeLabel(spec.type))}${spec.required ? pick(locale, ' · required', ' · 必填') : ''}\n\n${pick(locale, spec.description)}`,
      span: c.word,
    };
  }
  // an allowed word: `type: decision`, `priority: must`, a severity under `rules:`
  const spec = describeKey(c.path);
  const isWord = (spec?.type.kind === 'enum' && spec.type.values.includes(word)) || (c.path.length === 2 && c.path[0] === 'rules');
  if (isWord && ENUM_TEXTS[word]) return { markdown: `${code(word)} — ${pick(locale, ENUM_TEXTS[word])}`, span: c.word };
  return undefined;
}
