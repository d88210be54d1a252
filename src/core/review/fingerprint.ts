/**
 * The fingerprint of what a role agrees to when it signs a requirement: the
 * first 8 hex digits of SHA-256 over a canonical JSON of the requirement's
 * signed fields and of every step it touches. docs/format.md ("Fingerprints")
 * is the specification, with test vectors; in short:
 *
 *   {"requirement":{<title, description, sets, adds, removes, steps, acceptance, depends>},
 *    "steps":{"<step id>":{<name, role, attributes, needs, produces, next>} | null}}
 *
 * * Scalars are read with the YAML 1.2 core schema and written as JSON strings
 *   of their text: a string is its value (quoting, block or flow style do not
 *   matter), a number or boolean is its source text as written (`3` and `"3"`
 *   are equal, `3` and `3.0` are not), a null (`~`, `null`, nothing) is null.
 * * Lists are arrays in their order; maps are objects (first of a repeated key),
 *   keys sorted by UTF-16 code units; aliases are followed.
 * * A field that is absent, null, an empty list or an empty map is left out.
 * * A touched step is one the requirement names in `steps`, a `sets` key,
 *   `adds` or `removes`; a step not defined under `steps:` is null.
 * * No white space anywhere; strings escaped as JSON.stringify does
 *   (RFC 8785 for a document of only strings, arrays, objects and null).
 * * SHA-256 over the UTF-8 bytes; the first 8 lowercase hex digits.
 *
 * Pure: the hash comes from @noble/hashes, not from Node's crypto.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import { stepsNamed } from '../conflicts';
import { mapPairs, scalarText, type Model, type Requirement } from '../model';
import { deref } from '../parse';

/** The requirement's fields a signature covers, in the order the docs list them. */
export const SIGNED_REQUIREMENT_FIELDS = ['title', 'description', 'sets', 'adds', 'removes', 'steps', 'acceptance', 'depends'] as const;
/** The fields of each touched step a signature covers. */
export const SIGNED_STEP_FIELDS = ['name', 'role', 'attributes', 'needs', 'produces', 'next'] as const;
/** Fields never signed: another role's signature, a status or a decision never makes an agreement stale. */
export const UNSIGNED_REQUIREMENT_FIELDS = ['reviews', 'agreed', 'status', 'priority', 'overrides', 'decidedBy'] as const;

/** JSON value of the canonical form: only strings, null, arrays and objects. */
export type Canon = string | null | Canon[] | { [key: string]: Canon };

/** Bounds on hostile input (alias bombs, absurd nesting): deeper or further nodes become null. */
const MAX_DEPTH = 64;
const MAX_NODES = 100_000;

interface Budget {
  nodes: number;
}

function canonNode(model: Model, node: unknown, depth: number, budget: Budget): Canon {
  if (depth > MAX_DEPTH || ++budget.nodes > MAX_NODES) return null;
  const n = isAlias(node) ? deref(model.parsed, node) : node;
  if (isScalar(n)) {
    const v = n.value;
    if (v === null || v === undefined) return null;
    return scalarText(n) ?? null;
  }
  if (isSeq(n)) return n.items.map((it) => canonNode(model, it, depth + 1, budget));
  if (isMap(n)) {
    const out: { [key: string]: Canon } = Object.create(null);
    for (const p of n.items) {
      if (!isPair(p)) continue;
      const key = isAlias(p.key) ? deref(model.parsed, p.key) : p.key;
      const k = isScalar(key) ? scalarText(key) : undefined;
      if (k === undefined || Object.prototype.hasOwnProperty.call(out, k)) continue;
      out[k] = canonNode(model, p.value, depth + 1, budget);
    }
    return out;
  }
  return null;
}

function isEmpty(v: Canon): boolean {
  if (v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.keys(v).length === 0;
  return false;
}

/** The listed fields of an item's map, leaving out the empty ones. */
function pick(model: Model, node: unknown, fields: readonly string[], budget: Budget): { [key: string]: Canon } {
  const out: { [key: string]: Canon } = Object.create(null);
  for (const p of mapPairs(node, model.parsed)) {
    const k = scalarText(p.key);
    if (k === undefined || !fields.includes(k) || Object.prototype.hasOwnProperty.call(out, k)) continue;
    out[k] = canonNode(model, p.value, 1, budget);
  }
  for (const k of Object.keys(out)) if (isEmpty(out[k])) delete out[k];
  return out;
}

/** The canonical values of some fields of an item's map (the empty ones left out): used to compare items across versions. */
export function canonicalFields(model: Model, node: unknown, fields: readonly string[]): { [key: string]: Canon } {
  return pick(model, node, fields, { nodes: 0 });
}

/** The canonical value of what a role agrees to when it signs `req`. */
export function canonicalValue(model: Model, req: Requirement): Canon {
  const budget: Budget = { nodes: 0 };
  const steps: { [key: string]: Canon } = Object.create(null);
  for (const id of stepsNamed(req)) {
    const step = model.steps.byId.get(id);
    steps[id] = step ? pick(model, step.node, SIGNED_STEP_FIELDS, budget) : null;
  }
  return { requirement: pick(model, req.node, SIGNED_REQUIREMENT_FIELDS, budget), steps };
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Canonical JSON text: keys sorted by UTF-16 code units, no white space. */
export function canonicalJson(v: Canon): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return '[' + v.map(canonicalJson).join(',') + ']';
  const keys = Object.keys(v).sort(byCodeUnit);
  return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalJson(v[k])).join(',') + '}';
}

/** First 8 lowercase hex digits of SHA-256 over the UTF-8 bytes of `text`. */
export function shortSha256(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text))).slice(0, 8);
}

export interface FingerprintResult {
  /** The canonical JSON text that is hashed. */
  canonical: string;
  /** 8 lowercase hex digits. */
  fingerprint: string;
}

/** Today's fingerprint of a requirement. */
export function fingerprintOf(model: Model, req: Requirement): FingerprintResult {
  const canonical = canonicalJson(canonicalValue(model, req));
  return { canonical, fingerprint: shortSha256(canonical) };
}

/** A recorded fingerprint as the format accepts it: 8 hex digits (either case). */
export const FINGERPRINT_PATTERN = /^[0-9a-fA-F]{8}$/;
