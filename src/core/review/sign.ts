/**
 * Recording a role's verdict on a requirement as a minimal text edit: one
 * insertion that appends `{ role, verdict, on, fingerprint, note }` to the
 * requirement's `reviews` list (creating the list when there is none), in the
 * file's own indentation and line breaks, so every comment and all other
 * formatting stay as they are. The fingerprint is today's (see
 * fingerprint.ts); the edit cannot change it, as `reviews` is not signed.
 *
 * It refuses (never guesses) where an edit could change more than the list:
 * syntax errors, a requirement reached through an alias or carrying an anchor,
 * flow style (`{ … }`, a non-empty `[ … ]`), a `reviews` that is not a list.
 * The result is checked by parsing it again before it is returned.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parse, type Pair, type YAMLMap } from 'yaml';
import type { TextEdit } from '../edits';
import { buildModel, scalarText } from '../model';
import { parseText } from '../parse';
import { nearest } from '../suggest';
import { fingerprintOf } from './fingerprint';
import { readReviews, type Verdict } from './read';

export interface SignRequest {
  requirement: string;
  role: string;
  verdict: Verdict;
  /** YYYY-MM-DD. */
  on: string;
  note?: string;
}

export type SignRefusal =
  | 'syntax'
  | 'no-requirement'
  | 'no-role'
  | 'alias'
  | 'anchor'
  | 'flow'
  | 'not-a-map'
  | 'reviews-not-list'
  | 'layout'
  | 'check-failed';

