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
import { didYouMean, pick, q } from './i18n';
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
 * What is wrong in an rc file, before it is put in words: the code, where,
 * and the words the message quotes. Reading the configuration needs only
 * this; `parseRcFile` turns findings into messages and suggestions.
 */
interface Finding {
  code: RcProblemCode;
  span: Span;
  /**
   * rc/syntax: the parser's message; rc/bad-extends: the value (if a scalar);
   * rc/unknown-rule, rc/bad-severity: the rule code; rc/unknown-key: the key (if a scalar).
   */
  word?: string;
  /** rc/syntax: `JSON` or `YAML`; rc/bad-severity: the value as shown. */
  detail?: string;
  /** rc/bad-severity: the value is a scalar (only then is a word suggested). */
  scalar?: boolean;
}

interface RcRead {
  config: SeverityConfig;
  findings: Finding[];
  fatal: boolean;
}

/** Reads the configuration of an rc file and what is wrong in it. */
function readRc(text: string, format: RcFormat | undefined, known: ReadonlySet<string>): RcRead {
  const findings: Finding[] = [];
  const config: SeverityConfig = {};
  const fail = (span: Span, code: RcProblemCode, word?: string, detail?: string): RcRead => {
    findings.push({ code, span, word, detail });
    return { config: {}, findings, fatal: true };
  };

  const src = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text; // keep offsets, drop the BOM
  if (format === 'json' && src.trim() !== '') {
    try {
      JSON.parse(src);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      const at = jsonErrorOffset(msg, src);
      return fail(clamp(text, at === text.length ? at - 1 : at, at === text.length ? at : at + 1), 'rc/syntax', msg, 'JSON');
    }
  }

  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(src, { prettyErrors: false, uniqueKeys: true, version: '1.2' });
  } catch (e) {
    return fail(clamp(text, 0, 1), 'rc/syntax', e instanceof Error ? e.message : String(e), 'YAML');
  }

  const fatalErrors = doc.errors.filter((e) => e.code !== 'DUPLICATE_KEY');
  if (fatalErrors.length) {
    const err = fatalErrors[0];
    const [s, e] = err.pos ?? [0, 0];
    const span = s === e && s >= text.length ? clamp(text, s - 1, s) : clamp(text, s, e);
    return fail(span, 'rc/syntax', err.message.replace(/\s+/g, ' ').trim(), format === 'json' ? 'JSON' : 'YAML');
  }
  for (const err of doc.errors) {
    const [s, e] = err.pos ?? [0, 0];
    findings.push({ code: 'rc/duplicate-key', span: clamp(text, s, e) });
  }

  const root = doc.contents;
  if (root === null || root === undefined || (isScalar(root) && root.value === null)) {
    return { config, findings, fatal: false }; // an empty file: nothing configured
  }
  if (!isMap(root)) return fail(spanOf(text, root), 'rc/not-a-map');

  for (const pair of root.items) {
    if (!isPair(pair)) continue;
    const key = scalarText(pair.key);
    const keySpan = spanOf(text, pair.key);
    if (key === 'extends') {
      const value = scalarText(pair.value);
      if (value === 'recommended' || value === 'all') config.extends = value;
      else findings.push({ code: 'rc/bad-extends', span: pair.value ? spanOf(text, pair.value) : keySpan, word: value });
    } else if (key === 'rules') {
      const rules = pair.value;
      if (rules === null || rules === undefined || (isScalar(rules) && rules.value === null)) continue;
      if (!isMap(rules)) {
        findings.push({ code: 'rc/bad-rules', span: spanOf(text, rules) });
        continue;
      }
      // only codes in `known` are stored (checked with Set.has, so `constructor` is an unknown rule), and
      // `resolveSeverity` reads it with Object.hasOwn
      const out: Record<string, SeveritySetting> = {};
      for (const entry of rules.items) {
        if (!isPair(entry)) continue;
        const code = scalarText(entry.key);
        const codeSpan = spanOf(text, entry.key);
        if (code === undefined) continue;
        if (!known.has(code)) {
          findings.push({ code: 'rc/unknown-rule', span: codeSpan, word: code });
          continue;
        }
        const value = entry.value;
        const sev = isScalar(value) && typeof value.value === 'string' ? value.value : undefined;
        if (isSeveritySetting(sev)) {
          out[code] = sev;
          continue;
        }
        findings.push({
          code: 'rc/bad-severity',
          span: value ? spanOf(text, value) : codeSpan,
          word: code,
          detail: scalarText(value) ?? (value === null || value === undefined ? '' : '…'),
          scalar: isScalar(value),
        });
      }
      config.rules = out;
    } else if (key === '$schema') {
      // tolerated: editors use it for completion
    } else {
      findings.push({ code: 'rc/unknown-key', span: keySpan, word: key });
    }
  }
  return { config, findings, fatal: false };
}

