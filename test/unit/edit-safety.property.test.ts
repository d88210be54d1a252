/**
 * Edits are safe (issue 12 item 4), as one property over random BizFlow files
 * (test/support/bizflow-arbitrary.ts: comments, flow style, block scalars,
 * anchors/aliases, `<<`, a second document, CRLF, injected typing mistakes).
 *
 * Every edit the core offers on such a file — each quick fix of each finding
 * (`fixesFor`, all rule codes), each rename (every symbol, asked from each of
 * its occurrences), `lint --fix` (`applyPreferredFixes`) and the as-you-type
 * corrections (`typingFixes`) — is applied, and the result must:
 * 1. read as YAML with no parser error the original did not have (an
 *    original the parser could not read: with no more errors than it had);
 * 2. mean what the edit intends and nothing else: every place where the
 *    data (yaml's `toJS`, aliases resolved, every document) differs lies in
 *    a node the edit touches, never behind an alias the edit did not touch
 *    (an anchored value changed under another name); a rename changes exactly
 *    the id and its references; the fix of a single injected mistake gives
 *    back the data of the clean file;
 * 3. keep every comment (a non-preferred "Remove" fix may delete its line);
 * 4. add no finding: findings after ⊆ findings before (code, message id and
 *    data, positions ignored) for renames; for quick fixes, which may
 *    legitimately reveal findings a broken reference hid, no new `yaml/*` or
 *    `schema/*` finding; for the fixes that move a line back where it belongs
 *    (typing mistakes) and `lint --fix`, which reveal the findings of what was
 *    misread, no new `yaml/*` finding (and the data of the clean file);
 * 5. keep CRLF line breaks CRLF.
 *
 * Runs `EDIT_SAFETY_RUNS` files (default 40, < 20 s); `EDIT_SAFETY_RUNS=500`
 * for a heavier run, `EDIT_SAFETY_SEED=n` to replay. A failure prints the
 * seed, the file, the edit and what broke.
 */
import { strict as assert } from 'assert';
import fc from 'fast-check';
import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node as YamlNode } from 'yaml';
import { applyPreferredFixes } from '../../src/core/autofix';
import { applyEdits, editsOverlap, type TextEdit } from '../../src/core/edits';
import { analyze, MISTAKE_CODES, type ReportedMessage } from '../../src/core/engine';
import { fixesFor } from '../../src/core/fixes';
import { findMistakes, type Mistake } from '../../src/core/mistakes';
import { prepareRename, renameSymbol } from '../../src/core/rename';
import { buildSymbolIndex, type SymbolKind } from '../../src/core/symbols';
import { typingFixes } from '../../src/core/typing';
import type { Diagnostic } from '../../src/core/types';
import { bizflowFile, type GeneratedFile } from '../support/bizflow-arbitrary';
import { mutationRuns } from './timing';

const RUNS = Number(process.env.EDIT_SAFETY_RUNS) || mutationRuns(40, 3);
const SEED = process.env.EDIT_SAFETY_SEED !== undefined ? Number(process.env.EDIT_SAFETY_SEED) : 7;
const TODAY = '2026-12-07';

/** The edits the default run must have exercised. */
const EXERCISED = [
  'yaml/tab',
  'yaml/full-width',
  'yaml/indentation',
  'schema/misplaced-key',
  'schema/version',
  'schema/type',
  'schema/enum',
  'schema/unknown-key',
  'schema/id',
  'ref/unknown-role',
  'ref/unknown-step',
  'ref/unknown-data',
  'ref/unknown-requirement',
  'req/no-acceptance',
  'conflict/contradiction',
  'conflict/removed-step',
  'conflict/unagreed-burden',
  'review/stale-agreement',
  'rename',
  'lint --fix',
  'typing',
];

// ---------------------------------------------------------------------------
// Reading a text

interface Read {
  text: string;
  /** Every document's data, aliases resolved (undefined: yaml could not build it). */
  js: unknown[] | undefined;
  docs: ReturnType<typeof parseAllDocuments>;
  /** Parser error codes, and how many errors. */
  errors: Set<string>;
  errorCount: number;
  diagnostics: Diagnostic[];
  /** Findings by code + message id + data (positions ignored). */
  findings: Map<string, Diagnostic>;
}

