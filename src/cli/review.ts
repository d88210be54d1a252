/**
 * `bizflow review FILE [--role ROLE] [--format html|md|xlsx] [-o OUT] [--no-pictures] [--config FILE]`:
 * the review pack for stakeholders who never open VS Code.
 * `bizflow review --import RETURNED.xlsx FILE [--on DATE]`: writes the filled
 * rows of a returned sign-off sheet back as `reviews` entries, all or nothing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../core/engine';
import { pick, q } from '../core/i18n';
import { applySignOff, type ImportProblem } from '../core/review/import';
import { isIsoDate, type SignRefusal } from '../core/review/sign';
import type { Locale } from '../core/types';
import { ConfigResolver } from '../node/config-files';
import { FileError, readTextFile } from '../node/find-files';
import { PACK_FORMATS, buildReviewPack, type PackFormat } from '../node/review-pack';
import { EXIT_OK, EXIT_USAGE, choice, parseCommandArgs, type CliContext, ROLE_OPTION, FORMAT_OPTION, CONFIG_OPTION } from './context';
import { checkRole, oneFile } from './impact';
import { configFor } from './lint';
import { today } from './sign';

export function reviewUsage(locale: Locale): string {
  return pick(locale, {
    en: `Usage: bizflow review [options] FILE
       bizflow review --import RETURNED.xlsx [--on YYYY-MM-DD] FILE
The review pack for stakeholders who do not use VS Code: the process summary, the swimlane today and
after the requirements, one section per role (its lane, what changes for it, what it is asked to agree
to, its conflicts and who decides), the requirements with acceptance criteria, the decision log and a
sign-off table. HTML is one self-contained file that prints on A4 (pictures need Chromium; without it
the pack says so and shows the Mermaid text); md is for PRDs and wikis; xlsx has a sign-off sheet that
stakeholders fill in and "--import" writes back as \`reviews\` (blank rows are skipped; any problem and
nothing is written).

Options:
  -r, --role ROLE                    one role's section and sign-off rows only
  -f, --format html|md|xlsx          output format (default: html)
  -o, --output OUT                   file to write (default: standard output for html and md,
                                     FILE's name with .review.xlsx for xlsx; "-" for standard output)
      --no-pictures                  HTML without the swimlane pictures (no Chromium needed)
      --import RETURNED.xlsx         write the returned sign-off sheet back into FILE
      --on YYYY-MM-DD                with --import: the date of rows that give none (default: today)
  -c, --config FILE                  use this configuration file instead of the nearest one
      --locale en|zh-CN              language of the pack and of messages
`,
    zh: `用法：bizflow review [选项] 文件
      bizflow review --import 返回的.xlsx [--on YYYY-MM-DD] 文件
为不使用 VS Code 的相关方生成评审材料：流程概要、现状与需求实施后的泳道图、每个角色一节（其泳道、
对它的影响、请它确认的需求、它参与的冲突及决定方）、需求及验收标准、决策记录和签字确认表。
HTML 是一个独立文件，可按 A4 打印（图片需要 Chromium；没有时材料中会说明并给出 Mermaid 文本）；
md 用于 PRD 和 wiki；xlsx 含签字确认表，相关方填写后用 "--import" 写回为 \`reviews\`
（空行跳过；有任何问题则不写入任何内容）。

选项：
  -r, --role ROLE                    只包含一个角色的章节和签字行
  -f, --format html|md|xlsx          输出格式（默认 html）
  -o, --output OUT                   输出文件（默认：html 和 md 输出到标准输出，xlsx 写入与文件同名的
                                     .review.xlsx；"-" 表示标准输出）
      --no-pictures                  HTML 不含泳道图（不需要 Chromium）
      --import 返回的.xlsx            把返回的签字确认表写回文件
      --on YYYY-MM-DD                与 --import 一起使用：未填日期的行所用的日期（默认今天）
  -c, --config FILE                  使用指定的配置文件，而不是最近的配置文件
      --locale en|zh-CN              材料和消息的语言
`,
  });
}

function refusalWord(locale: Locale, r: SignRefusal): string {
  const t = (en: string, zh: string) => pick(locale, en, zh);
  switch (r) {
    case 'alias':
    case 'anchor':
      return t('it (or its reviews) uses a YAML anchor or alias', '它（或其 reviews）使用了 YAML 锚点或别名');
    case 'flow':
      return t('it (or its reviews) is written in flow style', '它（或其 reviews）是流式写法');
    case 'reviews-not-list':
      return t('its reviews is not a list', '它的 reviews 不是列表');
    case 'not-a-map':
      return t('it is not a map of fields', '它不是字段映射');
    default:
      return t(`the edit could not be made safely (${r})`, `无法安全修改（${r}）`);
  }
}

export function problemText(locale: Locale, p: ImportProblem, sheet: string): string {
  const t = (en: string, zh: string) => pick(locale, en, zh);
  const at = p.row ? t(`${sheet} row ${p.row}: `, `${sheet} 第 ${p.row} 行：`) : '';
  const dym = (s?: string) => (s ? t(` Did you mean ${q('en', s)}?`, `是否想写${q('zh-CN', s)}？`) : '');
  switch (p.kind) {
    case 'unknown-role':
      return at + t(`unknown role ${q(locale, p.value)}.`, `未知角色${q(locale, p.value)}。`) + dym(p.suggestion);
    case 'unknown-requirement':
      return at + t(`unknown requirement ${q(locale, p.value)}.`, `未知需求${q(locale, p.value)}。`) + dym(p.suggestion);
    case 'bad-verdict':
      return at + t(`the verdict ${q(locale, p.value)} is not agree, object or question.`, `意见${q(locale, p.value)}不是 agree、object 或 question。`);
    case 'bad-date':
      return at + t(`the date ${q(locale, p.value)} is not a date written YYYY-MM-DD.`, `日期${q(locale, p.value)}不是 YYYY-MM-DD 格式的日期。`);
    case 'changed':
      return (
        at +
        t(
          `requirement ${q(locale, p.requirement)} changed since the pack was made (fingerprint ${p.recorded} in the sheet, ${p.current} now): the verdict was given to an earlier version. Send a new pack for it, or clear the fingerprint cell to record the verdict for the current version.`,
          `需求${q(locale, p.requirement)}在生成评审材料后已修改（表中指纹 ${p.recorded}，当前 ${p.current}）：该意见针对的是旧版本。请为它重新发送评审材料，或清空指纹单元格以按当前版本记录。`,
        )
      );
    case 'refused':
      return at + t(`cannot record a verdict on ${q(locale, p.requirement)}: ${refusalWord(locale, p.reason)}; edit the file by hand.`, `无法记录对${q(locale, p.requirement)}的意见：${refusalWord(locale, p.reason)}；请手工编辑文件。`);
    case 'syntax':
      return t('the file has YAML syntax errors; fix them first ("bizflow lint").', '文件有 YAML 语法错误，请先修正（"bizflow lint"）。');
    default:
      return t('the edited file could not be checked, so nothing was written. Please report this.', '无法校验修改后的文件，因此未写入任何内容。请反馈此问题。');
  }
}

/** Writes `data` to `file` through a temporary file beside it, so the file is either the old or the new one. */
function writeWhole(file: string, data: string | Buffer): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  let mode: number | undefined;
  try {
    mode = fs.statSync(file).mode & 0o7777;
  } catch {
    // a new file
  }
  try {
    fs.writeFileSync(tmp, data, mode !== undefined ? { mode } : undefined);
    fs.renameSync(tmp, file);
  } catch (e) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // best effort
    }
    throw e;
  }
}

