// Planning KPIs: call-plan coverage, plan hit rate and planning lift (do deals advance more often
// within 7 days after a planned meeting than after an unplanned one?). External meetings are
// meeting activities on a deal; a meeting is planned when its plan was ready before it started.
import { sql } from 'kysely';
import { NO_NUMBER } from './sql-blocks.js';
import type { CompositeKpi, FactScope, FactSql, Facts, SimpleKpi } from './types.js';

export const LIFT_DAYS = 7;
const LIFT_MS = LIFT_DAYS * 86_400_000;

/** Meetings on a deal that had happened by the instant, known then and not deleted then. */
const meetingsWhere = (s: FactScope, q: FactSql) =>
  sql`a.workspace_id = ${s.workspaceId} and a.type = 'meeting' and a.deal_id is not null and ${q.inInstants('a.occurred_at')}
    and a.occurred_at <= ${s.at} and a.created_at <= ${s.at} and (a.deleted_at is null or a.deleted_at > ${s.at}) and ${q.owner('a.owner_id')}`;

/** The meeting's plan was ready before the meeting started (and by the instant asked about). */
const plannedBefore = (s: FactScope) =>
  sql`exists (select 1 from call_plans p where p.activity_id = a.id and p.workspace_id = a.workspace_id and p.deleted_at is null
    and p.ready_at is not null and p.ready_at <= a.occurred_at and p.ready_at <= ${s.at})`;

/** The deal gained probability in a stage move within 7 days after the meeting (known by the instant). */
const advanced = (s: FactScope) =>
  sql`exists (select 1 from stage_moves m where m.deal_id = a.deal_id and m.workspace_id = a.workspace_id and m.at > a.occurred_at
    and m.at <= a.occurred_at + ${LIFT_MS} and m.at <= ${s.at} and m.to_probability > coalesce(m.from_probability, 0))`;

function coverage(s: FactScope, q: FactSql): Facts {
  return {
    needs: [],
    select: sql`select a.id as record_id, a.deal_id, cast(null as text) as grp, a.owner_id as own, ${q.instantBucket('a.occurred_at')} as b,
        case when ${plannedBefore(s)} then 1 else 0 end as num, 1 as den, ${NO_NUMBER} as v, a.occurred_at as at
      from activities a where ${meetingsWhere(s, q)}`,
  };
}

function hitRate(s: FactScope, q: FactSql): Facts {
  return {
    needs: [],
    select: sql`select a.id as record_id, a.deal_id, cast(null as text) as grp, a.owner_id as own, ${q.instantBucket('a.occurred_at')} as b,
        p.commitment_secured as num, 1 as den, ${NO_NUMBER} as v, p.debriefed_at as at
      from activities a inner join call_plans p on p.activity_id = a.id and p.workspace_id = a.workspace_id
      where ${meetingsWhere(s, q)} and p.deleted_at is null and p.debriefed_at is not null and p.debriefed_at <= ${s.at}
        and p.ready_at is not null and p.ready_at <= a.occurred_at`,
  };
}

/** Meetings whose 7-day window has closed by the instant, planned or not, and whether the deal advanced. */
function advanceAfter(planned: boolean) {
  return (s: FactScope, q: FactSql): Facts => ({
    needs: [],
    select: sql`select a.id as record_id, a.deal_id, cast(null as text) as grp, a.owner_id as own, ${q.instantBucket('a.occurred_at')} as b,
        case when ${advanced(s)} then 1 else 0 end as num, 1 as den, ${NO_NUMBER} as v, a.occurred_at as at
      from activities a where ${meetingsWhere(s, q)} and a.occurred_at + ${LIFT_MS} <= ${s.at}
        and ${planned ? sql`` : sql`not `}${plannedBefore(s)}`,
  });
}

const common = { unit: 'ratio', basis: 'activity', measure: 'count', cumulative: false, audience: 'sales', breakdown: null } as const;

