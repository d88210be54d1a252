/**
 * Rename of roles, steps, data items, requirements and step attributes.
 *
 * Every occurrence of the symbol is rewritten (definitions, duplicates and
 * references, including both parts of `sets` keys); each edit replaces just
 * the id's text, so quotes, comments, formatting and key order stay as they
 * are. A rename is refused, with a message in the user's language, when:
 * * the new name is not an id (`^[A-Za-z][A-Za-z0-9_-]*$`) or YAML would read
 *   it as a boolean or null (`true`, `False`, `null`, …);
 * * the new id is already used by the same kind of symbol, defined or only
 *   referenced (renaming would merge two symbols or create a duplicate key);
 * * an occurrence's source text is not the id itself (escape sequences, a
 *   scalar folded across lines, a block scalar): editing it would corrupt it;
 * * an occurrence's text is shared, through a YAML alias, with another symbol;
 * * the file has a typing mistake of form (`mistakes.ts`: a tab, full-width
 *   punctuation used as syntax, a line indented one step off): the file is
 *   misread until it is fixed, and so are its ids.
 */
import { isAlias, isScalar, visit } from 'yaml';
import { normalizeEdits, type TextEdit } from './edits';
import { pick, type Texts } from './i18n';
import { findMistakes } from './mistakes';
import { ID_PATTERN, type Model } from './model';
import { ITEMS } from './schema';
import type { SymbolIndex, SymbolKind, SymbolOccurrence } from './symbols';
import type { Locale, Span } from './types';

export interface PrepareRenameResult {
  /** The text to select and replace at the cursor (the id, or the attribute name). */
  span: Span;
  placeholder: string;
  kind: SymbolKind;
  /** The symbol's id (`step.attr` for an attribute). */
  id: string;
}

export interface RenameError {
  error: string;
}

export interface RenameResult {
  edits: TextEdit[];
}

/** Words the YAML 1.2 core schema reads as booleans or null although they match the id pattern. */
const RESERVED: ReadonlyMap<string, 'bool' | 'null'> = new Map([
  ['true', 'bool'],
  ['True', 'bool'],
  ['TRUE', 'bool'],
  ['false', 'bool'],
  ['False', 'bool'],
  ['FALSE', 'bool'],
  ['null', 'null'],
  ['Null', 'null'],
  ['NULL', 'null'],
]);

