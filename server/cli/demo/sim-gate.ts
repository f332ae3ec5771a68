// What the gate saw at a simulated move: which exit criteria of the stages being left were met,
// what was missing and the override reason. Consistent with the deal: a required field the deal
// lacks is always missing, one it has is never; nothing is missing on a stage that refuses overrides.
import type { Selectable } from 'kysely';
import type { MissingCriterion } from '../../../api/deals.js';
import type { StageMovesTable } from '../../db/schema/process.js';
import type { SimCriterion, SimProcess } from './criteria.js';
import { OVERRIDE_REASONS } from './names.js';
import type { IdFactory, Rng } from './random.js';

export interface GateStage {
  id: string;
  name: string;
  position: number;
}

export interface DealFacts {
  hasContact: boolean;
  /** Custom fields filled so far (custom.<key>). */
  filled: ReadonlySet<string>;
  /** A required meeting can only be missing before the first one is logged. */
  meetingLogged: boolean;
  /** The owner held a live certification on the gate's scenario (./practice-plan.ts); unknown: free. */
  certified?: boolean;
}

export interface GateOutcome {
  met: boolean;
  missing: MissingCriterion[];
  reason: string | null;
  /** Criteria the rep satisfied for this move that leave a trace: fields filled, meetings logged. */
  satisfied: (SimCriterion & { stageName: string })[];
}

type Located = SimCriterion & { stageId: string; stageName: string; position: number };

function state(c: Located, facts: DealFacts): 'met' | 'missing' | 'free' {
  if (c.kind === 'field') {
    if (c.field === 'amount') return 'met';
    if (c.field === 'contactId') return facts.hasContact ? 'met' : 'missing';
    if (c.field && facts.filled.has(c.field)) return 'met';
  }
  if (c.kind === 'activity' && facts.meetingLogged) return 'met';
  if (c.kind === 'certification' && facts.certified !== undefined) return facts.certified ? 'met' : 'missing';
  return 'free';
}

export function decideGate(process: SimProcess, leaving: readonly GateStage[], skipped: number, facts: DealFacts, meetRate: number, rng: Rng): GateOutcome {
  const all: Located[] = leaving.flatMap((s) =>
    (process.criteria[s.position] ?? []).map((c) => ({ ...c, stageId: s.id, stageName: s.name, position: s.position })),
  );
  const overridable = (c: Located) => process.overridePositions.has(c.position);
  // A criterion the deal cannot meet on a stage without overrides would have stopped the move; the
  // rep must have fixed it, so it counts as met.
  const forced = all.filter((c) => state(c, facts) === 'missing' && overridable(c));
  const wantsMet = rng.chance(skipped > 0 ? meetRate * 0.6 : meetRate);
  let missing: Located[] = forced;
  if (!wantsMet) {
    const pool = all.filter((c) => state(c, facts) === 'free' && overridable(c));
    // A skip misses something in the stage it jumped over; a plain move one or two of its own.
    const preferred = skipped > 0 ? pool.filter((c) => c.stageId !== leaving[0]?.id) : pool;
    const from = preferred.length > 0 ? preferred : pool;
    missing = [...forced, ...rng.shuffle([...from]).slice(0, rng.chance(0.3) ? 2 : 1)];
  }
  // A criterion new to the reps is forgotten more often than the rest.
  for (const c of all) {
    if (c.missRate && overridable(c) && state(c, facts) === 'free' && !missing.includes(c) && rng.chance(c.missRate)) missing = [...missing, c];
  }
  const missingIds = new Set(missing.map((c) => c.criterionId));
  const satisfied = all.filter((c) => !missingIds.has(c.criterionId) && state(c, facts) === 'free' && (c.kind === 'field' || c.kind === 'activity'));
  if (missing.length === 0) return { met: true, missing: [], reason: null, satisfied };
  return {
    met: false,
    missing: missing.map((c) => ({
      stageId: c.stageId,
      stageName: c.stageName,
      criterionId: c.criterionId,
      kind: c.kind,
      label: c.label,
      ...(c.kind === 'field' && c.field ? { field: c.field } : {}),
    })),
    reason: rng.pick(OVERRIDE_REASONS),
    satisfied,
  };
}

export interface MoveStage {
  id: string;
  position: number;
  probability: number;
}

/** The stage_moves row: the facts of the move frozen as they were at that moment. */
export function moveRow(
  ctx: { workspaceId: string; ids: IdFactory; processVersionId: string | null },
  dealId: string,
  at: number,
  actor: string,
  from: MoveStage,
  to: MoveStage,
  path: { direction: number; skipped: number },
  gate: Pick<GateOutcome, 'met' | 'missing' | 'reason'>,
  via: string,
  ownerId: string,
): Selectable<StageMovesTable> {
  return {
    id: ctx.ids.next(),
    workspace_id: ctx.workspaceId,
    deal_id: dealId,
    actor_id: actor,
    at,
    from_stage_id: from.id,
    to_stage_id: to.id,
    from_position: from.position,
    to_position: to.position,
    from_probability: from.probability,
    to_probability: to.probability,
    process_version_id: ctx.processVersionId,
    criteria_met: gate.met ? 1 : 0,
    missing: JSON.stringify(gate.missing),
    override_reason: gate.reason,
    skipped: path.skipped,
    direction: path.direction,
    via,
    owner_id: ownerId,
    imported: 0,
  };
}
