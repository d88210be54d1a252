/**
 * A fast-check arbitrary of "valid-ish" BizFlow files (issue 12 item 4): a
 * small process model (roles, data, steps with next/needs/produces,
 * requirements with sets/adds/removes/agreed/reviews/overrides) written out
 * with decorations that edits must survive — own-line and trailing comments,
 * flow-style maps and lists, block scalars (`|`, `>`), anchors and aliases on
 * scalars, lists and maps (with a `<<` merge key now and then), a second
 * document, CRLF line breaks — and then typing mistakes injected so that many
 * quick fixes are offered (a typo in a reference, an unknown key, a tab, a
 * full-width colon, a line indented one step off, a section nested under the
 * one above it).
 *
 * `clean` is the text before the mistakes (same decorations, same line breaks),
 * so a test can compare what a fix of a mistake gives with it.
 * Used by test/unit/edit-safety.property.test.ts; reusable by any test.
 */
import fc from 'fast-check';

export interface GeneratedFile {
  /** The file with the injected mistakes. */
  text: string;
  /** The same file without the injected mistakes. */
  clean: string;
  /** What was injected, for the failure report. */
  mistakes: string[];
  /** Every comment written (each is unique in the file). */
  comments: string[];
}

const ROLE_IDS = ['sales', 'warehouse', 'finance', 'director', 'ops'];
const DATA_IDS = ['order', 'invoice', 'credit-report', 'delivery-status'];
const STEP_IDS = ['receive', 'credit-check', 'pick', 'pack', 'ship', 'done'];
const NAMES = ['接收订单', 'Pick goods', '财务 审核', 'Ship it', '交付完成', 'Check: twice', '出库'];
const VALUES = ['manual', 'automatic', 'review', 'auto'];

interface Model {
  roles: string[];
  data: string[];
  steps: { id: string; next: number[]; needs: number[]; produces: number[]; role: number; mode: boolean }[];
  reqs: {
    from: number;
    priority: string;
    sets: { step: number; value: number }[];
    adds: number[];
    removes: number[];
    agreed: number[];
    reviews: { role: number; stale: boolean }[];
    overrides: number[];
    depends: number[];
    decidedBy: number | undefined;
    acceptance: boolean;
  }[];
}

/** Style and mistake choices: a pool of small numbers the writer consumes in order (cycling). */
export interface GeneratorInput {
  nRoles: number;
  nData: number;
  nSteps: number;
  nReqs: number;
  picks: number[];
  choices: number[];
  mistakes: number[];
  crlf: boolean;
  secondDoc: boolean;
}

export const generatorInput: fc.Arbitrary<GeneratorInput> = fc.record({
  nRoles: fc.integer({ min: 1, max: 4 }),
  nData: fc.integer({ min: 0, max: 3 }),
  nSteps: fc.integer({ min: 2, max: 5 }),
  nReqs: fc.integer({ min: 0, max: 3 }),
  picks: fc.array(fc.nat(97), { minLength: 40, maxLength: 40 }),
  choices: fc.array(fc.nat(99), { minLength: 60, maxLength: 60 }),
  mistakes: fc.array(fc.nat(999), { minLength: 1, maxLength: 4 }),
  crlf: fc.boolean(),
  secondDoc: fc.boolean(),
});

class Stream {
  private i = 0;
  constructor(private readonly xs: number[]) {}
  /** A number in [0, n). */
  next(n: number): number {
    if (!this.xs.length || n <= 1) return 0;
    return this.xs[this.i++ % this.xs.length] % n;
  }
  /** True with probability p% (roughly). */
  chance(p: number): boolean {
    return this.next(100) < p;
  }
  subset(n: number, max: number): number[] {
    const out: number[] = [];
    const k = this.next(max + 1);
    for (let j = 0; j < k; j++) {
      const x = this.next(n);
      if (!out.includes(x)) out.push(x);
    }
    return out;
  }
}

