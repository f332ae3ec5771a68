// Pure: readiness on a scenario from recent scored attempts, recent ones weighing more, and the
// overall score of one attempt from its rubric scores. The formula text is shown in the app.

export const READINESS_WINDOW = 5;
export const READINESS_HALF_LIFE_DAYS = 30;
export const READINESS_FORMULA =
  'Readiness = Σ wᵢ × scoreᵢ ÷ Σ wᵢ over the 5 most recent scored attempts, with wᵢ = 0.5^(age in days ÷ 30): an attempt a month old counts half as much as one from today.';

const DAY = 86_400_000;

export interface ScoredAttempt {
  score: number;
  scoredAt: number;
}

export interface Readiness {
  /** 0–100, null with no scored attempt. */
  value: number | null;
  attempts: number;
  lastScoredAt: number | null;
}

export function readiness(attempts: readonly ScoredAttempt[], now: number): Readiness {
  // Ties in time keep the lower score: readiness never depends on the order rows arrive in.
  const recent = [...attempts].sort((a, b) => b.scoredAt - a.scoredAt || a.score - b.score).slice(0, READINESS_WINDOW);
  if (recent.length === 0) return { value: null, attempts: 0, lastScoredAt: null };
  let weighted = 0;
  let total = 0;
  for (const a of recent) {
    const age = Math.max(0, now - a.scoredAt) / DAY;
    const w = 0.5 ** (age / READINESS_HALF_LIFE_DAYS);
    weighted += w * a.score;
    total += w;
  }
  return { value: Math.round((weighted / total) * 10) / 10, attempts: recent.length, lastScoredAt: recent[0]?.scoredAt ?? null };
}

export type ReadinessStatus = 'ready' | 'not_ready' | 'not_practised';

export function readinessStatus(r: Readiness, threshold: number): ReadinessStatus {
  if (r.value === null) return 'not_practised';
  return r.value >= threshold ? 'ready' : 'not_ready';
}

/** An attempt's overall score: the mean of its skill scores (1–5) as a share of 5, 0–100. */
export function attemptScore(scores: readonly { score: number }[]): number {
  if (scores.length === 0) return 0;
  const mean = scores.reduce((s, x) => s + x.score, 0) / scores.length;
  return Math.round((mean / 5) * 100);
}
