/**
 * The review commands' words and text: the labels (`labelOf`, `roleLabel`, `stepLabel`, `stateWord`), the
 * impact (`formatImpact`) and the diff by role (`formatDiff`) as text, JSON or Markdown. Pure, so the CLI
 * (`bizflow impact`, `bizflow diff`, `bizflow sign`) and the editor's "BizFlow: Compare with…" (answered in the
 * analysis worker, src/shared/review-queries.ts) write the same thing from the same code.
 */
import type { AnalysisResult } from '../engine';
import { pick, q } from '../i18n';
import type { Model } from '../model';
import { LineIndex } from '../positions';
import type { Locale, Span } from '../types';
import type { RoleDiff } from './diff';
import { unchanged, type Ask, type AttributeChange, type Handoff, type RoleImpact } from './impact';
import type { AgreementState } from './read';

export const REVIEW_FORMATS = ['text', 'json', 'markdown'] as const;
export type ReviewFormat = (typeof REVIEW_FORMATS)[number];

/** One analysed version of a file, named as the user named it. */
export interface ReviewVersion {
  /** The file (or `REV:PATH`) as the user names it. */
  shown: string;
  text: string;
  result: AnalysisResult;
}

/** `名称 "id"` / `名称“id”`, or just the quoted id. */
export function labelOf(locale: Locale, id: string, name: string | undefined): string {
  const n = name?.trim();
  if (!n || n === id) return q(locale, id);
  return locale === 'zh-CN' ? `${n}${q(locale, id)}` : `${n} ${q(locale, id)}`;
}

export function roleLabel(locale: Locale, model: Model, id: string): string {
  return labelOf(locale, id, model.roles.byId.get(id)?.name);
}

export function stepLabel(locale: Locale, model: Model, id: string): string {
  return labelOf(locale, id, model.steps.byId.get(id)?.name);
}

/** JSON where every span (`{start, end}`) becomes 1-based line/column positions. */
export function jsonWithLines(value: unknown, text: string): string {
  const lines = new LineIndex(text);
  const isSpan = (v: unknown): v is Span =>
    !!v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 2 && typeof (v as Span).start === 'number' && typeof (v as Span).end === 'number';
  return JSON.stringify(value, (_k, v) => (isSpan(v) ? lines.oneBased(v) : v), 2) + '\n';
}

export function stateWord(locale: Locale, s: AgreementState): string {
  const t = (en: string, zh: string) => pick(locale, en, zh);
  switch (s) {
    case 'agreed':
      return t('agreed', '已同意');
    case 'stale':
      return t('agreed to an earlier version (stale)', '同意的是旧版本（已失效）');
    case 'object':
      return t('objects', '反对');
    case 'question':
      return t('has an open question', '有待答复的问题');
    default:
      return t('not given', '尚未表态');
  }
}

// ---------------------------------------------------------------------------
// impact

/** Words of the impact and diff outputs. */
export function reviewWords(locale: Locale) {
  const t = (en: string, zh: string) => pick(locale, en, zh);
  return {
    t,
    // without a process name or id, the file alone: "… for each role (FILE)", not "… for each role —  (FILE)"
    impactTitle: (proc: string, file: string) =>
      proc ? t(`What the requirements change for each role — ${proc} (${file})`, `需求对各角色带来的变化 — ${proc}（${file}）`) : t(`What the requirements change for each role (${file})`, `需求对各角色带来的变化（${file}）`),
    /** A list of requirements or asks: "A, B" / "A、B". */
    list: (items: readonly string[]) => items.join(t(', ', '、')),
    /** A parenthesised remark after a line's text: " (x)" / "（x）". */
    paren: (x: string) => t(` (${x})`, `（${x}）`),
    nothing: t('nothing changes for this role.', '该角色没有变化。'),
    stepsAdded: t('Steps added to its lane', '其泳道中新增的步骤'),
    stepsRemoved: t('Steps removed from its lane', '其泳道中去掉的步骤'),
    stepsChanged: t('Steps changed', '修改的步骤'),
    provides: t('Data it must newly provide', '需要新提供的数据'),
    needs: t('Data it newly needs', '新需要的数据'),
    handoffsIn: t('Hand-offs into its lane', '交接到其泳道'),
    handoffsOut: t('Hand-offs out of its lane', '从其泳道交出'),
    ledger: t('Before → after', '变化前 → 变化后'),
    conflicts: t('Open conflicts it is party to', '它参与的未决冲突'),
    pending: t('Requirements waiting for its agreement', '等待它同意的需求'),
    contested: t('contested', '有争议'),
    by: (asks: string) => t(`asked by ${asks}`, `提出：${asks}`),
    against: (asks: string) => t(`contested by ${asks}`, `有争议：${asks}`),
    decides: (who: string) => t(`who decides: ${who}`, `决定方：${who}`),
    line: (n: number) => t(` (line ${n})`, `（第 ${n} 行）`),
    for: (what: string) => t(`for ${what}`, `供${what}使用`),
    at: (what: string) => t(`at ${what}`, `用于${what}`),
    none: t('none', '无'),
    fingerprint: (fp: string) => t(`fingerprint ${fp}`, `指纹 ${fp}`),
    ledgerLine: (b: { steps: number; decisions: number; handoffs: number; manual: number }, a: typeof b, contested: number) =>
      t(
        `steps ${b.steps} → ${a.steps}, decisions ${b.decisions} → ${a.decisions}, hand-offs ${b.handoffs} → ${a.handoffs}, manual steps ${b.manual} → ${a.manual}`,
        `步骤 ${b.steps} → ${a.steps}，判断 ${b.decisions} → ${a.decisions}，交接 ${b.handoffs} → ${a.handoffs}，人工步骤 ${b.manual} → ${a.manual}`,
      ) + (contested ? t(`; ${contested} contested (not counted after)`, `；${contested} 处有争议（未计入变化后）`) : ''),
    ledgerHead: t('| | steps | decisions | hand-offs | manual steps |', '| | 步骤 | 判断 | 交接 | 人工步骤 |'),
    beforeWord: t('before', '变化前'),
    afterWord: t('after', '变化后'),
  };
}

