import { describe, expect, it } from 'vitest';
import type { OrgContest } from '../orgApi';
import { isReport, rootTrail, sheetsFor, splitByAccess } from './report';

const contest = (id: string, more: Partial<OrgContest> = {}) => ({ id, ...more }) as OrgContest;

describe('splitByAccess', () => {
  it('puts report contests apart', () => {
    const list = [contest('a', { access: 'manage' }), contest('b', { access: 'report' }), contest('c', { access: 'manage' }), contest('d', { access: 'report' })];
    const { manage, report } = splitByAccess(list);
    expect(manage.map((c) => c.id)).toEqual(['a', 'c']);
    expect(report.map((c) => c.id)).toEqual(['b', 'd']);
    expect(isReport(list[2])).toBe(false);
  });
});

describe('rootTrail', () => {
  it('starts report access at its unit and manage access at the whole contest', () => {
    expect(rootTrail({ access: 'report', reportUnit: { id: 'kp1', name: 'Khu phố 1' } })).toEqual([{ id: 'kp1', name: 'Khu phố 1' }]);
    expect(rootTrail({ access: 'manage', reportUnit: { id: 'kp1', name: 'Khu phố 1' } })).toEqual([{ id: '', name: '' }]);
    // A server that names no unit picks the default scope itself.
    expect(rootTrail({ access: 'report' })).toEqual([{ id: '', name: '' }]);
  });
});

describe('sheetsFor', () => {
  const open = { resultsAt: undefined };
  const done = { resultsAt: '2026-01-01T00:00:00Z' };
  it('gives report access the weekly report of a chosen round only', () => {
    expect(sheetsFor({ report: true, round: null, hasOverall: true })).toEqual([]);
    expect(sheetsFor({ report: true, round: done, hasOverall: true })).toEqual(['report']);
  });
  it('keeps manage access as it was', () => {
    expect(sheetsFor({ report: false, round: null, hasOverall: false })).toEqual(['summary', 'collective']);
    expect(sheetsFor({ report: false, round: open, hasOverall: false })).toEqual(['report', 'items', 'summary', 'collective']);
    expect(sheetsFor({ report: false, round: done, hasOverall: true })).toEqual(
      ['report', 'items', 'results', 'winners', 'summary', 'collective', 'overallWinners']);
  });
});
