// The state of an organizer's panel whose buttons each send one request
// (the essay secretariat's round card, judging round form, prizes,
// forwarding, settings and similarity; the staff screen): one request at a
// time, its failure or its outcome shown above the panel. Forms that check
// their fields and focus the first to fix use FormState
// (pages/formState.svelte.ts).
import { describeError } from './errors';
import type { Translator } from './i18n';
import { t as translate } from './locale.svelte';

export class PanelAction {
  /** A request is running: the panel's buttons are disabled, so a double tap sends nothing twice. */
  busy = $state(false);
  /** The last failure, as one line. */
  error = $state('');
  /** What the last request did, when it says. */
  notice = $state('');
  /** The last failure's message per field, for panels that show them under their inputs. */
  fields = $state<Record<string, string>>({});

  /**
   * @param fieldsInline the panel shows field messages under its inputs; otherwise they
   *   follow the message in `error`, each once.
   */
  constructor(
    private readonly fieldsInline = false,
    private readonly t: Translator = translate,
  ) {}

  /** run sends fn's requests with the panel busy; fn sets the notice when it has one. */
  async run(fn: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.error = this.notice = '';
    this.fields = {};
    try {
      await fn();
    } catch (err) {
      const d = describeError(err, this.t);
      this.fields = d.fields;
      this.error = this.fieldsInline ? d.message : [...new Set([d.message, ...Object.values(d.fields)])].join(' · ');
    } finally {
      this.busy = false;
    }
  }

  /** fail shows a failure outside run (the panel's first load): its message alone. */
  fail(err: unknown): void {
    this.error = describeError(err, this.t).message;
  }
}
