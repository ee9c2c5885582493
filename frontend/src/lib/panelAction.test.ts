import { describe, expect, it } from 'vitest';
import { ApiError } from './errors';
import { PanelAction } from './panelAction.svelte';

const t = ((key: string) => `[${key}]`) as never;
const invalid = new ApiError(400, 'invalid', 'Dữ liệu không hợp lệ', [
  { field: 'reason', message: 'Vui lòng nhập lý do' },
  { field: 'topN', message: 'Dữ liệu không hợp lệ' },
]);

describe('PanelAction', () => {
  it('is busy while the request runs and keeps the notice the request set', async () => {
    const a = new PanelAction(false, t);
    a.error = 'old failure';
    let seenBusy = false;
    await a.run(async () => {
      seenBusy = a.busy;
      a.notice = 'Đã lưu';
    });
    expect(seenBusy).toBe(true);
    expect(a.busy).toBe(false);
    expect(a.notice).toBe('Đã lưu');
    expect(a.error).toBe('');
  });

  it('shows a failure as one line, each message once, and clears the last notice', async () => {
    const a = new PanelAction(false, t);
    a.notice = 'Đã lưu';
    await a.run(async () => {
      throw invalid;
    });
    expect(a.busy).toBe(false);
    expect(a.notice).toBe('');
    expect(a.error).toBe('Dữ liệu không hợp lệ · Vui lòng nhập lý do');
    expect(a.fields).toEqual({ reason: 'Vui lòng nhập lý do', topN: 'Dữ liệu không hợp lệ' });
  });

  it('leaves field messages to the inputs of a form panel', async () => {
    const a = new PanelAction(true, t);
    await a.run(async () => {
      throw invalid;
    });
    expect(a.error).toBe('Dữ liệu không hợp lệ');
    expect(a.fields.reason).toBe('Vui lòng nhập lý do');
    await a.run(async () => {});
    expect(a.fields).toEqual({});
  });

  it('fail shows a load failure by its message, a bug by the generic text', () => {
    const a = new PanelAction(false, t);
    a.fail(invalid);
    expect(a.error).toBe('Dữ liệu không hợp lệ');
    a.fail(new TypeError('x is undefined'));
    expect(a.error).toBe('[error.unknown]');
  });
});
