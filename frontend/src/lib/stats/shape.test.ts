import { describe, expect, it } from 'vitest';
import type { ItemStat, RoundStats, UnitStats } from '../orgApi';
import { chartFigures, daySeries, filterItems, groupSeries, hourSeries, isWarning, kpis, level, optionShares, scoreSeries, seriesTotal } from './shape';

function unit(id: string, people: number, more: Partial<UnitStats> = {}): UnitStats {
  return { id, code: id.toUpperCase(), name: `Đơn vị ${id}`, kind: 'ward', path: `/${id}/`, headcount: 0, headcountPct: 0, target: 0, targetPct: 0,
    people, attempts: people * 2, allCorrect: Math.floor(people / 2), ...more };
}

function stats(units: UnitStats[], more: Partial<RoundStats> = {}): RoundStats {
  const people = units.reduce((s, u) => s + u.people, 0);
  return { people, attempts: people * 2, allCorrect: units.reduce((s, u) => s + u.allCorrect, 0), started: people,
    units, unplaced: { people: 0, attempts: 0, allCorrect: 0 }, byOccupation: [], byAgeBand: [], byGender: [],
    byDay: [], byHour: [], scores: [], ...more };
}

describe('level', () => {
  it('lists the children of the one root unit, with its own members apart, adding up to the total', () => {
    const a = unit('a', 10, { headcount: 100 });
    const b = unit('b', 4, { headcount: 0 });
    const root = unit('root', 20, { headcount: 1000, children: [a, b] });
    const st = stats([root], { people: 23, attempts: 46, allCorrect: 11, unplaced: { people: 3, attempts: 6, allCorrect: 1 } });
    const lv = level({ stats: st });
    expect(lv.unitId).toBe('');
    expect(lv.name).toBe('Đơn vị root');
    expect(lv.lines.map((l) => [l.kind, l.id, l.people])).toEqual([
      ['unit', 'a', 10], ['unit', 'b', 4], ['direct', 'root', 6], ['unplaced', '', 3],
    ]);
    expect(lv.lines.reduce((s, l) => s + l.people, 0)).toBe(lv.total.people);
    expect(lv.total).toMatchObject({ people: 23, headcount: 1000, headcountPct: 2.3 });
    expect(lv.lines[0].headcountPct).toBe(10);
    expect(lv.lines[1].headcountPct).toBeNull();
    expect(lv.hasTarget).toBe(false);
  });

  it('lists the roots when the contest has several, and no direct line', () => {
    const st = stats([unit('a', 2, { headcount: 10 }), unit('b', 3, { headcount: 30 })]);
    const lv = level({ stats: st });
    expect(lv.name).toBe('');
    expect(lv.lines.map((l) => l.id)).toEqual(['a', 'b']);
    expect(lv.total).toMatchObject({ people: 5, headcount: 40 });
  });

  it('shows a drilled unit and a target column only when a unit has a target', () => {
    const kid = unit('k', 5, { target: 20 });
    const u = unit('u', 5, { children: [kid], target: 40 });
    const lv = level({ stats: stats([]), unit: u });
    expect(lv.unitId).toBe('u');
    expect(lv.lines.map((l) => l.kind)).toEqual(['unit']);
    expect(lv.lines[0].targetPct).toBe(25);
    expect(lv.total.targetPct).toBe(12.5);
    expect(lv.hasTarget).toBe(true);
  });

  it('gives a unit without children no lines and its total', () => {
    const lv = level({ stats: stats([]), unit: unit('leaf', 7) });
    expect(lv.lines).toEqual([]);
    expect(lv.total.people).toBe(7);
  });
});

describe('kpis', () => {
  it('computes attempts per person and the unfinished only when some', () => {
    expect(kpis({ people: 4, attempts: 10, allCorrect: 1 }, 6)).toEqual([
      { key: 'people', value: 4 }, { key: 'attempts', value: 10 }, { key: 'perPerson', value: 2.5 },
      { key: 'allCorrect', value: 1 }, { key: 'unfinished', value: 2 },
    ]);
    expect(kpis({ people: 0, attempts: 0, allCorrect: 0 }, 0).map((k) => k.value)).toEqual([0, 0, 0, 0]);
    expect(kpis({ people: 3, attempts: 3, allCorrect: 0 }).length).toBe(4);
  });
});

