// Pipeline hygiene (the measurement discipline of the discipline index, issue 13): at the end of
// each period (each week or month of a trend; now, for the one in progress) the share of open deals
// that are clean — a close date not past, a next step scheduled, not past the stage's aging limit.
// Everything is read from history at that instant, so a past week is judged as it was then: the
// stage and the time it was entered from the stays (stage_stays: open at the instant when entered by
// it and left after it or not yet), the owner and the close date from their
// last change by then (`changes`), the next step from the activities known then. "Next step" and
// "aging" are the process adherence rules (docs/process.md), so the pipeline review agenda and this
// figure agree (decision 0140).
import { type RawBuilder, sql } from 'kysely';
import { calendarDate } from '../../dates.js';
import { checkInstants } from './coaching.js';
import { NO_NUMBER } from './sql-blocks.js';
import type { FactScope, FactSql, Facts, SimpleKpi } from './types.js';

const DAY_MS = 86_400_000;

/** A deal field's last value at or before `t` (each tracked field's creation row is from null). */
const fieldAt = (workspaceId: string, field: string, t: RawBuilder<unknown>) =>
  sql`(select c.to_value from changes c
      where c.workspace_id = ${workspaceId} and c.entity = 'deal' and c.entity_id = iv.deal_id and c.field = ${sql.lit(field)} and c.at <= ${t}
      order by c.at desc, c.id desc limit 1)`;

function facts(s: FactScope, q: FactSql): Facts {
  const checks = checkInstants(s);
  if (checks.length === 0)
    return {
      needs: [],
      select: sql`select cast(null as text) as record_id, cast(null as text) as deal_id, cast(null as text) as grp, cast(null as text) as own,
          0 as b, 0 as num, 0 as den, ${NO_NUMBER} as v, ${NO_NUMBER} as at where 1 = 0`,
    };
  const until = Math.max(...checks.map((c) => c.t));
  const from = Math.min(...checks.map((c) => c.t));
  // The check instants with their calendar date in the workspace's zone (a close date before it is past).
  const w = sql.join(
    checks.map((c) => sql`select ${sql.lit(c.b)} as b, cast(${sql.lit(c.t)} as bigint) as t, cast(${calendarDate(c.t, s.timezone)} as text) as today`),
    sql` union all `,
  );
  const nextStep = sql`exists (select 1 from activities a
      where a.workspace_id = ${s.workspaceId} and a.deal_id = x.deal_id and a.deleted_at is null
        and a.created_at <= x.t and a.occurred_at > x.t and (a.completed_at is null or a.completed_at > x.t))`;
  const aging = sql`(x.aging_days is not null and x.t - x.entered_at > x.aging_days * cast(${sql.lit(DAY_MS)} as bigint))`;
  const past = sql`(x.close_date is null or x.close_date < x.today)`;
  return {
    needs: [],
    select: sql`select x.deal_id || ':' || cast(x.b as text) as record_id, x.deal_id, cast(null as text) as grp, x.own, x.b,
        case when not ${past} and not ${aging} and ${nextStep} then 1 else 0 end as num, 1 as den, ${NO_NUMBER} as v, x.t as at
      from (
        select iv.deal_id, iv.entered_at, st.aging_days, w.b, w.t, w.today,
          ${fieldAt(s.workspaceId, 'owner_id', sql`w.t`)} as own,
          ${fieldAt(s.workspaceId, 'close_date', sql`w.t`)} as close_date
        from stage_stays iv
        inner join (${w}) w on iv.entered_at <= w.t and (iv.left_at is null or iv.left_at > w.t)
        inner join stages st on st.id = iv.stage_id and st.kind = 'open'
        inner join deals d on d.id = iv.deal_id
        where iv.workspace_id = ${s.workspaceId} and iv.entered_at <= ${until} and (iv.left_at is null or iv.left_at > ${from}) and d.workspace_id = ${s.workspaceId}
          and (d.deleted_at is null or d.deleted_at > w.t) and ${q.pipeline('d.pipeline_id')}
      ) x
      where ${q.owner('x.own')}`,
  };
}

export const pipelineHygiene: SimpleKpi = {
  kind: 'simple',
  meta: {
    id: 'pipeline_hygiene',
    name: 'Pipeline hygiene',
    formula:
      'open deals that are clean at the period’s end (now, if sooner) — close date not past, a next step scheduled, not past the stage’s aging limit — ÷ open deals then',
    unit: 'ratio',
    basis: 'period_end',
    measure: 'count',
    version: 1,
    better: 'higher',
    cumulative: false,
    audience: 'sales',
    breakdown: null,
    numeratorLabel: 'Clean open deals',
    denominatorLabel: 'Open deals',
    notes: [
      'Judged at the last instant of the period (of each week or month in a trend), or at the as-of instant or now when that comes first, from history: the stage a deal was in then and when it entered it, its owner and close date as last changed by then.',
      'Close date past: before that instant’s calendar day in the workspace’s time zone. Next step: an activity on the deal known by then (created), due after then and not completed by then. Aging: longer in the stage than the stage’s aging limit (its current setting).',
      'Counted for the owner at that instant. No open deal then: no data.',
    ],
  },
  aggregate: 'ratio',
  scale: 1,
  records: 'deal',
  facts,
};
