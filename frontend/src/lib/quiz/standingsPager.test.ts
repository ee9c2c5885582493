import { describe, expect, it } from 'vitest';
import type { StandingsPage } from '../api';
import { ApiError } from '../errors';
import { StandingsPager } from './standingsPager.svelte';

const t = ((key: string) => `[${key}]`) as never;
const pageOf = (total: number, from: number): StandingsPage => ({ standings: [], total, ranking: `từ ${from}` }) as StandingsPage;

describe('StandingsPager', () => {
  it('asks for the page at the offset with its size, and shows it once it arrived', async () => {
    const asked: [number, number][] = [];
    const p = new StandingsPager(async (o, l) => (asked.push([o, l]), pageOf(45, o)), 20, t);
    const loading = p.page(20);
    expect(p.loading).toBe(true);
    await loading;
    expect(asked).toEqual([[20, 20]]);
    expect(p.loading).toBe(false);
    expect(p.offset).toBe(20);
    expect(p.board?.ranking).toBe('từ 20');
  });

  it('keeps the page shown when the next fails, and says why', async () => {
    let fail = false;
    const p = new StandingsPager(async (o) => {
      if (fail) throw new ApiError(503, 'busy', 'Máy chủ đang bận', []);
      return pageOf(45, o);
    }, 20, t);
    await p.page(0);
    fail = true;
    await p.page(20);
    expect(p.error).toBe('Máy chủ đang bận');
    expect(p.offset).toBe(0);
    expect(p.board?.ranking).toBe('từ 0');
    fail = false;
    await p.page(20);
    expect(p.error).toBe('');
    expect(p.offset).toBe(20);
  });
});
