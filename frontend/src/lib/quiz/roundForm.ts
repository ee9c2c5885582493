// The organizer's round form as strings (what inputs hold) and its
// conversion to and from the server's round: Vietnam-time datetime-local
// boxes to +07:00 instants, minutes to seconds, quota rows to a blueprint.
// Checks what the server would refuse anyway, so the organizer sees every
// mistake before sending; the server's own field errors use the same names.
import type { MessageKey } from '../i18n';
import type { OrgRound, Policy, RoundInput, TargetKind, Tier, TiePolicy } from '../orgApi';
import { presetRule, usesPrediction, type RankRule } from './ranking';
import { fromVietnamInput, toVietnamInput, vietnamInputAt } from './vnTime';

export interface QuotaRow {
  topic: string;
  /** '0' any, '1' easy, '2' medium, '3' hard. */
  difficulty: string;
  n: string;
}

export interface TierRow {
  key: string;
  name: string;
  count: string;
}

export interface RoundForm {
  no: string;
  title: string;
  opensAt: string;
  closesAt: string;
  mode: 'quotas' | 'fixed';
  quotas: QuotaRow[];
  /** Question IDs, in paper order, for a fixed paper. */
  fixed: string[];
  keepOrder: boolean;
  minutes: string;
  attempts: string;
  policy: Policy;
  predictionEnabled: boolean;
  predictionText: string;
  predictionTarget: TargetKind;
  rule: RankRule;
  tiers: TierRow[];
  tiePolicy: TiePolicy;
  revealAnswers: boolean;
  /** Seconds a question below which an attempt is flagged ('' for the default 2). */
  minSecPerQuestion: string;
  voidTooFast: boolean;
  requireReview: boolean;
  /**
   * The round's instants as stored, sent back unchanged when the boxes were
   * not touched: the boxes hold minutes, and once a round has opened the
   * server refuses any change of its opening, even of a second.
   */
  stored?: { opensAt: string; closesAt: string };
}

/** The usual weekly prizes: 1 Nhất, 2 Nhì, 3 Ba, 5 Khuyến khích. */
export const DEFAULT_TIERS: readonly Tier[] = [
  { key: 'nhat', name: 'Giải Nhất', count: 1 },
  { key: 'nhi', name: 'Giải Nhì', count: 2 },
  { key: 'ba', name: 'Giải Ba', count: 3 },
  { key: 'kk', name: 'Giải Khuyến khích', count: 5 },
];

const WEEK_MS = 7 * 24 * 3600 * 1000;

/** newRoundForm proposes round number no, open from now for a week. */
export function newRoundForm(no: number, now: number): RoundForm {
  return {
    no: String(no),
    title: `Tuần ${no}`,
    opensAt: vietnamInputAt(now),
    closesAt: vietnamInputAt(now + WEEK_MS),
    mode: 'quotas',
    quotas: [{ topic: '', difficulty: '0', n: '10' }],
    fixed: [],
    keepOrder: false,
    minutes: '10',
    attempts: '3',
    policy: 'best',
    predictionEnabled: false,
    predictionText: '',
    predictionTarget: 'all_correct_people',
    rule: presetRule('binhtan'),
    tiers: DEFAULT_TIERS.map(tierRow),
    tiePolicy: 'strict',
    revealAnswers: true,
    minSecPerQuestion: '',
    voidTooFast: false,
    requireReview: true,
  };
}

function tierRow(t: Tier): TierRow {
  return { key: t.key, name: t.name, count: String(t.count) };
}

/** roundToForm fills the form to edit an existing round. */
export function roundToForm(r: OrgRound): RoundForm {
  const fixed = r.blueprint.fixed ?? [];
  return {
    no: String(r.no),
    title: r.title,
    opensAt: toVietnamInput(r.opensAt),
    closesAt: toVietnamInput(r.closesAt),
    mode: fixed.length > 0 ? 'fixed' : 'quotas',
    quotas: (r.blueprint.quotas ?? []).map((q) => ({
      topic: q.topic ?? '',
      difficulty: String(q.difficulty ?? 0),
      n: String(q.n),
    })),
    fixed: [...fixed],
    keepOrder: !!r.blueprint.keepOrder,
    minutes: String(Math.round(r.timeLimitSec / 60)),
    attempts: String(r.maxAttempts),
    policy: r.policy,
    predictionEnabled: r.prediction.enabled,
    predictionText: r.prediction.text ?? '',
    predictionTarget: r.prediction.target ?? 'all_correct_people',
    rule: { keys: [...(r.rule.keys ?? [])], allCorrectOnly: !!r.rule.allCorrectOnly },
    tiers: (r.tiers ?? []).map(tierRow),
    tiePolicy: r.tiePolicy || 'strict',
    revealAnswers: !!r.revealAnswers,
    minSecPerQuestion: r.integrity?.minSecPerQuestion ? String(r.integrity.minSecPerQuestion) : '',
    voidTooFast: !!r.integrity?.voidTooFast,
    requireReview: !!r.integrity?.requireReview,
    stored: { opensAt: r.opensAt, closesAt: r.closesAt },
  };
}

