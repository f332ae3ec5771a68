// Pure: the discipline index. Each of the five disciplines gets a 0–100 score per month from a
// share its KPI measures (process adherence, coaching cadence kept, call-plan coverage, expectations
// green, lead SLA compliance); the overall score is the weighted mean of the disciplines measured
// that month (weights renormalised over them, so a discipline not measured yet neither counts as 0
// nor hides the others). A discipline fades when its score drops by FADE_POINTS or more from one
// month to the next, and is below its start of the year when a judged month scores FADE_POINTS or
// more under the year's first scored month (the level the team started from: what the alert reads).
// The month in progress is scored so far but never judged: part of what it measures is not due yet
// (and expectations are scored only now), so a drop there is no alarm.

export const DISCIPLINES = ['process', 'coaching', 'planning', 'measurement', 'alignment'] as const;
export type Discipline = (typeof DISCIPLINES)[number];

export const DEFAULT_WEIGHTS: Readonly<Record<Discipline, number>> = { process: 0.25, coaching: 0.2, planning: 0.2, measurement: 0.2, alignment: 0.15 };

/** A month-over-month drop of this many points or more is flagged as fading. */
export const FADE_POINTS = 10;

export interface DisciplineCell {
  /** 0–100, or null when not measured that month (no data, or no KPI yet). */
  score: number | null;
  /** Dropped FADE_POINTS or more since the month before (never in the month in progress). */
  fading: boolean;
  /** FADE_POINTS or more under the year's first scored month (never that month, never in progress). */
  belowStart: boolean;
  /** The month is not over: the score is so far, not judged. */
  inProgress: boolean;
}

/** A share 0–1 as a whole 0–100 score; null stays null. */
export function scoreOf(share: number | null): number | null {
  if (share === null || !Number.isFinite(share)) return null;
  return Math.round(Math.min(1, Math.max(0, share)) * 100);
}

export function fadingFlags(scores: readonly (number | null)[]): boolean[] {
  return scores.map((s, i) => {
    const before = i > 0 ? scores[i - 1] : null;
    return s !== null && before !== null && before !== undefined && before - s >= FADE_POINTS;
  });
}

/** Per month: scored FADE_POINTS or more under the year's first scored month (the starting level). */
export function belowStartFlags(scores: readonly (number | null)[]): boolean[] {
  const first = scores.findIndex((s) => s !== null);
  const start = first >= 0 ? (scores[first] as number) : null;
  return scores.map((s, i) => s !== null && start !== null && i > first && start - s >= FADE_POINTS);
}

/** Weighted mean of the measured scores; null when none is measured. */
export function overallOf(scores: Readonly<Record<Discipline, number | null>>, weights: Readonly<Record<Discipline, number>> = DEFAULT_WEIGHTS): number | null {
  let sum = 0;
  let weight = 0;
  for (const d of DISCIPLINES) {
    const s = scores[d];
    if (s === null) continue;
    sum += s * weights[d];
    weight += weights[d];
  }
  return weight > 0 ? Math.round(sum / weight) : null;
}

/**
 * The discipline that drags the overall down most: the measured one with the largest weight × (100 −
 * score), the points it costs the overall (before renormalising, which scales every cost alike).
 * Null when none is measured or none costs a point. Ties go to the first in DISCIPLINES.
 */
export function dragOf(
  scores: Readonly<Record<Discipline, number | null>>,
  weights: Readonly<Record<Discipline, number>> = DEFAULT_WEIGHTS,
): { key: Discipline; score: number } | null {
  let worst: { key: Discipline; score: number } | null = null;
  let cost = 0;
  for (const d of DISCIPLINES) {
    const score = scores[d];
    if (score === null) continue;
    const lost = weights[d] * (100 - score);
    if (lost > cost) {
      cost = lost;
      worst = { key: d, score };
    }
  }
  return worst;
}

/** The latest month judged: the last scored cell that is not in progress. */
export function latestJudged<C extends DisciplineCell>(cells: readonly C[]): C | undefined {
  return [...cells].reverse().find((c) => c.score !== null && !c.inProgress);
}

/** Per discipline (and overall), one cell per month, from the monthly shares. */
export function disciplineIndex(
  shares: Readonly<Record<Discipline, readonly (number | null)[]>>,
  months: number,
  weights: Readonly<Record<Discipline, number>> = DEFAULT_WEIGHTS,
  /** The index of the month in progress (-1: none). */
  inProgress = -1,
): { byDiscipline: Record<Discipline, DisciplineCell[]>; overall: DisciplineCell[] } {
  const scores = Object.fromEntries(DISCIPLINES.map((d) => [d, Array.from({ length: months }, (_, i) => scoreOf(shares[d][i] ?? null))])) as Record<
    Discipline,
    (number | null)[]
  >;
  const overallScores = Array.from({ length: months }, (_, i) =>
    overallOf(Object.fromEntries(DISCIPLINES.map((d) => [d, scores[d][i] ?? null])) as Record<Discipline, number | null>, weights),
  );
  const cells = (s: (number | null)[]): DisciplineCell[] => {
    const fading = fadingFlags(s);
    const below = belowStartFlags(s);
    return s.map((score, i) => ({
      score,
      fading: i !== inProgress && (fading[i] ?? false),
      belowStart: i !== inProgress && (below[i] ?? false),
      inProgress: i === inProgress,
    }));
  };
  return {
    byDiscipline: Object.fromEntries(DISCIPLINES.map((d) => [d, cells(scores[d])])) as Record<Discipline, DisciplineCell[]>,
    overall: cells(overallScores),
  };
}
