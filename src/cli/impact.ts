/**
 * `bizflow impact [--role ROLE] [--format text|json|markdown] [--config FILE] FILE`:
 * what the live requirements change for each role. Also the helpers the
 * other review commands share (loading a file or `REV:PATH`, checking
 * `--role`); their words, labels and text are src/core/review/format.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../core/engine';
import { pick, q } from '../core/i18n';
import type { Model } from '../core/model';
import { REVIEW_FORMATS, formatImpact, type ReviewFormat, type ReviewVersion } from '../core/review/format';
import { computeImpact } from '../core/review/impact';
import { nearest } from '../core/suggest';
import type { Locale } from '../core/types';
import { ConfigResolver } from '../node/config-files';
import { FileError, readTextFile } from '../node/find-files';
import { GitError, parseRevisionSpec, readGitFile } from '../node/git';
import { EXIT_OK, choice, parseCommandArgs, type CliContext, ROLE_OPTION, FORMAT_OPTION, CONFIG_OPTION } from './context';
import { configFor } from './lint';

// the words and text of the review commands are the core's (src/core/review/format.ts: the editor writes them too)
export { REVIEW_FORMATS, jsonWithLines, labelOf, mdEscape, reviewWords, roleLabel, stateWord, stepLabel, type ReviewFormat } from '../core/review/format';

// ---------------------------------------------------------------------------
// shared by impact, diff and sign

/** A file or `REV:PATH` read and analysed; `shown`: the argument as given. */
export type Loaded = ReviewVersion;

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