/** "role", "data item", … for messages. */
function kindName(kind: SymbolKind): Texts {
  return kind === 'attribute' ? { en: 'attribute', zh: '属性' } : ITEMS[kind].label;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  const end = Math.max(0, Math.min(offset, text.length));
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

interface Target {
  symbol: SymbolOccurrence;
  occurrences: SymbolOccurrence[];
}

/** The symbol under the offset and all its occurrences, or why it cannot be renamed. */
function target(model: Model, index: SymbolIndex, offset: number, locale: Locale): Target | RenameError {
  const t = (en: string, zh: string) => pick(locale, en, zh);
  const text = model.parsed.text;
  const symbol = index.symbolAt(offset);
  if (!symbol) {
    return {
      error: t(
        'Nothing to rename here: put the cursor on the id of a role, step, data item, requirement or step attribute.',
        '此处没有可重命名的内容：请将光标放在角色、步骤、数据项、需求或步骤属性的 ID 上。',
      ),
    };
  }
  const kind = kindName(symbol.kind);
  // a typing mistake of form (a tab, a full-width colon, a line indented one step off) makes the file read
  // differently from what it means: ids and references may be misread, so a rename would edit the wrong text
  const mistake = findMistakes(text)[0];
  if (mistake) {
    return {
      error: t(
        `Cannot rename ${kind.en} "${symbol.id}" yet: line ${mistake.line + 1} has a typing mistake (a tab, full-width punctuation or an indentation one step off), so the file may be read wrongly. Fix it first (Ctrl+.), then rename.`,
        `暂时无法重命名${kind.zh}“${symbol.id}”：第 ${mistake.line + 1} 行有输入错误（制表符、全角标点或缩进差一级），文件可能被误读。请先修正它（Ctrl+.），再重命名。`,
      ),
    };
  }
  const occurrences = index.references(symbol.kind, symbol.id, { includeDeclaration: true });
  const spans = new Set<string>();
  for (const o of occurrences) {
    // names differ only for an attribute of a step whose id has a dot (`a.b` + `m` vs sets key `a.b.m`)
    if (text.slice(o.span.start, o.span.end) !== o.name || o.name !== symbol.name) {
      const line = lineOf(text, o.span.start);
      return {
        error: t(
          `Cannot rename ${kind.en} "${symbol.id}": on line ${line} it is not written as the plain id (escape sequences, a value across lines, or a step id containing a dot), so editing it could corrupt the file. Write it there as a plain id first.`,
          `无法重命名${kind.zh}“${symbol.id}”：第 ${line} 行不是以普通 ID 的形式写出的（含转义字符、跨行书写，或步骤 ID 中含有“.”），直接修改可能损坏文件。请先把那里改写为普通的 ID。`,
        ),
      };
    }
    spans.add(o.span.start + ':' + o.span.end);
  }
  for (const o of index.all()) {
    if ((o.kind !== symbol.kind || o.id !== symbol.id) && spans.has(o.span.start + ':' + o.span.end)) {
      const line = lineOf(text, o.span.start);
      const other = kindName(o.kind);
      return {
        error: t(
          `Cannot rename ${kind.en} "${symbol.id}": the text on line ${line} is shared through a YAML alias with ${other.en} "${o.id}", which would change too. Replace the alias with a plain id first.`,
          `无法重命名${kind.zh}“${symbol.id}”：第 ${line} 行的文本通过 YAML 别名同时被${other.zh}“${o.id}”使用，重命名会一并改掉它。请先把别名改写为普通的 ID。`,
        ),
      };
    }
  }
  const stranded = anchoredElsewhere(model, index, spans);
  if (stranded !== undefined) {
    const line = lineOf(text, stranded);
    return {
      error: t(
        `Cannot rename ${kind.en} "${symbol.id}": on line ${line} it is reached through a YAML alias of a value that is not an id (an anchor such as \`type: &s start\`), which would change too. Replace the alias with a plain id first.`,
        `无法重命名${kind.zh}“${symbol.id}”：第 ${line} 行通过 YAML 别名引用了一个并非 ID 的值（如 \`type: &s start\` 上的锚点），重命名会一并改掉它。请先把别名改写为普通的 ID。`,
      ),
    };
  }
  return { symbol, occurrences };
}

/**
 * The offset of an anchored node among `spans` whose own place holds no id
 * (`type: &s start` read as a step through `next: *s`): every occurrence at its
 * span comes through an alias, so renaming would rewrite the anchored value.
 */
function anchoredElsewhere(model: Model, index: SymbolIndex, spans: ReadonlySet<string>): number | undefined {
  const doc = model.parsed.doc;
  if (!doc || !model.parsed.text.includes('&')) return undefined;
  const anchored = new Map<unknown, string>();
  const aliasesOf = new Map<unknown, number>();
  visit(doc, (_key, node) => {
    const n = node as { anchor?: string; range?: [number, number, number] } | null;
    if (n?.anchor && n.range && isScalar(node)) {
      const k = scalarSpanKey(model.parsed.text, node);
      if (k && spans.has(k)) anchored.set(node, k);
    }
    if (isAlias(node)) {
      const target = model.parsed.aliases.target(node);
      aliasesOf.set(target, (aliasesOf.get(target) ?? 0) + 1);
    }
  });
  if (!anchored.size) return undefined;
  const atSpan = new Map<string, number>();
  for (const o of index.all()) {
    const k = o.span.start + ':' + o.span.end;
    if (spans.has(k)) atSpan.set(k, (atSpan.get(k) ?? 0) + 1);
  }
  for (const [node, k] of anchored) {
    if ((atSpan.get(k) ?? 0) <= (aliasesOf.get(node) ?? 0)) return Number(k.split(':')[0]);
  }
  return undefined;
}

/** `start:end` of a scalar's text without quotes (as symbol spans are written). */
function scalarSpanKey(text: string, node: { range?: readonly number[] | null }): string | undefined {
  const r = node.range;
  if (!r) return undefined;
  let [a, b] = [r[0], r[1]];
  const c = text[a];
  if ((c === '"' || c === "'") && b - a >= 2 && text[b - 1] === c) {
    a++;
    b--;
  }
  return a + ':' + b;
}

/** Whether a rename can start at `offset`, and what to show in the rename box. */
export function prepareRename(
  model: Model,
  index: SymbolIndex,
  offset: number,
  locale: Locale = 'en',
): PrepareRenameResult | RenameError {
  try {
    const found = target(model, index, offset, locale);
    if ('error' in found) return found;
    const { symbol } = found;
    return { span: { ...symbol.span }, placeholder: symbol.name, kind: symbol.kind, id: symbol.id };
  } catch (e) {
    return { error: internal(locale, e) };
  }
}

/**
 * The edits that rename the symbol at `offset` to `newName` (for an attribute,
 * the new attribute name without the step part).
 */
export function renameSymbol(
  model: Model,
  index: SymbolIndex,
  offset: number,
  newName: string,
  locale: Locale = 'en',
): RenameResult | RenameError {
  try {
    return rename(model, index, offset, newName, locale);
  } catch (e) {
    return { error: internal(locale, e) };
  }
}

function rename(model: Model, index: SymbolIndex, offset: number, newName: string, locale: Locale): RenameResult | RenameError {
  const t = (en: string, zh: string) => pick(locale, en, zh);
  const found = target(model, index, offset, locale);
  if ('error' in found) return found;
  const { symbol, occurrences } = found;
  const kind = kindName(symbol.kind);
  const name = typeof newName === 'string' ? newName : String(newName);
  if (!ID_PATTERN.test(name)) {
    const what = symbol.kind === 'attribute' ? { en: 'attribute name', zh: '属性名' } : { en: `${kind.en} id`, zh: `${kind.zh} ID` };
    return {
      error: t(
        `"${name}" is not a valid ${what.en}: it must start with a letter and contain only letters, digits, "_" and "-" (for example credit-check).`,
        `“${name}”不是合法的${what.zh}：必须以字母开头，只能包含字母、数字、“_”和“-”（例如 credit-check）。`,
      ),
    };
  }
  const reserved = RESERVED.get(name);
  if (reserved) {
    return {
      error: t(
        `"${name}" cannot be used as an id: YAML reads it as ${reserved === 'bool' ? 'a boolean' : 'null'}, not as text. Choose another name.`,
        `“${name}”不能用作 ID：YAML 会把它读成${reserved === 'bool' ? '布尔值' : '空值'}，而不是文本。请换一个名字。`,
      ),
    };
  }
  const newId = symbol.kind === 'attribute' ? symbol.id.slice(0, symbol.id.length - symbol.name.length) + name : name;
  if (newId === symbol.id) return { edits: [] };
  const taken = index.references(symbol.kind, newId, { includeDeclaration: true });
  if (taken.length > 0) {
    const def = taken.find((o) => o.isDefinition && !o.implicit);
    const line = lineOf(model.parsed.text, (def ?? taken[0]).span.start);
    return {
      error: def
        ? t(
            `Cannot rename to "${name}": ${kind.en} "${newId}" already exists (line ${line}). Choose another name, or merge the two by hand.`,
            `无法重命名为“${name}”：${kind.zh}“${newId}”已存在（第 ${line} 行）。请换一个名字，或手动合并两者。`,
          )
        : t(
            `Cannot rename to "${name}": ${kind.en} "${newId}" is already used on line ${line}, and renaming would merge the two. Choose another name.`,
            `无法重命名为“${name}”：${kind.zh}“${newId}”已在第 ${line} 行使用，重命名会把两者合并。请换一个名字。`,
          ),
    };
  }
  const edits = normalizeEdits(occurrences.map((o) => ({ span: { start: o.span.start, end: o.span.end }, newText: name })));
  return { edits };
}

function internal(locale: Locale, e: unknown): string {
  const detail = e instanceof Error ? e.message : String(e);
  return pick(
    locale,
    `BizFlow could not compute this rename (${detail}). Please report this.`,
    `BizFlow 无法完成此次重命名（${detail}）。请反馈此问题。`,
  );
}
