import { describe, expect, it } from 'vitest';
import { keyFrom, toCategories, toRows, wardPreset } from './settingsForm';

describe('essay settings form', () => {
  it('makes keys from names, never twice the same', () => {
    expect(keyFrom('Bài chính luận')).toBe('bai_chinh_luan');
    expect(keyFrom('Video clip', ['video_clip'])).toBe('video_clip_2');
    expect(keyFrom('2 phút')).toBe('tl_2_phut');
  });
  it('round-trips the ward preset as the server knows it', () => {
    const cats = toCategories(wardPreset());
    expect(cats).toEqual([
      {
        key: 'chinh_luan', name: 'Bài chính luận', written: true, minWords: 1500, maxWords: 3000, maxCoauthors: 2,
        maxWorksPerAuthor: 2, maxWorksOfKindPerAuthor: 2, allowedFileKinds: ['docx', 'pdf'], maxFileBytes: 20 * 1024 * 1024,
        maxOverlapPercent: 25,
      },
    ]);
    expect(toCategories(toRows(cats))).toEqual(cats);
  });
  it('gives a new multimedia category a key, minutes and only media file kinds', () => {
    const rows = [...wardPreset(), { ...wardPreset()[0], key: '', name: 'Video clip', written: false, kinds: ['mp4', 'docx'] as const, maxMinutes: 5, maxWorksPerAuthor: 1 }];
    const [, video] = toCategories(rows.map((r) => ({ ...r, kinds: [...r.kinds] })));
    expect(video.key).toBe('video_clip');
    expect(video.allowedFileKinds).toEqual(['mp4']);
    expect(video.maxMediaSeconds).toBe(300);
    expect(video.minWords).toBeUndefined();
    expect(video.maxWorksOfKindPerAuthor).toBe(1);
  });
});
