// Client-side checks that mirror the server's so people see mistakes before
// sending; the server stays the authority and its field messages win.
import type { MessageKey } from './i18n';

export type FieldErrors<F extends string = string> = Partial<Record<F, MessageKey>>;

/** compactPhone drops the spaces, dots, dashes and brackets people type in numbers. */
export function compactPhone(raw: string): string {
  return raw.trim().replace(/[\s.\-()]/g, '');
}

/**
 * nationalPhone rewrites +84…, 0084… and 84… (11+ digits) to the national
 * form 0…, as contests/vnid.NormalizePhone does; null when it cannot.
 */
export function nationalPhone(raw: string): string | null {
  let n = compactPhone(raw);
  if (n.startsWith('+')) n = n.slice(1).startsWith('84') ? n.slice(3) : '';
  else if (n.startsWith('0084')) n = n.slice(4);
  else if (n.startsWith('84') && n.length >= 11) n = n.slice(2);
  else if (!n.startsWith('0')) return null;
  if (!/^\d+$/.test(n)) return null;
  return n.startsWith('0') ? n : `0${n}`;
}

/**
 * checkPhone mirrors the server: mobiles are 10 digits starting 03, 05, 07,
 * 08 or 09; landlines 11 digits starting 02; 01x numbers were renumbered in 2018.
 */
export function checkPhone(raw: string): MessageKey | null {
  if (!compactPhone(raw)) return 'validation.required';
  const n = nationalPhone(raw);
  if (!n) return 'validation.phone';
  if (n[1] === '1') return 'validation.phoneOld';
  if (/^0[35789]\d{8}$/.test(n) || /^02\d{9}$/.test(n)) return null;
  return 'validation.phone';
}

/** The 12 digits of a CCCD without the spaces and dots people group them with. */
export function compactCccd(raw: string): string {
  return raw.replace(/[\s.]/g, '');
}

/**
 * checkCccd wants the 12 digits of a citizen identity card. When the birth
 * date and gender are known it also checks what the number encodes (digit 4:
 * gender and century, digits 5–6: birth year), as the server does, so the
 * common slip of a relative's number shows before sending.
 */
export function checkCccd(raw: string, birthDate = '', gender = ''): MessageKey | null {
  const cccd = compactCccd(raw);
  if (!cccd) return 'validation.required';
  if (/^\d{9}$/.test(cccd)) return 'validation.cccdOld';
  if (!/^\d{12}$/.test(cccd)) return 'validation.cccd';
  const code = Number(cccd[3]);
  if (gender === 'male' || gender === 'female') {
    if ((code % 2 === 1 ? 'female' : 'male') !== gender) return 'validation.cccdGender';
  }
  const year = /^(\d{4})-\d{2}-\d{2}$/.exec(birthDate)?.[1];
  if (year && 1900 + Math.floor(code / 2) * 100 + Number(cccd.slice(4, 6)) !== Number(year)) {
    return 'validation.cccdYear';
  }
  return null;
}

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
export const AGE_MIN = 6; // primary pupils take part in school rounds
export const AGE_MAX = 120;

export function checkPassword(pw: string): MessageKey | null {
  if (!pw) return 'validation.required';
  const n = [...pw].length;
  return n < PASSWORD_MIN ? 'validation.passwordShort' : n > PASSWORD_MAX ? 'validation.tooLong' : null;
}

/** checkFullName wants at least two words and no digits or symbols. */
export function checkFullName(raw: string): MessageKey | null {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (!name) return 'validation.required';
  if (!name.includes(' ')) return 'validation.fullName';
  if ([...name].length > 100) return 'validation.tooLong';
  return /[0-9<>@#$%^&*=+{}[\]|\\/]/.test(name) ? 'validation.fullNameChars' : null;
}

export function checkEmail(raw: string): MessageKey | null {
  const email = raw.trim();
  if (!email) return null; // optional
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? null : 'validation.email';
}

/** daysInMonth for a 1-based month; February follows the leap-year rule. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** isoDate formats a calendar date as YYYY-MM-DD, or "" when incomplete. */
export function isoDate(year: number | null, month: number | null, day: number | null): string {
  if (!year || !month || !day) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** ageOn returns the age in whole years on a given day. */
export function ageOn(year: number, month: number, day: number, today: Date): number {
  const [ty, tm, td] = [today.getFullYear(), today.getMonth() + 1, today.getDate()];
  return ty - year - (tm < month || (tm === month && td < day) ? 1 : 0);
}

/**
 * checkBirthDate wants a real calendar date of someone aged 6 to 120 on
 * today (given, so the check stays testable).
 */
export function checkBirthDate(iso: string, today: Date): MessageKey | null {
  if (!iso) return 'validation.required';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return 'validation.birthDate';
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return 'validation.birthDate';
  }
  const age = ageOn(year, month, day, today);
  return age < AGE_MIN || age > AGE_MAX ? 'validation.birthDateAge' : null;
}

export interface RegistrationForm {
  fullName: string;
  birthDate: string;
  gender: string;
  phone: string;
  cccd: string;
  unitId: string;
  occupation: string;
  email: string;
  address: string;
  password: string;
  passwordConfirm: string;
}

export type RegistrationField = keyof RegistrationForm;

/** validateRegistration returns a message key per invalid field. */
export function validateRegistration(
  form: RegistrationForm,
  today: Date,
): FieldErrors<RegistrationField> {
  const errors: FieldErrors<RegistrationField> = {};
  const set = (field: RegistrationField, key: MessageKey | null) => {
    if (key) errors[field] = key;
  };
  set('fullName', checkFullName(form.fullName));
  set('birthDate', checkBirthDate(form.birthDate, today));
  set('gender', form.gender === 'male' || form.gender === 'female' ? null : 'validation.choose');
  set('phone', checkPhone(form.phone));
  // The CCCD is compared with the birth date and gender only once those are valid.
  set(
    'cccd',
    checkCccd(form.cccd, errors.birthDate ? '' : form.birthDate, errors.gender ? '' : form.gender),
  );
  set('unitId', form.unitId ? null : 'validation.unit');
  set('occupation', form.occupation ? null : 'validation.choose');
  set('email', checkEmail(form.email));
  set('password', checkPassword(form.password));
  if (!errors.password && form.password !== form.passwordConfirm) {
    set('passwordConfirm', 'validation.passwordMismatch');
  }
  return errors;
}

/** validateLogin only checks that both boxes are filled: the server decides. */
export function validateLogin(login: string, password: string): FieldErrors<'login' | 'password'> {
  const errors: FieldErrors<'login' | 'password'> = {};
  if (!login.trim()) errors.login = 'validation.required';
  if (!password) errors.password = 'validation.required';
  return errors;
}
