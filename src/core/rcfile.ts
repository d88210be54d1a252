/**
 * Workspace configuration files: `.bizflowrc.json`, `.bizflowrc.yaml`,
 * `.bizflowrc.yml`. Pure: text in, a SeverityConfig and a list of problems
 * out (with offsets into the text, so the editor can underline them). Never
 * throws. Reading the file from disk is the caller's business.
 *
 *   { "extends": "recommended" | "all", "rules": { "<code>": "off" | "info" | "warning" | "error" } }
 */
import { isMap, isScalar, isPair, parseDocument, type Node as YamlNode } from 'yaml';
import { SEVERITY_SETTINGS, isSeveritySetting, type Preset, type SeverityConfig } from './config';
import { pick, q } from './i18n';
import { RULES_BY_CODE } from './rules/index';
import { nearest } from './suggest';
import type { Locale, SeveritySetting, Span } from './types';

/** File names looked for, in this order of preference when a folder holds several. */
export const RC_FILE_NAMES = ['.bizflowrc.json', '.bizflowrc.yaml', '.bizflowrc.yml'] as const;

export const PRESETS: readonly Preset[] = ['recommended', 'all'];

/** Top-level keys an rc file may contain (`$schema` is tolerated for editors' JSON support). */
export const RC_KEYS = ['extends', 'rules'] as const;

export type RcFormat = 'json' | 'yaml';

export type RcProblemCode =
  | 'rc/syntax'
  | 'rc/not-a-map'
  | 'rc/duplicate-key'
  | 'rc/unknown-key'
  | 'rc/bad-extends'
  | 'rc/bad-rules'
  | 'rc/unknown-rule'
  | 'rc/bad-severity';

export interface RcProblem {
  code: RcProblemCode;
  /** `error`: the file (or the entry) cannot be used at all; `warning`: the entry is ignored. */
  severity: 'error' | 'warning';
  message: string;
  span: Span;
  /** Nearest valid word, for a quick fix. */
  suggestion?: string;
}

export interface RcParseResult {
  /** Only the valid parts of the file. */
  config: SeverityConfig;
  problems: RcProblem[];
  /** True when the file could not be read as a configuration at all (syntax error, not a map). */
  fatal: boolean;
}

export interface RcParseOptions {
  /** `json` makes the text strict JSON; `yaml` (default) also accepts JSON, as YAML is a superset. */
  format?: RcFormat;
  locale?: Locale;
  /** Rule codes considered known (defaults to the whole catalogue). */
  knownCodes?: Iterable<string>;
}

/** `json` for a `.json` name, `yaml` otherwise. */
export function rcFormatOf(fileName: string): RcFormat {
  return /\.json$/i.test(fileName) ? 'json' : 'yaml';
}

function clamp(text: string, start: number, end: number): Span {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  return { start: s, end: e };
}

function spanOf(text: string, node: unknown): Span {
  const range = (node as YamlNode | null | undefined)?.range;
  if (range) return clamp(text, range[0], range[1]);
  return clamp(text, 0, 0);
}

/** Where JSON.parse stopped, from its message (V8 says `… at position N …`). */
function jsonErrorOffset(message: string, text: string): number {
  const m = /at position (\d+)/.exec(message);
  if (m) return Number(m[1]);
  if (/end of (JSON )?input/i.test(message)) return text.length;
  return 0;
}

function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  return typeof v === 'string' ? v : v === null ? undefined : String(v);
}

/**
 * Parses the text of a `.bizflowrc` file. Unknown rule codes, bad severities
 * and a bad `extends` are reported and left out of the config; everything
 * valid is kept.
 */