function read(text: string): Read {
  const source = text.replace(/\r(?!\n)/g, '\n');
  const parsed = parseAllDocuments(source, { version: '1.2', uniqueKeys: false });
  const docs = Array.isArray(parsed) ? parsed : [];
  let js: unknown[] | undefined;
  try {
    js = docs.map((d) => d.toJS({ maxAliasCount: -1 }));
  } catch {
    js = undefined;
  }
  const errors = new Set(docs.flatMap((d) => d.errors.map((e) => e.code)));
  const errorCount = docs.reduce((n, d) => n + d.errors.length, 0);
  const messages = new Map<Diagnostic, ReportedMessage>();
  const { diagnostics } = analyze(text, { onReport: (d, m) => messages.set(d, m) });
  const findings = new Map<string, Diagnostic>();
  for (const d of diagnostics) findings.set(findingKey(d, messages.get(d)), d);
  return { text, js, docs, errors, errorCount, diagnostics, findings };
}

// positions; today's fingerprint of a requirement (it changes with any edit of the requirement); the
// did-you-mean hint (renaming an unknown reference, or the id it resembled, changes the candidates)
const POSITION_KEYS = new Set(['line', 'column', 'lines', 'offset', 'actual', 'expected', 'current', 'hint']);

function findingKey(d: Diagnostic, m: ReportedMessage | undefined): string {
  const data = m?.data ? Object.fromEntries(Object.entries(m.data).filter(([k]) => !POSITION_KEYS.has(k)).sort()) : undefined;
  return `${d.code}|${m?.messageId ?? d.message.replace(/\d+/g, '#')}|${JSON.stringify(data)}`;
}

// ---------------------------------------------------------------------------
// Where two data trees differ

type Path = (string | number)[];

function diffPaths(a: unknown, b: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (out.length > 50) return out;
  if (Object.is(a, b)) return out;
  if (a instanceof Date && b instanceof Date && a.getTime() === b.getTime()) return out;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(path);
    else a.forEach((x, i) => diffPaths(x, b[i], [...path, i], out));
    return out;
  }
  const isObj = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x) && !(x instanceof Date);
  if (a instanceof Map || b instanceof Map) {
    out.push(path);
    return out;
  }
  if (isObj(a) && isObj(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      if (!(k in a) || !(k in b)) out.push([...path, k]);
      else diffPaths(a[k], b[k], [...path, k], out);
    }
    return out;
  }
  out.push(path);
  return out;
}

interface Place {
  /** Source ranges [start, end] of the nodes the path goes through (the last: the deepest that exists). */
  owner: [number, number];
  /** The text of the last key/item of the path as written there (an alias, before it is followed). */
  written: [number, number];
  /** Aliases the path goes through, with the range of the `*name` text. */
  aliases: [number, number][];
}

/** Follows `path` (into document `path[0]`) through the old document's nodes. */
function placeOf(r: Read, path: Path): Place | undefined {
  const doc = r.docs[Number(path[0])];
  if (!doc) return undefined;
  const aliases: [number, number][] = [];
  const rangeOf = (n: unknown): [number, number] | undefined => {
    const rg = (n as YamlNode | null)?.range;
    return rg ? [rg[0], rg[2]] : undefined;
  };
  let node: unknown = doc.contents;
  let owner: [number, number] = rangeOf(node) ?? [0, r.text.length];
  let written: [number, number] = owner;
  const follow = (n: unknown) => {
    let cur = n;
    for (let i = 0; i < 20 && isAlias(cur); i++) {
      const rg = rangeOf(cur);
      if (rg) aliases.push(rg);
      cur = (cur as { resolve(d: unknown): unknown }).resolve(doc);
      // what the alias names is written at its anchor: that text owns the data below
      const target = rangeOf(cur);
      if (target) owner = target;
    }
    return cur;
  };
  node = follow(node);
  for (const seg of path.slice(1)) {
    if (isMap(node)) {
      const pairs = node.items.filter((p) => isPair(p));
      const pair = [...pairs].reverse().find((p) => String(isScalar(p.key) ? p.key.value : p.key) === String(seg));
      if (!pair) {
        // `<<` and other keys that yaml builds differently: the map is the owner
        return { owner, written, aliases };
      }
      const k = rangeOf(pair.key);
      const v = rangeOf(pair.value);
      owner = [k ? k[0] : owner[0], v ? v[1] : k ? k[1] : owner[1]];
      written = owner;
      node = follow(pair.value);
      const rv = rangeOf(node);
      if (rv && !isAlias(pair.value)) owner = [owner[0], Math.max(owner[1], rv[1])];
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)];
      if (item === undefined) return { owner, written, aliases };
      owner = rangeOf(item) ?? owner;
      written = owner;
      node = follow(item);
    } else {
      return { owner, written, aliases };
    }
  }
  return { owner, written, aliases };
}

