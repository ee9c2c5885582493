// What an organizer with "report" access sees of a contest owned above
// their unit: the contests list split by access, the drill-down rooted at
// their unit and the one workbook they may download. Pure, tested in report.test.ts; manage access keeps the
// dashboard as it always was.
import type { OrgContest } from '../orgApi';
import type { Crumb } from './shape';

export const isReport = (c: Pick<OrgContest, 'access'>): boolean => c.access === 'report';

/** splitByAccess keeps the server's order within each list. */
export function splitByAccess<T extends Pick<OrgContest, 'access'>>(contests: readonly T[]): { manage: T[]; report: T[] } {
  return { manage: contests.filter((c) => !isReport(c)), report: contests.filter(isReport) };
}

/**
 * rootTrail is where the drill-down starts and how far up it may go: the
 * whole contest for manage access, the scope unit for report access (its
 * figures are all the server gives them). Without a report unit the
 * server's default scope is asked for ("").
 */
export function rootTrail(c: Pick<OrgContest, 'access' | 'reportUnit'>): Crumb[] {
  if (isReport(c) && c.reportUnit) return [{ id: c.reportUnit.id, name: c.reportUnit.name }];
  return [{ id: '', name: '' }];
}

export type Sheet = 'report' | 'items' | 'summary' | 'results' | 'winners' | 'overallWinners' | 'collective';

/**
 * sheetsFor lists the download buttons in screen order. Report access gets
 * the weekly report of a chosen round and nothing else: the other
 * workbooks cover the whole contest.
 */
export function sheetsFor(o: { report: boolean; round: { resultsAt?: string } | null; hasOverall: boolean }): Sheet[] {
  if (o.report) return o.round ? ['report'] : [];
  const out: Sheet[] = [];
  if (o.round) {
    out.push('report', 'items');
    if (o.round.resultsAt) out.push('results', 'winners');
  }
  out.push('summary', 'collective');
  if (o.hasOverall) out.push('overallWinners');
  return out;
}
