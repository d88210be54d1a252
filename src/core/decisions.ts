/**
 * Recorded decisions between requirements: `winner` lists `loser` under
 * `overrides`, decided by the winner's `decidedBy`, else by the process
 * `owner` (the spec's reading rule). One definition for the tree, the hover
 * cards and the preview, and the sentence they show it with
 * ("REQ-002 overridden by REQ-001, decided by 总监").
 */
import { pick } from './i18n';
import type { Model, Requirement } from './model';
import type { Locale } from './types';

/**
 * A recorded decision: `winner` overrides `loser` where the two clash.
 * `decidedByName` is the deciding role's display name when defined.
 */
export interface Decision {
  winner: string;
  loser: string;
  decidedBy?: string;
  decidedByName?: string;
  /** The role came from the process owner (no `decidedBy` on the winner). */
  byOwner?: boolean;
}

/** The decision `winner` records against `loser`. */
export function decision(model: Model, winner: Requirement, loser: string): Decision {
  const d: Decision = { winner: winner.id, loser };
  const by = winner.decidedBy?.id ?? model.process?.owner?.id;
  if (by !== undefined) {
    d.decidedBy = by;
    const name = model.roles.byId.get(by)?.name;
    if (name !== undefined) d.decidedByName = name;
    if (winner.decidedBy === undefined) d.byOwner = true;
  }
  return d;
}

/** Decisions against `r`: the live requirements that list it under `overrides`. */
export function decisionsAgainst(model: Model, r: Requirement): Decision[] {
  return model.requirements.list
    .filter((w) => w.live && w.id !== r.id && w.overrides.some((o) => o.id === r.id))
    .map((w) => decision(model, w, r.id));
}

/** Decisions `r` records: the defined requirements it lists under `overrides` (each once). */
export function decisionsBy(model: Model, r: Requirement): Decision[] {
  return [...new Set(r.overrides.map((o) => o.id))]
    .filter((id) => id !== r.id && model.requirements.byId.has(id))
    .map((id) => decision(model, r, id));
}

/**
 * "REQ-002 overridden by REQ-001, decided by 总监" in the locale. `id`
 * writes a requirement id and `role` the deciding role (plain text or
 * Markdown, as the caller shows it). Without `decidedBy` it says that the
 * process owner decides; without either, that nobody is recorded.
 */
export function decisionSentence(
  d: Decision,
  locale: Locale,
  id: (id: string) => string = (x) => x,
  role: (d: Decision) => string = (x) => x.decidedByName ?? x.decidedBy ?? '',
): string {
  const zh = locale === 'zh-CN';
  const head = zh ? `${id(d.loser)} 已被 ${id(d.winner)} 覆盖` : `${id(d.loser)} overridden by ${id(d.winner)}`;
  if (d.decidedBy === undefined) {
    return head + pick(locale, ', with nobody recorded as deciding (no `decidedBy`, no process `owner`)', '，尚无决定人（未写 `decidedBy`，流程也没有 `owner`）');
  }
  const who = role(d);
  // 由总监决定 / 由总监 `director` 决定 / 由 Director 决定: spaces around Latin text and code
  const by = zh ? (/^[`A-Za-z0-9]/.test(who) ? ' ' : '') + who + (/[`A-Za-z0-9]$/.test(who) ? ' ' : '') : who;
  if (d.byOwner) {
    return head + pick(locale, `, decided by the process owner, ${who} (no \`decidedBy\`)`, `，由流程负责人${by}决定（未写 \`decidedBy\`）`);
  }
  return head + pick(locale, `, decided by ${who}`, `，由${by}决定`);
}
