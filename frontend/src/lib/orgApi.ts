// Typed functions for the organizer's quiz endpoints (/api/v1/org/...).
// Kept apart from api.ts so they travel with the lazy organizer pages and
// never weigh on a citizen's phone. Shapes follow server/api/org_contests.go,
// quiz_questions.go, quiz_rounds.go, quiz_results.go, stats.go and
// quiz_exports.go.
import type { ContestStatus, Role, RoundPhase, Standing, StandingsPage } from './api';
import type { FieldError } from './errors';
import type { Http } from './http';
import type { RankRule } from './quiz/ranking';
import type { Reply, Schema } from './api/wire';
import type { ResultsJob } from './quiz/resultsJob';

export type ContestKind = 'quiz' | 'essay';

export interface QuizSettings {
  excludedRoles: Role[];
  onePrizePerPerson: boolean;
  /** How public standings show names: '' full to people logged in and short to visitors. */
  publicNames?: '' | 'full' | 'short';
  /** Kept as the server sent them: this UI does not edit them yet. */
  overall?: unknown;
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

/** Fields of a create (all but status) or a PATCH (only those sent change). */
export interface ContestInput {
  slug?: string;
  kind?: ContestKind;
  title?: string;
  description?: string;
  ownerUnitId?: string;
  eligibleUnitId?: string;
  startsAt?: string;
  endsAt?: string;
  status?: ContestStatus;
  settings?: QuizSettings;
  /** The version the edited contest was loaded at (an edit only). */
  version?: number;
}

/** A bank question as organizers see and edit it, correct options included. */
export type BankQuestion = Schema<'BankQuestion'>;

/** How a bank's answer keys are skewed (quiz.CheckKeySkew); null when they are spread well. */
export type KeySkew = NonNullable<Schema<'KeySkew'>>;

export interface Quota {
  topic?: string;
  difficulty?: number;
  n: number;
}

export interface Blueprint {
  fixed?: string[];
  quotas?: Quota[];
  keepOrder?: boolean;
}

export interface Tier {
  key: string;
  name: string;
  count: number;
}

export type Policy = 'best' | 'first' | 'last';
export type TargetKind = 'all_correct_people' | 'participants' | 'attempts';
export type TiePolicy = 'strict' | 'share';

export interface Integrity {
  /** Seconds a question below which an attempt is flagged (0: the default, 2). */
  minSecPerQuestion?: number;
  minSubmitSec?: number;
  /** The floors void the attempt instead of flagging it. */
  voidTooFast?: boolean;
  requireReview?: boolean;
}

export interface ReviewFlag {
  kind: string;
  attemptNo?: number;
  /** Why, in the caller's language. */
  reason: string;
  /** Names of the other accounts involved. */
  others?: string[];
}

export interface PrizeCandidate extends Standing {
  userId: string;
  flags: ReviewFlag[];
}

export interface PrizeReview {
  round: OrgRound;
  candidates: PrizeCandidate[];
  flagged: number;
  exclusions: { userId: string; fullName: string; reason: string; byName: string; at: string }[];
  requireReview: boolean;
  reviewed: boolean;
}

export interface RoundInput {
  no: number;
  title: string;
  opensAt: string;
  closesAt: string;
  blueprint: Blueprint;
  timeLimitSec: number;
  maxAttempts: number;
  policy: Policy;
  prediction: { enabled: boolean; text?: string; target?: TargetKind };
  rule: RankRule;
  tiers: Tier[];
  tiePolicy?: TiePolicy;
  revealAnswers: boolean;
  /** Floors against implausible attempts and the prize-review rule. */
  integrity?: Integrity;
  /** The version the edited round was loaded at: a save over a newer one is refused (409). */
  version?: number;
}

/** A round as its organizers see it (docs/openapi.yaml OrgRound). */
export type OrgRound = Schema<'OrgRound'>;


/** Counts every statistics line carries (contests/quiz/stats.go). */
export interface StatCounts {
  people: number;
  attempts: number;
  allCorrect: number;
}

export interface GroupCount extends StatCounts {
  key: string;
}

export interface Breakdown {
  byOccupation: GroupCount[];
  byAgeBand: GroupCount[];
  byGender: GroupCount[];
}

/** One unit of the statistics tree, its subtree's people rolled up. */
export interface UnitStats extends StatCounts {
  id: string;
  code: string;
  name: string;
  kind: string;
  path: string;
  headcount: number;
  headcountPct: number;
  /** Participation target; absent (or 0) when no unit has one. */
  target?: number;
  targetPct?: number;
  children?: UnitStats[];
}

/** Attempts (and people) by Vietnamese calendar day, hour of day and score. */
export interface TimeSeries {
  byDay: { date: string; attempts: number; people: number }[] | null;
  /** All 24 hours, zeros included. */
  byHour: { hour: number; attempts: number }[] | null;
  /** Attempts per score, and people per best score. */
  scores: { score: number; attempts: number; people: number }[] | null;
}

/** A unit's share of the figures (with ?unitId=): its subtree's people only. */
export interface UnitBreakdown extends Breakdown, Partial<TimeSeries> {}

export interface RoundStats extends StatCounts, Breakdown, TimeSeries {
  /** People with any attempt, unfinished ones included. */
  started: number;
  units: UnitStats[] | null;
  unplaced: StatCounts;
}

/** GET …/stats: a snapshot at most a minute old; unit and breakdown with ?unitId=. */
export interface StatsAnswer {
  computedAt: string;
  stats: RoundStats;
  unit?: UnitStats;
  breakdown?: UnitBreakdown;
  /** Whole contest only: each round's counts. */
  rounds?: ({ id: string; no: number; title: string } & StatCounts)[];
  /** One round only. */
  round?: { id: string; no: number; title: string; phase: RoundPhase };
  /** Whose figures these are: report access sees its scope unit only. */
  scope?: { access: ContestAccess; unitId: string; unitName: string };
}

export type ItemFlag = 'negative_discrimination' | 'suspicious_key' | 'very_easy' | 'very_hard';

/** One question's analysis over a round's final attempts (contests/quiz/items.go). */
export interface ItemStat {
  questionId: string;
  text: string;
  topic?: string;
  difficulty: number;
  retired?: boolean;
  drawn: number;
  answered: number;
  correct: number;
  facilityPct: number;
  /** −1…1; null when the top or bottom group never drew the question. */
  discrimination: number | null;
  topDrawn: number;
  bottomDrawn: number;
  options: { id: string; key: boolean; chosen: number; top: number }[] | null;
  flags: ItemFlag[] | null;
}

export interface ItemsAnswer {
  computedAt: string;
  attempts: number;
  items: ItemStat[] | null;
}

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
    async createQuestion(contestId: string, q: Omit<BankQuestion, 'id'>): Promise<BankQuestion> {
      const path = `${contestPath(contestId)}/questions`;
      return (await http.request<Reply<'/api/v1/org/contests/{id}/questions', 'post'>>('POST', path, { ...auth, body: q })).question;
    },
    async updateQuestion(contestId: string, q: BankQuestion): Promise<BankQuestion> {
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
    previewRound(rid: string, seed: number): Promise<{ questions: BankQuestion[]; seed: number }> {
      return http.request('GET', `${roundPath(rid)}/preview?seed=${seed}`, auth);
    },
    /** Starts computing the results in the background: the job started, or the one already running. */
    computeResults(rid: string): Promise<ResultsJob> {
      return http.request<Reply<'/api/v1/org/rounds/{rid}/results', 'post'>>('POST', `${roundPath(rid)}/results`, auth);
    },
    /** The round's last results job (404 before any). */
    resultsJob(rid: string): Promise<ResultsJob> {
      return http.request<Reply<'/api/v1/org/rounds/{rid}/results/job', 'get'>>('GET', `${roundPath(rid)}/results/job`, auth);
    },
    /** Prize candidates with their fraud flags, exclusions, whether the review is done. */
    prizeReview(rid: string): Promise<PrizeReview> {
      return http.request('GET', `${roundPath(rid)}/prize-review`, auth);
    },
    /** Takes a person out of the results with a reason; the results are computed again. */
    exclude(rid: string, userId: string, reason: string): Promise<PrizeReview> {
      return http.request('POST', `${roundPath(rid)}/exclusions`, { ...auth, body: { userId, reason } });
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

    contestStats(id: string, q: UnitQuery = {}): Promise<StatsAnswer> {
      return http.request('GET', `${contestPath(id)}/stats${unitQuery(q)}`, auth);
    },
    roundStats(rid: string, q: UnitQuery = {}): Promise<StatsAnswer> {
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

export interface RemedyResult {
  extended?: number;
  givenBack?: number;
  deadline?: string;
  round?: OrgRound;
}