describe('series', () => {
  it('labels breakdown groups and sums people', () => {
    const s = groupSeries([{ key: 'male', people: 3, attempts: 5, allCorrect: 0 }, { key: 'unknown', people: 1, attempts: 1, allCorrect: 0 }],
      (k) => k.toUpperCase(), 'Người');
    expect(s).toEqual({ labels: ['MALE', 'UNKNOWN'], sets: [{ name: 'Người', values: [3, 1] }] });
    expect(seriesTotal(s)).toBe(4);
    expect(groupSeries(null, (k) => k, 'x')).toEqual({ labels: [], sets: [{ name: 'x', values: [] }] });
  });

  it('orders days and fills every hour', () => {
    const d = daySeries([{ date: '2026-12-02', attempts: 5, people: 4 }, { date: '2026-12-01', attempts: 2, people: 2 }],
      { attempts: 'L', people: 'N' }, (x) => x.slice(5));
    expect(d.labels).toEqual(['12-01', '12-02']);
    expect(d.sets.map((s) => s.values)).toEqual([[2, 5], [2, 4]]);
    const h = hourSeries([{ hour: 20, attempts: 7 }, { hour: 3, attempts: 1 }], 'L');
    expect(h.labels.length).toBe(24);
    expect(h.labels[20]).toBe('20h');
    expect(h.sets[0].values[20]).toBe(7);
    expect(seriesTotal(h)).toBe(8);
  });

  it('orders scores from the lowest', () => {
    const s = scoreSeries([{ score: 10, attempts: 3, people: 2 }, { score: 4, attempts: 1, people: 1 }], { people: 'N', attempts: 'L' });
    expect(s.labels).toEqual(['4', '10']);
    expect(s.sets[0].values).toEqual([1, 2]);
  });
});

describe('items', () => {
  const item = (id: string, flags: ItemStat['flags']): ItemStat => ({
    questionId: id, text: id, difficulty: 0, drawn: 8, answered: 8, correct: 2, facilityPct: 25, discrimination: -0.2,
    topDrawn: 2, bottomDrawn: 2, options: [{ id: 'A', key: true, chosen: 2, top: 0 }, { id: 'B', key: false, chosen: 6, top: 2 }], flags,
  });

  it('keeps only questions that may be wrong when asked', () => {
    const list = [item('q1', ['very_easy']), item('q2', ['suspicious_key']), item('q3', []), item('q4', ['negative_discrimination'])];
    expect(filterItems(list, false).length).toBe(4);
    expect(filterItems(list, true).map((i) => i.questionId)).toEqual(['q2', 'q4']);
    expect(isWarning(list[0])).toBe(false);
    expect(filterItems(null, true)).toEqual([]);
  });

  it('gives each option its share of the draws', () => {
    expect(optionShares(item('q', []))).toEqual([
      { id: 'A', key: true, chosen: 2, pct: 25 },
      { id: 'B', key: false, chosen: 6, pct: 75 },
    ]);
  });
});

describe('chartFigures', () => {
  const whole = stats([unit('a', 3)], {
    byGender: [{ key: 'male', people: 3, attempts: 6, allCorrect: 1 }],
    byDay: [{ date: '2026-11-23', attempts: 6, people: 3 }],
    byHour: [{ hour: 9, attempts: 6 }],
    scores: [{ score: 5, attempts: 6, people: 3 }],
  });
  const mine = {
    byOccupation: [], byAgeBand: [], byGender: [{ key: 'male', people: 1, attempts: 2, allCorrect: 0 }],
    byDay: [{ date: '2026-11-24', attempts: 2, people: 1 }],
    byHour: [{ hour: 20, attempts: 2 }],
    scores: [{ score: 3, attempts: 2, people: 1 }],
  };

  it('charts the whole scope when no unit is drilled into', () => {
    const f = chartFigures(whole);
    expect([f.byGender, f.byDay, f.byHour, f.scores]).toEqual([whole.byGender, whole.byDay, whole.byHour, whole.scores]);
  });

  it("charts every series of the unit drilled into, none of the scope's", () => {
    const f = chartFigures(whole, mine);
    expect([f.byGender, f.byDay, f.byHour, f.scores]).toEqual([mine.byGender, mine.byDay, mine.byHour, mine.scores]);
    expect(hourSeries(f.byHour, 'x').sets[0].values[20]).toBe(2);
    expect(seriesTotal(hourSeries(f.byHour, 'x'))).toBe(2);
  });

  it('charts a unit with no attempts as empty, not as the scope', () => {
    const f = chartFigures(whole, { byOccupation: [], byAgeBand: [], byGender: mine.byGender, byDay: [], byHour: [], scores: [] });
    expect([f.byDay, f.byHour, f.scores]).toEqual([[], [], []]);
    expect(seriesTotal(daySeries(f.byDay, { attempts: 'a', people: 'p' }, (d) => d))).toBe(0);
  });
});
