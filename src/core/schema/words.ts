/**
 * The words of the schema messages: what a type or a node is ("a list of
 * data ids", "the number 3"), where a key sits (`"needs" of step "pick"`),
 * and nearby words for "did you mean". Built in both locales at once.
 */
import { isMap as yIsMap, isScalar as yIsScalar, isSeq as yIsSeq } from 'yaml';
import { q, type Texts } from '../i18n';
import { ID_PATTERN, scalarText } from '../model';
import { nearest } from '../suggest';
import { ITEMS, type ItemKind, type ValueType } from './format';

// yaml's type guards, bound once: through yaml's CommonJS build (tsx, the unit
// tests) a call goes through a re-export getter, and the walks below call them for every node.
// Named imports, not `import * as`: a namespace object would keep all of yaml
// in the extension bundle (esbuild cannot drop what it might reach).
const isMap = yIsMap, isScalar = yIsScalar, isSeq = yIsSeq;

// ---------------------------------------------------------------------------
// Words for messages

/** A pair of texts built with each locale's quoting. */
export function bilingual(en: (quote: (s: string) => string) => string, zh: (quote: (s: string) => string) => string): Texts {
  return { en: en((s) => q('en', s)), zh: zh((s) => q('zh-CN', s)) };
}

/** What a value of each type with no parameters is, in words. */
const TYPE_WORDS: Partial<Record<ValueType['kind'], Texts>> = {
  string: { en: 'text', zh: '文本' },
  integer: { en: 'a whole number', zh: '整数' },
  boolean: { en: 'true or false', zh: '布尔值 true 或 false' },
  stringList: { en: 'a list of texts', zh: '文本列表' },
  object: { en: 'a map of keys', zh: '键值映射' },
  scalarMap: { en: 'a map of attribute name → value', zh: '属性名 → 值的映射' },
  sets: { en: 'a map of "<step-id>.<attribute>" → value', zh: '“<步骤 id>.<属性>” → 值的映射' },
  next: { en: 'a step id or a list of step ids', zh: '步骤 id 或步骤 id 列表' },
  ruleMap: { en: 'a map of rule code → off, info, warning or error', zh: '规则代码 → off、info、warning 或 error 的映射' },
};

/** What a value of this type is, in words: "a list of data ids". */
export function typeLabel(type: ValueType): Texts {
  switch (type.kind) {
    case 'string':
      if (type.format === 'date') return { en: 'a date written YYYY-MM-DD', zh: 'YYYY-MM-DD 格式的日期' };
      if (type.format === 'hex8') return { en: '8 hex digits (0-9, a-f)', zh: '8 位十六进制数（0-9、a-f）' };
      return TYPE_WORDS.string!;
    case 'objectList':
      return { en: 'a list of maps', zh: '映射列表' };
    case 'enum':
      return { en: `one of ${type.values.join(', ')}`, zh: `以下之一：${type.values.join('、')}` };
    case 'ref': {
      const l = ITEMS[type.to].label;
      return { en: `a ${l.en} id`, zh: `${l.zh} id` };
    }
    case 'refList': {
      const ids = ITEMS[type.to].ids;
      return { en: `a list of ${ids.en}`, zh: `${ids.zh} 列表` };
    }
    case 'items': {
      const l = ITEMS[type.item].label;
      return { en: `a map of ${l.en} id → ${l.en}`, zh: `${l.zh} id → ${l.zh}的映射` };
    }
    default:
      return TYPE_WORDS[type.kind]!;
  }
}

export function clip(s: string, max = 40): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > max ? one.slice(0, max - 1) + '…' : one;
}

/** What a node is, in words: "a list", "the number 3", "nothing". */
export function actualLabel(node: unknown): Texts {
  if (node === undefined || node === null) return { en: 'nothing', zh: '空值' };
  if (isSeq(node)) return { en: 'a list', zh: '列表' };
  if (isMap(node)) return { en: 'a map', zh: '映射' };
  if (isScalar(node)) {
    const v = node.value;
    if (v === null || v === undefined) return { en: 'nothing', zh: '空值' };
    if (typeof v === 'boolean') return { en: `the boolean ${v}`, zh: `布尔值 ${v}` };
    if (typeof v === 'number' || typeof v === 'bigint') {
      const s = scalarText(node) ?? String(v);
      return { en: `the number ${s}`, zh: `数字 ${s}` };
    }
    const s = clip(String(v));
    return bilingual((quote) => `the text ${quote(s)}`, (quote) => `文本${quote(s)}`);
  }
  return { en: 'something else', zh: '其他内容' };
}

