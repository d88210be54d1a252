/**
 * `bizflow diff [--role ROLE] [--format text|json|markdown] [--config FILE] OLD NEW`:
 * what changed for each role between two versions of a process. OLD and NEW
 * are files or `REV:PATH` read through git (`HEAD~1:flows/order.bizflow.yaml`).
 */
import { pick } from '../core/i18n';
import type { Model } from '../core/model';
import { diffAnalyses, type RoleDiff } from '../core/review/diff';
import type { Locale } from '../core/types';
import { EXIT_OK, choice, parseCommandArgs, type CliContext, ROLE_OPTION, FORMAT_OPTION, CONFIG_OPTION } from './context';
import { REVIEW_FORMATS, checkRole, loadForReview, mdEscape, roleLabel, stateWord, stepLabel, type Loaded, type ReviewFormat } from './impact';

export function diffUsage(locale: Locale): string {
  return pick(locale, {
    en: `Usage: bizflow diff [options] OLD NEW
What changed for each role between two versions of a process: steps added to, removed from or changed
in its lane, requirements added, removed, changed or with a new status, conflicts opened or resolved,
agreements gained or made stale. OLD and NEW are files, or REV:PATH read through git
(e.g. HEAD~1:flows/order.bizflow.yaml; ./PATH is relative to the current folder).

Options:
  -r, --role ROLE                    one role only
  -f, --format text|json|markdown    output format (default: text)
  -c, --config FILE                  use this configuration file instead of the nearest one
      --locale en|zh-CN              language of the output
`,
    zh: `用法：bizflow diff [选项] 旧版本 新版本
两个版本之间每个角色的变化：其泳道中新增、去掉或修改的步骤，新增、删除、内容变化或状态变化的需求，
新出现或已解决的冲突，新获得或已失效的同意。旧版本和新版本可以是文件，也可以是通过 git 读取的
REV:PATH（如 HEAD~1:flows/order.bizflow.yaml；./PATH 相对于当前文件夹）。

选项：
  -r, --role ROLE                    只看一个角色
  -f, --format text|json|markdown    输出格式（默认 text）
  -c, --config FILE                  使用指定的配置文件，而不是最近的配置文件
      --locale en|zh-CN              输出语言
`,
  });
}

function words(locale: Locale) {
  const t = (en: string, zh: string) => pick(locale, en, zh);
  return {
    title: (a: string, b: string) => t(`Changes by role: ${a} → ${b}`, `按角色列出的变化：${a} → ${b}`),
    noChange: t('no changes for this role.', '该角色没有变化。'),
    steps: t('Steps of its lane', '其泳道中的步骤'),
    requirements: t('Requirements', '需求'),
    conflicts: t('Conflicts', '冲突'),
    agreements: t('Agreements', '同意'),
    added: t('added', '新增'),
    removed: t('removed', '删除'),
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

export function formatDiff(format: ReviewFormat, locale: Locale, a: Loaded, b: Loaded, roles: RoleDiff[]): string {
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

export async function diffCommand(argv: readonly string[], ctx: CliContext): Promise<number> {
  const args = parseCommandArgs(
    'diff',
    argv,
    [
      ROLE_OPTION,
      FORMAT_OPTION,
      CONFIG_OPTION,
    ],
    ctx,
    () => diffUsage(ctx.locale),
  );
  if (typeof args === 'number') return args;
  const format = choice<ReviewFormat>(args.options.get('format'), '--format', REVIEW_FORMATS, 'text', ctx);
  if (typeof format === 'number') return format;
  if (args.positionals.length !== 2) {
    return ctx.fail(
      pick(
        ctx.locale,
        `diff takes two versions, OLD and NEW (files or REV:PATH), got ${args.positionals.length}. Run "bizflow diff --help" for usage.`,
        `diff 需要两个版本：旧版本和新版本（文件或 REV:PATH），但给出了 ${args.positionals.length} 个。运行 "bizflow diff --help" 查看用法。`,
      ),
    );
  }
  const config = args.options.get('config');
  const opts = { git: true, config: typeof config === 'string' ? config : undefined };
  const a = loadForReview(args.positionals[0], ctx, opts);
  if (typeof a === 'number') return a;
  const b = loadForReview(args.positionals[1], ctx, opts);
  if (typeof b === 'number') return b;
  const role = checkRole(args.options.get('role'), [b.result.model, a.result.model], ctx);
  if (typeof role === 'number') return role;
  const diff = diffAnalyses(a.result, b.result, { role });
  ctx.io.stdout(formatDiff(format, ctx.locale, a, b, diff.roles));
  return EXIT_OK;
}
