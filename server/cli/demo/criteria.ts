// The exit criteria the simulated reps met or overrode, and why deals were lost. The criteria are
// the demo process (./process.ts): the real rows when seeding, stand-ins with the same kinds,
// labels and override rules for the pure simulation and its tests.
import type { CriterionKind } from '../../db/schema/process.js';
import { LOST_REASONS } from '../../process/default-pipeline.js';
import { DEMO_CHANGE, DEMO_PROCESS, type DemoChange, type DemoProcess } from './process.js';
import type { Rng } from './random.js';

export interface SimCriterion {
  criterionId: string;
  kind: CriterionKind;
  label: string;
  /** For required-field criteria: the deal field (amount, contactId, custom.<key>). */
  field?: string;
  /** Factor on later advance chances when a move overrides this criterion (see ./process.ts). */
  winEffect?: number;
  /** Extra chance a rep moves past it unmet (a criterion new to the reps). */
  missRate?: number;
}

export interface SimProcess {
  processVersionId: string | null;
  /** By open-stage position. */
  criteria: Readonly<Record<number, readonly SimCriterion[]>>;
  /** Open-stage positions whose stage lets an override with a reason through. */
  overridePositions: ReadonlySet<number>;
  /** The next process version: moves from this instant on are checked against it. */
  later?: { from: number; process: SimProcess };
}

/** The process version in force at an instant. */
export function processAt(p: SimProcess, at: number): SimProcess {
  return p.later && at >= p.later.from ? processAt(p.later.process, at) : p;
}

/** The process after the mid-year change: the same, plus the new criterion on its stage. */
function withChange(p: SimProcess, change: Pick<DemoChange, 'at' | 'processVersionId' | 'criterion'>): SimProcess {
  const { winEffect, missRate } = DEMO_CHANGE.spec;
  const criteria = { ...p.criteria, [DEMO_CHANGE.position]: [...(p.criteria[DEMO_CHANGE.position] ?? []), { ...change.criterion, winEffect, missRate }] };
  return { ...p, later: { from: change.at, process: { processVersionId: change.processVersionId, criteria, overridePositions: p.overridePositions } } };
}

const withFields = (position: number, list: readonly Omit<SimCriterion, 'field' | 'winEffect'>[]): SimCriterion[] =>
  list.map((c, i) => {
    const plan = DEMO_PROCESS[position]?.criteria[i];
    return { ...c, ...(plan?.field ? { field: plan.field } : {}), ...(plan?.winEffect ? { winEffect: plan.winEffect } : {}) };
  });

/** The process as defineDemoProcess created it (criteria come back in definition order). */
export function simProcessOf(demo: DemoProcess, change?: DemoChange): SimProcess {
  const criteria: Record<number, SimCriterion[]> = {};
  for (const [position, list] of Object.entries(demo.criteriaByPosition)) criteria[Number(position)] = withFields(Number(position), list);
  const p: SimProcess = { processVersionId: demo.processVersionId, criteria, overridePositions: new Set(demo.overridePositions) };
  return change ? withChange(p, change) : p;
}

/** Stand-in ids for simulating without a database; `change` adds the mid-year version. */
export function standInProcess(processVersionId: string | null, change?: { at: number; processVersionId: string }): SimProcess {
  const criteria: Record<number, SimCriterion[]> = {};
  const overridePositions = new Set<number>();
  for (const [key, plan] of Object.entries(DEMO_PROCESS)) {
    const position = Number(key);
    criteria[position] = withFields(
      position,
      plan.criteria.map((c, i) => ({ criterionId: `criterion-${position}-${i + 1}`, kind: c.kind, label: c.label })),
    );
    if (plan.allowOverride) overridePositions.add(position);
  }
  const p: SimProcess = { processVersionId, criteria, overridePositions };
  if (!change) return p;
  const { kind, label } = DEMO_CHANGE.spec;
  return withChange(p, { ...change, criterion: { criterionId: `criterion-${DEMO_CHANGE.position}-new`, kind, label } });
}

export type LostReason = (typeof LOST_REASONS)[number];

/** Early deals die of budget and timing, late ones of competitors and price. */
const EARLY: Record<LostReason, number> = {
  Price: 1,
  Competitor: 2,
  'No decision': 4,
  Timing: 4,
  'No budget': 5,
  'Product fit': 3,
  'Lost contact': 3,
};
const LATE: Record<LostReason, number> = {
  Price: 5,
  Competitor: 5,
  'No decision': 4,
  Timing: 2,
  'No budget': 1,
  'Product fit': 1,
  'Lost contact': 2,
};

export function lostReason(rng: Rng, position: number, bias: Partial<Record<string, number>>): LostReason {
  const weights = position <= 2 ? EARLY : LATE;
  return rng.weighted(LOST_REASONS.map((r) => [r, weights[r] * (bias[r] ?? 1)] as const));
}
