/** The CLI's own words (usage, errors, summary), in every supported locale. */
import { pick, q, list } from '../core/i18n';
import { sizeOverLimit } from '../core/sizes';
import type { Locale } from '../core/types';
import type { FileError } from '../node/find-files';

export function usage(locale: Locale, version: string): string {
  return pick(locale, {
    en: `BizFlow ${version} — lint BizFlow process files (*.bizflow.yaml) and find conflicts between requirements

Usage:
  bizflow lint [options] PATH...     check files, or folders searched for *.bizflow.yaml|yml
  bizflow render [options] FILE      print the Mermaid swimlane diagram of a file
                                     (FILE.md: of each of its \`\`\`bizflow blocks)
  bizflow impact [options] FILE      what the requirements change for each role
  bizflow diff [options] OLD NEW     what changed for each role between two versions (files or REV:PATH)
  bizflow sign FILE --requirement ID --role ROLE [options]
                                     record a role's verdict (agree, object, question) with a fingerprint
  bizflow review [options] FILE      the review pack for stakeholders: html (prints on A4), md or xlsx
  bizflow review --import RETURNED.xlsx FILE
                                     write a returned sign-off sheet back as reviews
  bizflow --help                     show this help (also: bizflow help COMMAND)
  bizflow --version                  show the version

lint options:
  -f, --format FORMAT                text, json (ESLint's shape), sarif, junit (JUnit XML)
                                     or gitlab (GitLab Code Quality); default: text
  -c, --config FILE                  use this .bizflowrc.json/.yaml instead of the nearest one
      --max-warnings N               exit with 1 when there are more than N warnings
      --max-file-size SIZE           skip larger files with an error (default: 10MB; 0: no limit)
      --fix                          apply the safe fixes (tabs, full-width punctuation, indentation,
                                     clear misspellings …), write the files, report what is left
      --fix-dry-run                  show the fixed text instead of writing it (one file; or the
                                     "output" field with --format json)
      --locale en|zh-CN              language of messages (default: from LC_ALL/LC_MESSAGES/LANG/LANGUAGE)

render options:
  -r, --role ROLE                    show one role's view: its lane and the neighbouring steps
  -f, --format mermaid|svg           output format (default: mermaid); svg needs Chromium
  -c, --config FILE                  use this configuration file instead of the nearest one
  -o, --out DIR                      Markdown FILE: write DIR/NAME-1.svg (.mmd), … one per block
      --locale en|zh-CN              language of messages

impact, diff, sign and review: run "bizflow help COMMAND" for their options.

Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors or too many warnings,
2 usage or I/O problem.
`,
    zh: `BizFlow ${version} — 检查 BizFlow 流程文件（*.bizflow.yaml），找出需求之间的冲突

用法：
  bizflow lint [选项] 路径...        检查文件，或在文件夹中查找 *.bizflow.yaml|yml 并检查
  bizflow render [选项] 文件         输出文件的 Mermaid 泳道图
                                     （Markdown 文件：其中每个 \`\`\`bizflow 代码块的图）
  bizflow impact [选项] 文件         需求对各角色带来的变化
  bizflow diff [选项] 旧 新          两个版本之间各角色的变化（文件或 REV:PATH）
  bizflow sign 文件 --requirement ID --role ROLE [选项]
                                     记录角色的意见（同意、反对、疑问）及指纹
  bizflow review [选项] 文件         为相关方生成评审材料：html（可按 A4 打印）、md 或 xlsx
  bizflow review --import 返回的.xlsx 文件
                                     把返回的签字确认表写回为 reviews
  bizflow --help                     显示本帮助（也可用：bizflow help 命令）
  bizflow --version                  显示版本号

lint 选项：
  -f, --format 格式                  text、json（与 ESLint 的格式相同）、sarif、junit（JUnit XML）
                                     或 gitlab（GitLab 代码质量报告）；默认 text
  -c, --config FILE                  使用指定的 .bizflowrc.json/.yaml，而不是最近的配置文件
      --max-warnings N               警告超过 N 个时以 1 退出
      --max-file-size SIZE           跳过更大的文件并报错（默认 10MB；0 表示不限）
      --fix                          应用安全的修复（制表符、全角标点、缩进、明确的拼写错误等），
                                     写回文件，并报告剩下的问题
      --fix-dry-run                  只显示修复后的文本，不写回文件（一个文件；或用 --format json
                                     查看“output”字段）
      --locale en|zh-CN              消息语言（默认取自 LC_ALL/LC_MESSAGES/LANG/LANGUAGE）

render 选项：
  -r, --role ROLE                    只看一个角色：它的泳道和相邻的步骤
  -f, --format mermaid|svg           输出格式（默认 mermaid）；svg 需要 Chromium
  -c, --config FILE                  使用指定的配置文件，而不是最近的配置文件
  -o, --out DIR                      Markdown 文件：每个代码块写入 DIR/NAME-1.svg（.mmd）……
      --locale en|zh-CN              消息语言

impact、diff、sign 和 review：运行 "bizflow help 命令" 查看其选项。

退出码：0 没有错误（且警告数不超过 --max-warnings），1 有错误或警告过多，2 用法或读写问题。
`,
  });
}

