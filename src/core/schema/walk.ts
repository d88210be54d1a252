/**
 * The schema walk: one pass over the YAML document of a model that checks it
 * against the format table (`format.ts`) and collects what the schema/*
 * rules report: required keys, types, allowed words, unknown keys and ids.
 * It also drives the YAML tree walk (`yaml-tree.ts`) over each item it
 * checks. Run once per analysis by the analysis facts (`../facts.ts`); the
 * rule codes a `rules:` map accepts are given to it, so that it does not
 * depend on the rule catalogue.
 */
import { isAlias as yIsAlias, isMap as yIsMap, isPair as yIsPair, isScalar as yIsScalar, isSeq as yIsSeq } from 'yaml';
import type { Pair, Scalar, YAMLMap } from 'yaml';
import type { Texts } from '../i18n';
import { ID_PATTERN, SEVERITY_WORDS, STEP_TYPES, innerSpan, rangeSpan, scalarText, type Model, type StepType } from '../model';
import { deref } from '../parse';
import type { DiagnosticData, Span } from '../types';
import { FORMAT, ITEMS, KEY_POSITION, SETS_KEY_PATTERN, TEXT_FORMATS, isRequired, keysFor, type Context, type ItemKind, type KeySpec, type ValueType } from './format';
import {
  actualLabel,
  bilingual,
  capEn,
  clip,
  entryOf,
  inWhere,
  keyAt,
  lowerFirst,
  placeholderFor,
  suggestId,
  suggestWord,
  tokenOf,
  typeLabel,
  whereName,
  type Where,
} from './words';
import { TreeWalk, type YamlTreeFacts } from './yaml-tree';

// yaml's type guards, bound once: through yaml's CommonJS build (tsx, the unit
// tests) a call goes through a re-export getter, and the walks below call them for every node.
// Named imports, not `import * as`: a namespace object would keep all of yaml
// in the extension bundle (esbuild cannot drop what it might reach).
const isAlias = yIsAlias, isMap = yIsMap, isPair = yIsPair, isScalar = yIsScalar, isSeq = yIsSeq;

export type SchemaCode = 'schema/required' | 'schema/type' | 'schema/enum' | 'schema/unknown-key' | 'schema/id';

/**
 * The message ids the walk reports for each schema code. Each schema rule
 * declares their templates in its meta (the compiler checks it declares all of
 * them); the walk gives the placeholder values.
 */
export interface SchemaMessageIds {
  'schema/required': 'missingTopKey' | 'missingRole' | 'missingKey';
  'schema/type': 'documentNotMap' | 'wrongType' | 'wrongTypeHint' | 'noValue' | 'emptyEntry' | 'emptyTarget';
  'schema/enum': 'notAllowed' | 'notAllowedSuggest';
  'schema/unknown-key': 'unknownTopKey' | 'unknownTopKeySuggest' | 'unknownKey' | 'unknownKeySuggest' | 'unknownRule' | 'unknownRuleSuggest';
  'schema/id': 'itemKeyNotPlain' | 'setsKeyNotPlain' | 'attributeKeyNotPlain' | 'badId' | 'badIdSuggest' | 'badIdNonAscii' | 'setsKeyNoDot' | 'setsKeyBadParts';
}

/**
 * Placeholder values of a schema finding: a word that is the same in both
 * locales (an id, a key), or words in each (`step "pick"` / `步骤“pick”`):
 * the walk runs once for all locales, the rule picks the locale's words.
 */
export type SchemaWords = Readonly<Record<string, string | Texts>>;

export interface SchemaFinding<C extends SchemaCode = SchemaCode> {
  span: Span;
  messageId: SchemaMessageIds[C];
  /** Placeholder values of the message. */
  words?: SchemaWords;
  /** The diagnostic's `data` (for quick fixes). */
  data?: DiagnosticData;
}

export type SchemaFindings = { readonly [C in SchemaCode]: readonly SchemaFinding<C>[] };

/** What the two walks of a document found. */
export interface DocumentWalks {
  /** Everything the schema rules report. */
  findings: SchemaFindings;
  /** Repeated keys and unresolved aliases, for the yaml/* rules. */
  tree: YamlTreeFacts;
}