function askText(locale: Locale, model: Model, a: Ask): string {
  const from = a.from ? roleLabel(locale, model, a.from) : pick(locale, 'no "from"', '未写提出方');
  return pick(locale, `${a.requirement} (${a.priority ?? '?'}, ${from})`, `${a.requirement}（${a.priority ?? '?'}，${from}）`);
}

function changeLine(locale: Locale, model: Model, c: AttributeChange): string {
  const w = reviewWords(locale);
  const today = c.today ?? pick(locale, '(not set)', '（未设置）');
  const step = stepLabel(locale, model, c.step);
  if (c.after.kind === 'value') {
    const ask = c.asks.find((a) => a.requirement === (c.after as { requirement: string }).requirement)!;
    return `${step} ${c.attribute}: ${today} → ${c.after.value} — ${w.by(askText(locale, model, ask))}`;
  }
  const sides = c.asks.map((a) => `${a.value} ← ${askText(locale, model, a)}`).join(' | ');
  return `${step} ${c.attribute}: ${today} → ${w.contested}: ${sides}`;
}

function handoffLine(locale: Locale, model: Model, h: Handoff, dir: 'in' | 'out'): string {
  const mark = h.change === 'added' ? '+ ' : h.change === 'removed' ? '− ' : '  ';
  const other = dir === 'in' ? h.fromRole : h.toRole;
  const w = reviewWords(locale);
  const c = h.contested ? w.paren(w.contested) : '';
  return `${mark}${stepLabel(locale, model, h.from)} → ${stepLabel(locale, model, h.to)} [${roleLabel(locale, model, other)}]${c}`;
}

/** Nothing to say for this role: its work does not change, and no conflict or agreement concerns it. */
function isEmptyImpact(r: RoleImpact): boolean {
  return unchanged(r) && !r.conflicts.length && !r.agreements.length;
}

