import { describe, expect, it } from 'vitest';
import { ApiError, describeError, errorFromBody } from './errors';
import { translate, type MessageKey, type Params } from './i18n';

const t = (key: MessageKey, params?: Params) => translate('vi', key, params);

describe('describeError', () => {
  it('prefers the server message and keeps the first message per field', () => {
    const err = new ApiError(400, 'invalid', 'Thông tin chưa hợp lệ', [
      { field: 'phone', message: 'Số điện thoại đã có người dùng.' },
      { field: 'phone', message: 'second' },
      { field: 'cccd', message: 'Số CCCD phải có 12 chữ số.' },
    ]);
    expect(describeError(err, t)).toEqual({
      message: 'Thông tin chưa hợp lệ',
      fields: { phone: 'Số điện thoại đã có người dùng.', cccd: 'Số CCCD phải có 12 chữ số.' },
    });
  });

  it.each([
    ['rate_limited', 'Bạn thao tác quá nhanh, vui lòng thử lại sau ít phút.'],
    ['network', 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.'],
    ['something_new', 'Đã có lỗi xảy ra, vui lòng thử lại.'],
  ])('falls back to a message for code %s', (code, want) => {
    expect(describeError(new ApiError(429, code, ''), t).message).toBe(want);
  });

  it('hides programming errors behind a generic message', () => {
    expect(describeError(new TypeError('x is undefined'), t)).toEqual({
      message: 'Đã có lỗi xảy ra, vui lòng thử lại.',
      fields: {},
    });
  });
});

describe('errorFromBody', () => {
  it('tolerates bodies that are not the error shape', () => {
    const err = errorFromBody(404, { message: 'nope' });
    expect(err).toMatchObject({ status: 404, code: 'not_found', message: '', fields: [] });
  });

  it('drops malformed field entries', () => {
    const err = errorFromBody(400, { error: { code: 'invalid', fields: [null, { message: 'x' }, { field: 'C12', message: 'Dòng 12' }] } });
    expect(err.fields).toEqual([{ field: 'C12', message: 'Dòng 12' }]);
  });
});