/**
 * Both walks of a model: the schema walk, which also walks the YAML tree of
 * each item as it checks it (while the item's nodes are fresh in the
 * processor's caches), then the tree walk of everything else. `ruleCodes`:
 * the codes a `rules:` map accepts, in catalogue order (for "did you mean").
 * Call it once per analysis (the analysis facts do) and share the result.
 */
export function walkDocument(model: Model, ruleCodes: readonly string[]): DocumentWalks {
  const tree = new TreeWalk(model);
  const findings = new SchemaWalk(model, tree, ruleCodes).run();
  tree.walk(model.parsed.doc?.contents, undefined);
  return { findings, tree: tree.facts };
}

/**
 * Where "the document start" is for diagnostics about the whole file (a
 * missing `bizflow` or top-level key): an empty span at the start of the
 * first top-level key, i.e. after any leading comments, or at offset 0 when
 * the document has no content.
 */
export function documentStart(model: Model): Span {
  const doc = model.parsed.doc;
  const contents = model.root ?? (doc ? doc.contents : undefined);
  const s = rangeSpan(contents, model.parsed.text);
  const at = s && s.end > s.start ? s.start : 0;
  return { start: at, end: at };
}

/** The effective type of a step map: `task` when absent, `undefined` when not a known type. */
function stepTypeOf(map: YAMLMap, parsed: Model['parsed']): StepType | undefined {
  for (const p of map.items as Pair[]) {
    if (!isPair(p) || scalarText(p.key) !== 'type') continue;
    const v = deref(parsed, p.value);
    const t = isScalar(v) && typeof v.value === 'string' ? v.value : undefined;
    return (STEP_TYPES as readonly string[]).includes(t ?? '') ? (t as StepType) : undefined;
  }
  return 'task';
}

function isNullNode(node: unknown): boolean {
  return node === null || (isScalar(node) && (node.value === null || node.value === undefined));
}

/** A scalar usable as text or id: a string or a number (not a boolean, not null). */
function isTextScalar(node: unknown): node is Scalar {
  if (!isScalar(node)) return false;
  const t = typeof node.value;
  return t === 'string' || t === 'number' || t === 'bigint';
}

/**
 * Where the findings about a map with fixed keys are anchored (a missing key)
 * and what its keys' spans fall back on: a span, or the item pair whose key
 * span it is, computed only if something is reported.
 */
type Anchor = Span | Pair;

/** `{ kind: 'ref', to: 'step' }`: the type of one target of `next`. */
const STEP_REF: ValueType = { kind: 'ref', to: 'step' };

/**
 * The walk does no work for what is valid beyond checking it: spans and
 * texts for messages are built only when something is reported, and
 * collections are tracked (`once`) only when the document may have aliases,
 * since only then can the walk reach a node twice.
 */
class SchemaWalk {
  private readonly text: string;
  private readonly parsed: Model['parsed'];
  private readonly doc: Model['parsed']['doc'];
  private readonly out: { [C in SchemaCode]: SchemaFinding<C>[] } = {
    'schema/required': [],
    'schema/type': [],
    'schema/enum': [],
    'schema/unknown-key': [],
    'schema/id': [],
  };
  /** Collections already checked in a given role (an alias may name one many times). */
  private readonly seen = new Map<string, WeakSet<object>>();
  /** The document may have aliases (its text has a `*`), so a node may be reached more than once. */
  private readonly shared: boolean;

  /** Rule codes a `rules:` map accepts, and the same as a set. */
  private readonly ruleCodeSet: ReadonlySet<string>;

  constructor(
    private readonly model: Model,
    private readonly tree: TreeWalk,
    private readonly ruleCodes: readonly string[],
  ) {
    this.ruleCodeSet = new Set(ruleCodes);
    this.text = model.parsed.text;
    this.parsed = model.parsed;
    this.doc = model.parsed.doc;
    this.shared = this.text.includes('*');
  }

  run(): SchemaFindings {
    try {
      this.walk();
    } catch {
      // never throw: what was found so far is still worth reporting
    }
    return this.out;
  }

  private add<C extends SchemaCode>(code: C, span: Span, messageId: SchemaMessageIds[C], words?: SchemaWords, data?: DiagnosticData): void {
    const f: SchemaFinding<C> = { span, messageId };
    if (words) f.words = words;
    if (data) f.data = data;
    (this.out[code] as SchemaFinding<C>[]).push(f);
  }