/** instant reads a box, or the stored instant when the box still shows it. */
function instant(value: string, stored: string | undefined): string | null {
  if (stored && value === toVietnamInput(stored)) return stored;
  return fromVietnamInput(value);
}

export interface FormResult {
  input: RoundInput | null;
  /** Field name (as the server names it) → message key. */
  errors: Record<string, MessageKey>;
}

const whole = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : NaN);

/** formToInput checks the form and builds the request body. */
export function formToInput(f: RoundForm): FormResult {
  const errors: Record<string, MessageKey> = {};
  const no = whole(f.no);
  if (!(no >= 1 && no <= 1000)) errors.no = 'round.error.no';
  if (!f.title.trim()) errors.title = 'validation.required';
  const opensAt = instant(f.opensAt, f.stored?.opensAt);
  const closesAt = instant(f.closesAt, f.stored?.closesAt);
  if (!opensAt) errors.opensAt = 'round.error.date';
  if (!closesAt) errors.closesAt = 'round.error.date';
  else if (opensAt && Date.parse(closesAt) <= Date.parse(opensAt)) errors.closesAt = 'round.error.closesAt';

  const blueprint: RoundInput['blueprint'] = { keepOrder: f.keepOrder || undefined };
  if (f.mode === 'fixed') {
    if (f.fixed.length === 0) errors.blueprint = 'round.error.fixed';
    blueprint.fixed = [...f.fixed];
  } else {
    const quotas = f.quotas.map((q) => ({ topic: q.topic.trim() || undefined, difficulty: Number(q.difficulty) || undefined, n: whole(q.n) }));
    f.quotas.forEach((_, i) => {
      if (!(quotas[i].n >= 1)) errors[`blueprint.quotas[${i}].n`] = 'round.error.quotaN';
    });
    if (quotas.length === 0) errors.blueprint = 'round.error.quotas';
    blueprint.quotas = quotas;
  }

  const minutes = whole(f.minutes);
  if (!(minutes >= 1 && minutes <= 180)) errors.timeLimitSec = 'round.error.minutes';
  const attempts = whole(f.attempts);
  if (!(attempts >= 1 && attempts <= 50)) errors.maxAttempts = 'round.error.attempts';
  if (f.predictionEnabled && !f.predictionText.trim()) errors['prediction.text'] = 'validation.required';
  if (f.rule.keys.length === 0) errors['rule.keys'] = 'round.error.keys';
  else if (usesPrediction(f.rule) && !f.predictionEnabled) errors['rule.keys'] = 'round.error.keysPrediction';

  const floor = f.minSecPerQuestion.trim() === '' ? 0 : Number(f.minSecPerQuestion.trim().replace(',', '.'));
  if (!(floor >= 0 && floor <= 600)) errors['integrity.minSecPerQuestion'] = 'round.error.floor';

  if (f.tiers.length === 0) errors.tiers = 'round.error.tiers';
  const tiers = f.tiers.map((t) => ({ key: t.key.trim(), name: t.name.trim(), count: whole(t.count) }));
  tiers.forEach((t, i) => {
    if (!t.name) errors[`tiers[${i}].name`] = 'validation.required';
    if (!(t.count >= 0)) errors[`tiers[${i}].count`] = 'round.error.count';
  });

  if (Object.keys(errors).length > 0) return { input: null, errors };
  return {
    errors,
    input: {
      no,
      title: f.title.trim(),
      opensAt: opensAt!,
      closesAt: closesAt!,
      blueprint,
      timeLimitSec: minutes * 60,
      maxAttempts: attempts,
      policy: f.policy,
      prediction: f.predictionEnabled
        ? { enabled: true, text: f.predictionText.trim(), target: f.predictionTarget }
        : { enabled: false },
      rule: { keys: [...f.rule.keys], allCorrectOnly: f.rule.allCorrectOnly || undefined },
      // A tier's key only identifies it in the standings: derive one when
      // the organizer added a row and only named it.
      tiers: tiers.map((t, i) => ({ ...t, key: t.key || `tier${i + 1}` })),
      tiePolicy: f.tiePolicy,
      revealAnswers: f.revealAnswers,
      integrity: {
        minSecPerQuestion: floor || undefined,
        voidTooFast: f.voidTooFast || undefined,
        requireReview: f.requireReview || undefined,
      },
    },
  };
}

/** nextRoundNo proposes the number after the contest's highest. */
export function nextRoundNo(rounds: readonly { no: number }[]): number {
  return rounds.reduce((m, r) => Math.max(m, r.no), 0) + 1;
}
