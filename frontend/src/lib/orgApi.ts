// Typed functions for the organizer's quiz endpoints (/api/v1/org/...).
// Kept apart from api.ts so they travel with the lazy organizer pages and
// never weigh on a citizen's phone. Wire types are aliases of
// docs/openapi.yaml's (./api/wire.ts); only the contest settings, which the
// spec leaves open, are typed here.
import type { Role, StandingsPage } from './api';
import type { Http } from './http';
import type { Body, Reply, Schema } from './api/wire';
import type { OverallJob, ResultsJob } from './quiz/resultsJob';
import type { Overall } from './quiz/overallForm';

export type ContestKind = Schema<'Contest'>['kind'];

export interface QuizSettings {
  excludedRoles: Role[];
  onePrizePerPerson: boolean;
  /** How public standings show names: '' full to people logged in and short to visitors. */
  publicNames?: '' | 'full' | 'short';
  /** The ranking across rounds with its prizes (none: the contest has no overall ranking). */
  overall?: Overall | null;
  /** Kept as the server sent them: this UI does not edit them yet. */
  collective?: unknown;
}

/**
 * A contest as organizers see it (docs/openapi.yaml OrgContest): access
 * "manage" (the caller organizes the owning unit or above) or "report" (a
 * unit inside the contest's tree, which reads only its own figures and weekly
 * report: reportUnit); version goes back with an edit, so a save over another
 * organizer's newer change is refused (409). settings depend on the kind.
 */
export type OrgContest = Omit<Schema<'OrgContest'>, 'settings'> & { settings: QuizSettings | null };

export type ContestAccess = Schema<'OrgContest'>['access'];

/** Fields of a create or a PATCH (only those sent change; version: the one the edit loaded). */
export type ContestInput = Partial<Omit<Body<'/api/v1/org/contests', 'post'>, 'settings'>> &
  Omit<Body<'/api/v1/org/contests/{id}', 'patch'>, 'settings'> & { settings?: QuizSettings };

/** A bank question as organizers see and edit it, correct options included. */
export type BankQuestion = Schema<'BankQuestion'>;

/** How a bank's answer keys are skewed (quiz.CheckKeySkew); null when they are spread well. */
export type KeySkew = NonNullable<Schema<'KeySkew'>>;

/** A round's paper recipe: fixed questions and quotas by topic and difficulty. */
export type Blueprint = OrgRound['blueprint'];
export type Quota = NonNullable<Blueprint['quotas']>[number];
export type Tier = OrgRound['tiers'][number];
export type Policy = OrgRound['policy'];
export type TargetKind = NonNullable<OrgRound['prediction']['target']>;
export type TiePolicy = OrgRound['tiePolicy'];
/** Floors against implausible attempts and the prize-review rule. */
export type Integrity = OrgRound['integrity'];

export type ReviewFlag = Schema<'ReviewFlag'>;
export type PrizeCandidate = Schema<'PrizeCandidate'>;
/** Prize candidates with their fraud flags, the exclusions made, whether the review is done. */
export type PrizeReview = Schema<'PrizeReview'>;

/** What a round's create or edit sends: its settings; version is the one an edit loaded (a save over a newer one is 409). */
export type RoundInput = Schema<'RoundInput'>;

/** A round as its organizers see it (docs/openapi.yaml OrgRound). */
export type OrgRound = Schema<'OrgRound'>;