  /** First visit of `node` under `tag`? (Always, when no node can be reached twice.) */
  private once(node: unknown, tag: string): boolean {
    if (!this.shared || !node || typeof node !== 'object') return true;
    let set = this.seen.get(tag);
    if (!set) this.seen.set(tag, (set = new WeakSet()));
    if (set.has(node)) return false;
    set.add(node);
    return true;
  }

  private span(node: unknown, fallback?: Span): Span {
    const s = rangeSpan(node, this.text);
    if (s && s.end > s.start) return s;
    return fallback ?? s ?? { start: 0, end: 0 };
  }

  /** Span of a key's text (without quotes). */
  private keySpan(key: unknown, fallback: Span): Span {
    if (isScalar(key)) {
      const s = innerSpan(key, this.text);
      if (s.end > s.start) return s;
    }
    return this.span(key, fallback);
  }

  /** `keySpan` of a pair's key, falling back on its value's span, then on `anchor`; computed only when needed. */
  private pairKeySpan(p: Pair, anchor: Anchor | undefined): Span {
    const key = p.key;
    if (isScalar(key)) {
      const s = innerSpan(key, this.text);
      if (s.end > s.start) return s;
    }
    return this.span(key, this.span(p.value, anchor && this.at(anchor)));
  }

  /** The text of a span, on one line and clipped, to name it in a message. */
  private clipped(span: Span): string {
    return clip(this.text.slice(span.start, span.end));
  }

  /** The span of an anchor. */
  private at(anchor: Anchor): Span {
    return isPair(anchor) ? this.pairKeySpan(anchor, undefined) : anchor;
  }

  private walk(): void {
    const { model, doc } = this;
    if (!doc) return;
    const root = model.root;
    if (!root) {
      const contents = deref(this.parsed, doc.contents);
      if (contents && !isNullNode(contents)) {
        this.add('schema/type', this.span(doc.contents), 'documentNotMap', { actual: actualLabel(contents) }, { expected: 'map' });
      }
      return;
    }
    this.fields(root, 'top', { kind: 'top' }, documentStart(model), undefined);
  }

  /**
   * Checks the keys of a map with fixed keys: unknown keys, each value, and
   * (anchored on `anchor`) the required keys that are missing.
   */
  private fields(map: YAMLMap | undefined, context: Context, where: Where, anchor: Anchor, stepType: StepType | undefined): void {
    const specs = keysFor(context);
    const positions = KEY_POSITION[context];
    // keys of the format present in the map, as bits of their position in `specs`
    let present = 0;
    const firstVisit = !this.shared || this.once(map, 'fields:' + context + ':' + (stepType ?? ''));
    if (map) {
      const pairs = map.items as unknown[];
      for (let k = 0; k < pairs.length; k++) {
        const p = pairs[k];
        if (!isPair(p)) continue;
        const keyNode = p.key;
        const key = scalarText(keyNode);
        const i = key === undefined ? undefined : positions.get(key);
        if (i !== undefined) present |= 1 << i;
        if (!firstVisit) continue;
        if (i === undefined || !isScalar(keyNode)) {
          // a key the format does not know, or not a plain key (named by its text)
          const fallback = this.span(p.value, this.at(anchor));
          this.unknownKey(keyNode, key ?? this.clipped(this.span(keyNode, fallback)), context, where, fallback);
          continue;
        }
        if (context === 'top' && key === 'bizflow') continue; // schema/version's business
        this.value(specs[i], p, anchor, where, stepType);
      }
    }
    for (let i = 0; i < specs.length; i++) {
      if (present & (1 << i)) continue;
      const spec = specs[i];
      if (!isRequired(spec, stepType)) continue;
      if (context === 'top' && spec.key === 'bizflow') continue; // schema/version reports it
      this.missing(spec, where, this.at(anchor));
    }
  }

  private unknownKey(keyNode: unknown, key: string, context: Context, where: Where, fallback: Span): void {
    const candidates = keysFor(context).map((k) => k.key);
    const suggestion = suggestWord(key, candidates);
    const top = where.kind === 'top';
    const words: SchemaWords = suggestion
      ? { key, suggestion, ...(top ? {} : { where: inWhere(where) }) }
      : { key, allowed: { en: candidates.join(', '), zh: candidates.join('、') }, ...(top ? {} : { where: inWhere(where) }) };
    const messageId = top ? (suggestion ? 'unknownTopKeySuggest' : 'unknownTopKey') : suggestion ? 'unknownKeySuggest' : 'unknownKey';
    const data: DiagnosticData = { name: key };
    if (suggestion) data.suggestion = suggestion;
    this.add('schema/unknown-key', this.keySpan(keyNode, fallback), messageId, words, data);
  }