function readFileOrFail(arg: string, ctx: CliContext): { file: string; text: string; bom: boolean } | number {
  const file = path.resolve(ctx.cwd, arg);
  try {
    const text = readTextFile(file, arg);
    const head = Buffer.alloc(3);
    const fd = fs.openSync(file, 'r');
    let bom = false;
    try {
      bom = fs.readSync(fd, head, 0, 3, 0) === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
    } finally {
      fs.closeSync(fd);
    }
    return { file, text, bom };
  } catch (e) {
    if (e instanceof FileError) return ctx.fail(ctx.m.fileError(e));
    throw e;
  }
}

async function importCommand(returned: string, arg: string, on: string, ctx: CliContext): Promise<number> {
  const { locale } = ctx;
  const t = (en: string, zh: string) => pick(locale, en, zh);
  const target = readFileOrFail(arg, ctx);
  if (typeof target === 'number') return target;
  const xlsxPath = path.resolve(ctx.cwd, returned);
  let data: Buffer;
  try {
    data = fs.readFileSync(xlsxPath);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return ctx.fail(code === 'ENOENT' ? t(`cannot find ${q(locale, returned)}.`, `找不到${q(locale, returned)}。`) : t(`cannot read ${q(locale, returned)} (${code ?? String(e)}).`, `无法读取${q(locale, returned)}（${code ?? String(e)}）。`));
  }
   
  const { readSignOff, SIGN_OFF_SHEET_NAMES } = require('../node/review-xlsx') as typeof import('../node/review-xlsx');
  const sheet = await readSignOff(data);
  if (!sheet.ok) {
    return ctx.fail(
      sheet.reason === 'not-xlsx'
        ? t(`${q(locale, returned)} is not an xlsx workbook (${sheet.detail ?? ''}).`, `${q(locale, returned)}不是 xlsx 工作簿（${sheet.detail ?? ''}）。`)
        : t(
            `${q(locale, returned)} has no sign-off sheet (a sheet named ${SIGN_OFF_SHEET_NAMES.map((n) => q('en', n)).join(' or ')}); is it a review pack made by "bizflow review --format xlsx"?`,
            `${q(locale, returned)}中没有签字确认表（名为${SIGN_OFF_SHEET_NAMES.map((n) => q('zh-CN', n)).join('或')}的工作表）；它是 "bizflow review --format xlsx" 生成的评审材料吗？`,
          ),
    );
  }
  if (!sheet.rows.length) {
    ctx.io.stdout(t(`${returned}: no filled row (${sheet.skipped} blank); ${arg} is unchanged.\n`, `${returned}：没有已填写的行（${sheet.skipped} 行为空）；${arg} 未修改。\n`));
    return EXIT_OK;
  }
  const r = applySignOff(target.text, sheet.rows, on);
  if (!r.ok) {
    for (const p of r.problems) ctx.warn(problemText(locale, p, returned));
    ctx.warn(t(`nothing was written to ${arg}.`, `未向${arg}写入任何内容。`));
    return EXIT_USAGE;
  }
  try {
    writeWhole(target.file, (target.bom ? '\uFEFF' : '') + r.text);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    return ctx.fail(t(`cannot write ${q(locale, arg)} (${code}); it is unchanged.`, `无法写入${q(locale, arg)}（${code}）；文件未修改。`));
  }
  ctx.io.stdout(
    t(
      `${arg}: recorded ${r.applied} verdict(s) from ${returned}${sheet.skipped ? ` (${sheet.skipped} blank row(s) skipped)` : ''}.\n`,
      `${arg}：已从 ${returned} 记录 ${r.applied} 条意见${sheet.skipped ? `（跳过 ${sheet.skipped} 个空行）` : ''}。\n`,
    ),
  );
  return EXIT_OK;
}