/** Where a key sits, for messages. */
export type Where =
  | { kind: 'top' }
  | { kind: 'process' }
  | { kind: 'item'; item: ItemKind; id: string }
  | { kind: 'rules' }
  /** A map inside an item (a requirement's `source`, an entry of its `reviews`), named in words; `id`: the item's id. */
  | { kind: 'nested'; name: Texts; id: string };

/** `"process"` / `step "pick"`: the map a key is in (below the top level), for messages. */
export function whereName(where: Exclude<Where, { kind: 'top' }>): Texts {
  if (where.kind === 'nested') return where.name;
  if (where.kind !== 'item') return bilingual((quote) => quote(where.kind), (quote) => quote(where.kind));
  const l = ITEMS[where.item].label;
  return bilingual((quote) => `${l.en} ${quote(where.id)}`, (quote) => `${l.zh}${quote(where.id)}`);
}

/** `"needs" of step "pick"` / `步骤“pick”的“needs”` */
export function keyAt(where: Where, key: string): Texts {
  if (where.kind === 'top') return bilingual((quote) => quote(key), (quote) => quote(key));
  if (where.kind === 'rules') return bilingual((quote) => `rule ${quote(key)} in ${quote('rules')}`, (quote) => `${quote('rules')}中规则${quote(key)}`);
  const w = whereName(where);
  return bilingual((quote) => `${quote(key)} of ${w.en}`, (quote) => `${w.zh}的${quote(key)}`);
}

/** `in step "pick"` / `步骤“pick”中` */
export function inWhere(where: Where): Texts {
  if (where.kind === 'top') return { en: 'at the top level', zh: '顶层' };
  const w = whereName(where);
  return { en: `in ${w.en}`, zh: `${w.zh}中` };
}

/** `entry 2 of "needs" of step "pick"`: entry `i` (from 0) of a list. */
export function entryOf(what: Texts, i: number): Texts {
  return { en: `entry ${i + 1} of ${what.en}`, zh: `${what.zh}的第 ${i + 1} 项` };
}

export function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The words with the English capitalised (to start a sentence; Chinese has no case). */
export function capEn(t: Texts): Texts {
  return { en: cap(t.en), zh: t.zh };
}

/** A nearby allowed word: edit distance, then a unique prefix (`warn` → `warning`), then a suffix for rule codes. */
export function suggestWord(value: string, allowed: readonly string[]): string | undefined {
  const n = nearest(value, allowed);
  if (n) return n;
  const lower = value.toLowerCase();
  if (lower.length >= 2) {
    const pre = allowed.filter((a) => a.toLowerCase().startsWith(lower));
    if (pre.length === 1) return pre[0];
    const suf = allowed.filter((a) => a.toLowerCase().endsWith('/' + lower));
    if (suf.length === 1) return suf[0];
    const near = allowed.filter((a) => a.includes('/') && nearest(lower, [a.slice(a.indexOf('/') + 1)]) !== undefined);
    if (near.length === 1) return near[0];
  }
  return undefined;
}

/** A valid id close to an invalid one (`credit check` → `credit-check`), when there is an obvious one. */
export function suggestId(id: string): string | undefined {
  if (!/^[\x00-\x7f]*$/.test(id)) return undefined;
  const s = id
    .trim()
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s !== id && ID_PATTERN.test(s) ? s : undefined;
}

export function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** A short token for `data.expected`, for quick fixes, by type (`map` for the others). */
const TOKENS: Partial<Record<ValueType['kind'], string>> = {
  string: 'string',
  integer: 'integer',
  boolean: 'boolean',
  enum: 'enum',
  ref: 'id',
  refList: 'list',
  stringList: 'list',
  objectList: 'list',
  next: 'next',
};

export function tokenOf(type: ValueType): string {
  return TOKENS[type.kind] ?? 'map';
}

export function placeholderFor(type: ValueType): Texts {
  switch (type.kind) {
    case 'ref':
      return { en: `<${ITEMS[type.to].label.en} id>`, zh: `<${ITEMS[type.to].label.zh} id>` };
    case 'enum':
      return { en: type.values.join(' | '), zh: type.values.join(' | ') };
    default:
      return { en: '…', zh: '…' };
  }
}
