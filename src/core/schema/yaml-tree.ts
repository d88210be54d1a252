/**
 * The walk of the YAML tree for the yaml/* rules: repeated keys and
 * unresolved aliases. Driven by the schema walk (`walk.ts`), which walks each
 * item it checks while its nodes are fresh, then over everything else.
 */
import { isAlias as yIsAlias, isMap as yIsMap, isPair as yIsPair, isScalar as yIsScalar, isSeq as yIsSeq } from 'yaml';
import type { Pair, Scalar } from 'yaml';
import { pick } from '../i18n';
import { innerSpan, rangeSpan, scalarText, type Model } from '../model';
import { deref } from '../parse';
import type { Locale, RelatedInfo, Span } from '../types';
import { bilingual } from './words';

// yaml's type guards, bound once: through yaml's CommonJS build (tsx, the unit
// tests) a call goes through a re-export getter, and the walks below call them for every node.
// Named imports, not `import * as`: a namespace object would keep all of yaml
// in the extension bundle (esbuild cannot drop what it might reach).
const isAlias = yIsAlias, isMap = yIsMap, isPair = yIsPair, isScalar = yIsScalar, isSeq = yIsSeq;

// ---------------------------------------------------------------------------
// The YAML tree walk shared by the yaml/* rules: repeated keys and unresolved
// aliases, in one iterative pass that never follows an alias.

export interface DuplicateKey {
  key: string;
  /** The repeated key (second or later definition). */
  span: Span;
  /** The first definition's key. */
  first: Span;
  /** The key of the map the duplicates are in (`undefined` at the top level). */
  parent?: string;
}

export interface YamlTreeFacts {
  duplicates: DuplicateKey[];
  /** Aliases that name no anchor defined before them. */
  unresolvedAliases: { name: string; span: Span }[];
}

/** Maps with more keys than this find repeated keys with a Map; smaller ones compare with the keys before. */
const SMALL_MAP = 16;

/**
 * The map of each section the model read (roles, data, steps, requirements:
 * the value of the first top-level key of that name), with the number of ids
 * the model found in it. The ids are distinct keys of that map (a model
 * restricted to some items has fewer), so a section map with as many keys
 * as ids has no repeated key.
 */
function sectionSizes(model: Model): Map<unknown, number> {
  const sizes = new Map<unknown, number>();
  const root = model.root;
  if (!root) return sizes;
  const seen = new Set<string>();
  for (const p of root.items as unknown[]) {
    if (!isPair(p)) continue;
    const key = scalarText(p.key);
    if (key === undefined || seen.has(key)) continue;
    seen.add(key);
    const section =
      key === 'roles' ? model.roles : key === 'data' ? model.data : key === 'steps' ? model.steps : key === 'requirements' ? model.requirements : undefined;
    if (!section) continue;
    const node = deref(model.parsed, p.value);
    if (isMap(node)) sizes.set(node, section.byId.size);
  }
  return sizes;
}

/**
 * The walk of the YAML tree for the yaml/* rules: every node in document
 * order, never following an alias. The schema walk calls `walk` on each item
 * of a section it checks and records it in `covered`; the walk of the whole
 * document then skips those items.
 */
export class TreeWalk {
  readonly facts: YamlTreeFacts = { duplicates: [], unresolvedAliases: [] };
  /** Section map → how many of its first pairs had their value walked already (values that are not aliases). */
  readonly covered = new Map<unknown, number>();
  // the stack as two arrays (node, key of the map it is in); scalars are never pushed (they hold nothing to report)
  private readonly nodes: unknown[] = [];
  private readonly parents: (string | undefined)[] = [];
  // keys of the map being read, by pair position (reused from map to map)
  private readonly keys: (string | undefined)[] = [];
  // span of each first definition of a repeated key: one object however many times the key repeats
  private readonly firstSpans = new Map<Scalar, Span>();
  private sectionIds: Map<unknown, number> | undefined;

  constructor(private readonly model: Model) {}