const touches = (e: TextEdit, [a, b]: [number, number]) => e.span.start <= b && e.span.end >= a;

/** A node's text and the blanks after it (where a value of an empty key, or a map's next key, goes). */
function withGap(text: string, [a, b]: [number, number]): [number, number] {
  const gap = /^[ \t\r\n]*/.exec(text.slice(b, b + 400))![0].length;
  return [a, b + gap];
}

/** Property 2, generically: every difference lies in a node an edit touches, and behind no untouched alias. */
function checkMeaning(before: Read, after: Read, edits: TextEdit[], allowAliased: boolean): string | undefined {
  if (!before.js) return undefined;
  if (!after.js) return 'yaml can no longer build the data (an alias lost its anchor?)';
  // a text the parser could not read (beyond its second document) has no reliable node ranges to attribute
  // changes to: there, the fix of a mistake is compared with the clean file instead
  if ([...before.errors].some((c) => c !== 'MULTIPLE_DOCS')) return undefined;
  const diffs = diffPaths(before.js, after.js);
  for (const p of diffs) {
    const place = placeOf(before, p);
    if (!place) continue; // a document added or removed: reported by the parser errors
    if (!edits.some((e) => touches(e, withGap(before.text, place.owner)) || touches(e, place.written))) return `data at ${JSON.stringify(p)} changed, but no edit touches its text (${place.owner})`;
    if (!allowAliased) {
      const hidden = place.aliases.find((a) => !edits.some((e) => touches(e, a)));
      if (hidden) return `data at ${JSON.stringify(p)} changed through the alias at ${hidden[0]}: an anchored value changed under another name`;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------

interface Ctx {
  file: GeneratedFile;
  /** What was exercised over the run: rule codes whose fixes were applied, 'rename', 'lint --fix', 'typing'. */
  seen: Set<string>;
  before: Read;
  /** The clean file, read on demand. */
  clean?: Read;
  failures: string[];
}

function fail(ctx: Ctx, what: string, why: string, edits: TextEdit[]): void {
  ctx.failures.push(`${what}: ${why}\n    edits: ${JSON.stringify(edits)}`);
}

/**
 * The edit mends a typing mistake of form and the text still has others, each already there before: the
 * parser's errors are then the follow-ons of those (a full-width colon on line 1 makes yaml read the whole
 * file as one broken scalar, and mending the one on line 3 changes how many errors that scalar gives).
 */
function mendsOneOfSeveral(before: string, after: string): boolean {
  const key = (t: string) => (m: Mistake) => `${m.kind}|${t.split(/\r\n|\r|\n/)[m.line]?.trim()}`;
  const was = new Set(findMistakes(before).map(key(before)));
  const left = findMistakes(after).map(key(after));
  return left.length > 0 && left.length < was.size && left.every((k) => was.has(k));
}

const CRLF_ONLY = (t: string) => t.includes('\r\n') && !/(^|[^\r])\n/.test(t);

/** Properties 1, 3 and 5 (and the generic 2) for one edit; returns the read result. */
function checkCommon(ctx: Ctx, what: string, edits: TextEdit[], opts: { mayDropComments: boolean; allowAliased?: boolean; structural?: boolean }): Read | undefined {
  const { before, file } = ctx;
  if (editsOverlap(edits)) {
    fail(ctx, what, 'its edits overlap', edits);
    return undefined;
  }
  const text = applyEdits(before.text, edits);
  const after = read(text);
  const newErrors = [...after.errors].filter((c) => !before.errors.has(c));
  if ([...before.errors].every((c) => c === 'MULTIPLE_DOCS')) {
    if (newErrors.length) fail(ctx, what, `new YAML errors ${newErrors.join(', ')}`, edits);
  } else if (after.errorCount > before.errorCount && !mendsOneOfSeveral(before.text, text)) {
    // a text the parser could not read: mending one mistake (of several) may let it read on to the next
    // one, whose error it could not see before; it must not be left with more errors than it had
    fail(ctx, what, `more YAML errors (${before.errorCount} → ${after.errorCount}: ${[...after.errors].join(', ')})`, edits);
  }
  const meaning = opts.structural ? undefined : checkMeaning(before, after, edits, opts.allowAliased ?? false);
  if (meaning) fail(ctx, what, meaning, edits);
  if (!opts.mayDropComments) {
    const lost = file.comments.filter((c) => before.text.includes(c) && !text.includes(c));
    if (lost.length) fail(ctx, what, `comments lost: ${lost.join(' | ')}`, edits);
  }
  if (CRLF_ONLY(before.text) && !CRLF_ONLY(text)) fail(ctx, what, 'a lone LF in a CRLF file', edits);
  return after;
}

/**
 * Findings of `after` that `before` did not have. A mistake hides findings (one mistake, one finding;
 * a section the parser could not read is not checked): for a fix, whose job is to undo a mistake, the
 * findings of the clean file count as known too (`orClean`).
 */
function newFindings(ctx: Ctx, after: Read, filter: (d: Diagnostic) => boolean, map: (k: string) => string = (k) => k, orClean = true): string[] {
  const { before } = ctx;
  const had = new Set([...before.findings.keys()]);
  const broken = [...before.errors].filter((c) => c !== 'MULTIPLE_DOCS');
  // an edit that repairs what the parser could not read reveals whatever the broken part hid
  if (broken.some((c) => !after.errors.has(c))) return [];
  if (orClean) for (const k of (ctx.clean ??= read(ctx.file.clean)).findings.keys()) had.add(k);
  return [...after.findings].filter(([k, d]) => filter(d) && !had.has(map(k))).map(([k]) => k);
}

function checkFixes(ctx: Ctx): void {
  const { before, file } = ctx;
  const model = analyze(before.text).model;
  const index = buildSymbolIndex(model);
  const single = file.mistakes.length === 1 ? (ctx.clean ??= read(file.clean)) : undefined;
  for (const d of before.diagnostics) {
    const fixes = fixesFor(model, d, 'en', index, { today: TODAY });
    for (const f of fixes) {
      ctx.seen.add(d.code);
      const what = `fix "${f.title}" of ${d.code} at ${d.span.start}`;
      // moving or re-indenting a line changes where the lines below it belong: such a fix is compared with the clean file
      const structural = MISTAKE_CODES.has(d.code) || (d.code === 'schema/unknown-key' && !f.title.startsWith('Remove') && !f.title.startsWith('Change'));
      const after = checkCommon(ctx, what, f.edits, {
        mayDropComments: !f.isPreferred && fixes.length > 1 && f.title.startsWith('Remove'),
        structural,
      });
      if (!after) continue;
      // a line moved back where it belongs reveals the findings of what was misread (checked with the clean file)
      const added = newFindings(ctx, after, (x) => x.code.startsWith('yaml/') || (!structural && x.code.startsWith('schema/')));
      if (added.length) fail(ctx, what, `new findings ${added.join('; ')}`, f.edits);
      // the fix of the one injected mistake of form gives back the clean file's data
      if (single && f.isPreferred && MISTAKE_CODES.has(d.code) && single.js && after.js) {
        try {
          assert.deepEqual(after.js, single.js);
        } catch {
          fail(ctx, what, `the data is not the clean file's: differs at ${JSON.stringify(diffPaths(single.js, after.js).slice(0, 3))}`, f.edits);
        }
      }
    }
  }
}

function renameJs(v: unknown, kind: SymbolKind, from: string, to: string): unknown {
  const step = (s: string) => (kind === 'step' && s.startsWith(from + '.') ? to + s.slice(from.length) : s);
  if (typeof v === 'string') return v === from ? to : v;
  if (Array.isArray(v)) return v.map((x) => renameJs(x, kind, from, to));
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [step(k === from ? to : k), renameJs(x, kind, from, to)]));
  }
  return v;
}

