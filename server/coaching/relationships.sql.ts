// Every coaching relationship of a workspace as one SELECT, so the Coaching pages and the cadence
// KPIs (measurement/kpis/coaching.ts) read the same set:
//  - a team's manager coaches every other active member of the team (weekly);
//  - a team's manager is coached by the manager of the parent team (every two weeks);
//  - explicit relationships (an outside coach, the CSO's coach, another cadence for a default pair)
//    replace the default one for the same pair.
// Relationships follow the team tree as it is now; the tree keeps no history.
import { type RawBuilder, sql } from 'kysely';

export const MEMBER_CADENCE_DAYS = 7;
export const MANAGER_CADENCE_DAYS = 14;

/** Columns: coach_id, coachee_id, cadence_days, source ('team' | 'explicit'), rel_id, rel_version (null for defaults). */
export function relationshipsSelect(workspaceId: string): RawBuilder<unknown> {
  return sql`select x.coach_id, x.coachee_id, x.cadence_days, x.source, x.rel_id, x.rel_version from (
      select dr.coach_id, dr.coachee_id, min(dr.cadence_days) as cadence_days, 'team' as source,
        cast(null as text) as rel_id, cast(null as integer) as rel_version
      from (
        select t.manager_id as coach_id, u.id as coachee_id, ${sql.lit(MEMBER_CADENCE_DAYS)} as cadence_days
        from teams t join users u on u.team_id = t.id
        where t.workspace_id = ${workspaceId} and u.workspace_id = ${workspaceId} and t.manager_id is not null
          and u.id <> t.manager_id and u.disabled_at is null and u.role in ('rep', 'manager')
        union all
        select p.manager_id as coach_id, t.manager_id as coachee_id, ${sql.lit(MANAGER_CADENCE_DAYS)} as cadence_days
        from teams t join teams p on p.id = t.parent_id
        where t.workspace_id = ${workspaceId} and t.manager_id is not null and p.manager_id is not null and p.manager_id <> t.manager_id
      ) dr
      where not exists (
        select 1 from coaching_relationships e
        where e.workspace_id = ${workspaceId} and e.ended_at is null and e.coach_id = dr.coach_id and e.coachee_id = dr.coachee_id
      )
      group by dr.coach_id, dr.coachee_id
      union all
      select e.coach_id, e.coachee_id, e.cadence_days, 'explicit' as source, e.id as rel_id, e.version as rel_version
      from coaching_relationships e
      where e.workspace_id = ${workspaceId} and e.ended_at is null
    ) x
    join users c on c.id = x.coach_id and c.disabled_at is null
    join users ce on ce.id = x.coachee_id and ce.disabled_at is null`;
}