/** Sections of one role's impact as (heading, lines) pairs; empty sections left out. */
function impactSections(locale: Locale, model: Model, text: string, r: RoleImpact): [string, string[]][] {
  const w = reviewWords(locale);
  const lines = new LineIndex(text);
  const at = (s: { start: number; end: number }) => w.line(lines.oneBased(s).line);
  const out: [string, string[]][] = [];
  const add = (h: string, l: string[]) => l.length && out.push([h, l]);
  add(
    w.stepsAdded,
    r.stepsAdded.map(
      (c) =>
        `+ ${stepLabel(locale, model, c.step)} — ${w.by(w.list(c.by.map((a) => askText(locale, model, a))))}` +
        (c.contested ? ` — ${w.against(w.list(c.against.map((a) => askText(locale, model, a))))}` : ''),
    ),
  );
  add(
    w.stepsRemoved,
    r.stepsRemoved.map(
      (c) =>
        `${c.contested ? '?' : '−'} ${stepLabel(locale, model, c.step)} — ${w.by(w.list(c.by.map((a) => askText(locale, model, a))))}` +
        (c.contested ? ` — ${w.against(w.list(c.against.map((a) => askText(locale, model, a))))}` : ''),
    ),
  );
  add(w.stepsChanged, r.stepsChanged.map((c) => `~ ${changeLine(locale, model, c)}`));
  add(
    w.provides,
    r.provides.map((d) =>
      d.to
        ? `${d.data} — ${w.for(stepLabel(locale, model, d.to.step) + (d.to.role ? ` [${roleLabel(locale, model, d.to.role)}]` : ''))}${w.paren(w.list(d.requirements))}`
        : `${d.data} — ${stepLabel(locale, model, d.step)}${w.paren(w.list(d.requirements))}`,
    ),
  );
  add(w.needs, r.needs.map((d) => `${d.data} — ${w.at(stepLabel(locale, model, d.step))}${w.paren(w.list(d.requirements))}`));
  add(w.handoffsIn, r.handoffsIn.map((h) => handoffLine(locale, model, h, 'in')));
  add(w.handoffsOut, r.handoffsOut.map((h) => handoffLine(locale, model, h, 'out')));
  add(w.ledger, [w.ledgerLine(r.ledger.before, r.ledger.after, r.ledger.contested)]);
  add(
    w.conflicts,
    r.conflicts.map(
      (c) =>
        `${c.severity} ${c.code}${w.paren(w.list(c.requirements))}${c.decider ? ` — ${w.decides(roleLabel(locale, model, c.decider))}` : ''}${at(c.spans[0])}`,
    ),
  );
  add(
    w.pending,
    r.agreements
      .filter((a) => a.state !== 'agreed')
      .map((a) => {
        const req = model.requirements.byId.get(a.requirement);
        const title = req?.title ? ` ${req.title}` : '';
        const who = `${a.priority ?? '?'}${a.from ? w.t(', ', '，') + roleLabel(locale, model, a.from) : ''}`;
        return `${a.requirement}${title}${w.t(` (${who}): `, `（${who}）：`)}${stateWord(locale, a.state)} — ${w.fingerprint(a.fingerprint)}`;
      }),
  );
  return out;
}

export function formatImpact(format: ReviewFormat, locale: Locale, loaded: ReviewVersion, roles: RoleImpact[]): string {
  const { model } = loaded.result;
  const w = reviewWords(locale);
  if (format === 'json') {
    return jsonWithLines({ file: loaded.shown, process: model.process?.name ?? null, roles }, loaded.text);
  }
  const proc = model.process?.name ?? model.process?.id ?? '';
  let s = format === 'markdown' ? `# ${w.impactTitle(proc, loaded.shown)}\n` : `${w.impactTitle(proc, loaded.shown)}\n`;
  for (const r of roles) {
    const label = roleLabel(locale, model, r.role);
    const sections = impactSections(locale, model, loaded.text, r);
    if (format === 'markdown') {
      s += `\n## ${label}\n\n`;
      if (isEmptyImpact(r)) {
        s += `${w.nothing}\n`;
        continue;
      }
      for (const [h, lines] of sections) {
        if (h === w.ledger) {
          const b = r.ledger.before;
          const a = r.ledger.after;
          s += `### ${h}\n\n${w.ledgerHead}\n|---|---|---|---|---|\n| ${w.beforeWord} | ${b.steps} | ${b.decisions} | ${b.handoffs} | ${b.manual} |\n| ${w.afterWord} | ${a.steps} | ${a.decisions} | ${a.handoffs} | ${a.manual} |\n`;
          if (r.ledger.contested) s += `\n${w.contested}: ${r.ledger.contested}\n`;
          s += '\n';
          continue;
        }
        s += `### ${h}\n\n` + lines.map((l) => `- ${mdEscape(l)}`).join('\n') + '\n\n';
      }
    } else {
      s += `\n${label}\n`;
      if (isEmptyImpact(r)) {
        s += `  ${w.nothing}\n`;
        continue;
      }
      for (const [h, lines] of sections) s += `  ${h}${w.t(':', '：')}\n` + lines.map((l) => `    ${l}\n`).join('');
    }
  }
  return s.replace(/\n+$/, '\n');
}

