/**
 * The process the conflict-rule tests (test/unit/rules/conflict-*.test.ts)
 * put their requirements under: sales (业务员), warehouse (仓库主管) and the
 * owner director (运营总监); steps s1 (start, sales) → pick (warehouse,
 * `mode: manual` unless told otherwise) → e1 (end); then `requirements:`.
 */

/**
 * The head of the file, up to and including `requirements:`. With the default
 * `pickMode` it is 27 lines and the first requirement's key is on line 28;
 * `pickMode: null` leaves out pick's `attributes` (25 lines).
 */
export function conflictHead(o: { pickMode?: string | null } = {}): string {
  const mode = o.pickMode === undefined ? 'manual' : o.pickMode;
  return [
    'bizflow: 1',
    'process:',
    '  name: P',
    '  owner: director',
    'roles:',
    '  sales:',
    '    name: 业务员',
    '  warehouse:',
    '    name: 仓库主管',
    '  director:',
    '    name: 运营总监',
    'steps:',
    '  s1:',
    '    name: 接单',
    '    type: start',
    '    role: sales',
    '    next: pick',
    '  pick:',
    '    name: 拣货',
    '    role: warehouse',
    ...(mode === null ? [] : ['    attributes:', `      mode: ${mode}`]),
    '    next: e1',
    '  e1:',
    '    name: End',
    '    type: end',
    'requirements:',
    '',
  ].join('\n');
}

/** `conflictHead()`: 27 lines; the first requirement's key is on line 28. */
export const CONFLICT_HEAD = conflictHead();
