// The answers of an attempt as the phone knows them, and the queue that
// gets them to the server. Every choice is kept in localStorage first, then
// sent; a dropped connection, a reload or a dead battery loses nothing, and
// the server's sequence numbers settle which of two versions is newer
// (docs/architecture.md, "Request path: saving a quiz answer"). Pure apart
// from the injected storage, sender, timers and event target, so it runs
// the same under Vitest's fake timers.
import type { KeyValueStorage } from '../tokens';
import { classifyFailure, defaultBackoff, type FailureKind } from './retry';

/** An answer (option IDs) or the prediction (a number). */
export type SaveValue = string[] | number;

export interface Saved {
  value: SaveValue;
  seq: number;
}

interface Entry extends Saved {
  /** Not yet confirmed by the server. */
  pending: boolean;
}

/**
 * saved: every choice is on the server; saving: requests under way;
 * offline: the network failed, choices wait on the phone; retrying: the
 * server failed (5xx, 429), same; over: the server said time is up.
 */
export type SaveStatus = 'saved' | 'saving' | 'offline' | 'retrying' | 'over';

/** The outcome drain() waits for. */
export type DrainResult = 'done' | 'failed' | 'over';

export interface SaveQueueOptions {
  /** localStorage (or a stand-in); null keeps everything in memory. */
  storage: KeyValueStorage | null;
  /** One key per user, round and attempt: see attemptStorageKey. */
  storageKey: string;
  /** Sends one save; resolves with what the server holds afterwards. */
  send: (key: string, value: SaveValue, seq: number) => Promise<Saved | void>;
  /** Called after every change of values or status. */
  onChange?: () => void;
  /** The server refused a save for good (4xx other than too_late). */
  onRejected?: (key: string, err: unknown) => void;
  /** Where `online` events come from (window in the browser). */
  events?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  /** Delay before retry number n (1, 2, …). */
  backoff?: (n: number) => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/** attemptStorageKey names an attempt's saved choices; the user is part of it on shared phones. */
export function attemptStorageKey(userId: string, roundId: string, no: number): string {
  return `hoithi.quiz.${userId}.${roundId}.${no}`;
}

/**
 * forgetOlderAttempts removes what the phone kept of this user's earlier
 * attempts of the round: an attempt that timed out while the page was
 * closed never got to clean up after itself.
 */
export function forgetOlderAttempts(storage: KeyValueStorage | null, userId: string, roundId: string, no: number): void {
  try {
    for (let n = 1; n < no; n++) storage?.removeItem(attemptStorageKey(userId, roundId, n));
  } catch {
    /* nothing to do */
  }
}

const FORMAT = 1;

function isValue(v: unknown): v is SaveValue {
  return (Array.isArray(v) && v.every((x) => typeof x === 'string')) || (typeof v === 'number' && Number.isFinite(v));
}

function load(storage: KeyValueStorage | null, key: string): Record<string, Entry> {
  const out: Record<string, Entry> = {};
  try {
    const raw = storage?.getItem(key);
    if (!raw) return out;
    const data = JSON.parse(raw) as { v?: number; e?: Record<string, Partial<Entry>> };
    if (data.v !== FORMAT || !data.e) return out;
    for (const [k, e] of Object.entries(data.e)) {
      if (isValue(e.value) && typeof e.seq === 'number' && e.seq > 0) {
        out[k] = { value: e.value, seq: e.seq, pending: !!e.pending };
      }
    }
  } catch {
    /* unreadable storage: start empty, the server has the rest */
  }
  return out;
}

export class SaveQueue {
  private entries: Record<string, Entry>;
  private inFlight = new Set<string>();
  private failures = 0;
  private lastFailure: FailureKind | null = null;
  private timer: unknown = null;
  private stopped = false;
  private waiters: ((r: DrainResult) => void)[] = [];
  private readonly o: Required<Omit<SaveQueueOptions, 'events' | 'onRejected' | 'onChange'>> &
    Pick<SaveQueueOptions, 'events' | 'onRejected' | 'onChange'>;
  private readonly onOnline = () => this.online();

  constructor(opts: SaveQueueOptions) {
    this.o = {
      backoff: defaultBackoff,
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      ...opts,
    };
    this.entries = load(opts.storage, opts.storageKey);
    opts.events?.addEventListener('online', this.onOnline);
  }

  /** value returns the phone's latest choice for key. */
  value(key: string): SaveValue | undefined {
    return this.entries[key]?.value;
  }

  /** seq returns the highest sequence number known for key (0 when none). */
  seq(key: string): number {
    return this.entries[key]?.seq ?? 0;
  }

  keys(): string[] {
    return Object.keys(this.entries);
  }

  get pendingCount(): number {
    return Object.values(this.entries).filter((e) => e.pending).length;
  }

