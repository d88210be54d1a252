/**
 * Generated families of hostile-but-valid BizFlow files whose size is set by
 * one number `n`: used by the linear-work tests (test/unit/bounded-work.test.ts)
 * and the bench's "hostile families" section. Each file is small text that
 * a naive analysis would expand (aliases) or pair up (conflicts).
 */

const HEAD = `bizflow: 1
process:
  name: Hostile
  owner: boss
roles:
  boss: { name: Boss }
  sales: { name: Sales }
  ops: { name: Ops }
steps:
  start: { name: Start, type: start, role: sales, next: work }
  work:
    name: Work
    role: ops
    attributes: { mode: manual }
    next: end
  end: { name: End, type: end, role: ops }
`;

/** `Q0: &q {…}`, `Q1: *q` …: n requirements that are one alias (each removes a step the others name). */
export function aliasedRequirements(n: number): string {
  const lines = [HEAD, 'requirements:\n'];
  lines.push('  Q0: &q { title: T, from: sales, priority: must, acceptance: [ok], steps: [work], removes: [work], sets: { work.mode: auto }, adds: [work] }\n');
  for (let i = 1; i < n; i++) lines.push(`  Q${i}: *q\n`);
  return lines.join('');
}

/** Anchors of anchors (each list names the previous one twice), n levels, used in a requirement and an attribute. */
export function nestedAliases(n: number): string {
  // the anchors must come before their use: they sit under a top-level key the format does not know
  const anchors = ['x-anchors:\n', '  a0: &a0 [work, work]\n'];
  for (let i = 1; i < n; i++) anchors.push(`  a${i}: &a${i} [*a${i - 1}, *a${i - 1}]\n`);
  const [head, steps] = splitSteps(HEAD.replace('attributes: { mode: manual }', `attributes: { mode: manual, deep: *a${n - 1} }`));
  const out = [head, ...anchors, steps, 'requirements:\n'];
  for (let i = 0; i < n; i++) out.push(`  N${i}: { title: T, from: sales, priority: must, acceptance: [ok], steps: *a${i}, removes: *a${i} }\n`);
  return out.join('');
}

/** `<<` merge keys: one anchored requirement, n requirements merging it (YAML 1.2 reads `<<` as a plain key). */
export function mergeKeys(n: number): string {
  const lines = [HEAD, 'requirements:\n'];
  lines.push('  M0: &m { title: T, from: sales, priority: must, acceptance: [ok], removes: [work], sets: { work.mode: auto } }\n');
  for (let i = 1; i < n; i++) lines.push(`  M${i}: { <<: *m, title: T${i}, from: sales, priority: should, acceptance: [ok], steps: [work], sets: { work.mode: v${i} } }\n`);
  return lines.join('');
}

/** One anchored step map aliased as n steps (fan-out of one anchor). */
export function anchorFanOut(n: number): string {
  const [head, steps] = splitSteps(HEAD);
  const out = [head, steps, '  s0: &s { name: S, role: ops, needs: [nothing], next: [end, nowhere] }\n'];
  for (let i = 1; i < n; i++) out.push(`  s${i}: *s\n`);
  out.push('requirements:\n  R1: { title: T, from: sales, priority: must, acceptance: [ok], removes: [s0], sets: { s0.mode: a } }\n');
  return out.join('');
}

/** n requirements setting one attribute, each to its own value. */
export function oneAttribute(n: number): string {
  const lines = [HEAD, 'requirements:\n'];
  for (let i = 0; i < n; i++) lines.push(`  R${i}: { title: T, from: ${i % 2 ? 'sales' : 'boss'}, priority: must, acceptance: [ok], sets: { work.mode: v${i} } }\n`);
  return lines.join('');
}

/** n requirements removing a step, n naming it (the 137 KB "Invalid string length" file at n = 500). */
export function removedStep(n: number): string {
  const lines = [HEAD, 'requirements:\n'];
  for (let i = 0; i < n; i++) {
    lines.push(`  RM${i}:\n    title: Remove the manual work step, version ${i}\n    from: sales\n    priority: must\n    acceptance: [ok]\n    removes: [work]\n`);
    lines.push(`  US${i}:\n    title: Keep using the work step, version ${i}\n    from: ops\n    priority: must\n    acceptance: [ok]\n    steps: [work]\n    sets: { work.mode: m${i} }\n`);
  }
  return lines.join('');
}

function splitSteps(head: string): [string, string] {
  const at = head.indexOf('steps:\n');
  return [head.slice(0, at), head.slice(at)];
}

export const FAMILIES: Readonly<Record<string, (n: number) => string>> = {
  'aliased requirements': aliasedRequirements,
  'merge keys': mergeKeys,
  'anchor fan-out': anchorFanOut,
  'nested aliases': nestedAliases,
  'one attribute': oneAttribute,
  'removed step': removedStep,
};
