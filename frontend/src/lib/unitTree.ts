// The organizer's unit list arrives flat (each unit names its parent); the
// page shows it as a tree that a filter box narrows down.
import type { UnitOption } from './api';
import { fold } from './text';

export interface UnitNode {
  unit: UnitOption;
  children: UnitNode[];
}

const byCodeThenName = (a: UnitNode, b: UnitNode) =>
  a.unit.code.localeCompare(b.unit.code, 'vi', { numeric: true }) ||
  a.unit.name.localeCompare(b.unit.name, 'vi');

/**
 * buildTree links units to their parents. A unit whose parent is not in the
 * list (the organizer's own scope root) becomes a root, so a ward organizer
 * sees their ward at the top.
 */
export function buildTree(units: readonly UnitOption[]): UnitNode[] {
  const nodes = new Map<string, UnitNode>();
  for (const unit of units) nodes.set(unit.id, { unit, children: [] });
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId ? nodes.get(node.unit.parentId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  // Units caught in a parent cycle (bad data; the server forbids it) are
  // reachable from no root and are left out rather than looping forever.
  const sortAll = (list: UnitNode[]) => {
    list.sort(byCodeThenName);
    for (const node of list) sortAll(node.children);
  };
  sortAll(roots);
  return roots;
}

/**
 * filterTree keeps the units whose name or code matches query (diacritics
 * ignored) together with their ancestors, so every match is shown in place.
 */
export function filterTree(roots: readonly UnitNode[], query: string): UnitNode[] {
  const q = fold(query);
  if (!q) return [...roots];
  const keep = (node: UnitNode): UnitNode | null => {
    const children = node.children.map(keep).filter((c): c is UnitNode => c !== null);
    const hit = fold(node.unit.name).includes(q) || fold(node.unit.code).includes(q);
    return hit || children.length ? { ...node, children } : null;
  };
  return roots.map(keep).filter((c): c is UnitNode => c !== null);
}

/** countNodes counts every unit in a forest. */
export function countNodes(roots: readonly UnitNode[]): number {
  return roots.reduce((n, r) => n + 1 + countNodes(r.children), 0);
}

/** flattenForSelect lists units depth-first with their depth, for a parent picker. */
export function flattenForSelect(roots: readonly UnitNode[], depth = 0): { unit: UnitOption; depth: number }[] {
  return roots.flatMap((r) => [{ unit: r.unit, depth }, ...flattenForSelect(r.children, depth + 1)]);
}