  /** Walks `node` and everything under it; `parent` is the key of the map it is in. Never throws. */
  walk(node: unknown, parent: string | undefined): void {
    const { doc, text } = this.model.parsed;
    if (!doc) return;
    const { nodes, parents, keys, facts, covered } = this;
    nodes.push(node);
    parents.push(parent);
    try {
      while (nodes.length) {
        const node = nodes.pop();
        const parent = parents.pop();
        if (isAlias(node)) {
          if (deref(this.model.parsed, node) === undefined) {
            facts.unresolvedAliases.push({ name: node.source, span: rangeSpan(node, text) ?? { start: 0, end: 0 } });
          }
        } else if (isMap(node)) {
          const items = node.items as unknown[];
          const n = items.length;
          let defined = 0;
          for (let i = 0; i < n; i++) {
            const p = items[i];
            const key = isPair(p) && isScalar(p.key) ? scalarText(p.key) : undefined;
            keys[i] = key;
            if (key !== undefined) defined++;
          }
          // repeated keys: a small map compares each key with the ones before it; a large one uses
          // a Map, unless it is a section in which the model found as many ids as there are keys
          if (n <= SMALL_MAP) {
            for (let i = 1; i < n; i++) {
              const key = keys[i];
              if (key === undefined) continue;
              for (let j = 0; j < i; j++) {
                if (keys[j] === key) {
                  this.repeated(items, i, j, key, parent);
                  break;
                }
              }
            }
          } else if ((this.sectionIds ??= sectionSizes(this.model)).get(node) !== defined) {
            const firsts = new Map<string, number>();
            for (let i = 0; i < n; i++) {
              const key = keys[i];
              if (key === undefined) continue;
              const f = firsts.get(key);
              if (f === undefined) firsts.set(key, i);
              else this.repeated(items, i, f, key, parent);
            }
          }
          const walked = covered.size ? (covered.get(node) ?? 0) : 0;
          // reversed so that the stack pops them in document order
          for (let i = n - 1; i >= 0; i--) {
            const p = items[i];
            if (!isPair(p)) continue;
            const key = keys[i];
            const v = p.value;
            if (v && typeof v === 'object' && !isScalar(v) && (i >= walked || isAlias(v))) {
              nodes.push(v);
              parents.push(key ?? parent);
            }
            if (key === undefined && p.key && typeof p.key === 'object' && !isScalar(p.key)) {
              nodes.push(p.key);
              parents.push(parent);
            }
          }
        } else if (isSeq(node)) {
          const items = node.items;
          for (let i = items.length - 1; i >= 0; i--) {
            const v = items[i];
            if (v && typeof v === 'object' && !isScalar(v)) {
              nodes.push(v);
              parents.push(parent);
            }
          }
        } else if (isPair(node)) {
          const v = node.value;
          if (v && typeof v === 'object' && !isScalar(v)) {
            nodes.push(v);
            parents.push(parent);
          }
          if (node.key && typeof node.key === 'object' && !isScalar(node.key)) {
            nodes.push(node.key);
            parents.push(parent);
          }
        }
      }
    } catch {
      // never throw
      nodes.length = 0;
      parents.length = 0;
    }
  }

  /** Records that key `i` of `items` repeats key `first`. */
  private repeated(items: unknown[], i: number, first: number, key: string, parent: string | undefined): void {
    const text = this.model.parsed.text;
    const firstKey = (items[first] as Pair).key as Scalar;
    let firstSpan = this.firstSpans.get(firstKey);
    if (!firstSpan) this.firstSpans.set(firstKey, (firstSpan = innerSpan(firstKey, text)));
    this.facts.duplicates.push({ key, span: innerSpan((items[i] as Pair).key as Scalar, text), first: firstSpan, parent });
  }
}

/** Related information for a repeated key. */
export function firstDefinition(d: DuplicateKey, locale: Locale): RelatedInfo {
  return {
    span: d.first,
    message: pick(locale, bilingual((quote) => `${quote(d.key)} is first defined here.`, (quote) => `${quote(d.key)}首次定义于此。`)),
  };
}
