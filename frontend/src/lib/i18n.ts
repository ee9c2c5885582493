// A tiny dictionary-based i18n: Vietnamese is the source language and the
// fallback, English may leave keys out. Pure functions only; the reactive
// current language lives in locale.svelte.ts.
import { vi } from './messages/vi';
import { en } from './messages/en';
// Type only: the organizer's messages are in their lazy chunk (addMessages).
import type { orgVi } from './messages/org.vi';
import type { essayVi } from './messages/essay.vi';
import type { essayDeskVi } from './messages/essayDesk.vi';

export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];
export type OrgMessageKey = keyof typeof orgVi;
export type EssayMessageKey = keyof typeof essayVi;
export type EssayDeskMessageKey = keyof typeof essayDeskVi;
export type MessageKey = keyof typeof vi | OrgMessageKey | EssayMessageKey | EssayDeskMessageKey;
export type Dictionary = Partial<Record<MessageKey, string>>;
export type Params = Record<string, string | number>;
export type Translator = (key: MessageKey, params?: Params) => string;

const dictionaries: Record<Lang, Dictionary> = { vi: { ...vi }, en: { ...en } };

/**
 * addMessages registers the messages of a lazily loaded part of the app
 * (the organizer pages), so the citizen bundle does not carry them.
 */
export function addMessages(more: Record<Lang, Dictionary>): void {
  Object.assign(dictionaries.vi, more.vi);
  Object.assign(dictionaries.en, more.en);
}

/** parseLang accepts what localStorage held; anything unknown means Vietnamese. */
export function parseLang(value: string | null | undefined): Lang {
  return value === 'en' ? 'en' : 'vi';
}

/**
 * translate looks key up in lang, then in Vietnamese, then returns the key
 * itself so a missing entry shows up on screen instead of an empty string.
 */
export function translate(
  lang: Lang,
  key: MessageKey,
  params?: Params,
  dicts: Record<Lang, Dictionary> = dictionaries,
): string {
  const text = dicts[lang]?.[key] ?? dicts.vi[key] ?? key;
  return interpolate(text, params);
}

/** interpolate replaces {name} placeholders; unknown ones are left as typed. */
export function interpolate(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** hasKey tells whether a string is a known message key (for codes from the server). */
export function hasKey(key: string): key is MessageKey {
  return key in dictionaries.vi;
}

/** BCP 47 tag used for dates and numbers. */
export function localeTag(lang: Lang): string {
  return lang === 'en' ? 'en-GB' : 'vi-VN';
}
