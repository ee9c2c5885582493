// The one error type of the client and the one helper that turns any thrown
// value into what a form shows: a message at the top, one under each field.
import { hasKey, type MessageKey, type Translator } from './i18n';

export interface FieldError {
  field: string;
  message: string;
}

/** ApiError mirrors the server's body {"error":{"code","message","fields"}}. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const statusCodes: Record<number, string> = {
  400: 'invalid',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'invalid',
  429: 'rate_limited',
};

/** codeForStatus guesses a code when a proxy answered instead of the server. */
export function codeForStatus(status: number): string {
  return statusCodes[status] ?? (status >= 500 ? 'internal' : 'unknown');
}

/** errorFromBody builds an ApiError from a failed response's parsed body. */
export function errorFromBody(status: number, body: unknown): ApiError {
  const err = (body as { error?: Partial<{ code: string; message: string; fields: FieldError[] }> })
    ?.error;
  const fields = Array.isArray(err?.fields)
    ? err.fields.filter((f) => f && typeof f.field === 'string')
    : [];
  return new ApiError(
    status,
    typeof err?.code === 'string' ? err.code : codeForStatus(status),
    typeof err?.message === 'string' ? err.message : '',
    fields,
  );
}

export interface DisplayedErrors {
  message: string;
  fields: Record<string, string>;
}

/**
 * describeError is the error-display helper: the server's localized message
 * when it sent one, else a message for the code, and the first message per
 * field. Unknown throwables (bugs) get a generic message.
 */
export function describeError(err: unknown, t: Translator): DisplayedErrors {
  if (!(err instanceof ApiError)) {
    return { message: t('error.unknown'), fields: {} };
  }
  const fields: Record<string, string> = {};
  for (const f of err.fields) {
    if (!(f.field in fields)) fields[f.field] = f.message;
  }
  const codeKey = `error.${err.code}`;
  const message = err.message || (hasKey(codeKey) ? t(codeKey as MessageKey) : t('error.unknown'));
  return { message, fields };
}

/** localizeFieldErrors turns client-side message keys into text. */
export function localizeFieldErrors(
  keys: Partial<Record<string, MessageKey>>,
  t: Translator,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, key] of Object.entries(keys)) {
    if (key) out[field] = t(key);
  }
  return out;
}
