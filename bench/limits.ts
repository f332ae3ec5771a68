// Engine-limit cases (issue #15): a KPI family's question answered by the best schema and query we
// can write for it, on the same data, so the bench reports Furrow ÷ limit and not only Furrow ÷ its
// own SQL. Each names the bench case it bounds. They answer the question without the parts Furrow
// must add (the owner scope, deleted deals, the deals as of an instant): a floor, not a rival.
import { sql } from 'kysely';
import type { BenchConnection } from './capture.js';

export interface LimitCase {
  name: string;
  /** The bench case (by name) this one is the limit of. */
  bounds: string;
  run(c: BenchConnection, p: { workspaceId: string; start: number; end: number }): Promise<unknown>;
}

export const LIMIT_CASES: LimitCase[] = [
  {
    // Stage entries by stage in the quarter, straight from stage_stays_ws_entered (covering).
    name: 'stage entries by stage in the quarter, on stage_stays',
    bounds: 'stage conversion by stage',
    run: (c, p) =>
      sql`select ss.stage_id, count(*) as n from stage_stays ss
        where ss.workspace_id = ${p.workspaceId} and ss.entered_at >= ${p.start} and ss.entered_at < ${p.end}
        group by ss.stage_id`.execute(c.db),
  },
  {
    // Median time in stage by stage of the stays left in the quarter, from stage_stays_ws_left (covering).
    name: 'median time in stage by stage, on stage_stays',
    bounds: 'time in stage by stage',
    run: (c, p) =>
      sql`select r.stage_id, avg(r.v) as median from (
          select ss.stage_id, ss.left_at - ss.entered_at as v,
            row_number() over (partition by ss.stage_id order by ss.left_at - ss.entered_at) as rn,
            count(*) over (partition by ss.stage_id) as cnt
          from stage_stays ss
          where ss.workspace_id = ${p.workspaceId} and ss.left_at >= ${p.start} and ss.left_at < ${p.end}
        ) r
        where r.rn * 2 in (r.cnt, r.cnt + 1, r.cnt + 2)
        group by r.stage_id`.execute(c.db),
  },
];
