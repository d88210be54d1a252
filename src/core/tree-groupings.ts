/** How the Requirements tree groups its requirements (kept apart from ./tree.ts so the editor's main bundle need not hold the tree builder). */
export type RequirementGrouping = 'status' | 'priority' | 'role';
export const REQUIREMENT_GROUPINGS: readonly RequirementGrouping[] = ['status', 'priority', 'role'];
