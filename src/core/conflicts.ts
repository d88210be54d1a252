/**
 * Shared helpers for the data, requirement and conflict rules: labels that
 * put display names beside ids, "who asked with which priority" texts, the
 * `overrides` lookup, and tolerant reads of raw fields whose shape may be
 * wrong (the schema rules report those; the rules here only skip them).
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { AnalysisFacts } from './facts';
import { list } from './i18n';
import { mapPairs, rangeSpan, scalarText, type Item, type Model, type Priority, type Requirement } from './model';
import { deref } from './parse';
import type { RuleContext } from './rule';
import type { Severity, Span } from './types';

export const PRIORITY_RANK: Readonly<Record<Priority, number>> = { must: 0, should: 1, could: 2, wont: 3 };

// ---------------------------------------------------------------------------
// labels

/** `业务员 "sales"` / `业务员“sales”`; just the quoted id when there is no (different) name. */
export function labelled(ctx: RuleContext, id: string, name: string | undefined): string {
  const n = name?.trim();
  if (!n || n === id) return ctx.q(id);
  return ctx.locale === 'zh-CN' ? `${n}${ctx.q(id)}` : `${n} ${ctx.q(id)}`;
}

export function stepLabel(ctx: RuleContext, id: string): string {
  return labelled(ctx, id, ctx.model.steps.byId.get(id)?.name);
}

export function roleLabel(ctx: RuleContext, id: string): string {
  return labelled(ctx, id, ctx.model.roles.byId.get(id)?.name);
}

export function dataLabel(ctx: RuleContext, id: string): string {
  return labelled(ctx, id, ctx.model.data?.byId.get(id)?.name);
}

/** "a, b and c" in the current locale, with at most `max` items shown. */
export function shortList(ctx: RuleContext, items: string[], max = 3): string {
  if (items.length <= max) return list(ctx.locale, items);
  const more = items.length - max;
  return list(ctx.locale, [
    ...items.slice(0, max),
    ctx.t(`${more} more`, `另外 ${more} 个`),
  ]);
}

// ---------------------------------------------------------------------------
// requirements

/** `"REQ-001" (must, asked by 业务员 "sales")` / `“REQ-001”（must，由业务员“sales”提出）` */
export function reqWho(ctx: RuleContext, r: Requirement): string {
  const prio = r.priority ?? ctx.t('no priority', '未定优先级');
  if (!r.from) {
    return ctx.t(
      `${ctx.q(r.id)} (${prio}, no "from")`,
      `${ctx.q(r.id)}（${prio}，未写提出方）`,
    );
  }
  const who = roleLabel(ctx, r.from.id);
  return ctx.t(
    `${ctx.q(r.id)} (${prio}, asked by ${who})`,
    `${ctx.q(r.id)}（${prio}，由${who}提出）`,
  );
}

/** At most `max` characters of user text in a short message (names and values can be long): cut with "…". */
export function clip(s: string, max = 24): string {
  const cps = [...s];
  return cps.length <= max ? s : cps.slice(0, max - 1).join('') + '…';
}

/** An id as short messages write it: bare when it is a plain id, quoted otherwise (spaces, quotes …). */
export function bareId(ctx: RuleContext, id: string): string {
  return /^[\p{L}\p{N}_.-]{1,40}$/u.test(id) ? id : ctx.q(clip(id, 40));
}

/** `信用审核 "credit-check"` as `labelled` writes it, with the name and id clipped for a short message. */
export function shortLabel(ctx: RuleContext, id: string, name: string | undefined): string {
  const n = name?.trim();
  return labelled(ctx, clip(id, 20), n && n !== id ? clip(n, 14) : undefined);
}

/** The name a short message gives a role: its display name (or its id), clipped. */
export function roleName(ctx: RuleContext, id: string): string {
  const n = ctx.model.roles.byId.get(id)?.name?.trim();
  return clip(n || id, 16);
}

/**
 * `REQ-001 (must, 业务员)` / `REQ-001（must，业务员）`: who asked, in a short
 * message (the long `reqWho` is for the explanations in hovers).
 */
export function shortWho(ctx: RuleContext, r: Requirement): string {
  const prio = r.priority ?? ctx.t('no priority', '未定优先级');
  const who = r.from ? roleName(ctx, r.from.id) : ctx.t('no "from"', '未写提出方');
  return ctx.t(`${bareId(ctx, r.id)} (${prio}, ${who})`, `${bareId(ctx, r.id)}（${prio}，${who}）`);
}

/**
 * The few words of a short conflict message on what to do about a clash
 * between `a` and `b`: which one outranks, and to record the decision with
 * `overrides` + `decidedBy` (the full how-to, with who decides, is
 * `decisionHint`, in the explanation).
 */
export function decisionShort(ctx: RuleContext, a: Requirement, b: Requirement): string {
  const pa = a.priority;
  const pb = b.priority;
  if (pa && pb && pa !== pb) {
    const [win, lose] = PRIORITY_RANK[pa] < PRIORITY_RANK[pb] ? [a, b] : [b, a];
    const w = bareId(ctx, win.id);
    const l = bareId(ctx, lose.id);
    return ctx.t(` ${w} outranks; record overrides: [${l}] + decidedBy.`, `${w} 优先；请记录 overrides: [${l}] + decidedBy。`);
  }
  if (pa && pa === pb) {
    return ctx.t(` Same priority: the roles decide (overrides + decidedBy).`, `优先级相同，需相关角色商定（overrides + decidedBy）。`);
  }
  return ctx.t(' The roles decide (overrides + decidedBy).', '需相关角色商定（overrides + decidedBy）。');
}

