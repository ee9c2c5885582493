// The secretariat's and the judges' essay endpoints (server/api/essay_*.go).
// Loaded with their lazy pages only.
import type { Body, Reply, Schema } from './api/wire';
import type { Http } from './http';
import type { EssaySettings } from './essay/settingsForm';

// Wire types: aliases of docs/openapi.yaml's (./api/wire.ts), so a field the
// server does not send fails svelte-check here and where it is read.

/** A work as the secretariat sees it: code, warnings, round reached, origin when forwarded. */
export type StaffWork = Schema<'StaffWork'>;
/** Who wrote a work (the secretariat only; each read is audited). */
export type IdentitySheet = Reply<'/api/v1/org/essay/works/{id}/identity', 'get'>;
export type WorkLabel = Schema<'WorkLabel'>;
export type SimilarPair = Schema<'SimilarPair'>;
export type Passage = Schema<'Passage'>;
export type Comparison = Reply<'/api/v1/org/essay/works/{a}/compare/{b}', 'get'>;

export type EssayPolicy = Schema<'EssayPolicy'>;
export type AdvanceMode = Schema<'EssayAdvanceMode'>;
export type Panel = Schema<'EssayPanel'>;
/** A judging round (vòng chấm); version goes back with an edit (409 when another saved meanwhile). */
export type EssayRound = Schema<'EssayRound'>;
/** What a round's create or edit sends: the round's own settings (the edit adds the version it loaded). */
export type EssayRoundInput = Omit<Schema<'EssayRoundInput'>, 'version'>;
export type WorkOutcome = Schema<'EssayWorkOutcome'>;
export type AwardView = Schema<'EssayAward'>;

export type PrizeRequest = Body<'/api/v1/org/essay/rounds/{rid}/prizes', 'post'>;
export type PrizeTier = NonNullable<NonNullable<PrizeRequest['plan']>['tiers']>[number];
export type PrizeList = Reply<'/api/v1/org/essay/rounds/{rid}/prizes', 'get'>;
export type PrizesDecided = Reply<'/api/v1/org/essay/rounds/{rid}/prizes', 'post'>;

export type JudgeProgress = Schema<'JudgeProgress'>;
export type ForwardTarget = Schema<'ForwardTarget'>;
export type ForwardRequest = Body<'/api/v1/org/essay/{cid}/forward', 'post'>;
export type ForwardResult = Reply<'/api/v1/org/essay/{cid}/forward', 'post'>;

export type JudgeRoundSummary = Schema<'JudgeRoundLine'>;
/** A work in a judge's queue, blind: nothing names its author. */
export type QueueWork = Schema<'JudgeWork'>;
export type JudgeQueue = Reply<'/api/v1/judge/rounds/{rid}/works', 'get'>;
export type ReadingView = Reply<'/api/v1/judge/rounds/{rid}/works/{code}', 'get'>;

/** The contest as organizers see it (OrgContest), its settings an essay contest's (the spec leaves them open). */
export type EssayContest = Omit<Schema<'OrgContest'>, 'settings'> & { settings: EssaySettings };

const enc = encodeURIComponent;
const org = (cid: string) => `/api/v1/org/essay/${enc(cid)}`;
const round = (rid: string) => `/api/v1/org/essay/rounds/${enc(rid)}`;
const judge = (rid: string) => `/api/v1/judge/rounds/${enc(rid)}`;

