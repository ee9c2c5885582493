// Pure shaping of the statistics answers (GET …/stats, …/items) into what
// the dashboard shows: the lines of the unit drill-down, the KPI figures and
// the series of the charts. No Svelte, no fetch: tested in shape.test.ts.
import type { Breakdown, GroupCount, ItemFlag, ItemStat, RoundStats, StatCounts, StatsAnswer, TimeSeries, UnitBreakdown, UnitStats } from '../orgApi';
import { share } from './format';

/** What the drill-down table shows: one node and the lines that add up to it. */
export interface Level {
  /** The unit looked at; "" for the whole contest. */
  unitId: string;
  /** The unit's name; "" for the whole contest with several root units. */
  name: string;
  total: UnitLine;
  lines: UnitLine[];
  /** Whether any line (or the total) has a participation target. */
  hasTarget: boolean;
}

export type LineKind = 'unit' | 'direct' | 'unplaced' | 'total';

export interface UnitLine extends StatCounts {
  kind: LineKind;
  id: string;
  code: string;
  name: string;
  headcount: number;
  /** people / headcount × 100; null when the headcount is unknown. */
  headcountPct: number | null;
  target: number;
  targetPct: number | null;
}

const counts = (c: StatCounts): StatCounts => ({ people: c.people, attempts: c.attempts, allCorrect: c.allCorrect });
const rate = (people: number, of: number) => (of > 0 ? share(people, of) : null);

function line(kind: LineKind, n: StatCounts, u?: Partial<UnitStats>): UnitLine {
  const headcount = u?.headcount ?? 0;
  const target = u?.target ?? 0;
  return {
    kind,
    id: u?.id ?? '',
    code: u?.code ?? '',
    name: u?.name ?? '',
    ...counts(n),
    headcount,
    headcountPct: rate(n.people, headcount),
    target,
    targetPct: rate(n.people, target),
  };
}

function minus(a: StatCounts, ...rest: StatCounts[]): StatCounts {
  const out = counts(a);
  for (const b of rest) {
    out.people -= b.people;
    out.attempts -= b.attempts;
    out.allCorrect -= b.allCorrect;
  }
  return out;
}

const any = (c: StatCounts) => c.people > 0 || c.attempts > 0;

/**
 * level picks the lines of the drill-down from a statistics answer. With
 * ?unitId= it is that unit's children; without, the whole contest: the
 * children of its one root unit (or the roots when there are several), and
 * the people whose unit is outside the tree. A unit's own members (not in
 * any child) get a line of their own, so the lines always add up to the
 * total, as in the Excel report.
 */
export function level(answer: Pick<StatsAnswer, 'stats' | 'unit'>): Level {
  const { stats } = answer;
  let node: UnitStats | undefined = answer.unit;
  let total: UnitLine;
  let lines: UnitLine[];
  if (node) {
    total = line('total', node, node);
    lines = (node.children ?? []).map((c) => line('unit', c, c));
    const own = minus(node, ...(node.children ?? []));
    if (lines.length > 0 && any(own)) lines.push(line('direct', own, { id: node.id, name: node.name }));
  } else {
    const roots = stats.units ?? [];
    node = roots.length === 1 ? roots[0] : undefined;
    const units = node ? (node.children ?? []) : roots;
    const headcount = node ? node.headcount : roots.reduce((s, r) => s + r.headcount, 0);
    const target = node ? node.target : roots.reduce((s, r) => s + r.target, 0);
    total = line('total', stats, { id: '', code: node?.code ?? '', name: node?.name ?? '', headcount, target });
    lines = units.map((c) => line('unit', c, c));
    if (node) {
      const own = minus(node, ...units);
      if (units.length === 0 || any(own)) lines.push(line('direct', own, { id: node.id, name: node.name }));
    }
    if (any(stats.unplaced)) lines.push(line('unplaced', stats.unplaced));
  }
  const hasTarget = total.target > 0 || lines.some((l) => l.target > 0);
  return { unitId: answer.unit?.id ?? '', name: node?.name ?? '', total, lines, hasTarget };
}

/** One unit opened in the drill-down ("" is the whole contest). */
export interface Crumb {
  id: string;
  name: string;
}

