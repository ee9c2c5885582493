// The state of a form that checks its fields in the browser, then sends
// them: a message under each field to fix, one message on top, the focus
// moved to the first field to fix (formFocus.ts), and the send button
// disabled while the request runs. The server's messages win over the
// browser's checks.
import { localizeFieldErrors } from '../lib/errors';
import type { MessageKey } from '../lib/i18n';
import { t } from '../lib/locale.svelte';
import { focusFirstError, refusedForm } from './formFocus';

export class FormState {
  /** The message under each field, by field name. */
  errors = $state<Record<string, string>>({});
  /** The message on top of the form. */
  top = $state('');
  /** A request is running. */
  submitting = $state(false);
  /** What the last request did, said on top of the form once it succeeded (the form's request sets it); gone when the form is checked or sent again. */
  done = $state('');

  /** @param order the form's fields in order, each with the id of the element to focus. */
  constructor(private readonly order: readonly (readonly [field: string, elementId: string])[]) {}

  /** check shows the browser's own checks (a message key per field); true when there is nothing to fix. */
  async check(local: Partial<Record<string, MessageKey>>): Promise<boolean> {
    this.done = '';
    this.errors = localizeFieldErrors(local, t);
    this.top = Object.keys(this.errors).length ? t('form.fixErrors') : '';
    if (this.top) await focusFirstError(this.errors, this.order);
    return !this.top;
  }

  /** send runs the request with the form busy, the last messages cleared; a refusal is shown as the server words it. */
  async send(request: () => Promise<void>): Promise<void> {
    this.submitting = true;
    this.errors = {};
    this.top = '';
    this.done = '';
    try {
      await request();
    } catch (err) {
      ({ fields: this.errors, top: this.top } = refusedForm(err, t, this.order.map(([field]) => field)));
      await focusFirstError(this.errors, this.order);
    } finally {
      this.submitting = false;
    }
  }
}
