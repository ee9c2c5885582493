import { describe, expect, it } from 'vitest';
import { en } from './messages/en';
import { essayEn } from './messages/essay.en';
import { essayVi } from './messages/essay.vi';
import { essayDeskEn } from './messages/essayDesk.en';
import { essayDeskVi } from './messages/essayDesk.vi';
import { orgEn } from './messages/org.en';
import { orgVi } from './messages/org.vi';
import { vi } from './messages/vi';
import { addMessages, hasKey, interpolate, parseLang, translate, type Dictionary, type Lang, type MessageKey } from './i18n';

describe('translate', () => {
  const dicts: Record<Lang, Dictionary> = {
    vi: { 'nav.login': 'Đăng nhập', 'org.count': 'Hiển thị {shown} trên {total}' },
    en: { 'org.count': 'Showing {shown} of {total}' },
  };

  it.each([
    ['vi', 'nav.login', 'Đăng nhập'],
    ['en', 'org.count', 'Showing {shown} of {total}'],
    // English misses the key: Vietnamese is the fallback.
    ['en', 'nav.login', 'Đăng nhập'],
    // Missing everywhere: the key itself, so the gap is visible.
    ['en', 'nav.units', 'nav.units'],
  ] as [Lang, MessageKey, string][])('%s %s → %s', (lang, key, want) => {
    expect(translate(lang, key, undefined, dicts)).toBe(want);
  });

  it('fills placeholders', () => {
    expect(translate('en', 'org.count', { shown: 3, total: 10 }, dicts)).toBe('Showing 3 of 10');
  });

  it('uses the real dictionaries by default', () => {
    expect(translate('vi', 'nav.register')).toBe('Đăng ký');
    expect(translate('en', 'nav.register')).toBe('Register');
  });
});

describe('interpolate', () => {
  it('leaves unknown placeholders as typed', () => {
    expect(interpolate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});

describe('parseLang', () => {
  it.each([
    ['en', 'en'],
    ['vi', 'vi'],
    [null, 'vi'],
    ['fr', 'vi'],
    ['EN', 'vi'],
  ])('%s → %s', (stored, want) => {
    expect(parseLang(stored)).toBe(want);
  });
});

describe.each([
  ['citizen', vi, en],
  ['organizer', orgVi, orgEn],
  ['essay', essayVi, essayEn],
  ['essay desk', essayDeskVi, essayDeskEn],
] as [string, Record<string, string>, Record<string, string>][])('%s dictionaries', (_, vi, en) => {
  it('English has no key Vietnamese lacks', () => {
    const extra = Object.keys(en).filter((k) => !(k in vi));
    expect(extra).toEqual([]);
  });

  it('English has every key Vietnamese has (text without letters, like "18–30", may fall back)', () => {
    const missing = Object.keys(vi).filter((k) => !en[k] && /\p{L}/u.test(vi[k]));
    expect(missing).toEqual([]);
  });

  it('every Vietnamese message is non-empty and placeholders match in English', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(vi)) {
      expect(text.trim(), key).not.toBe('');
      const english = (en as Record<string, string>)[key];
      if (english) expect(names(english), key).toEqual(names(text));
    }
  });
});

describe('addMessages', () => {
  it('makes a lazy chunk\'s keys known and translated', () => {
    expect(hasKey('round.publish')).toBe(false);
    addMessages({ vi: orgVi, en: orgEn });
    expect(hasKey('round.publish')).toBe(true);
    expect(translate('en', 'round.publish')).toBe('Publish round');
    expect(translate('vi', 'round.saved', { title: 'Tuần 2' })).toBe('Đã lưu Tuần 2.');
  });

  it('keeps the two key sets apart', () => {
    const both = Object.keys(orgVi).filter((k) => k in vi);
    expect(both).toEqual([]);
  });
});

describe('server codes', () => {
  it('knows server error codes as keys', () => {
    expect(hasKey('error.rate_limited')).toBe(true);
    expect(hasKey('error.no_such_code')).toBe(false);
  });
});
