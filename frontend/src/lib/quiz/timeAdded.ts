// Time added to an attempt's deadline, in words: "1 phút 5 giây" /
// "1 min 5 s". The server sends whole seconds (outageSec, extraSec).

import type { Lang } from '../i18n';

const UNITS: Record<Lang, [string, string, string]> = {
  vi: ['giờ', 'phút', 'giây'],
  en: ['h', 'min', 's'],
};

/** durationWords says sec (≥ 0) as hours, minutes and seconds, skipping zero parts. */
export function durationWords(sec: number, lang: Lang): string {
  const s = Math.max(0, Math.floor(sec));
  const parts = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  const [h, m, ss] = UNITS[lang];
  const words = parts
    .map((n, i) => (n > 0 ? `${n} ${[h, m, ss][i]}` : ''))
    .filter(Boolean);
  return words.length ? words.join(' ') : `0 ${ss}`;
}