  private missing(spec: KeySpec, where: Where, anchor: Span): void {
    const k = spec.key;
    const data: DiagnosticData = { key: k };
    if (where.kind === 'item' || where.kind === 'nested') data.name = where.id;
    if (where.kind === 'top') {
      const desc = spec.description;
      const description = { en: lowerFirst(desc.en).replace(/\.$/, ''), zh: desc.zh.replace(/。$/, '') };
      this.add('schema/required', anchor, 'missingTopKey', { key: k, description }, data);
    } else if (where.kind === 'item' && where.item === 'step' && k === 'role') {
      this.add('schema/required', anchor, 'missingRole', { id: where.id }, data);
    } else {
      const w = whereName(where);
      this.add('schema/required', anchor, 'missingKey', { where: capEn(w), key: k, placeholder: placeholderFor(spec.type) }, data);
    }
  }

  /** `raw` is the value as written (maybe an alias): the span is its place, the words describe what it names. */
  /** `key`: the first key of the map expected (an item that is not a map), for quick fixes. */
  private typeError(raw: unknown, keySpan: Span, what: Texts, expected: Texts, expectedToken: string, hint?: Texts, key?: string): void {
    const actual = actualLabel(deref(this.parsed, raw));
    const words: SchemaWords = hint ? { what: capEn(what), expected, actual, hint } : { what: capEn(what), expected, actual };
    this.add('schema/type', this.span(raw, keySpan), hint ? 'wrongTypeHint' : 'wrongType', words, key === undefined ? { expected: expectedToken } : { expected: expectedToken, key });
  }

  private noValue(keySpan: Span, valueNode: unknown, what: Texts, type: ValueType): void {
    this.add('schema/type', this.span(valueNode, keySpan), 'noValue', { what: capEn(what), expected: typeLabel(type) }, { expected: tokenOf(type) });
  }

  /**
   * Checks one value (of pair `p`, in a map anchored on `anchor`) against its
   * key's type. The key's span and the words for the key are built only when
   * something is reported.
   */
  private value(spec: KeySpec, p: Pair, anchor: Anchor, where: Where, stepType: StepType | undefined): void {
    const raw = p.value;
    const node = isAlias(raw) ? deref(this.parsed, raw) : raw;
    if (node === undefined && isAlias(raw)) return; // an unresolved alias: yaml/syntax reports it
    const type = spec.type;
    switch (type.kind) {
      case 'string':
      case 'ref':
        if (isTextScalar(node)) {
          if (type.kind === 'string' && type.format && !TEXT_FORMATS[type.format].test(scalarText(node) ?? '')) {
            return this.typeErrorOf(spec, p, anchor, where, type.format);
          }
          return;
        }
        if (isNullNode(node)) return this.noValueOf(spec, p, anchor, where);
        return this.typeErrorOf(
          spec,
          p,
          anchor,
          where,
          type.kind === 'ref' ? 'id' : 'string',
          isScalar(node) && typeof node.value === 'boolean'
            ? { en: `Quote it if you mean the text: "${String(node.value)}".`, zh: `如果想写文本，请加引号写成 "${String(node.value)}"。` }
            : undefined,
        );
      case 'integer':
        if (isNullNode(node)) return this.noValueOf(spec, p, anchor, where);
        if (isScalar(node) && typeof node.value === 'number' && Number.isInteger(node.value)) return;
        return this.typeErrorOf(spec, p, anchor, where, 'integer');
      case 'boolean': {
        if (isScalar(node) && typeof node.value === 'boolean') return;
        if (isNullNode(node)) return this.noValueOf(spec, p, anchor, where);
        const word = isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
        return this.typeErrorOf(
          spec,
          p,
          anchor,
          where,
          'boolean',
          word !== undefined && /^(y|n|yes|no|on|off)$/i.test(word)
            ? bilingual(
                (quote) => `In YAML 1.2 ${quote(word)} is plain text; write true or false.`,
                (quote) => `在 YAML 1.2 中${quote(word)}只是普通文本；请写 true 或 false。`,
              )
            : undefined,
        );
      }
      case 'enum':
        if (isNullNode(node)) return this.noValueOf(spec, p, anchor, where);
        if (!isScalar(node)) return this.typeErrorOf(spec, p, anchor, where, 'enum');
        if (typeof node.value === 'string' && type.values.includes(node.value)) return;
        return this.enumValue(node, this.pairKeySpan(p, anchor), keyAt(where, spec.key), type.values);
      case 'refList':
      case 'stringList':
        return this.list(spec, node, p, anchor, where);
      case 'object': {
        const inner: Where = where.kind === 'item' ? { kind: 'nested', name: keyAt(where, spec.key), id: where.id } : { kind: 'process' };
        if (isNullNode(node)) return this.fields(undefined, type.context, inner, this.pairKeySpan(p, anchor), undefined);
        if (!isMap(node)) return this.typeErrorOf(spec, p, anchor, where, 'map');
        return this.fields(node, type.context, inner, this.pairKeySpan(p, anchor), undefined);
      }
      case 'objectList':
        return this.objectList(spec, type.context, node, p, anchor, where);
      case 'next':
        return this.next(node, p, anchor, spec, where, stepType);
      default:
        // the maps: items, attributes and sets, rules
        if (isNullNode(node)) return;
        if (!isMap(node)) return this.typeErrorOf(spec, p, anchor, where, 'map');
        if (type.kind === 'items') return this.items(node, type.item, isAlias(raw) ? undefined : spec.key);
        if (type.kind === 'ruleMap') return this.ruleMap(node);
        return this.scalarMap(node, spec, where, p, anchor);
    }
  }

