// Coaching cadence and follow-through (issue #10): cadence kept and sessions overdue judge every
// coaching relationship (team-tree defaults and explicit ones, coaching/relationships.sql.ts) at the
// end of each period, for its coach; action items closed by the next session count for the item's
// owner, objectives met for the coachee (decision 0031 says why each counts for whom). Relationships
// are the ones that exist now — the team tree keeps no history — and a session counts as recorded
// now (held date), known from its creation until its deletion (judged at the as-of instant).
import { type RawBuilder, sql } from 'kysely';
import { relationshipsSelect } from '../../coaching/relationships.sql.js';
import { NO_NUMBER } from './sql-blocks.js';
import type { FactScope, FactSql, Facts, KpiMeta, SimpleKpi } from './types.js';

const DAY_MS = 86_400_000;

/**
 * The instant each bucket is judged at: its last millisecond, or the instant asked about when that
 * comes first. Buckets that start after that instant are not judged at all (nothing is due yet).
 */
export function checkInstants(s: Pick<FactScope, 'buckets' | 'at'>): { b: number; t: number }[] {
  return s.buckets.flatMap((bucket, b) => (bucket.start > s.at ? [] : [{ b, t: Math.min(bucket.end - 1, s.at) }]));
}

/**
 * A session known at the instant asked about (created by then, not deleted by then). Not the
 * bucket's end: a session logged a few days late still counts for the month it was held in.
 */
const sessionKnown = (alias: string, t: RawBuilder<unknown>) =>
  sql`${sql.ref(`${alias}.created_at`)} <= ${t} and (${sql.ref(`${alias}.deleted_at`)} is null or ${sql.ref(`${alias}.deleted_at`)} > ${t})`;

/**
 * One row per relationship and judged bucket: the coach, the coachee's role, the interval, and the
 * last session of the pair held by the check instant. A relationship is judged once it has existed
 * a whole interval (an explicit one from its creation, a default one from when both people joined),
 * so a new pair is not overdue on its first day.
 */
function judged(s: FactScope, q: FactSql): RawBuilder<unknown> | null {
  const checks = checkInstants(s);
  if (checks.length === 0) return null;
  const k = sql.join(
    checks.map((c) => sql`select ${sql.lit(c.b)} as b, cast(${sql.lit(c.t)} as bigint) as t`),
    sql` union all `,
  );
  const since = sql`case when r.source = 'explicit' then e.created_at when co.created_at > ce.created_at then co.created_at else ce.created_at end`;
  return sql`select r.coachee_id || ':' || r.coach_id || ':' || cast(k.b as text) as record_id, ce.role as grp, r.coach_id as own,
      k.b, k.t, r.cadence_days,
      (select max(x.held_at) from coaching_sessions x
        where x.workspace_id = ${s.workspaceId} and x.coach_id = r.coach_id and x.coachee_id = r.coachee_id
          and x.held_at is not null and x.held_at <= k.t and ${sessionKnown('x', sql`${s.at}`)}) as last_held
    from (${relationshipsSelect(s.workspaceId)}) r
    join users co on co.id = r.coach_id
    join users ce on ce.id = r.coachee_id
    left join coaching_relationships e on e.id = r.rel_id
    cross join (${k}) k
    where ${since} + r.cadence_days * ${sql.lit(DAY_MS)} <= k.t and ${q.owner('r.coach_id')}`;
}

/** Facts of a relationship KPI; `num` says what the row adds, `only` narrows the rows listed. */
function relationshipFacts(num: (kept: RawBuilder<unknown>) => RawBuilder<unknown>, den: RawBuilder<unknown>, only: 'all' | 'overdue') {
  return (s: FactScope, q: FactSql): Facts => {
    const rows = judged(s, q);
    if (rows === null)
      return {
        needs: [],
        select: sql`select cast(null as text) as record_id, cast(null as text) as deal_id, cast(null as text) as grp, cast(null as text) as own,
          0 as b, 0 as num, 0 as den, ${NO_NUMBER} as v, ${NO_NUMBER} as at where 1 = 0`,
      };
    const kept = sql`(j.last_held is not null and j.last_held > j.t - j.cadence_days * ${sql.lit(DAY_MS)})`;
    return {
      needs: [],
      select: sql`select j.record_id, cast(null as text) as deal_id, j.grp, j.own, j.b,
          ${num(kept)} as num, ${den} as den, ${NO_NUMBER} as v, j.last_held as at
        from (${rows}) j
        ${only === 'overdue' ? sql`where not ${kept}` : sql``}`,
    };
  };
}

const common = {
  measure: 'count',
  version: 1,
  cumulative: false,
  audience: 'sales',
} as const satisfies Partial<KpiMeta>;

const relationshipNotes = [
  'Relationships: every manager coaches the active reps and managers of their team (weekly), a team’s manager is coached by the parent team’s manager (every two weeks), and explicit relationships (an outside coach, another cadence) replace the default for the same pair. They are the relationships as they are now: the team tree keeps no history.',
  'A relationship is judged once it has existed a whole interval: an explicit one from its creation, a default one from when both people joined the workspace.',
  'Counted for the coach. A session counts once created and until deleted, judged at the as-of instant (a session logged late still counts for the month it was held in, but not as of an instant before it was logged); its held date is as recorded now.',
];

