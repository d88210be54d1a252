/**
 * Tolerant readers of the review keys of a requirement (`reviews`, `source`,
 * `description`), straight from the requirement's YAML node: the model does
 * not read them (yet). Wrong shapes are skipped, never thrown on; the schema
 * rules are the place to report them.
 */
import { isMap, isScalar, isSeq, type Pair } from 'yaml';
import { mapPairs, rangeSpan, refOf, scalarText, type Model, type Ref, type Requirement } from '../model';
import { deref } from '../parse';
import type { Span } from '../types';
import { fingerprintOf } from './fingerprint';

export const VERDICTS = ['agree', 'object', 'question'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** One entry of a requirement's `reviews` list. */
export interface ReviewEntry {
  /** Position in the list. */
  index: number;
  role?: Ref;
  /** The verdict as written (may be a word the format does not know). */
  verdictText?: string;
  verdict?: Verdict;
  on?: string;
  fingerprint?: string;
  note?: string;
  /** The whole list entry. */
  span: Span;
  fingerprintSpan?: Span;
  verdictSpan?: Span;
}

export interface SourceInfo {
  who?: string;
  said?: string;
  channel?: string;
  on?: string;
  span: Span;
}

/** The value node of a key of the requirement's map (following one alias). */
export function fieldNode(model: Model, req: Requirement, key: string): { pair: Pair; node: unknown } | undefined {
  for (const p of mapPairs(req.node, model.parsed)) {
    if (scalarText(p.key) === key) return { pair: p, node: deref(model.parsed, p.value) };
  }
  return undefined;
}

function text(model: Model, node: unknown): string | undefined {
  const n = deref(model.parsed, node);
  return isScalar(n) ? scalarText(n) : undefined;
}

export function readDescription(model: Model, req: Requirement): string | undefined {
  return text(model, fieldNode(model, req, 'description')?.node);
}

export function readReviews(model: Model, req: Requirement): ReviewEntry[] {
  const f = fieldNode(model, req, 'reviews');
  if (!f || !isSeq(f.node)) return [];
  const t = model.parsed.text;
  const out: ReviewEntry[] = [];
  f.node.items.forEach((raw, index) => {
    const item = deref(model.parsed, raw);
    if (!isMap(item)) return;
    const e: ReviewEntry = { index, span: rangeSpan(item, t) ?? { start: 0, end: 0 } };
    const seen = new Set<string>();
    for (const p of mapPairs(item, model.parsed)) {
      const k = scalarText(p.key);
      if (k === undefined || seen.has(k)) continue;
      seen.add(k);
      const v = deref(model.parsed, p.value);
      switch (k) {
        case 'role':
          e.role = refOf(v, t);
          break;
        case 'verdict':
          e.verdictText = text(model, v);
          if ((VERDICTS as readonly string[]).includes(e.verdictText ?? '')) e.verdict = e.verdictText as Verdict;
          e.verdictSpan = rangeSpan(v, t);
          break;
        case 'on':
          e.on = text(model, v);
          break;
        case 'fingerprint':
          e.fingerprint = text(model, v);
          e.fingerprintSpan = rangeSpan(v, t);
          break;
        case 'note':
          e.note = text(model, v);
          break;
      }
    }
    out.push(e);
  });
  return out;
}

export function readSource(model: Model, req: Requirement): SourceInfo | undefined {
  const f = fieldNode(model, req, 'source');
  if (!f || !isMap(f.node)) return undefined;
  const s: SourceInfo = { span: rangeSpan(f.node, model.parsed.text) ?? { start: 0, end: 0 } };
  for (const p of mapPairs(f.node, model.parsed)) {
    const k = scalarText(p.key);
    if ((k === 'who' || k === 'said' || k === 'channel' || k === 'on') && s[k] === undefined) s[k] = text(model, p.value);
  }
  return s;
}

/**
 * Where a role stands on a requirement:
 * * `agreed`: an `agree` review whose fingerprint matches today's (or has none), or the `agreed` shorthand;
 * * `stale`: its agreement was given to an earlier version (the fingerprint no longer matches);
 * * `object` / `question`: its review says so;
 * * `none`: no word from it.
 * A role's last `reviews` entry counts, and a `reviews` entry outranks the `agreed` shorthand.
 */
export type AgreementState = 'agreed' | 'stale' | 'object' | 'question' | 'none';

export interface RoleAgreement {
  role: string;
  state: AgreementState;
  /** The review entry that decided the state, if any. */
  review?: ReviewEntry;
  /** Only with `stale`: the fingerprint recorded and today's. */
  recorded?: string;
  current?: string;
}

/** Every role's standing on a requirement that some review or `agreed` entry names. */
export function agreements(model: Model, req: Requirement): Map<string, RoleAgreement> {
  const out = new Map<string, RoleAgreement>();
  for (const a of req.agreed) out.set(a.id, { role: a.id, state: 'agreed' });
  let current: string | undefined;
  for (const r of readReviews(model, req)) {
    if (!r.role || !r.verdict) continue;
    const role = r.role.id;
    if (r.verdict !== 'agree') {
      out.set(role, { role, state: r.verdict, review: r });
      continue;
    }
    if (r.fingerprint === undefined) {
      out.set(role, { role, state: 'agreed', review: r });
      continue;
    }
    current ??= fingerprintOf(model, req).fingerprint;
    if (r.fingerprint.trim().toLowerCase() === current) out.set(role, { role, state: 'agreed', review: r });
    else out.set(role, { role, state: 'stale', review: r, recorded: r.fingerprint, current });
  }
  return out;
}

/** A role's standing on a requirement (`none` when nothing names it). */
export function agreementOf(model: Model, req: Requirement, role: string): RoleAgreement {
  return agreements(model, req).get(role) ?? { role, state: 'none' };
}
