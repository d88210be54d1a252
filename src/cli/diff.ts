/**
 * `bizflow diff [--role ROLE] [--format text|json|markdown] [--config FILE] OLD NEW`:
 * what changed for each role between two versions of a process. OLD and NEW
 * are files or `REV:PATH` read through git (`HEAD~1:flows/order.bizflow.yaml`).
 */
import { pick } from '../core/i18n';
import { diffAnalyses } from '../core/review/diff';
import { formatDiff } from '../core/review/format';
import type { Locale } from '../core/types';
import { EXIT_OK, choice, parseCommandArgs, type CliContext, ROLE_OPTION, FORMAT_OPTION, CONFIG_OPTION } from './context';
import { REVIEW_FORMATS, checkRole, loadForReview, type ReviewFormat } from './impact';

export { formatDiff };

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