function checkRenames(ctx: Ctx): void {
  const { before, file } = ctx;
  const model = analyze(before.text).model;
  const index = buildSymbolIndex(model);
  // the rename asked at the symbol's first occurrence, by symbol
  const first = new Map<string, string>();
  for (const o of index.all()) {
    // (an alias shared by two symbols: the rename starts from the one the index finds at the offset)
    const sym = index.symbolAt(o.span.start) ?? o;
    const key = `${sym.kind}\0${sym.id}`;
    const newName = sym.kind === 'attribute' ? 'zzattr' : 'zz-renamed';
    const result = renameSymbol(model, index, o.span.start, newName);
    const prep = prepareRename(model, index, o.span.start);
    if ('error' in result !== 'error' in prep) ctx.failures.push(`rename ${o.kind} ${o.id} at ${o.span.start}: prepareRename and renameSymbol disagree`);
    const what = `rename ${sym.kind} "${sym.id}" to "${newName}"`;
    const got = JSON.stringify(result);
    if (first.has(key)) {
      // every occurrence offers the same rename
      if (first.get(key) !== got) fail(ctx, what, `asked at ${o.span.start} it gives ${got}, asked at its first occurrence ${first.get(key)}`, []);
      continue;
    }
    first.set(key, got);
    if ('error' in result) continue;
    ctx.seen.add('rename');
    const after = checkCommon(ctx, what, result.edits, { mayDropComments: false, allowAliased: true });
    if (!after) continue;
    // exactly the id and its references change (checked on files without injected mistakes, where every
    // value equal to the id is a reference to it)
    if (file.mistakes.length === 0 && sym.kind !== 'attribute' && before.js && after.js) {
      try {
        assert.deepEqual(after.js, renameJs(before.js, sym.kind, sym.id, newName));
      } catch {
        fail(ctx, what, `not exactly the id and its references changed: ${JSON.stringify(diffPaths(renameJs(before.js, sym.kind, sym.id, newName), after.js).slice(0, 3))}`, result.edits);
      }
    }
    const swap = (k: string) => k.split(newName).join(sym.name);
    const added = newFindings(ctx, after, () => true, swap, false);
    if (added.length) fail(ctx, what, `new findings ${added.join('; ')}`, result.edits);
  }
}

