import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../lib/errors';
import { FormState } from './formState.svelte';

const ORDER = [
  ['login', 'login-input'],
  ['password', 'password-input'],
] as const;

// The forms run in a browser; here the focused element is recorded.
let focused = '';
vi.stubGlobal('document', { getElementById: (id: string) => ({ focus: () => (focused = id) }) });
afterEach(() => (focused = ''));

describe('FormState', () => {
  it('shows the browser checks under their fields, a message on top, and focuses the first in form order', async () => {
    const form = new FormState(ORDER);
    expect(await form.check({ password: 'validation.required', login: 'validation.required' })).toBe(false);
    expect(Object.keys(form.errors).sort()).toEqual(['login', 'password']);
    expect(form.top).not.toBe('');
    expect(focused).toBe('login-input');
  });

  it('lets a form with nothing to fix be sent, clearing the last messages', async () => {
    const form = new FormState(ORDER);
    await form.check({ login: 'validation.required' });
    expect(await form.check({})).toBe(true);
    expect(form.errors).toEqual({});
    expect(form.top).toBe('');
  });

  it('is busy while sending and shows a refusal as the server words it', async () => {
    const form = new FormState(ORDER);
    let busy = false;
    await form.send(async () => {
      busy = form.submitting;
      throw new ApiError(400, 'invalid', 'Không đăng nhập được', [
        { field: 'password', message: 'Mật khẩu không đúng' },
        { field: 'captcha', message: 'Hãy thử lại sau' },
      ]);
    });
    expect(busy).toBe(true);
    expect(form.submitting).toBe(false);
    expect(form.errors).toEqual({ password: 'Mật khẩu không đúng' });
    expect(form.top).toBe('Không đăng nhập được Hãy thử lại sau');
    expect(focused).toBe('password-input');
    // The next request starts clean: a success leaves no earlier refusal on screen.
    await form.send(async () => {});
    expect(form.errors).toEqual({});
    expect(form.top).toBe('');
  });

  it('shows what a request did until the form is checked or sent again', async () => {
    const form = new FormState(ORDER);
    await form.send(async () => {
      form.done = 'Đã lưu';
    });
    expect(form.done).toBe('Đã lưu');
    await form.check({ login: 'validation.required' });
    expect(form.done).toBe('');
    await form.send(async () => {
      form.done = 'Đã lưu';
    });
    let during = 'unset';
    await form.send(async () => {
      during = form.done;
      throw new ApiError(409, 'conflict', 'Có người vừa sửa', []);
    });
    expect(during).toBe('');
    expect(form.done).toBe('');
  });
});
