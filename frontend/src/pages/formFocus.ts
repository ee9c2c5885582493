// After a failed submit, focus moves to the first field with a message so
// keyboard and screen-reader users land where the fix is needed.
import { tick } from 'svelte';
import { describeError } from '../lib/errors';
import type { Translator } from '../lib/i18n';

/**
 * focusFirstError focuses the element of the first field (in form order)
 * that has an error. `order` pairs field names with element ids.
 */
export async function focusFirstError(
  errors: Record<string, string>,
  order: readonly (readonly [field: string, elementId: string])[],
): Promise<void> {
  await tick();
  const first = order.find(([field]) => errors[field]);
  if (first) document.getElementById(first[1])?.focus();
}

/**
 * splitFieldErrors keeps the server's field messages for fields the form
 * shows and returns the others, which then go into the top message.
 */
export function splitFieldErrors(
  fields: Record<string, string>,
  known: readonly string[],
): { shown: Record<string, string>; other: string[] } {
  const shown: Record<string, string> = {};
  const other: string[] = [];
  for (const [field, message] of Object.entries(fields)) {
    if (known.includes(field)) shown[field] = message;
    else other.push(message);
  }
  return { shown, other };
}

/**
 * refusedForm is what a form shows once the server refused its submit: the
 * messages of the fields the form shows (`known`) under them, and one top
 * message with the error's own message and the other fields' messages.
 */
export function refusedForm(
  err: unknown,
  t: Translator,
  known: readonly string[],
): { fields: Record<string, string>; top: string } {
  const shown = describeError(err, t);
  const { shown: fields, other } = splitFieldErrors(shown.fields, known);
  return { fields, top: [shown.message, ...other].join(' ') };
}