  /** `noValue` for the value of pair `p` of key `spec` (where it is written, the alias itself if any). */
  private noValueOf(spec: KeySpec, p: Pair, anchor: Anchor, where: Where): void {
    this.noValue(this.pairKeySpan(p, anchor), p.value, keyAt(where, spec.key), spec.type);
  }

  /** `typeError` for the value of pair `p` of key `spec`. */
  private typeErrorOf(spec: KeySpec, p: Pair, anchor: Anchor, where: Where, expectedToken: string, hint?: Texts): void {
    this.typeError(p.value, this.pairKeySpan(p, anchor), keyAt(where, spec.key), typeLabel(spec.type), expectedToken, hint);
  }

  private enumValue(node: Scalar, keySpan: Span, what: Texts, values: readonly string[]): void {
    const text = scalarText(node) ?? '';
    if (typeof node.value === 'string' && values.includes(node.value)) return;
    const suggestion = suggestWord(text, values);
    const words: SchemaWords = { what: capEn(what), value: clip(text), allowed: { en: values.join(', '), zh: values.join('、') } };
    const data: DiagnosticData = { name: text, allowed: [...values] };
    if (suggestion) data.suggestion = suggestion;
    this.add('schema/enum', this.span(node, keySpan), suggestion ? 'notAllowedSuggest' : 'notAllowed', suggestion ? { ...words, suggestion } : words, data);
  }

  private list(spec: KeySpec, node: unknown, p: Pair, anchor: Anchor, where: Where): void {
    const type = spec.type;
    if (isNullNode(node)) return; // `needs:` with nothing after it: an empty list
    if (!isSeq(node)) {
      const single = isScalar(node) ? scalarText(node) : undefined;
      const hint =
        single !== undefined
          ? bilingual((quote) => `Write it as a list: ${quote(`[${clip(single)}]`)}.`, (quote) => `请写成列表：${quote(`[${clip(single)}]`)}。`)
          : undefined;
      return this.typeError(p.value, this.pairKeySpan(p, anchor), keyAt(where, spec.key), typeLabel(type), 'list', hint);
    }
    if (this.shared && !this.once(node, 'list:' + type.kind)) return;
    const refs = type.kind === 'refList';
    const items = node.items;
    for (let i = 0; i < items.length; i++) {
      const raw = items[i];
      const item = isAlias(raw) ? deref(this.parsed, raw) : raw;
      if (item === undefined && isAlias(raw)) continue;
      const ok = refs ? isTextScalar(item) : isScalar(item) && !isNullNode(item);
      if (!ok) this.badEntry(spec, raw, item, i, this.pairKeySpan(p, anchor), keyAt(where, spec.key));
    }
  }

