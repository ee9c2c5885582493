// A leaderboard read a page at a time (a round's standings for its
// organizers or the public, the contest's overall standings): the page
// shown, where it starts, whether the next is loading, and why the last
// load failed. One place, so the three boards page alike.
import type { StandingsPage } from '../api';
import { describeError } from '../errors';
import type { Translator } from '../i18n';
import { t as translate } from '../locale.svelte';

export type FetchPage = (offset: number, limit: number) => Promise<StandingsPage>;

export class StandingsPager {
  /** The page shown; null before the first arrived. */
  board = $state<StandingsPage | null>(null);
  offset = $state(0);
  loading = $state(false);
  error = $state('');

  constructor(
    private readonly fetchPage: FetchPage,
    readonly limit: number,
    private readonly t: Translator = translate,
  ) {}

  /** page loads the page starting at offset; on failure the page shown stays. */
  async page(offset: number): Promise<void> {
    this.loading = true;
    this.error = '';
    try {
      this.board = await this.fetchPage(offset, this.limit);
      this.offset = offset;
    } catch (err) {
      this.error = describeError(err, this.t).message;
    } finally {
      this.loading = false;
    }
  }
}
