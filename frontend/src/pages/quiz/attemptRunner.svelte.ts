// One attempt in progress as reactive state: the paper, the choices (kept
// by the SaveQueue on the phone and on the server), the server-clock
// timer, and the submit. The components only read it and call its methods.
import type { Attempt, AttemptResult } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { forgetPaper, keepPaper, keepPosition } from '../../lib/quiz/paperKeep';
import { t } from '../../lib/locale.svelte';
import {
  attemptStorageKey,
  forgetOlderAttempts,
  SaveQueue,
  type Saved,
  type SaveStatus,
  type SaveValue,
} from '../../lib/quiz/saveQueue';
import { serverClock, type ServerClock } from '../../lib/quiz/serverClock';
import { submitWhenSaved, waitOrOnline } from '../../lib/quiz/submit';
import { api } from '../../lib/session.svelte';

/** The prediction's key in the queue; question IDs never start with '#'. */
export const PREDICTION = '#prediction';

export class AttemptRunner {
  readonly attempt: Attempt;
  /** Bumped on every change of the queue, so templates re-read it. */
  version = $state(0);
  saveStatus = $state<SaveStatus>('saved');
  /** ms left on the server's clock, refreshed by tick(). */
  left = $state(0);
  submitting = $state(false);
  /** Set while the submit waits for a network. */
  waiting = $state(false);
  result = $state<AttemptResult | null>(null);
  error = $state('');
  /** The screen shown (0-based), kept on the phone across reloads. */
  position = $state(0);
  /** Set by the page: saves what is typed but not yet saved (the prediction box). */
  beforeSubmit: (() => void) | null = null;

  private readonly queue: SaveQueue;
  private readonly storage: Storage | null;
  private readonly userId: string;
  private readonly clock: ServerClock;
  private timer: ReturnType<typeof setInterval> | undefined;
  private disposed = false;
  /** The automatic submit (time up) runs once; after an error the button remains. */
  private autoSubmitted = false;

  /**
   * attempt as received from the server at receivedAt (the phone's clock),
   * or as kept on the phone when the server cannot be reached: the kept
   * answers are sent once it can.
   */
  constructor(attempt: Attempt, userId: string, receivedAt: number, title: string) {
    this.attempt = attempt;
    this.clock = serverClock(attempt.serverNow, receivedAt);
    const roundId = attempt.roundId;
    const storage = safeStorage();
    this.storage = storage;
    this.userId = userId;
    this.position = keepPaper(storage, userId, attempt, receivedAt, title).current;
    forgetOlderAttempts(storage, userId, roundId, attempt.no);
    this.queue = new SaveQueue({
      storage,
      storageKey: attemptStorageKey(userId, roundId, attempt.no),
      events: window,
      send: (key, value, seq) => this.send(key, value, seq),
      onChange: () => this.changed(),
      onRejected: (key, err) => {
        const n = attempt.questions.findIndex((q) => q.id === key) + 1;
        const message = describeError(err, t).message;
        this.error = n > 0 ? t('quiz.rejected', { n, message }) : message;
      },
    });
    const server: Record<string, Saved> = {};
    for (const [qid, a] of Object.entries(attempt.answers ?? {})) server[qid] = { value: a.options ?? [], seq: a.seq };
    if (attempt.predictionSeq && attempt.prediction !== undefined) {
      server[PREDICTION] = { value: attempt.prediction, seq: attempt.predictionSeq };
    }
    this.queue.merge(server);
    this.tick();
    this.timer = setInterval(() => this.tick(), 500);
  }

  /** chosen returns the options picked for a question (reactive). */
  chosen(questionId: string): string[] {
    void this.version;
    const v = this.queue.value(questionId);
    return Array.isArray(v) ? v : [];
  }

  prediction(): number | undefined {
    void this.version;
    const v = this.queue.value(PREDICTION);
    return typeof v === 'number' ? v : undefined;
  }

  get answeredCount(): number {
    void this.version;
    return this.attempt.questions.filter((q) => this.chosen(q.id).length > 0).length;
  }

  get timeUp(): boolean {
    return this.left <= 0;
  }

  choose(questionId: string, options: string[]): void {
    if (this.timeUp || this.result || this.submitting) return;
    this.error = '';
    this.queue.set(questionId, options);
  }

  setPrediction(value: number): void {
    if (this.timeUp || this.result || this.submitting) return;
    if (this.prediction() === value) return;
    this.queue.set(PREDICTION, value);
  }

  /** show moves to screen i and remembers it for a reload. */
  show(i: number): void {
    this.position = i;
    keepPosition(this.storage, this.userId, this.attempt.roundId, this.attempt.no, i);
  }

  /** submit saves what is left, then submits; safe to call more than once. */
  async submit(): Promise<void> {
    if (this.submitting || this.result) return;
    this.beforeSubmit?.();
    this.submitting = true;
    this.error = '';
    const { roundId, no } = this.attempt;
    try {
      const result = await submitWhenSaved({
        drain: () => this.queue.drain(),
        submit: () => api.submitAttempt(roundId, no),
        wait: (ms) => waitOrOnline(ms),
        onWaiting: () => (this.waiting = true),
      });
      if (this.disposed) return;
      this.result = result;
      this.queue.forget();
      forgetPaper(this.storage, this.userId, roundId);
      this.stopTimer();
    } catch (err) {
      this.error = describeError(err, t).message;
    } finally {
      this.submitting = false;
      this.waiting = false;
    }
  }

  dispose(): void {
    this.disposed = true;
    this.stopTimer();
    this.queue.dispose();
  }

  private tick(): void {
    this.left = this.clock.left(this.attempt.deadline);
    // At zero the server still accepts answers for a few seconds (its
    // grace): the submit sends what is left first, then finishes.
    if (this.left <= 0) this.autoSubmit();
  }

  private autoSubmit(): void {
    if (this.autoSubmitted || this.result) return;
    this.autoSubmitted = true;
    void this.submit();
  }

  private stopTimer(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private changed(): void {
    this.version++;
    this.saveStatus = this.queue.status;
    // Time is up on the server: it returns the attempt as it saved it.
    if (this.saveStatus === 'over') this.autoSubmit();
  }

  private async send(key: string, value: SaveValue, seq: number): Promise<Saved> {
    const { roundId, no } = this.attempt;
    if (key === PREDICTION) {
      const r = await api.savePrediction(roundId, no, value as number, seq);
      return { value: r.value ?? (value as number), seq: r.seq };
    }
    const r = await api.saveAnswer(roundId, no, key, value as string[], seq);
    return { value: r.options ?? [], seq: r.seq };
  }
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
