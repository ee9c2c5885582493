// The author's essay endpoints (server/api/essay_submit.go). Kept out of
// api.ts: they travel with the essay panel's lazy chunk, so a quiz-only
// visitor's phone never downloads them.
import type { Reply, Schema } from './api/wire';
import type { Http } from './http';

export type Category = Schema<'EssayCategory'>;
export type FileKind = Category['allowedFileKinds'][number];
export type EssayRules = Schema<'EssayRules'>;
export type AuthorWork = Schema<'AuthorWork'>;
export type WorkStatus = AuthorWork['status'];

/** An identity-sheet entry as typed (the author's name, birth date, phone and CCCD come from the account). */
export type Person = Schema<'PersonInput'>;
/** The "work" part of a submission or an edit. */
export type WorkInput = Schema<'WorkInput'>;

const slugPath = (slug: string) => `/api/v1/contests/${encodeURIComponent(slug)}`;

export function createEssayApi(http: Http) {
  return {
    rules(slug: string): Promise<EssayRules> {
      return http.request<Reply<'/api/v1/contests/{slug}/essay', 'get'>>('GET', `${slugPath(slug)}/essay`);
    },

    /** Multipart: the "work" JSON and one "file"; the server counts a .docx's words itself. */
    async submit(slug: string, work: WorkInput, file: File): Promise<AuthorWork> {
      const form = new FormData();
      form.append('work', JSON.stringify(work));
      form.append('file', file, file.name);
      const res = await http.request<Reply<'/api/v1/contests/{slug}/works', 'post'>>('POST', `${slugPath(slug)}/works`, { auth: true, body: form });
      return res.work;
    },

    async mine(slug: string): Promise<AuthorWork[]> {
      const res = await http.request<Reply<'/api/v1/me/works', 'get'>>('GET', `/api/v1/me/works?contest=${encodeURIComponent(slug)}`, {
        auth: true,
      });
      return res.works;
    },

    async withdraw(id: string): Promise<AuthorWork> {
      const res = await http.request<Reply<'/api/v1/works/{id}/withdraw', 'post'>>('POST', `/api/v1/works/${encodeURIComponent(id)}/withdraw`, {
        auth: true,
      });
      return res.work;
    },
  };
}

/** hasDeadline tells a real deadline from Go's zero time. */
export function hasDeadline(deadline: string | undefined): deadline is string {
  return !!deadline && !deadline.startsWith('0001-');
}

/** fileAccept is the file input's accept list for a category. */
export function fileAccept(kinds: readonly FileKind[]): string {
  return kinds.map((k) => '.' + k).join(',');
}

/** megabytes shows a byte limit the way the rules are written (20 MB). */
export function megabytes(bytes: number): number {
  return Math.round(bytes / (1024 * 1024));
}