  /** A list of maps with fixed keys (a requirement's `reviews`): each entry is checked as a map of `context`. */
  private objectList(spec: KeySpec, context: Context, node: unknown, p: Pair, anchor: Anchor, where: Where): void {
    if (isNullNode(node)) return; // `reviews:` with nothing after it: an empty list
    const what = keyAt(where, spec.key);
    if (!isSeq(node)) return this.typeError(p.value, this.pairKeySpan(p, anchor), what, typeLabel(spec.type), 'list');
    if (this.shared && !this.once(node, 'objectList:' + context)) return;
    const id = where.kind === 'item' || where.kind === 'nested' ? where.id : '';
    const items = node.items;
    for (let i = 0; i < items.length; i++) {
      const raw = items[i];
      const item = isAlias(raw) ? deref(this.parsed, raw) : raw;
      if (item === undefined && isAlias(raw)) continue;
      const entry = entryOf(what, i);
      const at = this.span(raw, this.pairKeySpan(p, anchor));
      if (isMap(item)) this.fields(item, context, { kind: 'nested', name: entry, id }, at, undefined);
      else if (isNullNode(item)) this.fields(undefined, context, { kind: 'nested', name: entry, id }, at, undefined);
      else {
        const keys = keysFor(context).map((k) => k.key);
        this.typeError(raw, at, entry, { en: `a map of its keys (${keys.join(', ')})`, zh: `由其各个键（${keys.join('、')}）组成的映射` }, 'map', undefined, keys[0]);
      }
    }
  }

  /** An entry of a list that is not what the list holds. */
  private badEntry(spec: KeySpec, raw: unknown, item: unknown, i: number, keySpan: Span, what: Texts): void {
    const type = spec.type;
    const itemType: ValueType = type.kind === 'refList' ? { kind: 'ref', to: type.to } : { kind: 'string' };
    const entry = entryOf(what, i);
    if (isNullNode(item)) {
      this.add('schema/type', this.span(raw, keySpan), 'emptyEntry', { entry: capEn(entry), expected: typeLabel(itemType) }, { expected: tokenOf(itemType) });
      return;
    }
    this.typeError(raw, keySpan, entry, typeLabel(itemType), tokenOf(itemType));
  }

  /**
   * `section`: the key of the section, when its map was reached without an
   * alias; the YAML tree of each item is then walked here too (`TreeWalk`),
   * and `tree.covered` says up to which item.
   */
  private items(map: YAMLMap, kind: ItemKind, section: string | undefined): void {
    if (this.shared && !this.once(map, 'items:' + kind)) return;
    const label = ITEMS[kind].label;
    const context: Context = kind;
    const pairs = map.items as unknown[];
    let walked = 0;
    try {
      for (let i = 0; i < pairs.length; i++) {
        const p = pairs[i];
        if (!isPair(p)) continue;
        if (section !== undefined) {
          const v = p.value;
          if (v && typeof v === 'object' && !isScalar(v) && !isAlias(v)) this.tree.walk(v, (isScalar(p.key) ? scalarText(p.key) : undefined) ?? section);
          walked = i + 1;
        }
        this.item(p, kind, label, context);
      }
    } finally {
      if (section !== undefined) this.tree.covered.set(map, walked);
    }
  }

  private item(p: Pair, kind: ItemKind, label: Texts, context: Context): void {
    const keyNode = p.key;
    const id = scalarText(keyNode);
    // the item's key span anchors what is reported about it (p stands for it until then)
    if (id === undefined || !isScalar(keyNode)) {
      this.add('schema/id', this.pairKeySpan(p, undefined), 'itemKeyNotPlain', { item: label });
      return;
    }
    if (!ID_PATTERN.test(id)) this.badId(id, this.pairKeySpan(p, undefined), label);
    const raw = p.value;
    const node = isAlias(raw) ? deref(this.parsed, raw) : raw;
    if (node === undefined && isAlias(raw)) return;
    const where: Where = { kind: 'item', item: kind, id };
    if (isMap(node)) {
      this.fields(node, context, where, p, kind === 'step' ? stepTypeOf(node, this.parsed) : undefined);
    } else if (isNullNode(node)) {
      this.fields(undefined, context, where, p, kind === 'step' ? 'task' : undefined);
    } else {
      const keySpan = this.pairKeySpan(p, undefined);
      const name = isScalar(node) ? scalarText(node) : undefined;
      const first = keysFor(context)[0].key;
      const hint =
        name !== undefined
          ? bilingual(
              (quote) => `Write its keys under it, e.g. ${quote(`${id}: { ${first}: ${clip(name)} }`)}.`,
              (quote) => `请在其下写出各个键，如${quote(`${id}: { ${first}: ${clip(name)} }`)}。`,
            )
          : undefined;
      const keys = keysFor(context).map((k) => k.key);
      const expected = { en: `a map of its keys (${keys.join(', ')})`, zh: `由其各个键（${keys.join('、')}）组成的映射` };
      this.typeError(raw, keySpan, whereName(where), expected, 'map', hint, first);
    }
  }