  get status(): SaveStatus {
    if (this.stopped) return 'over';
    if (this.pendingCount === 0 && this.inFlight.size === 0) return 'saved';
    if (this.lastFailure === 'offline') return 'offline';
    if (this.lastFailure === 'retry') return 'retrying';
    return 'saving';
  }

  /**
   * merge folds in what the server holds (on start or resume, maybe from
   * another phone): the higher sequence number wins; choices only the phone
   * has, or newer on the phone, are sent again.
   */
  merge(server: Record<string, Saved>): void {
    for (const [key, s] of Object.entries(server)) {
      const local = this.entries[key];
      if (!local || s.seq >= local.seq) this.entries[key] = { value: s.value, seq: s.seq, pending: false };
      else local.pending = true;
    }
    for (const [key, e] of Object.entries(this.entries)) {
      if (!(key in server)) e.pending = true;
    }
    this.changed();
    this.flush();
  }

  /** set records a new choice with the next sequence number and sends it. */
  set(key: string, value: SaveValue): void {
    if (this.stopped) return;
    this.entries[key] = { value, seq: this.seq(key) + 1, pending: true };
    this.changed();
    this.flush();
  }

  /** flush sends every pending choice that is not already on its way. */
  flush(): void {
    if (this.stopped) return;
    for (const [key, e] of Object.entries(this.entries)) {
      if (e.pending && !this.inFlight.has(key)) void this.sendOne(key);
    }
  }

  /** online retries at once, from the first step of the backoff. */
  online(): void {
    this.failures = 0;
    this.cancelTimer();
    this.flush();
  }

  /**
   * drain sends what is pending and resolves once everything is saved
   * ('done'), a send failed and nothing is left in flight ('failed'), or
   * the server said time is up ('over').
   */
  drain(): Promise<DrainResult> {
    if (this.stopped) return Promise.resolve('over');
    if (this.pendingCount === 0 && this.inFlight.size === 0) return Promise.resolve('done');
    const p = new Promise<DrainResult>((resolve) => this.waiters.push(resolve));
    this.failures = 0;
    this.cancelTimer();
    this.flush();
    return p;
  }

  /** stop ends sending (time is up); what is stored stays for the record. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.cancelTimer();
    this.settle('over');
    this.o.onChange?.();
  }

  /** forget removes the attempt's choices from the phone (after a result). */
  forget(): void {
    try {
      this.o.storage?.removeItem(this.o.storageKey);
    } catch {
      /* nothing to do */
    }
  }

  dispose(): void {
    this.cancelTimer();
    this.o.events?.removeEventListener('online', this.onOnline);
    this.settle('failed');
  }

  private async sendOne(key: string): Promise<void> {
    const sent = this.entries[key];
    this.inFlight.add(key);
    this.o.onChange?.();
    try {
      const echo = await this.o.send(key, sent.value, sent.seq);
      this.inFlight.delete(key);
      this.failures = 0;
      this.lastFailure = null;
      const now = this.entries[key];
      if (echo && echo.seq >= now.seq) {
        // The server holds this save or a newer one (another phone): take it.
        this.entries[key] = { value: echo.value, seq: echo.seq, pending: false };
      } else if (!echo && now.seq === sent.seq) {
        now.pending = false;
      }
      this.changed();
      // A connection that works again carries whatever waited for a retry.
      this.cancelTimer();
      this.flush();
    } catch (err) {
      this.inFlight.delete(key);
      this.failed(key, sent.seq, err);
    }
    this.checkWaiters();
  }

  private failed(key: string, seq: number, err: unknown): void {
    const kind = classifyFailure(err);
    if (kind === 'over') {
      this.stop();
      return;
    }
    if (kind === 'drop') {
      // Sending the same thing again would fail the same way; a newer
      // choice made meanwhile still goes.
      if (this.entries[key].seq === seq) this.entries[key].pending = false;
      this.changed();
      this.flush();
      this.o.onRejected?.(key, err);
      return;
    }
    this.lastFailure = kind;
    this.o.onChange?.();
    // Requests failing together are one failed round, not several.
    if (this.timer === null) {
      this.failures++;
      this.timer = this.o.setTimer(() => {
        this.timer = null;
        this.flush();
      }, this.o.backoff(this.failures));
    }
  }

  private checkWaiters(): void {
    if (this.waiters.length === 0) return;
    if (this.pendingCount === 0 && this.inFlight.size === 0) this.settle('done');
    else if (this.lastFailure && this.inFlight.size === 0) this.settle('failed');
  }

  private settle(result: DrainResult): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) w(result);
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.o.clearTimer(this.timer);
    this.timer = null;
  }

  private changed(): void {
    try {
      this.o.storage?.setItem(this.o.storageKey, JSON.stringify({ v: FORMAT, e: this.entries }));
    } catch {
      /* storage full or private mode: the choices still go to the server */
    }
    this.o.onChange?.();
  }
}