export const coachingCadenceKept: SimpleKpi = {
  kind: 'simple',
  meta: {
    ...common,
    id: 'coaching_cadence_kept',
    name: 'Coaching cadence kept',
    formula:
      'coaching relationships with a session held inside their interval (in the cadence days before the period’s end, or now if sooner) ÷ coaching relationships judged then',
    unit: 'ratio',
    basis: 'period_end',
    better: 'higher',
    breakdown: 'coachee_role',
    numeratorLabel: 'Relationships with cadence kept',
    denominatorLabel: 'Coaching relationships',
    notes: [
      'Judged at the last instant of the period (of each month in a trend), or at the as-of instant or now when that comes first: kept when the pair’s last session held by then is less than the cadence interval old.',
      ...relationshipNotes,
      'Broken down by the coachee’s role (coaching reps vs coaching managers). No relationship judged: no data.',
    ],
  },
  aggregate: 'ratio',
  scale: 1,
  records: 'coaching_relationship',
  facts: relationshipFacts((kept) => sql`case when ${kept} then 1 else 0 end`, sql`1`, 'all'),
};

export const coachingSessionsOverdue: SimpleKpi = {
  kind: 'simple',
  meta: {
    ...common,
    id: 'coaching_sessions_overdue',
    name: 'Coaching sessions overdue',
    formula:
      'coaching relationships whose last session held is older than their cadence interval (or that never had one) at the period’s end, or now if sooner',
    unit: 'count',
    basis: 'period_end',
    better: 'lower',
    breakdown: 'coachee_role',
    numeratorLabel: 'Relationships overdue',
    denominatorLabel: null,
    notes: [
      'The complement of cadence kept, as a count: the sessions owed at the end of the period (a relationship owes one session however long it is overdue). A trend counts at the end of each month.',
      ...relationshipNotes,
    ],
  },
  aggregate: 'sum',
  scale: 1,
  records: 'coaching_relationship',
  facts: relationshipFacts(() => sql`1`, sql`0`, 'overdue'),
};

function actionItems(s: FactScope, q: FactSql): Facts {
  // The first session of the same pair held after the item's session, known by the instant.
  const next = sql`(select min(n.held_at) from coaching_sessions n
      where n.workspace_id = ${s.workspaceId} and n.coach_id = ss.coach_id and n.coachee_id = ss.coachee_id
        and n.held_at is not null and n.held_at > ss.held_at and n.held_at <= ${s.at} and ${sessionKnown('n', sql`${s.at}`)})`;
  return {
    needs: [],
    select: sql`select z.id as record_id, cast(null as text) as deal_id, cast(null as text) as grp, z.owner_id as own,
        ${q.instantBucket('z.next_at')} as b,
        case when z.completed_at is not null and z.completed_at <= z.next_at then 1 else 0 end as num, 1 as den, ${NO_NUMBER} as v, z.next_at as at
      from (
        select ai.id, ai.owner_id, ai.completed_at, ${next} as next_at
        from coaching_action_items ai
        join coaching_sessions ss on ss.id = ai.session_id
        where ai.workspace_id = ${s.workspaceId} and ai.created_at <= ${s.at} and (ai.deleted_at is null or ai.deleted_at > ${s.at})
          and ss.held_at is not null and ss.held_at <= ${s.at} and ${sessionKnown('ss', sql`${s.at}`)} and ${q.owner('ai.owner_id')}
      ) z
      where z.next_at is not null and ${q.inInstants('z.next_at')}`,
  };
}

export const coachingActionItemsClosed: SimpleKpi = {
  kind: 'simple',
  meta: {
    ...common,
    id: 'coaching_action_items_closed',
    name: 'Action items closed by the next session',
    formula:
      'action items completed no later than the next session of the same coach and coachee ÷ action items of held sessions whose next session was held in the period',
    unit: 'ratio',
    basis: 'next_session',
    better: 'higher',
    breakdown: null,
    numeratorLabel: 'Closed by the next session',
    denominatorLabel: 'Action items due at a session',
    notes: [
      'An item is judged when the next session of its pair is held (the session after the one the item came from), in the period of that session; until then it does not count.',
      'Counted for the item’s owner (coachee or coach). Completion is as recorded now (an item reopened later no longer counts as closed); deleted items and items of deleted sessions never count.',
      'No item judged in the period: no data.',
    ],
  },
  aggregate: 'ratio',
  scale: 1,
  records: 'coaching_action_item',
  facts: actionItems,
};

export const coachingObjectivesMet: SimpleKpi = {
  kind: 'simple',
  meta: {
    ...common,
    id: 'coaching_objectives_met',
    name: 'Coaching objectives met',
    formula: 'coaching objectives reviewed in the period whose KPI reached its target ÷ coaching objectives reviewed in the period with a measured value',
    unit: 'ratio',
    basis: 'reviewed',
    better: 'higher',
    breakdown: 'skill',
    numeratorLabel: 'Objectives met',
    denominatorLabel: 'Objectives reviewed',
    notes: [
      'An objective is reviewed once, at the first read after its review date, when its KPI is measured over its window; one whose KPI had no data then is not counted.',
      'Counted for the coachee, by the skill the objective is about. Archiving an objective after its review does not remove it: the review is history.',
    ],
  },
  aggregate: 'ratio',
  scale: 1,
  records: 'coaching_objective',
  facts: (s, q) => ({
    needs: [],
    select: sql`select o.id as record_id, cast(null as text) as deal_id, o.skill_key as grp, o.coachee_id as own, ${q.instantBucket('o.reviewed_at')} as b,
        o.met as num, 1 as den, ${NO_NUMBER} as v, o.reviewed_at as at
      from coaching_objectives o
      where o.workspace_id = ${s.workspaceId} and o.reviewed_at is not null and o.met is not null and ${q.inInstants('o.reviewed_at')}
        and o.reviewed_at <= ${s.at} and ${q.owner('o.coachee_id')}`,
  }),
};
