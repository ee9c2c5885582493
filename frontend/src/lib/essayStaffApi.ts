// The secretariat's and the judges' essay endpoints (server/api/essay_*.go).
// Loaded with their lazy pages only.
import type { AuthorWork, Person } from './essayApi';
import type { Rubric } from './essay/rubric';
import type { Span } from './essay/highlight';
import type { Http } from './http';
import type { EssaySettings } from './essay/settingsForm';

export interface StaffWork extends AuthorWork {
  code?: string;
  warnings?: string[];
  round: number;
  unitPath: string;
  origin?: { contestName: string; unitName: string; final: number };
}

export interface IdentitySheet {
  workId: string;
  author: Person & { cccdMasked?: string };
  coauthors: (Person & { cccdMasked?: string })[];
}

export interface WorkLabel {
  id: string;
  code?: string;
  receipt: string;
  title: string;
  category: string;
}

export interface SimilarPair {
  a: WorkLabel;
  b: WorkLabel;
  overlapA: number;
  overlapB: number;
  shared: number;
}

export interface Passage {
  A: Span;
  B: Span;
  WordsA: number;
  WordsB: number;
}

export interface Comparison {
  a: { work: WorkLabel; text: string };
  b: { work: WorkLabel; text: string };
  passages: Passage[] | null;
}

export type EssayPolicy = 'average' | 'third_judge_stands' | 'two_closest_average' | 'average_all' | 'head_judge' | 'majority_or_average';
export type AdvanceMode = 'top_n' | 'min_score' | 'both';

export interface Panel {
  category: string;
  judgeIds: string[];
  headId?: string;
}

export interface EssayRoundInput {
  no: number;
  name: string;
  kind: 'preliminary' | 'final';
  rubric: Rubric;
  judgesPerWork: number;
  policy: EssayPolicy;
  threshold: number;
  advance: { mode: AdvanceMode; topN?: number; minScore?: number };
  panels: Panel[];
}

export interface EssayRound extends EssayRoundInput {
  id: string;
  contestId: string;
  status: 'setup' | 'scoring' | 'closed';
  /** Stored changes so far: an edit sends back the one it loaded. */
  version: number;
}

export interface WorkOutcome {
  workId: string;
  code: string;
  category: string;
  scores: { judgeId: string; total: number; kind?: string }[];
  pending: string[];
  outcome?: { final: number | null; needsThird: boolean; needsHead: boolean; gap: number };
}

export interface AwardView {
  code: string;
  title: string;
  category: string;
  categoryName: string;
  tier: string;
  tierName: string;
  final: number;
  overQuota?: boolean;
  adjusted?: boolean;
  special?: boolean;
}

export interface PrizeTier {
  key: string;
  name: string;
  minScore?: number;
}

export interface PrizeRequest {
  plan: { tiers: PrizeTier[]; quotas: Record<string, Record<string, number>> };
  preview?: boolean;
  adjust?: { code: string; tier: string }[];
  reason?: string;
}

export interface PrizeList {
  decided: boolean;
  awards: AwardView[] | null;
}

export interface JudgeProgress {
  judgeId: string;
  fullName: string;
  phone: string;
  assigned: number;
  scored: number;
  pending: number;
  third: number;
  pendingCodes: string[];
  lastActivity?: string;
}

export interface ForwardTarget {
  id: string;
  title: string;
  unitName: string;
  categories: { key: string; name: string }[];
}

export interface ForwardRequest {
  toContestId: string;
  roundId: string;
  topN: number;
  minScore: number;
  categoryMap?: Record<string, string>;
  preview?: boolean;
}

export interface ForwardResult {
  forwarded: number;
  works: { code: string; title: string; categoryName: string; toCategory: string; final: number; prize?: string; already: boolean }[];
  tiedAtCap: string[];
  to: { title: string; unitName: string };
}

export interface JudgeRoundSummary {
  id: string;
  name: string;
  no: number;
  contest: string;
}

export interface QueueWork {
  code: string;
  category: string;
  title: string;
  words: number;
  status?: '' | 'draft' | 'submitted';
  total?: number;
  kind: string;
  /** The secretariat's reason when it reopened my locked sheet. */
  reopened?: string;
}

export interface JudgeQueue {
  round: { id: string; name: string; rubric: Rubric; status: string };
  works: QueueWork[];
  done: number;
  total: number;
  /** The contest's own categories, by key and name. */
  categories: { key: string; name: string }[];
}

export interface ReadingView extends QueueWork {
  text: string;
  files: { n: number; kind: string; bytes: number }[];
  rubric: Rubric;
  criteria?: Record<string, number>;
  comment?: string;
}

const enc = encodeURIComponent;
const org = (cid: string) => `/api/v1/org/essay/${enc(cid)}`;
const round = (rid: string) => `/api/v1/org/essay/rounds/${enc(rid)}`;
const judge = (rid: string) => `/api/v1/judge/rounds/${enc(rid)}`;