export async function reviewCommand(argv: readonly string[], ctx: CliContext): Promise<number> {
  const { locale } = ctx;
  const t = (en: string, zh: string) => pick(locale, en, zh);
  const args = parseCommandArgs(
    'review',
    argv,
    [
      ROLE_OPTION,
      FORMAT_OPTION,
      { name: 'output', short: 'o', value: true },
      CONFIG_OPTION,
      { name: 'import', value: true },
      { name: 'on', value: true },
      { name: 'no-pictures', value: false },
    ],
    ctx,
    () => reviewUsage(locale),
  );
  if (typeof args === 'number') return args;
  if (args.positionals.length !== 1) return ctx.fail(oneFile(locale, 'review', args.positionals.length));
  const arg = args.positionals[0];
  const onOpt = args.options.get('on');
  const imp = args.options.get('import');
  if (typeof imp === 'string') {
    for (const o of ['format', 'output', 'role', 'no-pictures']) {
      if (args.options.has(o)) return ctx.fail(t(`--${o} cannot be used with --import.`, `--${o} 不能与 --import 一起使用。`));
    }
    const on = typeof onOpt === 'string' ? onOpt : today();
    if (!isIsoDate(on)) return ctx.fail(t(`--on needs a date written YYYY-MM-DD, not ${q(locale, on)}.`, `--on 需要 YYYY-MM-DD 格式的日期，而不是${q(locale, on)}。`));
    return importCommand(imp, arg, on, ctx);
  }
  if (onOpt !== undefined) return ctx.fail(t('--on is used only with --import.', '--on 只能与 --import 一起使用。'));
  const format = choice<PackFormat>(args.options.get('format'), '--format', PACK_FORMATS, 'html', ctx);
  if (typeof format === 'number') return format;

  const src = readFileOrFail(arg, ctx);
  if (typeof src === 'number') return src;
  const configOpt = args.options.get('config');
  const resolver = new ConfigResolver({ explicit: typeof configOpt === 'string' ? configOpt : undefined, locale, cwd: ctx.cwd });
  const rc = configFor(src.file, resolver, new Set(), ctx);
  if (typeof rc === 'number') return rc;
  // the role is checked against the file's roles
  const role = checkRole(args.options.get('role'), [analyze(src.text, { locale }).model], ctx);
  if (typeof role === 'number') return role;

  const outOpt = args.options.get('output');
  let out: string | undefined = typeof outOpt === 'string' ? outOpt : undefined;
  if (out === '') return ctx.fail(t('--output needs a file name (or "-" for standard output).', '--output 需要文件名（或用 "-" 表示标准输出）。'));
  if (format === 'xlsx' && (out === undefined || out === '-')) {
    if (out === '-' && ctx.io.isTTY) return ctx.fail(t('an xlsx file is not written to a terminal; give -o FILE.xlsx.', 'xlsx 文件不能输出到终端；请用 -o 文件.xlsx 指定。'));
    if (out === undefined) out = path.basename(arg).replace(/\.bizflow\.ya?ml$/i, '').replace(/\.ya?ml$/i, '') + '.review.xlsx';
  }
  const result = await buildReviewPack(src.text, {
    format,
    locale,
    role,
    config: rc ? [rc.config] : [],
    file: arg,
    generatedOn: today(),
    pictures: !args.options.has('no-pictures'),
  });
  if (format === 'html' && result.pictureError && !args.options.has('no-pictures')) {
    ctx.warn(t(`note: the pack has no swimlane pictures (${result.pictureError}); it shows the Mermaid text instead.`, `注意：评审材料中没有泳道图（${result.pictureError}），以 Mermaid 文本代替。`));
  }
  const data: string | Buffer = format === 'xlsx' ? result.xlsxBuffer! : format === 'md' ? result.md! : result.html!;
  if (out === undefined || out === '-') {
    if (typeof data === 'string') ctx.io.stdout(data);
    else process.stdout.write(data);
    return EXIT_OK;
  }
  const outFile = path.resolve(ctx.cwd, out);
  if (outFile === src.file) return ctx.fail(t('--output would overwrite the BizFlow file itself.', '--output 会覆盖 BizFlow 文件本身。'));
  try {
    writeWhole(outFile, data);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    return ctx.fail(t(`cannot write ${q(locale, out)} (${code}).`, `无法写入${q(locale, out)}（${code}）。`));
  }
  const rows = result.pack.signOff.length;
  ctx.io.stdout(
    t(
      `${out}: review pack of ${arg} (${result.pack.roles.length} role section(s), ${result.pack.requirements.length} requirement(s), ${rows} sign-off row(s)).\n`,
      `${out}：${arg} 的评审材料（${result.pack.roles.length} 个角色章节，${result.pack.requirements.length} 项需求，${rows} 个签字行）。\n`,
    ),
  );
  return EXIT_OK;
}
