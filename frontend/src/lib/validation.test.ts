import { describe, expect, it } from 'vitest';
import {
  checkBirthDate,
  checkCccd,
  checkEmail,
  checkFullName,
  checkPassword,
  checkPhone,
  compactPhone,
  daysInMonth,
  isoDate,
  nationalPhone,
  validateLogin,
  validateRegistration,
  type RegistrationForm,
} from './validation';

describe('checkPhone', () => {
  it.each([
    ['0912345678', null],
    ['091 234 5678', null],
    ['091.234.5678', null],
    ['(091) 234-5678', null],
    ['+84912345678', null],
    ['+84 0912 345 678', null], // the trunk 0 kept after +84
    ['84912345678', null],
    ['0084912345678', null],
    ['0356789012', null],
    ['02963123456', null], // An Giang landline: 11 digits
    ['', 'validation.required'],
    ['   ', 'validation.required'],
    ['091234567', 'validation.phone'], // 9 digits
    ['09123456789', 'validation.phone'], // 11 digits
    ['0212345678', 'validation.phone'], // landline needs 11
    ['0612345678', 'validation.phone'], // no such prefix
    ['912345678', 'validation.phone'], // lost its 0
    ['09123abcde', 'validation.phone'],
    ['+1 650 253 0000', 'validation.phone'],
    ['01234567890', 'validation.phoneOld'],
  ])('%j → %s', (phone, want) => {
    expect(checkPhone(phone)).toBe(want);
  });

  it('compacts separators people type', () => {
    expect(compactPhone(' 091-234 56.78 ')).toBe('0912345678');
  });

  it.each([
    ['+84912345678', '0912345678'],
    ['0084912345678', '0912345678'],
    ['84912345678', '0912345678'],
    ['8491234567', null], // too short to carry a country code: not a 0… number
    ['+1650', null],
  ])('nationalPhone(%j) = %j', (raw, want) => {
    expect(nationalPhone(raw)).toBe(want);
  });
});

describe('checkCccd', () => {
  it.each([
    ['089090123456', '', '', null],
    ['0890 9012 3456', '', '', null],
    ['089.090.123.456', '', '', null],
    ['', '', '', 'validation.required'],
    ['123456789', '', '', 'validation.cccdOld'],
    ['08909012345', '', '', 'validation.cccd'],
    ['0890901234567', '', '', 'validation.cccd'],
    ['08909012345a', '', '', 'validation.cccd'],
    // Digit 4 encodes gender and century (0 male 19xx, 1 female 19xx,
    // 2 male 20xx, 3 female 20xx); digits 5–6 the year.
    ['089090123456', '1990-05-15', 'male', null],
    ['089190123456', '1990-05-15', 'female', null],
    ['089205123456', '2005-01-01', 'male', null],
    ['089305123456', '2005-01-01', 'female', null],
    ['089090123456', '1990-05-15', 'female', 'validation.cccdGender'],
    ['089090123456', '1991-05-15', 'male', 'validation.cccdYear'],
    ['089290123456', '1990-05-15', 'male', 'validation.cccdYear'], // 2090, not 1990
  ])('%j born %j %j → %s', (cccd, birth, gender, want) => {
    expect(checkCccd(cccd, birth, gender)).toBe(want);
  });
});

describe('checkFullName', () => {
  it.each([
    ['Nguyễn Văn An', null],
    ['  Lê   Thị  Hoa ', null],
    ['', 'validation.required'],
    ['An', 'validation.fullName'],
    ['Nguyễn Văn 2', 'validation.fullNameChars'],
    ['Trần <b>An</b>', 'validation.fullNameChars'],
    ['A ' + 'b'.repeat(100), 'validation.tooLong'],
  ])('%j → %s', (name, want) => {
    expect(checkFullName(name)).toBe(want);
  });
});

