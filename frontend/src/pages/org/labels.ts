// Message keys for values the server sends as numbers or codes.
import { hasKey, type MessageKey } from '../../lib/i18n';

export const DIFFICULTIES = ['0', '1', '2', '3'] as const;
export const POLICIES = ['best', 'first', 'last'] as const;
export const TARGETS = ['all_correct_people', 'participants', 'attempts'] as const;

/** difficultyKey names a difficulty (0 not set … 3 hard); unknown values read as not set. */
export function difficultyKey(d: number | string): MessageKey {
  const key = `bank.difficulty.${d}`;
  return hasKey(key) ? key : 'bank.difficulty.0';
}