export function parseRcFile(text: string, options: RcParseOptions = {}): RcParseResult {
  const locale = options.locale ?? 'en';
  const t = (en: string, zh: string) => pick(locale, { en, zh });
  const Q = (s: string) => q(locale, s);
  const known = new Set(options.knownCodes ?? RULES_BY_CODE.keys());
  const problems: RcProblem[] = [];
  const config: SeverityConfig = {};
  const fail = (span: Span, code: RcProblemCode, message: string): RcParseResult => {
    problems.push({ code, severity: 'error', message, span });
    return { config: {}, problems, fatal: true };
  };

  const src = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text; // keep offsets, drop the BOM
  if (options.format === 'json' && src.trim() !== '') {
    try {
      JSON.parse(src);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      const at = jsonErrorOffset(msg, src);
      return fail(
        clamp(text, at === text.length ? at - 1 : at, at === text.length ? at : at + 1),
        'rc/syntax',
        t(`Invalid JSON: ${msg}`, `JSON 格式错误：${msg}`),
      );
    }
  }

  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(src, { prettyErrors: false, uniqueKeys: true, version: '1.2' });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return fail(clamp(text, 0, 1), 'rc/syntax', t(`Invalid YAML: ${msg}`, `YAML 格式错误：${msg}`));
  }

  const fatalErrors = doc.errors.filter((e) => e.code !== 'DUPLICATE_KEY');
  if (fatalErrors.length) {
    const err = fatalErrors[0];
    const [s, e] = err.pos ?? [0, 0];
    const msg = err.message.replace(/\s+/g, ' ').trim();
    const span = s === e && s >= text.length ? clamp(text, s - 1, s) : clamp(text, s, e);
    const label = options.format === 'json' ? t('Invalid JSON', 'JSON 格式错误') : t('Invalid YAML', 'YAML 格式错误');
    return fail(span, 'rc/syntax', `${label}${t(': ', '：')}${msg}`);
  }
  for (const err of doc.errors) {
    const [s, e] = err.pos ?? [0, 0];
    problems.push({
      code: 'rc/duplicate-key',
      severity: 'warning',
      message: t('This key is repeated; the last one wins.', '此键重复出现，以最后一个为准。'),
      span: clamp(text, s, e),
    });
  }

  const root = doc.contents;
  if (root === null || root === undefined || (isScalar(root) && root.value === null)) {
    return { config, problems, fatal: false }; // an empty file: nothing configured
  }
  if (!isMap(root)) {
    return fail(
      spanOf(text, root),
      'rc/not-a-map',
      t(
        'A BizFlow configuration must be a map, e.g. { "extends": "recommended", "rules": { … } }.',
        'BizFlow 配置文件的内容必须是一个映射，例如 { "extends": "recommended", "rules": { … } }。',
      ),
    );
  }

  for (const pair of root.items) {
    if (!isPair(pair)) continue;
    const key = scalarText(pair.key);
    const keySpan = spanOf(text, pair.key);
    if (key === 'extends') {
      const value = scalarText(pair.value);
      if (value === 'recommended' || value === 'all') {
        config.extends = value;
      } else {
        const suggestion = value !== undefined ? nearest(value, PRESETS) : undefined;
        problems.push({
          code: 'rc/bad-extends',
          severity: 'warning',
          message:
            t(
              `\`extends\` must be "recommended" or "all", not ${Q(value ?? '…')}; it is ignored.`,
              `\`extends\` 只能是 "recommended" 或 "all"，而不是${Q(value ?? '…')}，已忽略。`,
            ) + (suggestion ? t(` Did you mean ${Q(suggestion)}?`, `是否想写${Q(suggestion)}？`) : ''),
          span: pair.value ? spanOf(text, pair.value) : keySpan,
          suggestion,
        });
      }
    } else if (key === 'rules') {
      const rules = pair.value;
      if (rules === null || rules === undefined || (isScalar(rules) && rules.value === null)) continue;
      if (!isMap(rules)) {
        problems.push({
          code: 'rc/bad-rules',
          severity: 'warning',
          message: t(
            '`rules` must be a map from rule code to off, info, warning or error.',
            '`rules` 必须是从规则代码到 off、info、warning 或 error 的映射。',
          ),
          span: spanOf(text, rules),
        });
        continue;
      }
      const out: Record<string, SeveritySetting> = {};
      for (const entry of rules.items) {
        if (!isPair(entry)) continue;
        const code = scalarText(entry.key);
        const codeSpan = spanOf(text, entry.key);
        if (code === undefined) continue;
        if (!known.has(code)) {
          const suggestion = nearest(code, known);
          problems.push({
            code: 'rc/unknown-rule',
            severity: 'warning',
            message:
              t(`Unknown rule ${Q(code)}; it is ignored.`, `未知规则${Q(code)}，已忽略。`) +
              (suggestion ? t(` Did you mean ${Q(suggestion)}?`, `是否想写${Q(suggestion)}？`) : ''),
            span: codeSpan,
            suggestion,
          });
          continue;
        }
        const value = entry.value;
        const sev = isScalar(value) && typeof value.value === 'string' ? value.value : undefined;
        if (isSeveritySetting(sev)) {
          out[code] = sev;
          continue;
        }
        const shown = scalarText(value) ?? (value === null || value === undefined ? '' : '…');
        const suggestion = isScalar(value) && shown !== '' ? nearestSeverity(shown) : undefined;
        problems.push({
          code: 'rc/bad-severity',
          severity: 'warning',
          message:
            t(
              `Severity of ${Q(code)} must be off, info, warning or error, not ${Q(shown)}; the setting is ignored.`,
              `${Q(code)} 的级别必须是 off、info、warning 或 error，而不是${Q(shown)}，此设置已忽略。`,
            ) + (suggestion ? t(` Did you mean ${Q(suggestion)}?`, `是否想写${Q(suggestion)}？`) : ''),
          span: value ? spanOf(text, value) : codeSpan,
          suggestion,
        });
      }
      config.rules = out;
    } else if (key === '$schema') {
      // tolerated: editors use it for completion
    } else {
      const suggestion = key !== undefined ? nearest(key, RC_KEYS) : undefined;
      problems.push({
        code: 'rc/unknown-key',
        severity: 'warning',
        message:
          t(
            `Unknown key ${Q(key ?? '')}; a BizFlow configuration has only "extends" and "rules".`,
            `未知的键${Q(key ?? '')}；BizFlow 配置只有 "extends" 和 "rules"。`,
          ) + (suggestion ? t(` Did you mean ${Q(suggestion)}?`, `是否想写${Q(suggestion)}？`) : ''),
        span: keySpan,
        suggestion,
      });
    }
  }
  return { config, problems, fatal: false };
}

const SEVERITY_ALIASES: Record<string, SeveritySetting> = {
  warn: 'warning',
  err: 'error',
  information: 'info',
  hint: 'info',
  none: 'off',
  ignore: 'off',
  '0': 'off',
  '1': 'warning',
  '2': 'error',
};

function nearestSeverity(word: string): SeveritySetting | undefined {
  const w = word.toLowerCase();
  if (isSeveritySetting(w)) return w;
  return SEVERITY_ALIASES[w] ?? (nearest(word, SEVERITY_SETTINGS) as SeveritySetting | undefined);
}

/** `parseRcFile` with the format taken from the file's name (`.json` is strict JSON). */
export function parseRcText(text: string, fileName = '.bizflowrc.yaml', locale: Locale = 'en'): RcParseResult {
  return parseRcFile(text, { format: rcFormatOf(fileName), locale });
}