function checkAutofix(ctx: Ctx): void {
  const { before, file } = ctx;
  const out = applyPreferredFixes(before.text);
  if (out.output === before.text) return;
  ctx.seen.add('lint --fix');
  const whole: TextEdit[] = [{ span: { start: 0, end: before.text.length }, newText: out.output }];
  // the whole text is one edit here: property 2 is checked through the clean file instead
  const after = checkCommon(ctx, 'lint --fix', whole, { mayDropComments: false, structural: true });
  if (!after) return;
  const added = newFindings(ctx, after, (x) => x.code.startsWith('yaml/'));
  if (added.length) fail(ctx, 'lint --fix', `new findings ${added.join('; ')}`, []);
  if (file.mistakes.length === 1 && /tab|full-width|indent/.test(file.mistakes[0])) {
    const clean = read(applyPreferredFixes(file.clean).output);
    if (clean.js && after.js) {
      try {
        assert.deepEqual(after.js, clean.js);
      } catch {
        fail(ctx, 'lint --fix', `the data is not that of the clean file fixed: ${JSON.stringify(diffPaths(clean.js, after.js).slice(0, 3))}`, []);
      }
    }
  }
}

function checkTyping(ctx: Ctx): void {
  const { before } = ctx;
  const text = before.text;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== '：' && ch !== '，' && ch !== '\u3000') continue;
    const edits = typingFixes(text, i + 1);
    if (!edits.length) continue;
    ctx.seen.add('typing');
    checkCommon(ctx, `typing correction after offset ${i}`, edits, { mayDropComments: false });
  }
}

describe('edit safety: every offered edit keeps a random file sound (property)', function () {
  this.timeout(Math.max(120_000, RUNS * 6_000));

  it(`fixes, renames, lint --fix and typing corrections (${RUNS} files, seed ${SEED})`, () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(bizflowFile, (file) => {
        const ctx: Ctx = { file, seen, before: read(file.text), failures: [] };
        checkFixes(ctx);
        checkRenames(ctx);
        checkAutofix(ctx);
        checkTyping(ctx);
        if (ctx.failures.length) {
          throw new Error(
            `${ctx.failures.length} unsafe edit(s) (replay with EDIT_SAFETY_SEED=${SEED}):\n  ${ctx.failures.slice(0, 5).join('\n  ')}\n` +
              `mistakes: ${JSON.stringify(file.mistakes)}\n--- file ---\n${file.text}`,
          );
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    // the generator offers every kind of edit (a property over edits never made proves nothing)
    if (RUNS >= 40) assert.deepEqual(EXERCISED.filter((k) => !seen.has(k)), [], `never exercised; seen: ${[...seen].sort().join(', ')}`);
  });
});