/** Counts every statistics line carries (contests/quiz/stats.go). */
export type StatCounts = Schema<'StatCounts'>;
export type GroupCount = Schema<'GroupCount'>;
/** One unit of the statistics tree, its subtree's people rolled up. */
export type UnitStats = Schema<'UnitStats'>;
/** A unit's share of the figures (with ?unitId=): its subtree's people only. */
export type UnitBreakdown = Schema<'UnitBreakdown'>;
export type RoundStats = Schema<'RoundStats'>;
/** Who took part, by their registration answers. */
export type Breakdown = Pick<RoundStats, 'byOccupation' | 'byAgeBand' | 'byGender'>;
/** Attempts (and people) by Vietnamese calendar day, hour of day (all 24) and score. */
export type TimeSeries = Pick<RoundStats, 'byDay' | 'byHour' | 'scores'>;
/** GET …/stats of a round: a snapshot at most a minute old; unit and breakdown with ?unitId=. */
export type RoundStatsAnswer = Reply<'/api/v1/org/rounds/{rid}/stats', 'get'>;
/** GET …/stats of a contest, with each round's counts (none for report access). */
export type ContestStatsAnswer = Reply<'/api/v1/org/contests/{id}/stats', 'get'>;
/** Either answer, as the statistics page reads it: rounds for a contest, round for a round. */
export type StatsAnswer = Schema<'StatsView'> & Partial<Pick<ContestStatsAnswer, 'rounds'>> & Partial<Pick<RoundStatsAnswer, 'round'>>;

export type ItemFlag = Schema<'ItemFlag'>;
/** One question's analysis over a round's final attempts (contests/quiz/items.go). */
export type ItemStat = Schema<'ItemStat'>;
export type ItemsAnswer = Reply<'/api/v1/org/rounds/{rid}/items', 'get'>;

/** ?unitId=&depth= of the statistics endpoints. */
export interface UnitQuery {
  unitId?: string;
  depth?: number;
}

const org = '/api/v1/org';
const enc = encodeURIComponent;

