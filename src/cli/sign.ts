/**
 * `bizflow sign FILE --requirement ID --role ROLE [--verdict agree|object|question] [--note TEXT] [--on DATE]`:
 * records a role's verdict on a requirement, with today's fingerprint, by
 * appending one entry to its `reviews` list: a minimal text edit that keeps
 * every comment and all formatting (see core/review/sign.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pick, q } from '../core/i18n';
import { VERDICTS, type Verdict } from '../core/review/read';
import { isIsoDate, signText, type SignRefusal } from '../core/review/sign';
import type { Locale } from '../core/types';
import { FileError, readTextFile } from '../node/find-files';
import { EXIT_OK, EXIT_USAGE, choice, parseCommandArgs, type CliContext, ROLE_OPTION } from './context';
import { oneFile } from './impact';

export function signUsage(locale: Locale): string {
  return pick(locale, {
    en: `Usage: bizflow sign FILE --requirement ID --role ROLE [options]
Records ROLE's verdict on requirement ID with today's fingerprint of what it agrees to: one entry is
appended to the requirement's \`reviews\` list; comments and formatting are kept. A later change to the
requirement or to a step it touches makes an agreement stale.

Options:
      --requirement ID               the requirement (required)
      --role ROLE                    the role giving its verdict (required)
      --verdict agree|object|question  the verdict (default: agree)
      --note TEXT                    a note (the reason for an objection, the question)
      --on YYYY-MM-DD                the date (default: today)
      --locale en|zh-CN              language of messages
`,
    zh: `用法：bizflow sign 文件 --requirement ID --role ROLE [选项]
记录角色 ROLE 对需求 ID 的意见，并附上其所同意内容的当前指纹：在该需求的 \`reviews\` 列表末尾追加一项，
保留注释和格式。之后若需求或它涉及的步骤有变化，该同意即失效。

选项：
      --requirement ID               需求（必填）
      --role ROLE                    表态的角色（必填）
      --verdict agree|object|question  意见（默认 agree）
      --note TEXT                    备注（反对的理由、提出的问题）
      --on YYYY-MM-DD                日期（默认今天）
      --locale en|zh-CN              消息语言
`,
  });
}

function refusal(locale: Locale, reason: SignRefusal, req: string, role: string, where: string, suggestion?: string): string {
  const t = (en: string, zh: string) => pick(locale, en, zh);
  const R = q(locale, req);
  const dym = suggestion ? t(` Did you mean ${q('en', suggestion)}?`, `是否想写${q('zh-CN', suggestion)}？`) : '';
  const by = t(' Edit the file by hand, or rewrite that part in block style.', '请手工编辑文件，或把这部分改写为块格式。');
  switch (reason) {
    case 'syntax':
      return t(`cannot sign: ${where} has YAML syntax errors; fix them first ("bizflow lint").`, `无法签署：${where}有 YAML 语法错误，请先修正（"bizflow lint"）。`);
    case 'no-requirement':
      return t(`cannot sign: there is no requirement ${R}.`, `无法签署：没有需求${R}。`) + dym;
    case 'no-role':
      return t(`cannot sign: there is no role ${q(locale, role)} under roles:.`, `无法签署：roles: 下没有角色${q(locale, role)}。`) + dym;
    case 'alias':
      return t(`cannot sign: requirement ${R} (or its reviews) is an alias (*name); editing it would change the anchored original too.`, `无法签署：需求${R}（或其 reviews）是别名（*name），修改它会同时改变锚点处的原内容。`) + by;
    case 'anchor':
      return t(`cannot sign: requirement ${R} (or its reviews) carries an anchor (&name); aliases of it would change too.`, `无法签署：需求${R}（或其 reviews）带有锚点（&name），修改会影响引用它的别名。`) + by;
    case 'flow':
      return t(`cannot sign: requirement ${R} or its reviews list is written in flow style ({ … } or [ … ]), which cannot be edited safely.`, `无法签署：需求${R}或其 reviews 列表是流式写法（{ … } 或 [ … ]），无法安全修改。`) + by;
    case 'not-a-map':
      return t(`cannot sign: requirement ${R} is not a map of fields.`, `无法签署：需求${R}不是字段映射。`);
    case 'reviews-not-list':
      return t(`cannot sign: the reviews of ${R} is not a list.`, `无法签署：${R}的 reviews 不是列表。`);
    case 'layout':
      return t(`cannot sign: the reviews list of ${R} is laid out in a way this command cannot extend safely.`, `无法签署：${R}的 reviews 列表排版特殊，本命令无法安全追加。`) + by;
    default:
      return t(`cannot sign: the edit of ${R} could not be checked, so nothing was written. Please report this.`, `无法签署：无法校验对${R}的修改，因此未写入任何内容。请反馈此问题。`);
  }
}

/** Today as YYYY-MM-DD in the machine's time zone. */
export function today(now = new Date()): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(now.getFullYear(), 4)}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export async function signCommand(argv: readonly string[], ctx: CliContext): Promise<number> {
  const { locale } = ctx;
  const t = (en: string, zh: string) => pick(locale, en, zh);
  const args = parseCommandArgs(
    'sign',
    argv,
    [
      { name: 'requirement', value: true },
      ROLE_OPTION,
      { name: 'verdict', value: true },
      { name: 'note', value: true },
      { name: 'on', value: true },
    ],
    ctx,
    () => signUsage(locale),
  );
  if (typeof args === 'number') return args;
  const verdict = choice<Verdict>(args.options.get('verdict'), '--verdict', VERDICTS, 'agree', ctx);
  if (typeof verdict === 'number') return verdict;
  if (args.positionals.length !== 1) return ctx.fail(oneFile(locale, 'sign', args.positionals.length));
  const requirement = args.options.get('requirement');
  const role = args.options.get('role');
  if (typeof requirement !== 'string' || typeof role !== 'string') {
    return ctx.fail(
      t('sign needs --requirement ID and --role ROLE. Run "bizflow sign --help" for usage.', 'sign 需要 --requirement ID 和 --role ROLE。运行 "bizflow sign --help" 查看用法。'),
    );
  }
  const onOpt = args.options.get('on');
  const on = typeof onOpt === 'string' ? onOpt : today();
  if (!isIsoDate(on)) return ctx.fail(t(`--on needs a date written YYYY-MM-DD, not ${q(locale, on)}.`, `--on 需要 YYYY-MM-DD 格式的日期，而不是${q(locale, on)}。`));
  const noteOpt = args.options.get('note');
  const note = typeof noteOpt === 'string' ? noteOpt : undefined;

  const arg = args.positionals[0];
  const file = path.resolve(ctx.cwd, arg);
  let text: string;
  let bom = false;
  try {
    text = readTextFile(file, arg);
    const fd = fs.openSync(file, 'r');
    try {
      const head = Buffer.alloc(3);
      bom = fs.readSync(fd, head, 0, 3, 0) === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    if (e instanceof FileError) return ctx.fail(ctx.m.fileError(e));
    throw e;
  }
  const r = signText(text, { requirement, role, verdict, on, note });
  if (!r.ok) {
    ctx.io.stderr(ctx.m.prefix + refusal(locale, r.reason, requirement, role, q(locale, arg), r.suggestion) + '\n');
    return EXIT_USAGE;
  }
  try {
    fs.writeFileSync(file, (bom ? '\uFEFF' : '') + r.text);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    return ctx.fail(t(`cannot write ${q(locale, arg)} (${code}).`, `无法写入${q(locale, arg)}（${code}）。`));
  }
  const verdictWord =
    verdict === 'agree' ? t('agrees to', '同意') : verdict === 'object' ? t('objects to', '反对') : t('has a question on', '对以下需求有疑问：');
  ctx.io.stdout(
    t(
      `${arg}: recorded that ${role} ${verdictWord} ${requirement} on ${on} (fingerprint ${r.fingerprint}).\n`,
      `${arg}：已记录 ${role} 于 ${on} ${verdictWord}${requirement}（指纹 ${r.fingerprint}）。\n`,
    ),
  );
  return EXIT_OK;
}
