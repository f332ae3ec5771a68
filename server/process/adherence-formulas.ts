// Pure: the adherence formulas and the calendar they are measured on. The SQL in adherence.repo.ts
// computes the same sums; tests hold the two against each other on random histories.

import type { MoveFigures } from '../../api/adherence.js';
import { addDays, mondayOf, startOfDay } from '../../lib/calendar.js';

export interface MoveFacts {
  criteriaMet: boolean;
  overrideReason: string | null;
  /** A leader's current verdict on the override (none yet: null or absent). */
  overrideVerdict?: 'accepted' | 'challenged' | null;
  skipped: number;
  /** 1 forward, -1 backward, 0 into a closed stage. */
  direction: number;
  fromProbability: number | null;
  toProbability: number;
}

/** Met every criterion at the moment of the move, without override and without a skipped stage. */
export const isAdherent = (m: MoveFacts): boolean => m.criteriaMet && m.overrideReason === null && m.skipped === 0;

/** Probability points a move gains; a deal created in a later stage gains from 0. */
export const gainOf = (m: MoveFacts): number => m.toProbability - (m.fromProbability ?? 0);

/** A forward move gains probability (moves on through open stages, or wins). */
export const isForward = (m: MoveFacts): boolean => gainOf(m) > 0;

/** What SQL sums per group; every figure is one of these sums or a ratio of two. */
export interface MoveSums {
  moves: number;
  adherentMoves: number;
  forwardMoves: number;
  forwardGain: number;
  adherentGain: number;
  overrides: number;
  challengedOverrides: number;
  skippedMoves: number;
  backwardMoves: number;
}

export const ZERO_SUMS: MoveSums = {
  moves: 0,
  adherentMoves: 0,
  forwardMoves: 0,
  forwardGain: 0,
  adherentGain: 0,
  overrides: 0,
  challengedOverrides: 0,
  skippedMoves: 0,
  backwardMoves: 0,
};

export const ratio = (numerator: number, denominator: number): number | null => (denominator > 0 ? numerator / denominator : null);

/** adherence = adherent ÷ moves; weighted = Σ gain of adherent forward moves ÷ Σ gain of forward moves. */
export function finishFigures(s: MoveSums): MoveFigures {
  return { ...s, adherence: ratio(s.adherentMoves, s.moves), weightedAdherence: ratio(s.adherentGain, s.forwardGain) };
}

/** The reference definition, one move at a time. */
export function sumMoves(moves: readonly MoveFacts[]): MoveSums {
  const s = { ...ZERO_SUMS };
  for (const m of moves) {
    const adherent = isAdherent(m);
    s.moves += 1;
    if (adherent) s.adherentMoves += 1;
    if (isForward(m)) {
      s.forwardMoves += 1;
      s.forwardGain += gainOf(m);
      if (adherent) s.adherentGain += gainOf(m);
    }
    if (m.overrideReason !== null) s.overrides += 1;
    if (m.overrideReason !== null && m.overrideVerdict === 'challenged') s.challengedOverrides += 1;
    if (m.skipped > 0) s.skippedMoves += 1;
    if (m.direction === -1) s.backwardMoves += 1;
  }
  return s;
}

export function addSums(a: MoveSums, b: MoveSums): MoveSums {
  return Object.fromEntries(Object.keys(ZERO_SUMS).map((k) => [k, a[k as keyof MoveSums] + b[k as keyof MoveSums]])) as unknown as MoveSums;
}

// ---- Process versions --------------------------------------------------------------------------

export interface VersionMeta {
  id: string;
  pipelineId: string;
  number: number;
  createdAt: number;
}

export interface VersionInForce<V extends VersionMeta> {
  version: V;
  /** In force over [from, to): from its creation until the next version of its pipeline (null: still current). */
  from: number;
  to: number | null;
}

/** When each version was in force: a version rules its pipeline from its creation until the next one. */
export function versionIntervals<V extends VersionMeta>(versions: readonly V[]): VersionInForce<V>[] {
  const byPipeline = new Map<string, V[]>();
  for (const v of versions) byPipeline.set(v.pipelineId, [...(byPipeline.get(v.pipelineId) ?? []), v]);
  const out: VersionInForce<V>[] = [];
  for (const list of byPipeline.values()) {
    const sorted = [...list].sort((a, b) => a.number - b.number);
    for (const [i, version] of sorted.entries()) out.push({ version, from: version.createdAt, to: sorted[i + 1]?.createdAt ?? null });
  }
  return out;
}

/** Whether [from, to) overlaps the period [start, end); a version replaced the instant it was made never does. */
export const inForceDuring = (v: { from: number; to: number | null }, start: number, end: number): boolean =>
  v.from < end && (v.to === null || v.to > start) && (v.to === null || v.to > v.from);

// ---- Calendar ----------------------------------------------------------------------------------

export interface Week {
  weekStart: string;
  /** Instants [start, end) of the week, cut to the period. */
  start: number;
  end: number;
}

/** Monday-based weeks covering [from, to] (inclusive dates), each cut to the period. */
export function weeksOf(from: string, to: string, timeZone: string): Week[] {
  const periodStart = startOfDay(from, timeZone);
  const periodEnd = startOfDay(addDays(to, 1), timeZone);
  const weeks: Week[] = [];
  for (let monday = mondayOf(from); monday <= to; monday = addDays(monday, 7)) {
    const start = Math.max(startOfDay(monday, timeZone), periodStart);
    const end = Math.min(startOfDay(addDays(monday, 7), timeZone), periodEnd);
    weeks.push({ weekStart: monday, start, end });
  }
  return weeks;
}
