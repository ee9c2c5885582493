import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors';
import { classifyFailure, defaultBackoff } from './retry';

describe('classifyFailure', () => {
  it.each([
    ['network', new ApiError(0, 'network', ''), 'offline'],
    ['server error', new ApiError(503, 'internal', ''), 'retry'],
    ['rate limited', new ApiError(429, 'rate_limited', ''), 'retry'],
    ['session renewing', new ApiError(401, 'unauthorized', ''), 'retry'],
    ['time is up', new ApiError(409, 'too_late', ''), 'over'],
    ['no attempts left', new ApiError(409, 'conflict', ''), 'drop'],
    ['invalid', new ApiError(400, 'invalid', ''), 'drop'],
    ['a thrown TypeError', new TypeError('Failed to fetch'), 'offline'],
  ])('%s', (_, err, want) => {
    expect(classifyFailure(err)).toBe(want);
  });

  it('backs off 1, 2, 4 … 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(defaultBackoff)).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
  });
});
