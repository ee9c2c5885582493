// How a category's limits read on screen.
import { megabytes, type Category } from '../../lib/essayApi';
import type { Translator } from '../../lib/i18n';

export function limitLines(c: Category, t: Translator): string[] {
  const out: string[] = [];
  if (c.maxWords) {
    const range = c.minWords
      ? t('essay.limit.wordsBetween', { min: c.minWords.toLocaleString('vi-VN'), max: c.maxWords.toLocaleString('vi-VN') })
      : t('essay.limit.wordsMax', { max: c.maxWords.toLocaleString('vi-VN') });
    out.push(t('essay.limit.words', { range }));
  }
  out.push(t('essay.limit.coauthors', { n: c.maxCoauthors }));
  out.push(t('essay.limit.files', { kinds: c.allowedFileKinds.map((k) => '.' + k).join(', '), mb: megabytes(c.maxFileBytes) }));
  if (c.maxMediaSeconds) out.push(t('essay.limit.seconds', { n: c.maxMediaSeconds }));
  return out;
}