function buildModel(input: GeneratorInput): Model {
  const p = new Stream(input.picks);
  const roles = ROLE_IDS.slice(0, input.nRoles);
  const data = DATA_IDS.slice(0, input.nData);
  const n = input.nSteps;
  const ids = [...STEP_IDS.slice(0, n - 1), STEP_IDS[STEP_IDS.length - 1]];
  const steps = ids.map((id, i) => ({
    id,
    next: i === n - 1 ? [] : i === 0 && n > 3 && p.chance(40) ? [1, 2] : [i + 1],
    needs: data.length ? p.subset(data.length, 2) : [],
    produces: data.length ? p.subset(data.length, 1) : [],
    role: p.next(roles.length),
    mode: p.chance(50),
  }));
  const reqs: Model['reqs'] = [];
  for (let r = 0; r < input.nReqs; r++) {
    reqs.push({
      from: p.next(roles.length),
      priority: ['must', 'should', 'could'][p.next(3)],
      sets: p.chance(60) ? [{ step: p.next(n - 1), value: p.next(VALUES.length) }] : [],
      adds: p.chance(30) ? [p.next(n)] : [],
      removes: p.chance(25) ? [1 + p.next(n - 2 || 1)] : [],
      agreed: p.subset(roles.length, 2),
      reviews: p.chance(35) ? [{ role: p.next(roles.length), stale: p.chance(50) }] : [],
      overrides: r > 0 && p.chance(40) ? [p.next(r)] : [],
      depends: r > 0 && p.chance(50) ? [p.next(r)] : [],
      decidedBy: p.chance(30) ? p.next(roles.length) : undefined,
      acceptance: p.chance(60),
    });
  }
  return { roles, data, steps, reqs };
}

/** One written line; `syntax` lines may receive a typing mistake (not comments, not block scalar text). */
interface Line {
  text: string;
  syntax: boolean;
}

class Writer {
  readonly lines: Line[] = [];
  readonly comments: string[] = [];
  private anchors = 0;
  /** Anchored scalars and lists so far, by what they hold ('role:sales', 'list:[order]'): aliases reuse them. */
  readonly anchored = new Map<string, string>();
  constructor(readonly c: Stream) {}

