import { describe, expect, it } from 'vitest';
import type { UnitOption } from './api';
import { buildTree, countNodes, filterTree, flattenForSelect, type UnitNode } from './unitTree';

const u = (id: string, name: string, parentId?: string, headcount = 0, code = id.toUpperCase()): UnitOption => ({
  id,
  code,
  name,
  kind: 'grassroots',
  parentId,
  depth: 0,
  headcount,
  target: 0,
  pathName: name,
});

const units = [
  u('tdp2', 'Tổ dân phố 2', 'ab', 40, 'AB-02'),
  u('ag', 'Tỉnh An Giang', undefined, 0, 'AG'),
  u('ab', 'Phường An Biên', 'ag', 10, 'AB'),
  u('tdp1', 'Tổ dân phố 1', 'ab', 30, 'AB-01'),
  u('lx', 'Phường Long Xuyên', 'ag', 100, 'LX'),
  u('orphan', 'Chi bộ Trường THPT', 'missing-parent', 5, 'CB'),
];

const names = (nodes: UnitNode[]): unknown =>
  nodes.map((n) => (n.children.length ? [n.unit.name, names(n.children)] : n.unit.name));

describe('buildTree', () => {
  const tree = buildTree(units);

  it('nests children under parents, sorted by code', () => {
    expect(names(tree)).toEqual([
      ['Tỉnh An Giang', [['Phường An Biên', ['Tổ dân phố 1', 'Tổ dân phố 2']], 'Phường Long Xuyên']],
      'Chi bộ Trường THPT',
    ]);
  });

  it('makes a unit whose parent is out of scope a root', () => {
    expect(tree.map((n) => n.unit.id)).toContain('orphan');
  });

  it('leaves out units caught in a parent cycle instead of looping', () => {
    const cyclic = buildTree([u('a', 'A', 'b'), u('b', 'B', 'a'), u('r', 'R')]);
    expect(names(cyclic)).toEqual(['R']);
  });
});

describe('filterTree', () => {
  const tree = buildTree(units);

  it('matches without diacritics and keeps the ancestors', () => {
    expect(names(filterTree(tree, 'to dan pho 2'))).toEqual([
      ['Tỉnh An Giang', [['Phường An Biên', ['Tổ dân phố 2']]]],
    ]);
  });

  it('matches codes', () => {
    expect(names(filterTree(tree, 'lx'))).toEqual([['Tỉnh An Giang', ['Phường Long Xuyên']]]);
  });

  it('returns everything for an empty query and nothing for no match', () => {
    expect(countNodes(filterTree(tree, '  '))).toBe(units.length);
    expect(filterTree(tree, 'hà nội')).toEqual([]);
  });

  it('does not change the full tree', () => {
    filterTree(tree, 'long');
    expect(countNodes(tree)).toBe(units.length);
  });
});

describe('flattenForSelect', () => {
  it('lists depth-first with depths', () => {
    const flat = flattenForSelect(buildTree(units)).map((x) => `${x.depth}:${x.unit.id}`);
    expect(flat).toEqual(['0:ag', '1:ab', '2:tdp1', '2:tdp2', '1:lx', '0:orphan']);
  });
});