export function createEssayStaffApi(http: Http) {
  const get = <T>(path: string) => http.request<T>('GET', path, { auth: true });
  const post = <T>(path: string, body?: unknown) => http.request<T>('POST', path, { auth: true, body: body ?? {} });
  return {
    async works(cid: string, filter: { status?: string; category?: string } = {}): Promise<{ works: StaffWork[]; total: number }> {
      const q = new URLSearchParams({ limit: '1000' });
      if (filter.status) q.set('status', filter.status);
      if (filter.category) q.set('category', filter.category);
      const res = await get<{ works: StaffWork[]; total: number }>(`${org(cid)}/works?${q}`);
      return { works: res.works ?? [], total: res.total ?? 0 };
    },
    identity: (workId: string) => get<IdentitySheet>(`/api/v1/org/essay/works/${enc(workId)}/identity`),
    async screen(workId: string, accept: boolean, reason = ''): Promise<StaffWork> {
      return (await post<{ work: StaffWork }>(`/api/v1/org/essay/works/${enc(workId)}/screen`, { accept, reason })).work;
    },
    similarity: (cid: string) => post<{ works: number; pairs: SimilarPair[] }>(`${org(cid)}/similarity`),
    compare: (a: string, b: string) => get<Comparison>(`/api/v1/org/essay/works/${enc(a)}/compare/${enc(b)}`),
    async rounds(cid: string): Promise<EssayRound[]> {
      return (await get<{ rounds: EssayRound[] | null }>(`${org(cid)}/rounds`)).rounds ?? [];
    },
    async createRound(cid: string, input: EssayRoundInput): Promise<EssayRound> {
      return (await post<{ round: EssayRound }>(`${org(cid)}/rounds`, input)).round;
    },
    /** updateRound saves an edit made on the version loaded (409 when another saved meanwhile). */
    async updateRound(rid: string, input: EssayRoundInput, version: number): Promise<EssayRound> {
      return (await http.request<{ round: EssayRound }>('PUT', round(rid), { auth: true, body: { ...input, version } })).round;
    },
    assign: (rid: string) => post<{ round: EssayRound; works: number; seats: number }>(`${round(rid)}/assign`),
    results: (rid: string) => get<{ round: EssayRound; works: WorkOutcome[]; discrepancies: number }>(`${round(rid)}/results`),
    async progress(rid: string): Promise<JudgeProgress[]> {
      return (await get<{ judges: JudgeProgress[] | null }>(`${round(rid)}/progress`)).judges ?? [];
    },
    reopen: (rid: string, wid: string, judgeId: string, reason: string) =>
      post<{ status: string }>(`${round(rid)}/works/${enc(wid)}/unlock`, { judgeId, reason }),
    third: (rid: string, wid: string) => post<{ seat: { judgeId: string } }>(`${round(rid)}/works/${enc(wid)}/third`),
    close: (rid: string) => post<{ round: EssayRound; advancing: { workId: string }[] | null }>(`${round(rid)}/close`),
    /** The contest's essay settings as stored, and its version (for the edit). */
    async settings(cid: string): Promise<{ settings: EssaySettings; version: number; status: string; title: string; slug: string }> {
      const res = await get<{ contest: { settings: EssaySettings; version: number; status: string; title: string; slug: string } }>(
        `/api/v1/org/contests/${enc(cid)}`,
      );
      return res.contest;
    },
    async saveSettings(cid: string, settings: EssaySettings, version: number): Promise<{ settings: EssaySettings; version: number }> {
      const res = await http.request<{ contest: { settings: EssaySettings; version: number } }>('PATCH', `/api/v1/org/contests/${enc(cid)}`, {
        auth: true,
        body: { settings, version },
      });
      return res.contest;
    },
    /** download fetches an export (the bearer header cannot ride a plain link). */
    download: (path: string) => http.request<Blob>('GET', `/api/v1/org/essay/${path}`, { auth: true, blob: true }),
    prizeList: (rid: string) => get<PrizeList>(`${round(rid)}/prizes`),
    prizes: (rid: string, body: PrizeRequest) => post<PrizeList>(`${round(rid)}/prizes`, body),
    forward: (cid: string, body: ForwardRequest) => post<ForwardResult>(`${org(cid)}/forward`, body),
    async forwardTargets(cid: string): Promise<ForwardTarget[]> {
      return (await get<{ targets: ForwardTarget[] | null }>(`${org(cid)}/forward/targets`)).targets ?? [];
    },

    async judgeRounds(): Promise<JudgeRoundSummary[]> {
      return (await get<{ rounds: JudgeRoundSummary[] }>('/api/v1/judge/rounds')).rounds ?? [];
    },
    queue: (rid: string) => get<JudgeQueue>(`${judge(rid)}/works`),
    read: (rid: string, code: string) => get<ReadingView>(`${judge(rid)}/works/${enc(code)}`),
    file: (rid: string, code: string, n: number) =>
      http.request<Blob>('GET', `${judge(rid)}/works/${enc(code)}/files/${n}`, { auth: true, blob: true }),
    score: (rid: string, code: string, criteria: Record<string, number>, comment: string, submit: boolean) =>
      http.request<{ status: string; total: number }>('PUT', `${judge(rid)}/works/${enc(code)}/score`, {
        auth: true,
        body: { criteria, comment, submit },
      }),
    recuse: (rid: string, code: string, reason: string) => post<{ recused: boolean }>(`${judge(rid)}/works/${enc(code)}/recuse`, { reason }),
  };
}

export type EssayStaffApi = ReturnType<typeof createEssayStaffApi>;
