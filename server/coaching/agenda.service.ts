// The agenda of the next session with a coachee, prepared from live data (the session editor
// pre-fills its agenda with `text`). Everything is read through the caller's reach: the coachee
// must be someone whose coaching records they read; deals show only when the caller reads the
// coachee's deals, otherwise (an outside coach) only deals a session links; private notes only to
// the coach who wrote them.
import type { Agenda, AgendaDeal, AgendaFocus } from '../../api/coaching-agenda.js';
import { addDays } from '../../lib/calendar.js';
import type { Ctx } from '../context.js';
import { ownerScopeOrNull, scopeIncludes } from '../identity/visibility.js';
import { kpiTrend } from '../measurement/kpi.service.js';
import { linkedDealIds, openDealsOf } from './agenda.repo.js';
import { agendaText, direction, riskReasons } from './agenda-rules.js';
import { reachableCoachee, userNames } from './coachee-access.service.js';
import { coachingScopeOrNull } from './coaching-scope.service.js';
import { reviewsOfOwnerSince } from './deal-reviews.repo.js';
import { formatFigure } from './figure-format.js';
import { focusMetric } from './focus.service.js';
import { lastHeldSession, listActionItemRows } from './sessions.repo.js';
import { toActionItem, today } from './sessions.service.js';

const DAY_MS = 86_400_000;
const MAX_DEALS = 20;

/** Whether the caller reads every deal of the coachee (their deal visibility), or only linked ones. */
async function readsDealsOf(ctx: Ctx, ownerId: string): Promise<boolean> {
  const scope = await ownerScopeOrNull(ctx, 'deals', 'read');
  return scope !== null && scopeIncludes(scope, ownerId);
}

async function focusOf(ctx: Ctx, coacheeId: string, todayDate: string): Promise<AgendaFocus> {
  const focus = await focusMetric(ctx, coacheeId);
  const from = `${addDays(todayDate, -160).slice(0, 7)}-01`;
  const trend = await kpiTrend(ctx, focus.kpiId, { scope: 'rep', scopeId: coacheeId, from, to: todayDate, by: 'month' });
  const points = trend.points.map((p) => ({ label: p.period.label, from: p.period.from, to: p.period.to, value: p.value }));
  return {
    kpiId: focus.kpiId,
    name: trend.kpi.name,
    unit: trend.kpi.unit,
    better: trend.kpi.better,
    source: focus.source,
    skillKey: focus.skillKey,
    trend: points,
    direction: direction(
      points.map((p) => p.value),
      trend.kpi.better,
    ),
  };
}

export async function prepareAgenda(ctx: Ctx, coacheeId: string): Promise<Agenda> {
  const coachee = await reachableCoachee(ctx, coacheeId);
  const ws = ctx.actor.workspaceId;
  const now = ctx.now();
  const todayDate = await today(ctx);
  const allDeals = await readsDealsOf(ctx, coacheeId);
  const linked = allDeals ? null : await linkedDealIds(ctx.db, ws, coacheeId);

  const open = await openDealsOf(ctx.db, ws, coacheeId, now, allDeals ? null : { coacheeId });
  const dealsAtRisk: AgendaDeal[] = open
    .map((d) => ({
      id: d.id,
      name: d.name,
      stageName: d.stage_name,
      amount: d.amount,
      currency: d.currency,
      closeDate: d.close_date,
      daysInStage: Math.max(0, Math.floor((now - d.stage_entered_at) / DAY_MS)),
      stageLimitDays: d.aging_days,
      reasons: riskReasons(
        { stageEnteredAt: d.stage_entered_at, agingDays: d.aging_days, closeDate: d.close_date, hasNextStep: d.has_next_step === 1 },
        now,
        todayDate,
      ),
    }))
    .filter((d) => d.reasons.length > 0)
    .sort((a, b) => b.reasons.length - a.reasons.length || b.amount - a.amount || a.id.localeCompare(b.id))
    .slice(0, MAX_DEALS);

  const scope = await coachingScopeOrNull(ctx, 'read');
  const items = scope
    ? (await listActionItemRows(ctx.db, ws, { scope, actorId: ctx.actor.userId, coacheeId, open: true }, { limit: 500 })).rows.filter(
        (i) => i.due_date !== null && i.due_date < todayDate,
      )
    : [];
  const names = await userNames(ctx);
  const overdueActionItems = items.map((i) => toActionItem(i, names, todayDate));

  const last = await lastHeldSession(ctx.db, ws, coacheeId, now);
  const lastCoach = last ? (names.get(last.coach_id) ?? '(deleted user)') : '';
  const lastHeldAt = last?.held_at ?? null;
  const reviews = (await reviewsOfOwnerSince(ctx.db, ws, coacheeId, lastHeldAt ?? 0)).filter((r) => linked === null || linked.has(r.deal_id));

  const focus = await focusOf(ctx, coacheeId, todayDate);
  const latest = [...focus.trend].reverse().find((p) => p.value !== null)?.value ?? null;
  return {
    coachee,
    at: new Date(now).toISOString(),
    focus,
    dealsAtRisk,
    overdueActionItems,
    lastSession: last
      ? {
          id: last.id,
          coach: { id: last.coach_id, name: lastCoach },
          heldAt: new Date(last.held_at as number).toISOString(),
          sharedNotes: last.shared_notes,
          privateNotes: last.coach_id === ctx.actor.userId ? last.private_notes : null,
          skillKeys: JSON.parse(last.skill_keys) as string[],
        }
      : null,
    lastHeldAt: lastHeldAt === null ? null : new Date(lastHeldAt).toISOString(),
    dealReviews: reviews.map((r) => ({
      id: r.id,
      dealId: r.deal_id,
      dealName: r.deal_name,
      reviewer: { id: r.reviewer_id, name: r.reviewer_name },
      findings: r.findings,
      coachingNotes: r.coaching_notes,
      createdAt: new Date(r.created_at).toISOString(),
    })),
    text: agendaText({
      focus: { name: focus.name, direction: focus.direction, latest: latest === null ? null : formatFigure(latest, focus.unit) },
      deals: dealsAtRisk,
      actions: overdueActionItems.map((a) => ({ text: a.text, dueDate: a.dueDate, ownerName: a.owner.name })),
      lastNotes: last?.shared_notes ?? null,
      reviews: reviews.map((r) => ({ dealName: r.deal_name, findings: r.findings })),
    }),
  };
}