/** Builds the CLI's messages for one locale. */
export function messages(locale: Locale) {
  const t = (en: string, zh: string) => pick(locale, { en, zh });
  const Q = (s: string) => q(locale, s);
  const didYouMean = (s: string | undefined) => (s ? t(` Did you mean ${Q(s)}?`, `是否想写${Q(s)}？`) : '');
  const helpHint = (cmd?: string) =>
    t(` Run "bizflow ${cmd ? cmd + ' ' : ''}--help" for usage.`, `运行 "bizflow ${cmd ? cmd + ' ' : ''}--help" 查看用法。`);
  return {
    prefix: 'bizflow: ',
    unknownCommand: (cmd: string, suggestion?: string) =>
      t(`unknown command ${Q(cmd)}.`, `未知命令${Q(cmd)}。`) + didYouMean(suggestion) + helpHint(),
    noCommand: () => t('no command given.', '没有指定命令。') + helpHint(),
    unknownOption: (cmd: string, opt: string, suggestion?: string) =>
      t(`unknown option ${Q(opt)}.`, `未知选项${Q(opt)}。`) + didYouMean(suggestion) + helpHint(cmd),
    missingValue: (cmd: string, opt: string) =>
      t(`option ${Q(opt)} needs a value.`, `选项${Q(opt)}需要一个值。`) + helpHint(cmd),
    noValueExpected: (cmd: string, opt: string) =>
      t(`option ${Q(opt)} takes no value.`, `选项${Q(opt)}不接受值。`) + helpHint(cmd),
    repeatedOption: (cmd: string, opt: string) =>
      t(`option ${Q(opt)} is given more than once.`, `选项${Q(opt)}重复指定。`) + helpHint(cmd),
    badChoice: (opt: string, value: string, choices: readonly string[]) =>
      t(
        `invalid value ${Q(value)} for ${opt}: use ${list('en', choices.map((c) => Q(c)))}.`,
        `${opt} 的值${Q(value)}无效：请使用 ${list('zh-CN', choices.map((c) => Q(c)))}。`,
      ).replace(' and ', ' or ').replace(' 和 ', ' 或 '),
    badMaxWarnings: (value: string) =>
      t(
        `--max-warnings needs a whole number ≥ 0 (or -1 for no limit), not ${Q(value)}.`,
        `--max-warnings 需要一个 ≥ 0 的整数（-1 表示不限），而不是${Q(value)}。`,
      ),
    emptyPath: () => t('an empty PATH ("") names no file or folder.', '空路径（""）不指向任何文件或文件夹。') + helpHint('lint'),
    badMaxFileSize: (value: string) =>
      t(
        `--max-file-size needs a size such as 10MB, 500KB or 20000000 (bytes), or 0 for no limit, not ${Q(value)}.`,
        `--max-file-size 需要一个大小，例如 10MB、500KB 或 20000000（字节），0 表示不限，而不是${Q(value)}。`,
      ),
    lintFailed: (file: string, detail: string) =>
      t(`internal error while linting ${Q(file)}: ${detail}. Please report this.`, `检查${Q(file)}时发生内部错误：${detail}。请反馈此问题。`),
    fixAndDryRun: () => t('use either --fix or --fix-dry-run, not both.', '--fix 和 --fix-dry-run 只能选一个。') + helpHint('lint'),
    dryRunOneFile: () =>
      t(
        '--fix-dry-run prints the fixed text of one file; name one file, or use --format json for several.',
        '--fix-dry-run 只输出一个文件修复后的文本；请只指定一个文件，或用 --format json 查看多个文件。',
      ) + helpHint('lint'),
    fixNotWritten: (file: string) => t(`the fixed text of ${Q(file)} could not be written.`, `无法写入${Q(file)}修复后的文本。`),
    noPaths: () => t('no PATH given: name files or folders to lint.', '没有指定路径：请给出要检查的文件或文件夹。') + helpHint('lint'),
    renderOneFile: (n: number) =>
      (n === 0
        ? t('no FILE given: name the BizFlow file to render.', '没有指定文件：请给出要绘制的 BizFlow 文件。')
        : t(`render takes exactly one FILE, got ${n}.`, `render 只接受一个文件，但给出了 ${n} 个。`)) + helpHint('render'),
    noFilesFound: (args: readonly string[]) =>
      t(
        `no BizFlow files (*.bizflow.yaml, *.bizflow.yml) found in ${args.map((a) => Q(a)).join(', ')}.`,
        `在${args.map((a) => Q(a)).join('、')}中没有找到 BizFlow 文件（*.bizflow.yaml、*.bizflow.yml）。`,
      ),
    fileError: (e: FileError) => {
      const p = Q(e.path);
      switch (e.reason) {
        case 'not-found':
          return t(`cannot find ${p}: no such file or folder.`, `找不到${p}：文件或文件夹不存在。`);
        case 'is-directory':
          return t(`${p} is a folder; give a file.`, `${p}是一个文件夹，请给出文件。`);
        case 'not-a-file':
          return t(`${p} is not a regular file.`, `${p}不是普通文件。`);
        case 'permission':
          return t(`cannot read ${p}: permission denied.`, `无法读取${p}：没有权限。`);
        case 'binary':
          return t(`${p} is a binary file, not UTF-8 text.`, `${p}是二进制文件，不是 UTF-8 文本。`);
        case 'utf16':
          return t(`${p} is encoded as UTF-16; save it as UTF-8.`, `${p}是 UTF-16 编码，请另存为 UTF-8。`);
        case 'not-utf8':
          return t(`${p} is not valid UTF-8 text; save it as UTF-8.`, `${p}不是有效的 UTF-8 文本，请另存为 UTF-8。`);
        case 'too-large': {
          const { size, limit } = sizeOverLimit(Number(e.detail), e.limit ?? 0);
          return t(
            `${p} is not linted: it is ${size}, larger than the limit of ${limit} (raise it with --max-file-size).`,
            `${p}未检查：文件大小为 ${size}，超过上限 ${limit}（可用 --max-file-size 调高）。`,
          );
        }
        case 'bad-name':
          return t(
            `${p} is skipped: its name is not valid UTF-8; rename it.`,
            `已跳过${p}：文件名不是有效的 UTF-8，请重命名。`,
          );
        default:
          return t(`cannot read ${p}${e.detail ? ` (${e.detail})` : ''}.`, `无法读取${p}${e.detail ? `（${e.detail}）` : ''}。`);
      }
    },
    rcProblem: (where: string, severity: 'error' | 'warning', message: string) =>
      `${where}: ${severity === 'error' ? t('error', '错误') : t('warning', '警告')}: ${message}`,
    rcUnusable: (where: string, message: string) =>
      t(`cannot use the configuration ${where}: ${message}`, `无法使用配置文件 ${where}：${message}`),
    tooManyWarnings: (count: number, max: number) =>
      t(
        `too many warnings: ${count} (maximum: ${max}).`,
        `警告过多：${count} 个（上限：${max} 个）。`,
      ),
    unknownRole: (role: string, known: readonly string[], suggestion?: string) =>
      t(`unknown role ${Q(role)}.`, `未知角色${Q(role)}。`) +
      didYouMean(suggestion) +
      (known.length
        ? t(` Known roles: ${known.join(', ')}.`, `已定义的角色：${known.join('、')}。`)
        : t(' The file defines no roles.', '该文件没有定义任何角色。')),
    svgFailed: (detail: string) => t(`cannot render the SVG: ${detail}`, `无法生成 SVG：${detail}`),
    chromiumMissing: (detail: string) =>
      t(
        `cannot render the SVG: Chromium was not found (${detail}). Install Chromium or Chrome (e.g. "apt-get install chromium", "brew install --cask chromium", or "npx playwright-core install chromium"), or set BIZFLOW_CHROMIUM to its path; --format mermaid needs no browser.`,
        `无法生成 SVG：找不到 Chromium（${detail}）。请安装 Chromium 或 Chrome（例如 "apt-get install chromium"、"brew install --cask chromium" 或 "npx playwright-core install chromium"），或用 BIZFLOW_CHROMIUM 指定其路径；--format mermaid 不需要浏览器。`,
      ),
    playwrightMissing: (detail: string) =>
      t(
        `cannot render the SVG: the optional package playwright-core is not installed (${detail}). Install it where bizflow is installed ("npm install -g playwright-core" beside a global bizflow-cli, "npm install playwright-core" in a project), or use --format mermaid.`,
        `无法生成 SVG：未安装可选依赖 playwright-core（${detail}）。请在 bizflow 所在的位置安装它（全局安装的 bizflow-cli 用 "npm install -g playwright-core"，项目中用 "npm install playwright-core"），或改用 --format mermaid。`,
      ),
    internal: (detail: string) =>
      t(`internal error: ${detail}. Please report this.`, `内部错误：${detail}。请反馈此问题。`),
    severity: (s: 'error' | 'warning' | 'info') =>
      s === 'error' ? t('error', '错误') : s === 'warning' ? t('warning', '警告') : t('info', '提示'),
    /** `conflicts`: distinct conflicts (core `countConflicts`, the same count as the editor's badge). */
    summary: (errors: number, warnings: number, infos: number, conflicts = 0) => {
      const total = errors + warnings + infos;
      if (total === 0) return t('✔ no problems', '✔ 没有发现问题');
      const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
      return t(
        `✖ ${n(total, 'problem', 'problems')} (${n(errors, 'error', 'errors')}, ${n(warnings, 'warning', 'warnings')}, ${infos} info)` +
          (conflicts ? ` · ${n(conflicts, 'conflict', 'conflicts')}` : ''),
        `✖ ${total} 个问题（${errors} 个错误，${warnings} 个警告，${infos} 个提示）` + (conflicts ? ` · ${conflicts} 个冲突` : ''),
      );
    },
  };
}

export type Messages = ReturnType<typeof messages>;
