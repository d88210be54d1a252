/**
 * Writing a returned sign-off sheet back as `reviews` entries: every filled
 * row becomes one entry, appended by the sign edit (sign.ts) with today's
 * fingerprint, all or nothing. Every row is checked against the file before
 * anything is edited (unknown role or requirement, a verdict or date the
 * format does not know, a requirement that changed since the pack was made);
 * one problem and nothing is written.
 */
import { buildModel } from '../model';
import { parseText } from '../parse';
import { nearest } from '../suggest';
import { fingerprintOf } from './fingerprint';
import { readReviews, VERDICTS, type Verdict } from './read';
import { isIsoDate, signText, type SignRefusal } from './sign';

export interface SignOffInput {
  /** Where it came from (the sheet's row number), for messages. */
  row: number;
  role: string;
  requirement: string;
  /** As written; blank rows are left out before. */
  verdict: string;
  note?: string;
  /** YYYY-MM-DD, or absent for `today`. */
  on?: string;
  /** The fingerprint the pack showed, if the row kept it. */
  fingerprint?: string;
}

export type ImportProblem =
  | { row: number; kind: 'unknown-role'; value: string; suggestion?: string }
  | { row: number; kind: 'unknown-requirement'; value: string; suggestion?: string }
  | { row: number; kind: 'bad-verdict'; value: string }
  | { row: number; kind: 'bad-date'; value: string }
  | { row: number; kind: 'changed'; requirement: string; recorded: string; current: string }
  | { row: number; kind: 'refused'; requirement: string; reason: SignRefusal }
  | { row: 0; kind: 'syntax' }
  | { row: 0; kind: 'check-failed' };

export type ImportResult = { ok: true; text: string; applied: number } | { ok: false; problems: ImportProblem[] };

/** Verdict words a sheet may hold: the format's, and the Chinese ones the pack shows beside them. */
const VERDICT_WORDS: Record<string, Verdict> = { 同意: 'agree', 反对: 'object', 疑问: 'question', 有疑问: 'question' };

/** The verdict a cell means, if any (`agree`, ` Agree `, `agree 同意`, `同意`). */
export function verdictOf(text: string): Verdict | undefined {
  const t = text.trim().toLowerCase();
  for (const v of VERDICTS) if (t === v || t.startsWith(v + ' ') || t.startsWith(v + '（') || t.startsWith(v + '(')) return v;
  return VERDICT_WORDS[t];
}

/** Applies the rows to `text`; the new text, or every problem found (nothing applied). */
export function applySignOff(text: string, rows: readonly SignOffInput[], today: string): ImportResult {
  const parsed = parseText(text);
  if (parsed.errors.length || !parsed.doc) return { ok: false, problems: [{ row: 0, kind: 'syntax' }] };
  const model = buildModel(parsed);
  const roles = [...model.roles.byId.keys()];
  const reqs = [...model.requirements.byId.keys()];
  const problems: ImportProblem[] = [];
  const requests: { row: number; requirement: string; role: string; verdict: Verdict; on: string; note?: string }[] = [];
  for (const r of rows) {
    const before = problems.length;
    const role = r.role.trim();
    const requirement = r.requirement.trim();
    if (!model.roles.byId.has(role)) problems.push({ row: r.row, kind: 'unknown-role', value: role, suggestion: nearest(role, roles) });
    const req = model.requirements.byId.get(requirement);
    if (!req) problems.push({ row: r.row, kind: 'unknown-requirement', value: requirement, suggestion: nearest(requirement, reqs) });
    const verdict = verdictOf(r.verdict);
    if (!verdict) problems.push({ row: r.row, kind: 'bad-verdict', value: r.verdict });
    const on = r.on?.trim() || today;
    if (!isIsoDate(on)) problems.push({ row: r.row, kind: 'bad-date', value: on });
    if (req && r.fingerprint && r.fingerprint.trim()) {
      const current = fingerprintOf(model, req).fingerprint;
      if (r.fingerprint.trim().toLowerCase() !== current) {
        problems.push({ row: r.row, kind: 'changed', requirement, recorded: r.fingerprint.trim(), current });
      }
    }
    if (problems.length === before) {
      const note = r.note?.trim();
      requests.push({ row: r.row, requirement, role, verdict: verdict!, on, note: note ? note : undefined });
    }
  }
  if (problems.length) return { ok: false, problems };

  let out = text;
  for (const q of requests) {
    const s = signText(out, { requirement: q.requirement, role: q.role, verdict: q.verdict, on: q.on, note: q.note });
    if (!s.ok) return { ok: false, problems: [{ row: q.row, kind: 'refused', requirement: q.requirement, reason: s.reason }] };
    out = s.text;
  }
  // the whole result, once more: it parses, and holds exactly the new entries
  const again = parseText(out);
  if (again.errors.length) return { ok: false, problems: [{ row: 0, kind: 'check-failed' }] };
  const m2 = buildModel(again);
  const count = (m: typeof model) => m.requirements.list.reduce((n, r) => n + readReviews(m, r).length, 0);
  if (m2.requirements.list.length !== model.requirements.list.length || count(m2) !== count(model) + requests.length) {
    return { ok: false, problems: [{ row: 0, kind: 'check-failed' }] };
  }
  return { ok: true, text: out, applied: requests.length };
}