/** The problem a finding stands for, in words, with the nearest valid word. */
function problemOf(f: Finding, locale: Locale, known: ReadonlySet<string>): RcProblem {
  const t = (en: string, zh: string) => pick(locale, { en, zh });
  const Q = (s: string) => q(locale, s);
  const { code, span, word, detail } = f;
  let message: string;
  let suggestion: string | undefined;
  switch (code) {
    case 'rc/syntax':
      return { code, severity: 'error', message: t(`Invalid ${detail}: ${word}`, `${detail} 格式错误：${word}`), span };
    case 'rc/not-a-map':
      return {
        code,
        severity: 'error',
        message: t(
          'A BizFlow configuration must be a map, e.g. { "extends": "recommended", "rules": { … } }.',
          'BizFlow 配置文件的内容必须是一个映射，例如 { "extends": "recommended", "rules": { … } }。',
        ),
        span,
      };
    case 'rc/duplicate-key':
      return { code, severity: 'warning', message: t('This key is repeated; the last one wins.', '此键重复出现，以最后一个为准。'), span };
    case 'rc/bad-rules':
      return {
        code,
        severity: 'warning',
        message: t(
          '`rules` must be a map from rule code to off, info, warning or error.',
          '`rules` 必须是从规则代码到 off、info、warning 或 error 的映射。',
        ),
        span,
      };
    case 'rc/bad-extends':
      suggestion = word !== undefined ? nearest(word, PRESETS) : undefined;
      message = t(
        `\`extends\` must be "recommended" or "all", not ${Q(word ?? '…')}; it is ignored.`,
        `\`extends\` 只能是 "recommended" 或 "all"，而不是${Q(word ?? '…')}，已忽略。`,
      );
      break;
    case 'rc/unknown-rule':
      suggestion = nearest(word!, known);
      message = t(`Unknown rule ${Q(word!)}; it is ignored.`, `未知规则${Q(word!)}，已忽略。`);
      break;
    case 'rc/bad-severity':
      suggestion = f.scalar && detail !== '' ? nearestSeverity(detail!) : undefined;
      message = t(
        `Severity of ${Q(word!)} must be off, info, warning or error, not ${Q(detail!)}; the setting is ignored.`,
        `${Q(word!)} 的级别必须是 off、info、warning 或 error，而不是${Q(detail!)}，此设置已忽略。`,
      );
      break;
    case 'rc/unknown-key':
      suggestion = word !== undefined ? nearest(word, RC_KEYS) : undefined;
      message = t(
        `Unknown key ${Q(word ?? '')}; a BizFlow configuration has only "extends" and "rules".`,
        `未知的键${Q(word ?? '')}；BizFlow 配置只有 "extends" 和 "rules"。`,
      );
      break;
  }
  if (suggestion) message += pick(locale, didYouMean(suggestion));
  return { code, severity: 'warning', message, span, suggestion };
}

/**
 * Parses the text of a `.bizflowrc` file. Unknown rule codes, bad severities
 * and a bad `extends` are reported and left out of the config; everything
 * valid is kept.
 */
export function parseRcFile(text: string, options: RcParseOptions = {}): RcParseResult {
  const known = new Set(options.knownCodes ?? RULES_BY_CODE.keys());
  const r = readRc(text, options.format, known);
  return { config: r.config, problems: r.findings.map((f) => problemOf(f, options.locale ?? 'en', known)), fatal: r.fatal };
}

/** Only the configuration of an rc file (what `parseRcText` returns as `config`), the format taken from the file's name. */
export function rcConfigOf(text: string, fileName: string): SeverityConfig {
  return readRc(text, rcFormatOf(fileName), new Set(RULES_BY_CODE.keys())).config;
}

const SEVERITY_ALIASES: ReadonlyMap<string, SeveritySetting> = new Map([
  ['warn', 'warning'],
  ['err', 'error'],
  ['information', 'info'],
  ['hint', 'info'],
  ['none', 'off'],
  ['ignore', 'off'],
  ['0', 'off'],
  ['1', 'warning'],
  ['2', 'error'],
]);

function nearestSeverity(word: string): SeveritySetting | undefined {
  const w = word.toLowerCase();
  if (isSeveritySetting(w)) return w;
  return SEVERITY_ALIASES.get(w) ?? (nearest(word, SEVERITY_SETTINGS) as SeveritySetting | undefined);
}

/** `parseRcFile` with the format taken from the file's name (`.json` is strict JSON). */
export function parseRcText(text: string, fileName = '.bizflowrc.yaml', locale: Locale = 'en'): RcParseResult {
  return parseRcFile(text, { format: rcFormatOf(fileName), locale });
}
