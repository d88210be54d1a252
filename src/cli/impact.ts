/**
 * `bizflow impact [--role ROLE] [--format text|json|markdown] [--config FILE] FILE`:
 * what the live requirements change for each role. Also the helpers the
 * other review commands share (loading a file or `REV:PATH`, labels, JSON
 * with line/column positions).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, type AnalysisResult } from '../core/engine';
import { pick, q } from '../core/i18n';
import type { Model } from '../core/model';
import { LineIndex } from '../core/positions';
import { computeImpact, type Ask, type AttributeChange, type Handoff, type RoleImpact } from '../core/review/impact';
import type { AgreementState } from '../core/review/read';
import { nearest } from '../core/suggest';
import type { Locale, Span } from '../core/types';
import { ConfigResolver } from '../node/config-files';
import { FileError, readTextFile } from '../node/find-files';
import { GitError, parseRevisionSpec, readGitFile } from '../node/git';
import { EXIT_OK, choice, parseCommandArgs, type CliContext, ROLE_OPTION, FORMAT_OPTION, CONFIG_OPTION } from './context';
import { configFor } from './lint';

export const REVIEW_FORMATS = ['text', 'json', 'markdown'] as const;
export type ReviewFormat = (typeof REVIEW_FORMATS)[number];

// ---------------------------------------------------------------------------
// shared by impact, diff and sign

export interface Loaded {
  /** The argument as given. */
  shown: string;
  text: string;
  result: AnalysisResult;
}

/** Reads FILE (or `REV:PATH` when `git` is allowed) and analyses it with its rc configuration; an exit code on failure. */
export function loadForReview(arg: string, ctx: CliContext, options: { git?: boolean; config?: string } = {}): Loaded | number {
  const rev = options.git ? parseRevisionSpec(arg, (p) => fs.existsSync(path.resolve(ctx.cwd, p))) : undefined;
  let text: string;
  let file: string;
  try {
    if (rev) {
      text = readGitFile(ctx.cwd, rev.rev, rev.path);
      file = path.resolve(ctx.cwd, rev.path);
    } else {
      file = path.resolve(ctx.cwd, arg);
      text = readTextFile(file, arg);
    }
  } catch (e) {
    if (e instanceof FileError) return ctx.fail(ctx.m.fileError(e));
    if (e instanceof GitError) return ctx.fail(gitMessage(ctx.locale, e));
    throw e;
  }
  const resolver = new ConfigResolver({ explicit: options.config, locale: ctx.locale, cwd: ctx.cwd });
  const rc = configFor(file, resolver, new Set(), ctx);
  if (typeof rc === 'number') return rc;
  const result = analyze(text, { locale: ctx.locale, config: rc ? [rc.config] : [] });
  return { shown: arg, text, result };
}

export function gitMessage(locale: Locale, e: GitError): string {
  const s = q(locale, e.spec);
  switch (e.reason) {
    case 'no-git':
      return pick(locale, `cannot read ${s}: git is not installed or not on the PATH.`, `无法读取${s}：没有安装 git，或 git 不在 PATH 中。`);
    case 'too-large':
      return pick(locale, `cannot read ${s}: the file is too large.`, `无法读取${s}：文件过大。`);
    case 'not-text':
      return pick(locale, `cannot read ${s}: it is not UTF-8 text.`, `无法读取${s}：它不是 UTF-8 文本。`);
    default:
      return pick(locale, `cannot read ${s} through git: ${e.detail ?? ''}`, `无法通过 git 读取${s}：${e.detail ?? ''}`);
  }
}

/** Validates `--role` against the roles of the given models; an exit code when unknown. */
export function checkRole(role: string | true | undefined, models: Model[], ctx: CliContext): string | undefined | number {
  if (typeof role !== 'string') return undefined;
  const known = [...new Set(models.flatMap((m) => [...m.roles.byId.keys()]))];
  if (known.includes(role)) return role;
  return ctx.fail(ctx.m.unknownRole(role, known, nearest(role, known)));
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

export function impactUsage(locale: Locale): string {
  return pick(locale, {
    en: `Usage: bizflow impact [options] FILE
What the live requirements change for each role: steps added to, removed from and changed in its lane,
data asked of it, hand-offs, a before/after ledger, the conflicts it is party to, and the requirements
waiting for its agreement. Where requirements contradict each other the point is shown as contested.

Options:
  -r, --role ROLE                    one role only
  -f, --format text|json|markdown    output format (default: text)
  -c, --config FILE                  use this configuration file instead of the nearest one
      --locale en|zh-CN              language of the output
`,
    zh: `用法：bizflow impact [选项] 文件
各项有效需求对每个角色带来的变化：其泳道中新增、去掉和修改的步骤，要求它提供或需要的数据，交接，
前后对照，它参与的冲突，以及等待它同意的需求。需求之间相互矛盾之处标为“有争议”。

选项：
  -r, --role ROLE                    只看一个角色
  -f, --format text|json|markdown    输出格式（默认 text）
  -c, --config FILE                  使用指定的配置文件，而不是最近的配置文件
      --locale en|zh-CN              输出语言
`,
  });
}

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

function isEmptyImpact(r: RoleImpact): boolean {
  return (
    !r.stepsAdded.length &&
    !r.stepsRemoved.length &&
    !r.stepsChanged.length &&
    !r.provides.length &&
    !r.needs.length &&
    !r.conflicts.length &&
    !r.agreements.length &&
    !r.handoffsIn.some((h) => h.change !== 'unchanged') &&
    !r.handoffsOut.some((h) => h.change !== 'unchanged')
  );
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

export function formatImpact(format: ReviewFormat, locale: Locale, loaded: Loaded, roles: RoleImpact[]): string {
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

export async function impactCommand(argv: readonly string[], ctx: CliContext): Promise<number> {
  const args = parseCommandArgs(
    'impact',
    argv,
    [
      ROLE_OPTION,
      FORMAT_OPTION,
      CONFIG_OPTION,
    ],
    ctx,
    () => impactUsage(ctx.locale),
  );
  if (typeof args === 'number') return args;
  const format = choice<ReviewFormat>(args.options.get('format'), '--format', REVIEW_FORMATS, 'text', ctx);
  if (typeof format === 'number') return format;
  if (args.positionals.length !== 1) return ctx.fail(oneFile(ctx.locale, 'impact', args.positionals.length));
  const config = args.options.get('config');
  const loaded = loadForReview(args.positionals[0], ctx, { config: typeof config === 'string' ? config : undefined });
  if (typeof loaded === 'number') return loaded;
  const role = checkRole(args.options.get('role'), [loaded.result.model], ctx);
  if (typeof role === 'number') return role;
  const impact = computeImpact(loaded.result, { role });
  ctx.io.stdout(formatImpact(format, ctx.locale, loaded, impact.roles));
  return EXIT_OK;
}

export function oneFile(locale: Locale, cmd: string, n: number): string {
  return (
    (n === 0
      ? pick(locale, 'no FILE given: name the BizFlow file.', '没有指定文件：请给出 BizFlow 文件。')
      : pick(locale, `${cmd} takes exactly one FILE, got ${n}.`, `${cmd} 只接受一个文件，但给出了 ${n} 个。`)) +
    pick(locale, ` Run "bizflow ${cmd} --help" for usage.`, `运行 "bizflow ${cmd} --help" 查看用法。`)
  );
}
