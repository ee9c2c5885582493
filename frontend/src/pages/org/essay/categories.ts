// The national categories (contests/essay DefaultCategories): the names a
// secretary sees when their role cannot read the contest's own settings.
import type { Category } from '../../../lib/essayApi';

const MB = 1024 * 1024;
const written = (key: string, name: string, minWords: number, maxWords: number): Category => ({
  key, name, written: true, minWords, maxWords, maxCoauthors: 2, maxWorksPerAuthor: 1, maxWorksOfKindPerAuthor: 2,
  allowedFileKinds: ['docx', 'pdf'], maxFileBytes: 20 * MB,
});
const media = (key: string, name: string, mb: number): Category => ({
  key, name, written: false, maxCoauthors: 3, maxWorksPerAuthor: 3, maxWorksOfKindPerAuthor: 3,
  allowedFileKinds: ['mp3', 'mp4'], maxFileBytes: mb * MB,
});

export const DEFAULT_CATEGORIES: Category[] = [
  written('magazine', 'Tạp chí', 4000, 6000),
  written('newspaper_print', 'Báo in', 0, 4000),
  written('newspaper_online', 'Báo điện tử', 0, 2000),
  media('radio', 'Phát thanh', 200),
  media('tv', 'Truyền hình', 1024),
  media('video', 'Video clip', 500),
];

export function categoryName(categories: readonly Category[], key: string): string {
  return categories.find((c) => c.key === key)?.name ?? key;
}