  comment(): string {
    const t = `# note ${this.comments.length} 注释`;
    this.comments.push(t);
    return t;
  }
  line(text: string, syntax = true): void {
    this.lines.push({ text, syntax });
  }
  /** An own-line comment now and then. */
  maybeComment(indent: string): void {
    if (this.c.chance(15)) this.line(indent + this.comment(), false);
  }
  /** A trailing comment now and then. */
  trail(): string {
    return this.c.chance(15) ? ' ' + this.comment() : '';
  }
  anchor(): string {
    return `a${this.anchors++}`;
  }
  /**
   * A reference value (a role, data or step id), plain, quoted, anchored
   * (`&a sales`) or an alias of an earlier anchor holding the same id (`*a`).
   */
  ref(kind: string, id: string): string {
    const key = `${kind}:${id}`;
    const known = this.anchored.get(key);
    if (known && this.c.chance(50)) return `*${known}`;
    if (this.c.chance(12)) {
      const a = this.anchor();
      this.anchored.set(key, a);
      return `&${a} ${id}`;
    }
    return this.c.chance(10) ? `"${id}"` : id;
  }
  /** A list of references: flow or block (returned as the value text and the lines of a block list). */
  list(kind: string, ids: string[], indent: string): { inline: string; block?: string[] } {
    const key = `list-${kind}:${ids.join(',')}`;
    const known = this.anchored.get(key);
    if (known && ids.length && this.c.chance(60)) return { inline: `*${known}` };
    const anchor = ids.length && this.c.chance(15) ? `&${this.anchor()}` : '';
    if (anchor) this.anchored.set(key, anchor.slice(1));
    const items = ids.map((id) => this.ref(kind, id));
    if (!ids.length || this.c.chance(55)) return { inline: `${anchor ? anchor + ' ' : ''}[${items.join(', ')}]` };
    return { inline: anchor, block: items.map((it) => `${indent}- ${it}${this.trail()}`) };
  }
  /** A name or title: plain, quoted, or a block scalar (`|`, `>`) in block style. */
  scalar(value: string, indent: string, flow: boolean): { inline: string; block?: string[] } {
    const k = this.c.next(10);
    const plain = /^[^:#]*$/.test(value) ? value : JSON.stringify(value);
    if (flow || k < 6) return { inline: k === 5 ? JSON.stringify(value) : plain };
    if (k < 8) return { inline: '|', block: [`${indent}${value}`] };
    return { inline: '>-', block: [`${indent}${value}`] };
  }
}

interface Entry {
  key: string;
  /** Inline value text (flow-compatible when `flowOk`). */
  inline: string;
  /** Lines under the key (block style). */
  block?: string[];
  blockIsText?: boolean;
}

/** Writes a map item `id:` with its entries, as a block map or a flow map (when every entry allows it). */
function item(w: Writer, id: string, indent: string, entries: Entry[], allowFlow: boolean, anchor?: string): void {
  w.maybeComment(indent);
  const flow = allowFlow && entries.every((e) => !e.block) && w.c.chance(35);
  const a = anchor ? `&${anchor} ` : '';
  if (flow) {
    w.line(`${indent}${id}: ${a}{ ${entries.map((e) => `${e.key}: ${e.inline}`).join(', ')} }${w.trail()}`);
    return;
  }
  w.line(`${indent}${id}:${a ? ' ' + a.trimEnd() : ''}`);
  for (const e of entries) {
    w.maybeComment(indent + '  ');
    if (e.block) {
      w.line(`${indent}  ${e.key}:${e.inline ? ' ' + e.inline : ''}${e.blockIsText ? '' : w.trail()}`);
      for (const b of e.block) w.line(b, !e.blockIsText);
    } else {
      w.line(`${indent}  ${e.key}: ${e.inline}${w.trail()}`);
    }
  }
}

function write(model: Model, w: Writer): void {
  const c = w.c;
  const ind = (n: number) => ' '.repeat(n);
  if (c.chance(50)) w.line(w.comment(), false);
  w.line('bizflow: 1' + w.trail());
  w.line('process:');
  w.line(`  name: Order to cash${w.trail()}`);
  if (c.chance(60)) w.line(`  owner: ${model.roles[0]}`);
  w.maybeComment('');
  w.line('roles:');
  for (const r of model.roles) {
    const name = w.scalar(NAMES[c.next(NAMES.length)], ind(6), false);
    item(w, r, ind(2), [{ key: 'name', inline: name.inline, block: name.block, blockIsText: true }], true);
  }
  if (model.data.length) {
    w.line('data:');
    for (const d of model.data) item(w, d, ind(2), [{ key: 'name', inline: `Data ${d}` }], true);
  }
  w.line('steps:');
  let mergeBase: string | undefined;
  model.steps.forEach((s, i) => {
    const entries: Entry[] = [];
    const name = w.scalar(NAMES[c.next(NAMES.length)], ind(6), false);
    entries.push({ key: 'name', inline: name.inline, block: name.block, blockIsText: true });
    if (i === 0) entries.push({ key: 'type', inline: 'start' });
    else if (i === model.steps.length - 1) entries.push({ key: 'type', inline: 'end' });
    else if (s.next.length > 1) entries.push({ key: 'type', inline: 'decision' });
    entries.push({ key: 'role', inline: w.ref('role', model.roles[s.role]) });
    for (const [key, list] of [
      ['needs', s.needs],
      ['produces', s.produces],
    ] as const) {
      if (!list.length && !c.chance(10)) continue;
      const l = w.list('data', list.map((x) => model.data[x]), ind(6));
      entries.push({ key, inline: l.inline, block: l.block });
    }
    if (s.mode) entries.push({ key: 'attributes', inline: `{ mode: ${VALUES[c.next(2)]} }` });
    if (s.next.length === 1) entries.push({ key: 'next', inline: w.ref('step', model.steps[s.next[0]].id) });
    else if (s.next.length > 1) {
      const labels = ['yes', 'no'];
      if (c.chance(50)) entries.push({ key: 'next', inline: `{ ${s.next.map((t, j) => `${labels[j]}: ${model.steps[t].id}`).join(', ')} }` });
      else entries.push({ key: 'next', inline: '', block: s.next.map((t, j) => `${ind(6)}${labels[j]}: ${model.steps[t].id}${w.trail()}`) });
    }
    const anchor = !mergeBase && i > 0 && c.chance(15) ? w.anchor() : undefined;
    if (anchor) mergeBase = anchor;
    item(w, s.id, ind(2), entries, true, anchor);
  });
  if (model.reqs.length) {
    w.line('requirements:');
    let reqAnchor: string | undefined;
    model.reqs.forEach((r, i) => {
      const id = `REQ-00${i + 1}`;
      if (reqAnchor && c.chance(25)) {
        // a `<<` merge key: YAML 1.2 reads it as an ordinary key
        w.line(`  ${id}: { <<: *${reqAnchor}, title: Merged ${i} }${w.trail()}`);
        return;
      }
      const entries: Entry[] = [];
      const title = w.scalar(`Requirement ${i} 需求`, ind(6), false);
      entries.push({ key: 'title', inline: title.inline, block: title.block, blockIsText: true });
      entries.push({ key: 'from', inline: w.ref('role', model.roles[r.from]) });
      entries.push({ key: 'priority', inline: r.priority });
      if (r.sets.length) {
        const sets = r.sets.map((s) => `${model.steps[s.step].id}.mode: ${VALUES[s.value]}`);
        if (c.chance(50)) entries.push({ key: 'sets', inline: `{ ${sets.join(', ')} }` });
        else entries.push({ key: 'sets', inline: '', block: sets.map((s) => `${ind(6)}${s}${w.trail()}`) });
      }
      for (const [key, list, kind, pool] of [
        ['adds', r.adds, 'step', model.steps.map((s) => s.id)],
        ['removes', r.removes, 'step', model.steps.map((s) => s.id)],
        ['agreed', r.agreed, 'role', model.roles],
        ['overrides', r.overrides, 'req', model.reqs.map((_, j) => `REQ-00${j + 1}`)],
        ['depends', r.depends, 'req', model.reqs.map((_, j) => `REQ-00${j + 1}`)],
      ] as const) {
        if (!list.length) continue;
        const l = w.list(kind, list.map((x) => pool[x]), ind(6));
        entries.push({ key, inline: l.inline, block: l.block });
      }
      if (r.decidedBy !== undefined) entries.push({ key: 'decidedBy', inline: model.roles[r.decidedBy] });
      if (r.reviews.length) {
        const rv = r.reviews.map((x) => `{ role: ${model.roles[x.role]}, verdict: agree, on: 2026-01-02, fingerprint: ${x.stale ? 'deadbeef' : 'cafe0000'} }`);
        if (c.chance(50)) entries.push({ key: 'reviews', inline: `[${rv.join(', ')}]` });
        else entries.push({ key: 'reviews', inline: '', block: rv.map((x) => `${ind(6)}- ${x}`) });
      }
      if (r.acceptance) {
        if (c.chance(50)) entries.push({ key: 'acceptance', inline: '[Works 可验收]' });
        else entries.push({ key: 'acceptance', inline: '', block: [`${ind(6)}- Works 可验收${w.trail()}`] });
      }
      const anchor = !reqAnchor && c.chance(30) ? w.anchor() : undefined;
      if (anchor) reqAnchor = anchor;
      item(w, id, ind(2), entries, true, anchor);
    });
  }
}

function typo(id: string): string {
  if (id.length < 4) return id + 'x';
  return id.slice(0, 1) + id[2] + id[1] + id.slice(3);
}

/** Injects mistake `m` into the lines (in place); returns its description, or undefined when it did not apply. */
const REF_RE = /((?:role|from|next|decidedBy|needs|produces|agreed|adds|removes|overrides|depends): \[?)([A-Za-z][\w-]+)/;
const WORD_RE = /((?:priority|type|verdict): )(must|should|could|start|end|decision|agree)\b/;
const ONE_RE = /((?:needs|produces|agreed|adds|removes|overrides|acceptance): )\[([^\],[{&*]+)\]/;
const NAME_RE = /^\s+name: [^|>{}]*$/;
const PLAIN_KEY_RE = /^ {4}\w+: [^{}]+$/;

/** The lines each kind of mistake fits (by the text of the line). */
const FITS: Record<number, (s: string, i: number) => boolean> = {
  0: (s) => REF_RE.test(s),
  1: (s) => NAME_RE.test(s) || PLAIN_KEY_RE.test(s),
  2: (s) => s.startsWith(' '),
  3: (s) => /^ *(- )?[^\s#'"[\]{},:-][^\s:#]*: /.test(s),
  4: (s) => s.startsWith('  '),
  5: (s) => s.startsWith('  '),
  6: (s, i) => i > 2 && /^\w+:$/.test(s),
  9: (s) => WORD_RE.test(s),
  10: (s) => ONE_RE.test(s),
};

/** Injects mistake `m` into the lines (in place); returns its description, or undefined when it did not apply. */
function inject(lines: Line[], m: number, c: Stream): string | undefined {
  // typos three times and unknown keys twice as often as the others: they offer the most fixes
  const k = m % 14;
  const kind = k === 7 || k >= 12 ? 0 : k === 8 ? 1 : k;
  const fits = FITS[kind] ?? (() => true);
  let candidates = lines.map((l, i) => (l.syntax && fits(l.text, i) ? i : -1)).filter((i) => i >= 0);
  if (kind === 0) {
    // every third typo in a data reference, every third in a requirement reference (the rarer ones), when there is one
    const rare = [/(needs|produces): \[?[A-Za-z]/, /(depends|overrides): \[?[A-Za-z]/][Math.floor(m / 14) % 3];
    const some = rare ? candidates.filter((i) => rare.test(lines[i].text)) : [];
    if (some.length) candidates = some;
  }
  if (!candidates.length) return undefined;
  const i = candidates[Math.floor(m / 14) % candidates.length];
  const s = lines[i].text;
  const lead = /^ */.exec(s)![0];
  const rest = s.slice(lead.length);
  const set = (t: string, what: string) => {
    lines[i] = { text: t, syntax: true };
    return `${what} on line ${i + 1}: ${JSON.stringify(t)}`;
  };
  switch (kind) {
    case 0: {
      // a typo in a reference value
      const all = [...s.matchAll(new RegExp(REF_RE.source, 'g'))];
      const rare = all.filter((x) => /^(needs|produces|depends|overrides)/.test(x[1]));
      const r = rare.length && c.chance(70) ? rare[c.next(rare.length)] : all[c.next(all.length)];
      return set(s.slice(0, r.index) + r[1] + typo(r[2]) + s.slice(r.index! + r[0].length), 'typo');
    }
    case 1: {
      // an unknown key: a misspelt `name`, or an extra key
      if (NAME_RE.test(s)) return set(s.replace('name:', 'nmae:'), 'misspelt key');
      if (lines[i + 1]?.text.startsWith(lead + ' ')) return undefined;
      lines.splice(i + 1, 0, { text: `${lead}descripton: text ${c.next(9)}`, syntax: true });
      return `unknown key after line ${i + 1}`;
    }
    case 2:
      return lead.length ? set('\t' + rest, 'tab') : undefined;
    case 3: {
      const colon = rest.indexOf(': ');
      return /^(- )?[^\s#'"[\]{},:-][^\s:#]*: /.test(rest) && colon >= 0
        ? set(lead + rest.slice(0, colon) + '：' + rest.slice(colon + 2), 'full-width colon')
        : undefined;
    }
    case 4:
      return lead.length >= 2 ? set('  ' + s, 'indent more') : undefined;
    case 5:
      return lead.length >= 2 ? set(s.slice(2), 'indent less') : undefined;
    case 6:
      return lead.length === 0 && i > 2 && /^\w+:$/.test(s) ? set('  ' + s, 'nested top-level key') : undefined;
    case 9: {
      // a misspelt word of the format
      const e = WORD_RE.exec(s)!;
      return set(s.slice(0, e.index) + e[1] + typo(e[2]) + s.slice(e.index + e[0].length), 'misspelt word');
    }
    case 10: {
      // a list of one written as its item (`needs: order`): schema/type wraps it in a list
      const one = ONE_RE.exec(s)!;
      return set(s.slice(0, one.index) + one[1] + one[2] + s.slice(one.index + one[0].length), 'list of one unwrapped');
    }
    default: {
      if (Math.floor(m / 14) % 2) {
        const v = lines.findIndex((l) => /^bizflow: 1\b/.test(l.text));
        if (v < 0) return undefined;
        lines[v] = { text: lines[v].text.replace('bizflow: 1', 'bizflow: 2'), syntax: true };
        return 'format version 2';
      }
      // an id that is not an id, written so everywhere (`credit+check`): schema/id renames it back
      const id = STEP_IDS.concat(ROLE_IDS, DATA_IDS).find((x) => x.includes('-') && lines.some((l) => l.text.includes(x)));
      if (!id) return undefined;
      const bad = id.replace('-', '+');
      for (let j = 0; j < lines.length; j++) {
        if (lines[j].syntax && lines[j].text.includes(id)) lines[j] = { text: lines[j].text.split(id).join(bad), syntax: true };
      }
      return `id ${id} written ${bad}`;
    }
  }
}

/** The generated file of one input (deterministic). */
export function generateFile(input: GeneratorInput): GeneratedFile {
  const model = buildModel(input);
  const w = new Writer(new Stream(input.choices));
  write(model, w);
  if (input.secondDoc) {
    w.line('---', false);
    w.line(`x-second: { note: second document } ${w.comment()}`, false);
  }
  const eol = input.crlf ? '\r\n' : '\n';
  const join = (ls: Line[]) => ls.map((l) => l.text).join(eol) + eol;
  const clean = join(w.lines);
  const lines = w.lines.slice();
  const mistakes: string[] = [];
  for (const m of input.mistakes) {
    const d = inject(lines, m, w.c);
    if (d) mistakes.push(d);
  }
  return { text: join(lines), clean, mistakes, comments: w.comments };
}

export const bizflowFile: fc.Arbitrary<GeneratedFile> = generatorInput.map(generateFile);