export function createOrgApi(http: Http) {
  const auth = { auth: true } as const;
  const contestPath = (id: string) => `${org}/contests/${enc(id)}`;
  const roundPath = (rid: string) => `${org}/rounds/${enc(rid)}`;

  return {
    async contests(): Promise<OrgContest[]> {
      return (await http.request<{ contests: OrgContest[] }>('GET', `${org}/contests`, auth)).contests ?? [];
    },
    async createContest(input: ContestInput): Promise<OrgContest> {
      return (await http.request<{ contest: OrgContest }>('POST', `${org}/contests`, { ...auth, body: input })).contest;
    },
    async contest(id: string): Promise<OrgContest> {
      return (await http.request<{ contest: OrgContest }>('GET', contestPath(id), auth)).contest;
    },
    async updateContest(id: string, patch: ContestInput): Promise<OrgContest> {
      return (await http.request<{ contest: OrgContest }>('PATCH', contestPath(id), { ...auth, body: patch })).contest;
    },

    async questions(contestId: string): Promise<BankQuestion[]> {
      return (await this.questionBank(contestId)).questions;
    },
    /** The bank with its key-skew warning. */
    async questionBank(contestId: string): Promise<{ questions: BankQuestion[]; keySkew: KeySkew | null }> {
      const path = `${contestPath(contestId)}/questions`;
      return http.request<Reply<'/api/v1/org/contests/{id}/questions', 'get'>>('GET', path, auth);
    },
    async createQuestion(contestId: string, q: Schema<'QuestionInput'>): Promise<BankQuestion> {
      const path = `${contestPath(contestId)}/questions`;
      return (await http.request<Reply<'/api/v1/org/contests/{id}/questions', 'post'>>('POST', path, { ...auth, body: q })).question;
    },
    async updateQuestion(contestId: string, q: Schema<'QuestionInput'> & { id: string }): Promise<BankQuestion> {
      const path = `${contestPath(contestId)}/questions/${enc(q.id)}`;
      return (await http.request<Reply<'/api/v1/org/contests/{id}/questions/{qid}', 'put'>>('PUT', path, { ...auth, body: q })).question;
    },
    /** All rows or none: a bad file comes back as 400 with one field error per cell. */
    importQuestions(contestId: string, file: File): Promise<Reply<'/api/v1/org/contests/{id}/questions/import', 'post'>> {
      const form = new FormData();
      form.append('file', file);
      return http.request('POST', `${contestPath(contestId)}/questions/import`, { ...auth, body: form });
    },
    exportQuestions(contestId: string): Promise<Blob> {
      return http.request<Blob>('GET', `${contestPath(contestId)}/questions/export`, { ...auth, blob: true });
    },
    questionTemplate(): Promise<Blob> {
      return http.request<Blob>('GET', `${org}/questions/template`, { ...auth, blob: true });
    },

    async rounds(contestId: string): Promise<OrgRound[]> {
      return (await http.request<Reply<'/api/v1/org/contests/{id}/rounds', 'get'>>('GET', `${contestPath(contestId)}/rounds`, auth)).rounds;
    },
    async createRound(contestId: string, input: RoundInput): Promise<OrgRound> {
      const path = `${contestPath(contestId)}/rounds`;
      return (await http.request<Reply<'/api/v1/org/contests/{id}/rounds', 'post'>>('POST', path, { ...auth, body: input })).round;
    },
    async updateRound(rid: string, input: RoundInput): Promise<OrgRound> {
      return (await http.request<Reply<'/api/v1/org/rounds/{rid}', 'put'>>('PUT', roundPath(rid), { ...auth, body: input })).round;
    },
    async publishRound(rid: string): Promise<OrgRound> {
      return (await http.request<Reply<'/api/v1/org/rounds/{rid}/publish', 'post'>>('POST', `${roundPath(rid)}/publish`, auth)).round;
    },
    /** A paper as a candidate would get it, with the key: for checking the blueprint. */
    previewRound(rid: string, seed: number): Promise<Reply<'/api/v1/org/rounds/{rid}/preview', 'get'>> {
      return http.request('GET', `${roundPath(rid)}/preview?seed=${seed}`, auth);
    },
    /** Starts computing the results in the background: the job started, or the one already running. */
    computeResults(rid: string): Promise<ResultsJob> {
      return http.request<Reply<'/api/v1/org/rounds/{rid}/results', 'post'>>('POST', `${roundPath(rid)}/results`, auth);
    },
    /** The round's last results job; null before any. */
    async resultsJob(rid: string): Promise<ResultsJob | null> {
      return (await http.request<Reply<'/api/v1/org/rounds/{rid}/results/job', 'get'> | undefined>('GET', `${roundPath(rid)}/results/job`, auth)) ?? null;
    },
    /** Prize candidates with their fraud flags, exclusions, whether the review is done. */
    prizeReview(rid: string): Promise<PrizeReview> {
      return http.request('GET', `${roundPath(rid)}/prize-review`, auth);
    },
    /** Takes a person out of the results with a reason; the results are computed again. */
    exclude(rid: string, userId: string, reason: string): Promise<PrizeReview> {
      return http.request('POST', `${roundPath(rid)}/exclusions`, {
        ...auth,
        body: { userId, reason } satisfies Body<'/api/v1/org/rounds/{rid}/exclusions', 'post'>,
      });
    },
    /** An organizer's remedy for time or attempts lost to a fault (audited with the reason). */
    remedy(rid: string, kind: RemedyKind, body: RemedyRequest): Promise<RemedyResult> {
      return http.request('POST', `${roundPath(rid)}/remedies/${kind}`, { ...auth, body });
    },
    finishReview(rid: string): Promise<PrizeReview> {
      return http.request('POST', `${roundPath(rid)}/prize-review/done`, auth);
    },
    async publishResults(rid: string): Promise<OrgRound> {
      return (await http.request<Reply<'/api/v1/org/rounds/{rid}/results/publish', 'post'>>('POST', `${roundPath(rid)}/results/publish`, auth)).round;
    },
    async standings(rid: string, offset: number, limit: number): Promise<StandingsPage> {
      const q = new URLSearchParams({ offset: String(offset), limit: String(limit) });
      const res = await http.request<StandingsPage>('GET', `${roundPath(rid)}/standings?${q}`, auth);
      return { standings: res.standings ?? [], total: res.total ?? 0 };
    },

    contestStats(id: string, q: UnitQuery = {}): Promise<ContestStatsAnswer> {
      return http.request('GET', `${contestPath(id)}/stats${unitQuery(q)}`, auth);
    },
    roundStats(rid: string, q: UnitQuery = {}): Promise<RoundStatsAnswer> {
      return http.request('GET', `${roundPath(rid)}/stats${unitQuery(q)}`, auth);
    },
    roundItems(rid: string): Promise<ItemsAnswer> {
      return http.request('GET', `${roundPath(rid)}/items`, auth);
    },
    /** Workbooks: fetched as blobs because they need the bearer header. */
    roundReportXlsx(rid: string, unitId = ''): Promise<Blob> {
      return http.request<Blob>('GET', `${roundPath(rid)}/report.xlsx${unitQuery({ unitId })}`, { ...auth, blob: true });
    },
    roundItemsXlsx(rid: string): Promise<Blob> {
      return http.request<Blob>('GET', `${roundPath(rid)}/items.xlsx`, { ...auth, blob: true });
    },
    roundWinnersXlsx(rid: string): Promise<Blob> {
      return http.request<Blob>('GET', `${roundPath(rid)}/export/winners`, { ...auth, blob: true });
    },
    roundResultsXlsx(rid: string): Promise<Blob> {
      return http.request<Blob>('GET', `${roundPath(rid)}/export/results`, { ...auth, blob: true });
    },
    contestSummaryXlsx(id: string): Promise<Blob> {
      return http.request<Blob>('GET', `${contestPath(id)}/summary.xlsx`, { ...auth, blob: true });
    },
    /** The collective (unit) ranking by the contest's rule, over one round or every round. */
    collectiveXlsx(id: string, roundId = ''): Promise<Blob> {
      const q = roundId ? `?roundId=${enc(roundId)}` : '';
      return http.request<Blob>('GET', `${contestPath(id)}/export/collective${q}`, { ...auth, blob: true });
    },
    /** Starts ranking the whole contest in the background: the job started, or the one already running. */
    computeOverall(id: string): Promise<OverallJob> {
      return http.request<Reply<'/api/v1/org/contests/{id}/overall', 'post'>>('POST', `${contestPath(id)}/overall`, auth);
    },
    /** The contest's last overall ranking job; null before any. */
    async overallJob(id: string): Promise<OverallJob | null> {
      return (await http.request<Reply<'/api/v1/org/contests/{id}/overall/job', 'get'> | undefined>('GET', `${contestPath(id)}/overall/job`, auth)) ?? null;
    },
    overallWinnersXlsx(id: string): Promise<Blob> {
      return http.request<Blob>('GET', `${contestPath(id)}/export/overall-winners`, { ...auth, blob: true });
    },
  };
}

/** unitQuery is "?unitId=…&depth=…" with only the parts given, or "". */
function unitQuery(q: UnitQuery): string {
  const p = new URLSearchParams();
  if (q.unitId) p.set('unitId', q.unitId);
  if (q.depth !== undefined) p.set('depth', String(q.depth));
  const s = p.toString();
  return s ? `?${s}` : '';
}

export type OrgApi = ReturnType<typeof createOrgApi>;

/** The organizer's remedies (POST /org/rounds/{rid}/remedies/{kind}). */
export type RemedyKind = 'extend-attempt' | 'extend-attempts' | 'give-back' | 'extend-close';

export type RemedyRequest = Schema<'RemedyRequest'>;

/** What a remedy answers: attempts extended (with the deadline for one), people given back an attempt, or the round. */
export type RemedyResult = Partial<Reply<'/api/v1/org/rounds/{rid}/remedies/extend-attempt', 'post'>> &
  Partial<Reply<'/api/v1/org/rounds/{rid}/remedies/give-back', 'post'>> &
  Partial<Reply<'/api/v1/org/rounds/{rid}/remedies/extend-close', 'post'>>;