/** A KPI card: a message key's name for the label and the figure. */
export interface Kpi {
  key: 'people' | 'attempts' | 'perPerson' | 'allCorrect' | 'unfinished';
  value: number;
}

/**
 * kpis are the cards at the top: people, attempts, attempts per person,
 * people with every answer right, and (whole scope only, when any) people
 * who started but never finished an attempt.
 */
export function kpis(c: StatCounts, started?: number): Kpi[] {
  const out: Kpi[] = [
    { key: 'people', value: c.people },
    { key: 'attempts', value: c.attempts },
    { key: 'perPerson', value: c.people > 0 ? c.attempts / c.people : 0 },
    { key: 'allCorrect', value: c.allCorrect },
  ];
  const unfinished = started === undefined ? 0 : started - c.people;
  if (unfinished > 0) out.push({ key: 'unfinished', value: unfinished });
  return out;
}

/** The figures the six charts draw: all of one unit, or all of the scope. */
export type ChartFigures = Breakdown & TimeSeries;

/**
 * chartFigures picks what the charts show: the unit drilled into (its
 * breakdown, with ?unitId=) or, without one, the whole scope; a unit's
 * series are never mixed with the scope's.
 */
export function chartFigures(stats: RoundStats, breakdown?: UnitBreakdown): ChartFigures {
  return breakdown ?? stats;
}

/** A chart's data: one label per bar and one or more series. */
export interface Series {
  labels: string[];
  sets: { name: string; values: number[] }[];
}

/** groupSeries charts a breakdown by people, labelled by label(key). */
export function groupSeries(groups: GroupCount[] | null | undefined, label: (key: string) => string, name: string): Series {
  const list = groups ?? [];
  return { labels: list.map((g) => label(g.key)), sets: [{ name, values: list.map((g) => g.people) }] };
}

/** daySeries charts attempts and people per calendar day, in date order. */
export function daySeries(days: RoundStats['byDay'], names: { attempts: string; people: string }, label: (date: string) => string): Series {
  const list = [...(days ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  return {
    labels: list.map((d) => label(d.date)),
    sets: [
      { name: names.attempts, values: list.map((d) => d.attempts) },
      { name: names.people, values: list.map((d) => d.people) },
    ],
  };
}

/** hourSeries charts attempts per hour of the day: all 24 hours, zeros too. */
export function hourSeries(hours: RoundStats['byHour'], name: string): Series {
  const values = Array.from({ length: 24 }, () => 0);
  for (const h of hours ?? []) if (h.hour >= 0 && h.hour < 24) values[h.hour] += h.attempts;
  return { labels: values.map((_, h) => `${String(h).padStart(2, '0')}h`), sets: [{ name, values }] };
}

/** scoreSeries charts people by their best score, lowest score first. */
export function scoreSeries(scores: RoundStats['scores'], names: { people: string; attempts: string }): Series {
  const list = [...(scores ?? [])].sort((a, b) => a.score - b.score);
  return {
    labels: list.map((s) => String(s.score)),
    sets: [
      { name: names.people, values: list.map((s) => s.people) },
      { name: names.attempts, values: list.map((s) => s.attempts) },
    ],
  };
}

/** seriesTotal is the sum of a series' first set (0 for an empty chart). */
export function seriesTotal(s: Series): number {
  return (s.sets[0]?.values ?? []).reduce((a, b) => a + b, 0);
}

/** Flags that mean a question may be wrong, not merely easy or hard. */
export const WARNING_FLAGS: readonly ItemFlag[] = ['suspicious_key', 'negative_discrimination'];

export function isWarning(item: ItemStat): boolean {
  return (item.flags ?? []).some((f) => WARNING_FLAGS.includes(f));
}

/** filterItems keeps every item, or only those with a warning flag. */
export function filterItems(items: ItemStat[] | null | undefined, onlyWarnings: boolean): ItemStat[] {
  const list = items ?? [];
  return onlyWarnings ? list.filter(isWarning) : list;
}

/** optionShares is each option's share of the attempts that drew the question. */
export function optionShares(item: ItemStat): { id: string; key: boolean; pct: number; chosen: number }[] {
  return (item.options ?? []).map((o) => ({ id: o.id, key: o.key, chosen: o.chosen, pct: share(o.chosen, item.drawn) }));
}