export function createEssayStaffApi(http: Http) {
  const get = <T>(path: string) => http.request<T>('GET', path, { auth: true });
  const post = <T>(path: string, body?: unknown) => http.request<T>('POST', path, { auth: true, body: body ?? {} });
  return {
    works(cid: string, filter: { status?: string; category?: string } = {}) {
      const q = new URLSearchParams({ limit: '1000' });
      if (filter.status) q.set('status', filter.status);
      if (filter.category) q.set('category', filter.category);
      return get<Reply<'/api/v1/org/essay/{cid}/works', 'get'>>(`${org(cid)}/works?${q}`);
    },
    identity: (workId: string) => get<IdentitySheet>(`/api/v1/org/essay/works/${enc(workId)}/identity`),
    async screen(workId: string, accept: boolean, reason = ''): Promise<StaffWork> {
      const path = `/api/v1/org/essay/works/${enc(workId)}/screen`;
      const body: Body<'/api/v1/org/essay/works/{id}/screen', 'post'> = { accept, reason };
      return (await post<Reply<'/api/v1/org/essay/works/{id}/screen', 'post'>>(path, body)).work;
    },
    similarity: (cid: string) => post<Reply<'/api/v1/org/essay/{cid}/similarity', 'post'>>(`${org(cid)}/similarity`),
    compare: (a: string, b: string) => get<Comparison>(`/api/v1/org/essay/works/${enc(a)}/compare/${enc(b)}`),
    async rounds(cid: string): Promise<EssayRound[]> {
      return (await get<Reply<'/api/v1/org/essay/{cid}/rounds', 'get'>>(`${org(cid)}/rounds`)).rounds;
    },
    async createRound(cid: string, input: EssayRoundInput): Promise<EssayRound> {
      return (await post<Reply<'/api/v1/org/essay/{cid}/rounds', 'post'>>(`${org(cid)}/rounds`, input)).round;
    },
    /** updateRound saves an edit made on the version loaded (409 when another saved meanwhile). */
    async updateRound(rid: string, input: EssayRoundInput, version: number): Promise<EssayRound> {
      const res = await http.request<Reply<'/api/v1/org/essay/rounds/{rid}', 'put'>>('PUT', round(rid), {
        auth: true,
        body: { ...input, version },
      });
      return res.round;
    },
    assign: (rid: string) => post<Reply<'/api/v1/org/essay/rounds/{rid}/assign', 'post'>>(`${round(rid)}/assign`),
    results: (rid: string) => get<Reply<'/api/v1/org/essay/rounds/{rid}/results', 'get'>>(`${round(rid)}/results`),
    async progress(rid: string): Promise<JudgeProgress[]> {
      return (await get<Reply<'/api/v1/org/essay/rounds/{rid}/progress', 'get'>>(`${round(rid)}/progress`)).judges;
    },
    reopen: (rid: string, wid: string, judgeId: string, reason: string) =>
      post<Reply<'/api/v1/org/essay/rounds/{rid}/works/{wid}/unlock', 'post'>>(`${round(rid)}/works/${enc(wid)}/unlock`, {
        judgeId,
        reason,
      } satisfies Body<'/api/v1/org/essay/rounds/{rid}/works/{wid}/unlock', 'post'>),
    third: (rid: string, wid: string) =>
      post<Reply<'/api/v1/org/essay/rounds/{rid}/works/{wid}/third', 'post'>>(`${round(rid)}/works/${enc(wid)}/third`),
    close: (rid: string) => post<Reply<'/api/v1/org/essay/rounds/{rid}/close', 'post'>>(`${round(rid)}/close`),
    /** The contest's essay settings as stored, and its version (for the edit). */
    async settings(cid: string): Promise<EssayContest> {
      return (await get<{ contest: EssayContest }>(`/api/v1/org/contests/${enc(cid)}`)).contest;
    },
    async saveSettings(cid: string, settings: EssaySettings, version: number): Promise<EssayContest> {
      const res = await http.request<{ contest: EssayContest }>('PATCH', `/api/v1/org/contests/${enc(cid)}`, {
        auth: true,
        body: { settings, version },
      });
      return res.contest;
    },
    /** download fetches an export (the bearer header cannot ride a plain link). */
    download: (path: string) => http.request<Blob>('GET', `/api/v1/org/essay/${path}`, { auth: true, blob: true }),
    prizeList: (rid: string) => get<PrizeList>(`${round(rid)}/prizes`),
    prizes: (rid: string, body: PrizeRequest) => post<PrizesDecided>(`${round(rid)}/prizes`, body),
    forward: (cid: string, body: ForwardRequest) => post<ForwardResult>(`${org(cid)}/forward`, body),
    async forwardTargets(cid: string): Promise<ForwardTarget[]> {
      return (await get<Reply<'/api/v1/org/essay/{cid}/forward/targets', 'get'>>(`${org(cid)}/forward/targets`)).targets;
    },

    async judgeRounds(): Promise<JudgeRoundSummary[]> {
      return (await get<Reply<'/api/v1/judge/rounds', 'get'>>('/api/v1/judge/rounds')).rounds;
    },
    queue: (rid: string) => get<JudgeQueue>(`${judge(rid)}/works`),
    read: (rid: string, code: string) => get<ReadingView>(`${judge(rid)}/works/${enc(code)}`),
    file: (rid: string, code: string, n: number) =>
      http.request<Blob>('GET', `${judge(rid)}/works/${enc(code)}/files/${n}`, { auth: true, blob: true }),
    score: (rid: string, code: string, criteria: Record<string, number>, comment: string, submit: boolean) =>
      http.request<Reply<'/api/v1/judge/rounds/{rid}/works/{code}/score', 'put'>>('PUT', `${judge(rid)}/works/${enc(code)}/score`, {
        auth: true,
        body: { criteria, comment, submit } satisfies Body<'/api/v1/judge/rounds/{rid}/works/{code}/score', 'put'>,
      }),
    recuse: (rid: string, code: string, reason: string) =>
      post<Reply<'/api/v1/judge/rounds/{rid}/works/{code}/recuse', 'post'>>(`${judge(rid)}/works/${enc(code)}/recuse`, {
        reason,
      } satisfies Body<'/api/v1/judge/rounds/{rid}/works/{code}/recuse', 'post'>),
  };
}

export type EssayStaffApi = ReturnType<typeof createEssayStaffApi>;
