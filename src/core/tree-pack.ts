/**
 * The roles & requirements trees as the analysis worker sends them to the
 * extension host, made cheap to receive: a message's objects are rebuilt
 * one by one on the host's thread when it arrives (the roles tree of a
 * 10,000-step file, 20,603 nodes: ~90 ms, bench/worker-stall.ts), while its
 * strings are copied. So each role's sections (its steps, asks, burdens,
 * changes and needs: nearly all of the tree) travel as one JSON text, read
 * when the roles view first shows that role's children.
 */
import type { ConflictIndex, RoleNode, RoleSectionNode, TreeData } from './tree';

export interface PackedTree {
  /** The roles with no children; `roleSections[i]` holds the children of `roles[i]` as JSON. */
  roles: RoleNode[];
  roleSections: string[];
  requirements: TreeData['requirements'];
  conflicts: ConflictIndex;
}

/** The trees, packed for the trip to the host (`unpackTree` reverses it). */
export function packTree(data: TreeData): PackedTree {
  return {
    roles: data.roles.map((r) => ({ ...r, children: [] })),
    roleSections: data.roles.map((r) => JSON.stringify(r.children)),
    requirements: data.requirements,
    conflicts: data.conflicts,
  };
}

/**
 * The trees of a packed message: each role's `children` is read from its JSON text the first time it is
 * asked for (the roles view asks when a role is expanded), then kept.
 */
export function unpackTree(p: PackedTree): TreeData {
  const roles = p.roles.map((role, i) => {
    let sections: RoleSectionNode[] | undefined;
    const json = p.roleSections[i];
    return Object.defineProperty(role, 'children', {
      get: () => (sections ??= JSON.parse(json) as RoleSectionNode[]),
      enumerable: true,
      configurable: true,
    });
  });
  return { roles, requirements: p.requirements, conflicts: p.conflicts };
}
