// One person's weekly digest, read as that person: the Monday job sends its lines, the digest page
// (GET /api/v1/rhythm/digest) shows it live with each item linked. Both read the same figures so the
// notification and the page cannot disagree about the same moment.
import type { WeeklyDigestView } from '../../api/digest.js';
import { isoWeekOf } from '../../lib/periods.js';
import { listActionItems } from '../coaching/action-items.service.js';
import type { Ctx } from '../context.js';
import { calendarDate } from '../dates.js';
import { forbidden } from '../errors.js';
import { reachOf } from '../identity/policy.js';
import { calendarOf } from '../measurement/kpi-request.service.js';
import { breachedLeads, gatedDeals, offTrackExpectations, ritualsThisWeek } from './digest-attention.service.js';
import { type DigestFigures, digestLines } from './digest-summary.js';
import { disciplineIndexFor } from './discipline.service.js';
import { harvestPlanFor } from './harvest.service.js';

type Planting = NonNullable<DigestFigures['planting']>;

/** The reader's own level of the plan: a rep their plan, a manager their top teams, an admin the organisation. */
async function plantingFor(ctx: Ctx): Promise<{ currency: string; today: string; planting: Planting | null }> {
  const role = ctx.actor.role;
  const plan = await harvestPlanFor(ctx, {});
  const rows = plan.rows.filter((r) => r.plan !== null);
  const mine =
    role === 'rep'
      ? rows.filter((r) => r.kind === 'rep')
      : role === 'admin'
        ? rows.filter((r) => r.kind === 'workspace')
        : rows.filter((r) => r.kind === 'team' && !rows.some((p) => p.kind === 'team' && p.id === r.parentId));
  const planting = mine.length
    ? mine.reduce<Planting>(
        (s, r) => {
          const p = r.plan as NonNullable<typeof r.plan>;
          return {
            neededToDate: s.neededToDate + p.neededToDate,
            plantedToDate: s.plantedToDate + p.plantedToDate,
            behindFixable: Math.max(s.behindFixable, p.months.filter((m) => m.behind && m.fixable).length),
            behindTooLate: Math.max(s.behindTooLate, p.months.filter((m) => m.behind && !m.fixable).length),
            catchUpPerMonth: p.catchUpPerMonth === null ? s.catchUpPerMonth : (s.catchUpPerMonth ?? 0) + p.catchUpPerMonth,
          };
        },
        { neededToDate: 0, plantedToDate: 0, behindFixable: 0, behindTooLate: 0, catchUpPerMonth: null },
      )
    : null;
  return { currency: plan.currency, today: plan.today, planting };
}

/** Managers and admins: their first scope's overall index this month and last, and what fades. */
async function disciplineFor(ctx: Ctx): Promise<DigestFigures['discipline']> {
  if (ctx.actor.role === 'rep') return null;
  const idx = await disciplineIndexFor(ctx, {});
  const scope = idx.scopes[0];
  const at = idx.months.findIndex((m) => m.key === idx.currentKey);
  if (!scope || at < 0) return null;
  const names = new Map(idx.disciplines.map((d) => [d.key, d.name]));
  return {
    overall: scope.overall[at]?.score ?? null,
    previous: at > 0 ? (scope.overall[at - 1]?.score ?? null) : null,
    fading: scope.fading.map((k) => names.get(k) ?? k),
  };
}

/** The whole digest as the caller reads it now; 403 for a role the policy gives no digest. */
export async function digestFor(ctx: Ctx): Promise<WeeklyDigestView> {
  if (reachOf(ctx.actor.role, 'weekly_digest', 'read') === 'none') throw forbidden();
  const ws = await calendarOf(ctx);
  const w = isoWeekOf(calendarDate(ctx.now(), ws.timezone));
  const { currency, today, planting } = await plantingFor(ctx);
  const actions = await listActionItems(ctx, { open: true, ownerId: ctx.actor.userId });
  const overdueActions = actions.items.filter((a) => a.dueDate !== null && a.dueDate < today).length;
  const leads = await breachedLeads(ctx);
  const deals = await gatedDeals(ctx);
  const expectations = await offTrackExpectations(ctx);
  const rituals = await ritualsThisWeek(ctx);
  const figures: DigestFigures = {
    currency,
    planting,
    overdueActions,
    breachedLeads: leads.length,
    gatedDeals: deals.length,
    offTrack: { red: expectations.filter((e) => e.status === 'red').length, amber: expectations.filter((e) => e.status === 'amber').length },
    ritualsThisWeek: rituals.length,
    discipline: await disciplineFor(ctx),
  };
  return {
    week: `${w.year}-W${String(w.week).padStart(2, '0')}`,
    currency,
    lines: digestLines(figures),
    planting,
    overdueActions,
    breachedLeads: leads,
    gatedDeals: deals,
    offTrackExpectations: expectations,
    ritualsThisWeek: rituals,
  };
}