  private badId(id: string, span: Span, label: Texts, attribute = false): void {
    const suggestion = suggestId(id);
    const what = attribute ? { en: 'Attribute name', zh: '属性名' } : capEn({ en: `${label.en} id`, zh: `${label.zh} id` });
    const nonAscii = !/^[\x00-\x7f]*$/.test(id);
    const words: SchemaWords = { what, id: clip(id) };
    const data: DiagnosticData = { name: id };
    if (suggestion) data.suggestion = suggestion;
    if (suggestion) this.add('schema/id', span, 'badIdSuggest', { ...words, suggestion }, data);
    else this.add('schema/id', span, nonAscii && !attribute ? 'badIdNonAscii' : 'badId', words, data);
  }

  /** `attributes` (name → scalar) and `sets` ("step.attribute" → scalar) of the value of pair `owner`. */
  private scalarMap(map: YAMLMap, spec: KeySpec, where: Where, owner: Pair, anchor: Anchor): void {
    if (this.shared && !this.once(map, 'map:' + spec.type.kind)) return;
    const isSets = spec.type.kind === 'sets';
    const pairs = map.items as unknown[];
    for (let i = 0; i < pairs.length; i++) {
      const p = pairs[i];
      if (!isPair(p)) continue;
      const keyNode = p.key;
      const name = scalarText(keyNode);
      if (name === undefined || !isScalar(keyNode)) {
        this.add('schema/id', this.entryKeySpan(p, owner, anchor), isSets ? 'setsKeyNotPlain' : 'attributeKeyNotPlain');
      } else if (isSets) {
        if (!SETS_KEY_PATTERN.test(name)) this.badSetsKey(name, this.entryKeySpan(p, owner, anchor), where);
      } else if (!ID_PATTERN.test(name)) {
        this.badId(name, this.entryKeySpan(p, owner, anchor), { en: 'attribute', zh: '属性' }, true);
      }
      const raw = p.value;
      const v = isAlias(raw) ? deref(this.parsed, raw) : raw;
      if (v === undefined && isAlias(raw)) continue;
      if (v === null || isScalar(v)) continue;
      const ownerKey = keyAt(where, spec.key);
      const what = bilingual((quote) => `the value of ${quote(name ?? '?')} in ${ownerKey.en}`, (quote) => `${ownerKey.zh}中${quote(name ?? '?')}的值`);
      this.typeError(raw, this.entryKeySpan(p, owner, anchor), what, { en: 'a single value (text, number or true/false)', zh: '单个值（文本、数字或 true/false）' }, 'scalar');
    }
  }

  /** Span of the key of entry `p` of the map under pair `owner`. */
  private entryKeySpan(p: Pair, owner: Pair, anchor: Anchor): Span {
    return this.keySpan(p.key, this.span(p.value, this.pairKeySpan(owner, anchor)));
  }

  private badSetsKey(name: string, span: Span, where: Where): void {
    const req = where.kind === 'item' ? where.id : '';
    const dot = name.indexOf('.');
    const words: SchemaWords = { key: clip(name), requirement: req };
    if (dot < 0) {
      this.add('schema/id', span, 'setsKeyNoDot', { ...words, example: `${/^[A-Za-z]/.test(name) ? name : 'pick'}.mode` }, { name });
    } else {
      this.add('schema/id', span, 'setsKeyBadParts', words, { name });
    }
  }

  /** Whether one target of `next` is fine: a step id, or an unresolved alias (yaml/syntax reports it). */
  private refOk(raw: unknown): boolean {
    if (!isAlias(raw)) return isTextScalar(raw);
    const v = deref(this.parsed, raw);
    return v === undefined || isTextScalar(v);
  }