/** A decision is recorded between the two: one lists the other in `overrides`. */
export function decided(facts: Pick<AnalysisFacts, 'overrides'>, a: Requirement, b: Requirement): boolean {
  const o = facts.overrides;
  return !!(o.get(a.id)?.has(b.id) || o.get(b.id)?.has(a.id));
}

/** Step ids a requirement names (`steps`, `sets` keys, `adds`, `removes`), without repeats. */
export function stepsNamed(r: Requirement): string[] {
  const out = new Set<string>();
  for (const s of r.steps) out.add(s.id);
  for (const s of r.sets) if (s.step) out.add(s.step.id);
  for (const s of r.adds) out.add(s.id);
  for (const s of r.removes) out.add(s.id);
  return [...out];
}

/** Union of step ids, without repeats, in first-seen order. */
export function unionIds(...lists: string[][]): string[] {
  return [...new Set(lists.flat())];
}

/**
 * What to do about a clash between `a` (where the diagnostic is) and `b`:
 * who outranks whom, and how to record the decision.
 */
export function decisionHint(ctx: RuleContext, a: Requirement, b: Requirement): string {
  const owner = ctx.model.process?.owner?.id;
  const decider = owner && ctx.model.roles.byId.has(owner) ? owner : ctx.t('<role>', '<角色>');
  const pa = a.priority;
  const pb = b.priority;
  if (pa && pb && pa !== pb) {
    const [win, lose] = PRIORITY_RANK[pa] < PRIORITY_RANK[pb] ? [a, b] : [b, a];
    const [w, l] = [ctx.q(win.id), ctx.q(lose.id)];
    return ctx.t(
      ` ${w} (${win.priority}) outranks ${l} (${lose.priority}). ` +
        `If ${w} wins, record the decision in it with \`overrides: [${lose.id}]\` and \`decidedBy: ${decider}\`; ` +
        `otherwise change one of them so they agree.`,
      `${w}（${win.priority}）优先于${l}（${lose.priority}）。` +
        `若以${w}为准，请在其中用 \`overrides: [${lose.id}]\` 和 \`decidedBy: ${decider}\` 记录这一决定；` +
        `否则请修改其中一条，使两者一致。`,
    );
  }
  const same = pa && pa === pb;
  return ctx.t(
    (same ? ` Neither outranks the other (both are ${pa}), so the roles involved have to decide.` : ' The roles involved have to decide.') +
      ` Record the decision in the requirement that wins with \`overrides\` and \`decidedBy: ${decider}\`, or change one of them so they agree.`,
    (same ? `两者优先级相同（都是 ${pa}），需由相关角色商定。` : '需由相关角色商定。') +
      `请在胜出的需求中用 \`overrides\` 和 \`decidedBy: ${decider}\` 记录决定，或修改其中一条，使两者一致。`,
  );
}

// ---------------------------------------------------------------------------
// raw fields (tolerant of wrong shapes)

/** The value node of `key` in an item's map (following one alias); `undefined` when the key is absent. */
export function rawField(model: Model, item: Item, key: string): { present: boolean; node: unknown; span?: Span } {
  for (const p of mapPairs(item.node, model.parsed)) {
    if (scalarText(p.key) === key) {
      const node = deref(model.parsed, p.value);
      return { present: true, node, span: rangeSpan(node, model.parsed.text) };
    }
  }
  return { present: false, node: undefined };
}

/** The value has something in it: a non-empty list or map, or a non-empty scalar. */
export function hasContent(node: unknown): boolean {
  if (isSeq(node) || isMap(node)) return node.items.length > 0;
  if (isScalar(node)) {
    const v = node.value;
    return v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '');
  }
  return node !== null && node !== undefined;
}

/** An item written with nothing after its key (`REQ-9:`) counts as an empty map. */
export function isEmptyItem(item: Item): boolean {
  return item.node === null || item.node === undefined || (isScalar(item.node) && item.node.value === null);
}

// ---------------------------------------------------------------------------
// one finding per entry

/**
 * How many other sides a conflict finding lists in its related information
 * and its `data.requirements` (the message counts them all: "…and N more").
 * Bounded so that one entry clashing with thousands of others costs the same
 * as one clashing with a few (issue 12, bench "hostile families").
 */
export const MAX_OTHER_SIDES = 20;

/** Requirement id → the ids it is decided with, in either direction of `overrides`. */
export function decidedIndex(facts: Pick<AnalysisFacts, 'overrides'>): ReadonlyMap<string, ReadonlySet<string>> {
  const out = new Map<string, Set<string>>();
  const add = (a: string, b: string) => {
    let s = out.get(a);
    if (!s) out.set(a, (s = new Set()));
    s.add(b);
  };
  for (const [a, bs] of facts.overrides) {
    for (const b of bs) {
      add(a, b);
      add(b, a);
    }
  }
  return out;
}

/**
 * Remembers the text spans a rule has already reported on: an entry reached
 * again through a YAML alias (`Q1: *q`) is the same text, so it is reported
 * once per rule however many requirements name it.
 */
export class SeenSpans {
  private readonly seen = new Set<string>();
  /** True the first time `span` is seen. */
  first(span: Span): boolean {
    const k = `${span.start}:${span.end}`;
    if (this.seen.has(k)) return false;
    this.seen.add(k);
    return true;
  }
}

/** ` …and 3 more.` / `……另有 3 条。` placeholder text, or '' when there are none. */
export function andMore(ctx: RuleContext, count: number): string {
  if (count <= 0) return '';
  return ctx.t(` …and ${count} more.`, `……另有 ${count} 条。`);
}

/** ` Today it is "manual".` / `目前为“manual”。`, or '' when the step does not set the attribute today. */
export function todayText(ctx: RuleContext, today: string | undefined): string {
  if (today === undefined) return '';
  return ctx.t(` Today it is ${ctx.q(today)}.`, `目前为${ctx.q(today)}。`);
}