export type SignResult =
  | { ok: true; text: string; edit: TextEdit; fingerprint: string }
  | { ok: false; reason: SignRefusal; /** Nearest known id for a typo. */ suggestion?: string; /** Offset the refusal is about. */ at?: number };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A valid calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number);
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** A scalar as YAML text: plain where the YAML 1.2 core schema reads it back as the same string, else double-quoted. */
export function scalarOut(s: string): string {
  const plainShape = /^[^\s'"&*!|>%@`#,[\]{}?:\-]/.test(s) && !/[\n\r\t]|: |:$| #|\s$/.test(s);
  if (plainShape) {
    try {
      if (parse(s, { version: '1.2' }) === s) return s;
    } catch {
      // not plain-safe
    }
  }
  return JSON.stringify(s);
}

function column(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset just after the line break ending the line that holds `offset - 1` (or the text end). */
function afterLine(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl + 1;
}

function findPair(map: YAMLMap, key: string): Pair | undefined {
  for (const p of map.items) if (isPair(p) && isScalar(p.key) && scalarText(p.key) === key) return p;
  return undefined;
}

function endOf(node: unknown): number | undefined {
  return (node as { range?: [number, number, number] } | null)?.range?.[1];
}

/** Records `request` in `text`; the new text, or why not. */
export function signText(text: string, request: SignRequest): SignResult {
  const parsed = parseText(text);
  if (parsed.errors.length || !parsed.doc) return { ok: false, reason: 'syntax', at: parsed.errors[0]?.span.start };
  const model = buildModel(parsed);
  const req = model.requirements.byId.get(request.requirement);
  if (!req) {
    return { ok: false, reason: 'no-requirement', suggestion: nearest(request.requirement, [...model.requirements.byId.keys()]) };
  }
  if (!model.roles.byId.has(request.role)) {
    return { ok: false, reason: 'no-role', suggestion: nearest(request.role, [...model.roles.byId.keys()]) };
  }

  // the path root → requirements → the requirement, with no alias, anchor or flow map on it
  const root = parsed.doc.contents;
  if (isAlias(root)) return { ok: false, reason: 'alias' };
  if (!isMap(root)) return { ok: false, reason: 'not-a-map' };
  const section = findPair(root, 'requirements');
  if (!section) return { ok: false, reason: 'no-requirement' };
  if (isAlias(section.value)) return { ok: false, reason: 'alias', at: endOf(section.key) };
  if (!isMap(section.value)) return { ok: false, reason: 'not-a-map' };
  if (section.value.anchor) return { ok: false, reason: 'anchor', at: endOf(section.key) };
  if (section.value.flow) return { ok: false, reason: 'flow', at: endOf(section.key) };
  const item = findPair(section.value, request.requirement);
  if (!item) return { ok: false, reason: 'no-requirement' };
  const at = (item.key as { range?: number[] }).range?.[0];
  if (isAlias(item.value)) return { ok: false, reason: 'alias', at };
  if (!isMap(item.value) || !item.value.items.length) return { ok: false, reason: 'not-a-map', at };
  const map = item.value;
  if (map.anchor) return { ok: false, reason: 'anchor', at };
  if (map.flow) return { ok: false, reason: 'flow', at };

  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  const fingerprint = fingerprintOf(model, req).fingerprint;
  const firstKey = map.items[0].key as { range?: number[] };
  const fieldCol = column(text, firstKey.range![0]);
  const reqCol = column(text, at ?? 0);
  const unit = fieldCol > reqCol ? fieldCol - reqCol : 2;
  const fields: [string, string][] = [
    ['role', request.role],
    ['verdict', request.verdict],
    ['on', request.on],
    ['fingerprint', fingerprint],
  ];
  if (request.note !== undefined && request.note !== '') fields.push(['note', request.note]);
  const entry = (dashCol: number, gap: number) =>
    fields
      .map(([k, v], i) => (i === 0 ? ' '.repeat(dashCol) + '-' + ' '.repeat(gap) : ' '.repeat(dashCol + 1 + gap)) + `${k}: ${scalarOut(v)}` + nl)
      .join('');

  let edit: TextEdit;
  const reviews = findPair(map, 'reviews');
  if (!reviews) {
    // a new `reviews:` key after the requirement's last field
    const last = map.items[map.items.length - 1];
    const end = Math.max(endOf(last.key) ?? 0, endOf(last.value) ?? 0);
    const pos = afterLine(text, end);
    const lead = pos === text.length && !text.endsWith('\n') ? nl : '';
    edit = { span: { start: pos, end: pos }, newText: lead + ' '.repeat(fieldCol) + 'reviews:' + nl + entry(fieldCol + unit, 1) };
  } else {
    const v = reviews.value;
    const keyAt = (reviews.key as { range?: number[] }).range?.[0];
    if (isAlias(v)) return { ok: false, reason: 'alias', at: keyAt };
    if (v && (v as { anchor?: string }).anchor) return { ok: false, reason: 'anchor', at: keyAt };
    const nullText = isScalar(v) && v.value === null && v.range && v.range[1] > v.range[0];
    if (v === null || (isScalar(v) && v.value === null && !nullText)) {
      // `reviews:` with nothing after it
      const pos = afterLine(text, endOf(reviews.key) ?? 0);
      const lead = pos === text.length && !text.endsWith('\n') ? nl : '';
      edit = { span: { start: pos, end: pos }, newText: lead + entry(fieldCol + unit, 1) };
    } else if ((isSeq(v) && v.flow) || nullText) {
      if (isSeq(v) && v.items.length) return { ok: false, reason: 'flow', at: keyAt };
      // `reviews: []` or `reviews: ~` → a block list
      const [s, e] = (v as { range: [number, number, number] }).range;
      const pos = afterLine(text, e);
      const lead = pos === text.length && !text.endsWith('\n') ? nl : '';
      const from = s > 0 && text[s - 1] === ' ' ? s - 1 : s;
      // what followed `[]` on its line (a comment, the line break) stays
      edit = { span: { start: from, end: pos }, newText: text.slice(e, pos) + lead + entry(fieldCol + unit, 1) };
    } else if (isSeq(v)) {
      const first = v.items[0] as { range?: number[] } | undefined;
      const lastItem = v.items[v.items.length - 1];
      const firstAt = first?.range?.[0];
      if (firstAt === undefined) return { ok: false, reason: 'layout', at: keyAt };
      const prefix = text.slice(lineStart(text, firstAt), firstAt).match(/^( *)-( +)$/);
      if (!prefix) return { ok: false, reason: 'layout', at: keyAt };
      const end = Math.max(endOf(lastItem) ?? 0, endOf(v) ?? 0);
      const pos = afterLine(text, end);
      const lead = pos === text.length && !text.endsWith('\n') ? nl : '';
      edit = { span: { start: pos, end: pos }, newText: lead + entry(prefix[1].length, prefix[2].length) };
    } else {
      return { ok: false, reason: 'reviews-not-list', at: keyAt };
    }
  }

  const out = text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end);
  // check: it parses, the requirement's last review of the role is ours, and the fingerprint is the same
  const again = parseText(out);
  if (again.errors.length) return { ok: false, reason: 'check-failed' };
  const m2 = buildModel(again);
  const r2 = m2.requirements.byId.get(request.requirement);
  if (!r2 || m2.requirements.list.length !== model.requirements.list.length) return { ok: false, reason: 'check-failed' };
  const mine = readReviews(m2, r2).filter((x) => x.role?.id === request.role).pop();
  if (
    !mine ||
    mine.verdict !== request.verdict ||
    mine.on !== request.on ||
    mine.fingerprint !== fingerprint ||
    (mine.note ?? '') !== (request.note ?? '') ||
    fingerprintOf(m2, r2).fingerprint !== fingerprint
  ) {
    return { ok: false, reason: 'check-failed' };
  }
  return { ok: true, text: out, edit, fingerprint };
}