describe('checkPassword and checkEmail', () => {
  it.each([
    ['', 'validation.required'],
    ['1234567', 'validation.passwordShort'],
    ['12345678', null],
    ['mậtkhẩu1', null], // 8 characters, more bytes
    ['x'.repeat(129), 'validation.tooLong'],
  ])('password %j → %s', (pw, want) => {
    expect(checkPassword(pw)).toBe(want);
  });

  it.each([
    ['', null],
    ['ten@gmail.com', null],
    ['ten@gmail', 'validation.email'],
    ['ten gmail.com', 'validation.email'],
  ])('email %j → %s', (email, want) => {
    expect(checkEmail(email)).toBe(want);
  });
});

describe('dates', () => {
  const today = new Date(2025, 5, 15); // 15 June 2025, local time

  it.each([
    [2024, 2, 29],
    [2025, 2, 28],
    [1900, 2, 28],
    [2000, 2, 29],
    [2025, 4, 30],
    [2025, 12, 31],
  ])('daysInMonth(%i, %i) = %i', (y, m, want) => {
    expect(daysInMonth(y, m)).toBe(want);
  });

  it.each([
    ['1990-05-15', null],
    ['2016-02-29', null], // a leap day
    ['2019-06-15', null], // six today
    ['1905-06-16', null], // 119
    ['', 'validation.required'],
    ['2025-02-29', 'validation.birthDate'],
    ['1990-13-01', 'validation.birthDate'],
    ['15/05/1990', 'validation.birthDate'],
    ['2019-06-16', 'validation.birthDateAge'], // six tomorrow
    ['2025-06-16', 'validation.birthDateAge'], // future
    ['1899-12-31', 'validation.birthDateAge'],
  ])('checkBirthDate(%j) → %s', (iso, want) => {
    expect(checkBirthDate(iso, today)).toBe(want);
  });

  it('isoDate pads and needs all three parts', () => {
    expect(isoDate(1990, 5, 7)).toBe('1990-05-07');
    expect(isoDate(1990, null, 7)).toBe('');
  });
});

describe('validateRegistration', () => {
  const today = new Date(2025, 5, 15);
  const valid: RegistrationForm = {
    fullName: 'Nguyễn Văn An',
    birthDate: '1990-05-15',
    gender: 'male',
    phone: '0912345678',
    cccd: '089090123456',
    unitId: 'u1',
    occupation: 'citizen',
    email: '',
    address: '',
    password: 'matkhau123',
    passwordConfirm: 'matkhau123',
  };

  it('accepts a complete form', () => {
    expect(validateRegistration(valid, today)).toEqual({});
  });

  it('names every missing required field', () => {
    const empty = Object.fromEntries(Object.keys(valid).map((k) => [k, ''])) as unknown as RegistrationForm;
    expect(validateRegistration(empty, today)).toEqual({
      fullName: 'validation.required',
      birthDate: 'validation.required',
      gender: 'validation.choose',
      phone: 'validation.required',
      cccd: 'validation.required',
      unitId: 'validation.unit',
      occupation: 'validation.choose',
      password: 'validation.required',
    });
  });

  it('flags a mismatched confirmation only when the password itself is fine', () => {
    expect(validateRegistration({ ...valid, passwordConfirm: 'other1234' }, today)).toEqual({
      passwordConfirm: 'validation.passwordMismatch',
    });
    expect(validateRegistration({ ...valid, password: 'short', passwordConfirm: 'x' }, today)).toEqual({
      password: 'validation.passwordShort',
    });
  });

  it('checks the CCCD against the declared birth year and gender', () => {
    expect(validateRegistration({ ...valid, gender: 'female' }, today)).toEqual({ cccd: 'validation.cccdGender' });
    // A wrong birth date is reported once, on the birth date.
    expect(validateRegistration({ ...valid, birthDate: '2030-01-01' }, today)).toEqual({
      birthDate: 'validation.birthDateAge',
    });
  });

  it('rejects an unknown gender and a bad optional email', () => {
    expect(validateRegistration({ ...valid, gender: 'other', email: 'x@' }, today)).toEqual({
      gender: 'validation.choose',
      email: 'validation.email',
    });
  });
});

describe('validateLogin', () => {
  it('wants both boxes filled', () => {
    expect(validateLogin(' ', '')).toEqual({ login: 'validation.required', password: 'validation.required' });
    expect(validateLogin('0912345678', 'x')).toEqual({});
  });
});