/** Markdown-safe text for a list item (no HTML, no accidental emphasis or links). */
export function mdEscape(s: string): string {
  return s
    .trim()
    .replace(/[\\`*_[\]<>|#]/g, (c) => '\\' + c)
    .replace(/^([+\-])/, '\\$1');
}

// ---------------------------------------------------------------------------
// diff

function words(locale: Locale) {
  const t = (en: string, zh: string) => pick(locale, en, zh);
  return {
    title: (a: string, b: string) => t(`Changes by role: ${a} → ${b}`, `按角色列出的变化：${a} → ${b}`),
    noChange: t('no changes for this role.', '该角色没有变化。'),
    steps: t('Steps of its lane', '其泳道中的步骤'),
    requirements: t('Requirements', '需求'),
    conflicts: t('Conflicts', '冲突'),
    agreements: t('Agreements', '同意'),
    changed: (fields: string) => t(`changed (${fields})`, `修改（${fields}）`),
    /** A list of fields or requirements: "a, b" / "a、b". */
    list: (items: readonly string[]) => items.join(t(', ', '、')),
    paren: (x: string) => t(` (${x})`, `（${x}）`),
    movedFrom: (who: string) => t(`moved from ${who}`, `从${who}移入`),
    movedTo: (who: string) => t(`moved to ${who}`, `移到${who}`),
    status: (a: string, b: string) => t(`status ${a} → ${b}`, `状态 ${a} → ${b}`),
    content: (a: string, b: string) => t(`content changed (fingerprint ${a} → ${b})`, `内容已变（指纹 ${a} → ${b}）`),
    opened: t('opened', '新出现'),
    resolved: t('resolved', '已解决'),
    agreement: (c: string) =>
      c === 'gained'
        ? t('agreement gained', '获得同意')
        : c === 'stale'
          ? t('agreement made stale (the requirement changed since)', '同意已失效（之后需求有变化）')
          : c === 'withdrawn'
            ? t('agreement withdrawn', '撤回同意')
            : c === 'objected'
              ? t('objection recorded', '记录了反对')
              : t('question recorded', '记录了问题'),
  };
}

function sections(locale: Locale, before: Model, after: Model, d: RoleDiff): [string, string[]][] {
  const w = words(locale);
  const model = (id: string) => (after.steps.byId.has(id) ? after : before);
  const out: [string, string[]][] = [];
  const add = (h: string, l: string[]) => l.length && out.push([h, l]);
  add(
    w.steps,
    d.steps.map((s) => {
      const label = stepLabel(locale, model(s.step), s.step);
      if (s.change === 'added') return `+ ${label}`;
      if (s.change === 'removed') return `− ${label}`;
      let line = `~ ${label}: ${w.changed(w.list(s.fields!))}`;
      if (s.roleBefore !== s.roleAfter) {
        if (s.roleAfter === d.role && s.roleBefore) line += ` — ${w.movedFrom(roleLabel(locale, before, s.roleBefore))}`;
        if (s.roleBefore === d.role && s.roleAfter) line += ` — ${w.movedTo(roleLabel(locale, after, s.roleAfter))}`;
      }
      return line;
    }),
  );
  add(
    w.requirements,
    d.requirements.map((r) => {
      const req = after.requirements.byId.get(r.requirement) ?? before.requirements.byId.get(r.requirement);
      const title = req?.title ? ` ${req.title}` : '';
      switch (r.change) {
        case 'added':
          return `+ ${r.requirement}${title}`;
        case 'removed':
          return `− ${r.requirement}${title}`;
        case 'status':
          return `~ ${r.requirement}${title}: ${w.status(r.statusBefore!, r.statusAfter!)}`;
        default:
          return `~ ${r.requirement}${title}: ${w.content(r.fingerprintBefore!, r.fingerprintAfter!)}`;
      }
    }),
  );
  add(
    w.conflicts,
    d.conflicts.map((c) => `${c.change === 'opened' ? '+' : '✓'} ${c.change === 'opened' ? w.opened : w.resolved}: ${c.severity} ${c.code}${w.paren(w.list(c.requirements))}`),
  );
  add(
    w.agreements,
    d.agreements.map((a) => `${a.requirement}: ${w.agreement(a.change)} (${stateWord(locale, a.before)} → ${stateWord(locale, a.after)})`),
  );
  return out;
}

export function formatDiff(format: ReviewFormat, locale: Locale, a: ReviewVersion, b: ReviewVersion, roles: RoleDiff[]): string {
  if (format === 'json') return JSON.stringify({ old: a.shown, new: b.shown, roles }, null, 2) + '\n';
  const w = words(locale);
  const before = a.result.model;
  const after = b.result.model;
  let s = format === 'markdown' ? `# ${w.title(a.shown, b.shown)}\n` : `${w.title(a.shown, b.shown)}\n`;
  for (const d of roles) {
    const label = roleLabel(locale, after.roles.byId.has(d.role) ? after : before, d.role);
    const secs = sections(locale, before, after, d);
    if (format === 'markdown') {
      s += `\n## ${label}\n\n`;
      if (!secs.length) s += `${w.noChange}\n`;
      for (const [h, lines] of secs) s += `### ${h}\n\n` + lines.map((l) => `- ${mdEscape(l)}`).join('\n') + '\n\n';
    } else {
      s += `\n${label}\n`;
      if (!secs.length) s += `  ${w.noChange}\n`;
      for (const [h, lines] of secs) s += `  ${h}${pick(locale, ':', '：')}\n` + lines.map((l) => `    ${l}\n`).join('');
    }
  }
  return s.replace(/\n+$/, '\n');
}