export const callPlanCoverage: SimpleKpi = {
  kind: 'simple',
  meta: {
    ...common,
    id: 'call_plan_coverage',
    name: 'Call-plan coverage',
    formula: 'external meetings with a call plan ready before the meeting started ÷ external meetings, meetings held in the period',
    version: 1,
    better: 'higher',
    numeratorLabel: 'Meetings planned in time',
    denominatorLabel: 'External meetings',
    notes: [
      'An external meeting is a meeting activity on a deal; it counts once its time has come.',
      'A plan counts when it was marked ready (or reviewed) before the meeting started; a plan written afterwards does not.',
      'Counted for the meeting’s owner; no meeting: no data.',
    ],
  },
  aggregate: 'ratio',
  scale: 1,
  records: 'activity',
  facts: coverage,
};

export const planHitRate: SimpleKpi = {
  kind: 'simple',
  meta: {
    ...common,
    id: 'plan_hit_rate',
    name: 'Plan hit rate',
    formula: 'planned meetings whose planned commitment (next step) was secured ÷ planned meetings with a debrief, meetings held in the period',
    version: 1,
    better: 'higher',
    numeratorLabel: 'Commitment secured',
    denominatorLabel: 'Planned meetings debriefed',
    notes: ['Only meetings planned in time (ready before the start) and debriefed by the as-of instant count.', 'No debriefed planned meeting: no data.'],
  },
  aggregate: 'ratio',
  scale: 1,
  records: 'activity',
  facts: hitRate,
};

export const plannedAdvanceRate: SimpleKpi = {
  kind: 'simple',
  meta: {
    ...common,
    id: 'planned_meeting_advance_rate',
    name: 'Deals advancing after planned meetings',
    formula: `planned meetings after which the deal moved to a stage of higher probability within ${LIFT_DAYS} days ÷ planned meetings, meetings held in the period whose ${LIFT_DAYS} days have passed`,
    version: 1,
    better: 'higher',
    numeratorLabel: 'Deal advanced',
    denominatorLabel: 'Planned meetings',
    notes: ['Planned: a call plan was ready before the meeting started. Winning counts as advancing; losing does not.'],
  },
  aggregate: 'ratio',
  scale: 1,
  records: 'activity',
  facts: advanceAfter(true),
};

export const unplannedAdvanceRate: SimpleKpi = {
  kind: 'simple',
  meta: {
    ...common,
    id: 'unplanned_meeting_advance_rate',
    name: 'Deals advancing after unplanned meetings',
    formula: `unplanned meetings after which the deal moved to a stage of higher probability within ${LIFT_DAYS} days ÷ unplanned meetings, meetings held in the period whose ${LIFT_DAYS} days have passed`,
    version: 1,
    better: 'higher',
    numeratorLabel: 'Deal advanced',
    denominatorLabel: 'Unplanned meetings',
    notes: ['Unplanned: no call plan was ready before the meeting started. Winning counts as advancing; losing does not.'],
  },
  aggregate: 'ratio',
  scale: 1,
  records: 'activity',
  facts: advanceAfter(false),
};

export const planningLift: CompositeKpi = {
  kind: 'composite',
  meta: {
    ...common,
    id: 'planning_lift',
    name: 'Planning lift',
    formula: `share of planned meetings followed by a deal advance within ${LIFT_DAYS} days − the same share for unplanned meetings (percentage points as a ratio)`,
    version: 1,
    better: 'higher',
    numeratorLabel: 'Advance rate after planned meetings',
    denominatorLabel: 'Advance rate after unplanned meetings',
    notes: [
      'The counts behind both rates are in the two part KPIs (planned_meeting_advance_rate, unplanned_meeting_advance_rate); the drill-down lists planned meetings (numerator) and unplanned ones (denominator).',
      'A positive lift says planned meetings advance deals more often; it is an association, not proof of cause.',
      'Either side without meetings: no data.',
    ],
  },
  parts: { planned: plannedAdvanceRate, unplanned: unplannedAdvanceRate },
  needsQuota: false,
  drill: { numerator: 'planned', denominator: 'unplanned' },
  combine(parts) {
    const planned = parts.planned?.value ?? null;
    const unplanned = parts.unplanned?.value ?? null;
    const count = (parts.planned?.count ?? 0) + (parts.unplanned?.count ?? 0);
    if (planned === null || unplanned === null)
      return { value: null, numerator: planned, denominator: unplanned, count, noData: 'Needs planned and unplanned meetings whose 7 days have passed' };
    return { value: planned - unplanned, numerator: planned, denominator: unplanned, count, noData: null };
  },
};
