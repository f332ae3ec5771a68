// The main dashboard queries and global search, each called through Furrow's services exactly as the API calls them.
import type { Ctx } from '../server/context.js';
import { search } from '../server/crm/search.service.js';
import { dashboard } from '../server/measurement/dashboard.service.js';
import { kpiRecords, kpiTrend, kpiValue } from '../server/measurement/kpi.service.js';

export interface BenchCase {
  name: string;
  run(ctx: Ctx): Promise<unknown>;
}

export function benchCases(p: {
  quarter: string;
  previousQuarter: string;
  year: string;
  asOf: string;
  teamId: string | null;
  repId: string | null;
  /** The rep with the most deals, signed in (their own role, team and name). */
  repActor: Ctx['actor'] | null;
}): BenchCase[] {
  const ws = { scope: 'workspace' as const, period: p.quarter };
  const cases: BenchCase[] = [
    { name: 'win rate, workspace, quarter', run: (ctx) => kpiValue(ctx, 'win_rate', ws) },
    {
      name: 'win rate, last quarter as of 3 months ago (history)',
      run: (ctx) => kpiValue(ctx, 'win_rate', { scope: 'workspace', period: p.previousQuarter, asOf: p.asOf }),
    },
    { name: 'win rate trend, 12 months', run: (ctx) => kpiTrend(ctx, 'win_rate', { scope: 'workspace', period: p.year, by: 'month' }) },
    { name: 'bookings trend, 12 months', run: (ctx) => kpiTrend(ctx, 'won_amount', { scope: 'workspace', period: p.year, by: 'month' }) },
    { name: 'sales cycle median', run: (ctx) => kpiValue(ctx, 'sales_cycle_length', ws) },
    { name: 'open pipeline by stage', run: (ctx) => kpiValue(ctx, 'open_pipeline', ws) },
    { name: 'pipeline coverage (quota)', run: (ctx) => kpiValue(ctx, 'pipeline_coverage', ws) },
    { name: 'sales velocity', run: (ctx) => kpiValue(ctx, 'sales_velocity', ws) },
    { name: 'time in stage by stage', run: (ctx) => kpiValue(ctx, 'time_in_stage', ws) },
    { name: 'stage conversion by stage', run: (ctx) => kpiValue(ctx, 'stage_conversion', ws) },
    { name: 'activity volume by type', run: (ctx) => kpiValue(ctx, 'activity_volume', ws) },
    { name: 'process adherence', run: (ctx) => kpiValue(ctx, 'process_adherence', ws) },
    { name: 'win rate drill-down, first page', run: (ctx) => kpiRecords(ctx, 'win_rate', { ...ws, part: 'numerator', limit: 50 }) },
  ];
  if (p.teamId)
    cases.push({ name: 'win rate, one team', run: (ctx) => kpiValue(ctx, 'win_rate', { scope: 'team', scopeId: p.teamId as string, period: p.quarter }) });
  if (p.repId)
    cases.push({ name: 'rep dashboard (whole call)', run: (ctx) => dashboard(ctx, { scope: 'rep', scopeId: p.repId as string, period: p.quarter }) });
  if (p.teamId)
    cases.push({ name: 'manager dashboard (whole call)', run: (ctx) => dashboard(ctx, { scope: 'team', scopeId: p.teamId as string, period: p.quarter }) });
  cases.push({ name: 'CSO dashboard (whole call)', run: (ctx) => dashboard(ctx, { scope: 'workspace', period: p.quarter }) });
  cases.push({
    name: 'CSO dashboard as of 3 months ago',
    run: (ctx) => dashboard(ctx, { scope: 'workspace', period: p.previousQuarter, asOf: p.asOf }),
  });
  // Global search as the palette asks it (every type, 20 results), as the admin: every row of the
  // workspace is in scope. Two word prefixes that thousands of deals, accounts and activities hold;
  // then a word found nowhere, so every row of every type is read and nothing is ranked.
  cases.push({ name: 'search, two words, many hits', run: (ctx) => search(ctx, { q: 'alpen exp', limit: 20 }) });
  cases.push({ name: 'search, one word, no hit', run: (ctx) => search(ctx, { q: 'zyxwvu', limit: 20 }) });
  // The same as the rep with the most deals: only their own rows (and their team's lead pool) are read.
  const repActor = p.repActor;
  if (repActor) cases.push({ name: 'search as a rep, two words', run: (ctx) => search({ ...ctx, actor: repActor }, { q: 'alpen exp', limit: 20 }) });
  return cases;
}