  /** Reports one target of `next` that is not a step id (`refOk` said no). */
  private badRef(raw: unknown, keySpan: Span, entry: Texts): void {
    const v = deref(this.parsed, raw);
    if (isNullNode(v)) {
      this.add('schema/type', this.span(raw, keySpan), 'emptyTarget', { entry: capEn(entry) }, { expected: 'id' });
      return;
    }
    this.typeError(raw, keySpan, entry, typeLabel(STEP_REF), 'id');
  }

  private next(node: unknown, p: Pair, anchor: Anchor, spec: KeySpec, where: Where, stepType: StepType | undefined): void {
    if (isNullNode(node)) return; // `next:` with nothing after it: no edges (flow rules say what is missing)
    const at = p.value;
    if (stepType === 'decision') {
      if (!isMap(node)) {
        return this.typeError(
          at,
          this.pairKeySpan(p, anchor),
          keyAt(where, spec.key),
          { en: 'a map of branch label → step id on a decision step', zh: '分支标签 → 步骤 id 的映射（decision 步骤）' },
          'map',
          bilingual(
            (quote) => `Write one line per branch, e.g. ${quote('approved: ship')}.`,
            (quote) => `请每个分支写一行，如${quote('通过: ship')}。`,
          ),
        );
      }
      if (!this.once(node, 'next:map')) return;
      const branches = node.items as unknown[];
      for (let i = 0; i < branches.length; i++) {
        const b = branches[i];
        if (!isPair(b) || this.refOk(b.value)) continue;
        const label = scalarText(b.key) ?? '';
        const what = keyAt(where, spec.key);
        this.badRef(b.value, this.pairKeySpan(p, anchor), bilingual((quote) => `branch ${quote(label)} of ${what.en}`, (quote) => `${what.zh}的分支${quote(label)}`));
      }
      return;
    }
    if (isScalar(node)) {
      if (!this.refOk(at)) this.badRef(at, this.pairKeySpan(p, anchor), keyAt(where, spec.key));
      return;
    }
    if (isSeq(node)) {
      if (!this.once(node, 'next:list')) return;
      const items = node.items;
      for (let i = 0; i < items.length; i++) {
        if (!this.refOk(items[i])) this.badRef(items[i], this.pairKeySpan(p, anchor), entryOf(keyAt(where, spec.key), i));
      }
      return;
    }
    // a map: only a decision has labelled branches (unless the type is itself wrong, schema/enum: either shape may be meant)
    if (isMap(node) && stepType === undefined) return;
    this.typeErrorOf(
      spec,
      p,
      anchor,
      where,
      'next',
      isMap(node)
        ? bilingual(
            (quote) => `Only a decision step can have labelled branches: add ${quote('type: decision')} or list the step ids.`,
            (quote) => `只有 decision 步骤可以有带标签的分支：请添加${quote('type: decision')}，或改为列出步骤 id。`,
          )
        : undefined,
    );
  }

  private ruleMap(map: YAMLMap): void {
    if (!this.once(map, 'rules')) return;
    const codes = this.ruleCodes;
    const pairs = map.items as unknown[];
    for (let i = 0; i < pairs.length; i++) {
      const p = pairs[i];
      if (!isPair(p)) continue;
      const keyNode = p.key;
      const code = scalarText(keyNode);
      const ks = this.keySpan(keyNode, this.span(p.value));
      if (code === undefined || !isScalar(keyNode) || !this.ruleCodeSet.has(code)) {
        const name = code ?? this.clipped(ks);
        const suggestion = suggestWord(name, codes);
        const data: DiagnosticData = { name };
        if (suggestion) data.suggestion = suggestion;
        if (suggestion) this.add('schema/unknown-key', ks, 'unknownRuleSuggest', { key: name, suggestion }, data);
        else this.add('schema/unknown-key', ks, 'unknownRule', { key: name }, data);
      }
      const v = deref(this.parsed, p.value);
      if (v === undefined && isAlias(p.value)) continue;
      const what = keyAt({ kind: 'rules' }, code ?? '?');
      const type: ValueType = { kind: 'enum', values: SEVERITY_WORDS };
      if (isNullNode(v)) this.noValue(ks, p.value, what, type);
      else if (!isScalar(v)) this.typeError(p.value, ks, what, typeLabel(type), 'enum');
      else this.enumValue(v, ks, what, SEVERITY_WORDS);
    }
  }
}
