// What needs a person's attention this week, item by item, each read through its own capability's
// service with the caller's reach (so the digest shows nothing its reader could not open) and
// carrying the path where it is acted on.
import type { DigestDeal, DigestExpectation, DigestLead, DigestRitual } from '../../api/digest.js';
import type { Lead } from '../../api/leads.js';
import { listLeads } from '../alignment/leads.service.js';
import type { Ctx } from '../context.js';
import { listDeals } from '../crm/deals.service.js';
import { listExpectations } from '../measurement/expectations.service.js';
import { getDealGate } from '../process/deal-gate.service.js';
import { listOccurrences } from './ritual-occurrences.service.js';
import { listRituals } from './rituals.service.js';

const WEEK_MS = 7 * 24 * 60 * 60_000;
const PAGE = 200;
/** The statuses whose SLA clocks can still run: a rejected, converted or recycled lead is done with. */
const WORKED = ['mql', 'accepted', 'sql'] as const;

// A clock that has run out and is still running (minutesLeft is null once the clock stopped): a
// lead accepted late is a breach already counted by the KPI, not something to act on now.
const openBreach = (c: Lead['sla']['accept']) => c.state === 'breached' && c.minutesLeft !== null && c.dueAt !== null;

/**
 * Owned leads in the reader's lead reach (a rep their own, a manager their teams', an admin the
 * workspace's) with an SLA clock breached and still running. The unclaimed pool is left out: a
 * breach there is marketing's routing to fix, not a seller's.
 */
export async function breachedLeads(ctx: Ctx): Promise<DigestLead[]> {
  const out: DigestLead[] = [];
  for (const status of WORKED) {
    let cursor: string | undefined;
    do {
      const page = await listLeads(ctx, { status, limit: PAGE, ...(cursor ? { cursor } : {}) });
      for (const l of page.items) {
        if (l.ownerId === null) continue;
        const clock = openBreach(l.sla.accept) ? l.sla.accept : openBreach(l.sla.firstTouch) ? l.sla.firstTouch : null;
        if (!clock) continue;
        const person = [l.firstName, l.lastName].filter(Boolean).join(' ');
        out.push({
          id: l.id,
          name: [person, l.company].filter(Boolean).join(', ') || l.email || 'Lead',
          ownerName: l.ownerName,
          clause: clock === l.sla.accept ? 'accept' : 'first_touch',
          dueAt: clock.dueAt as string,
          path: `/leads/${l.id}`,
        });
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return out.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}

/**
 * The reader's own open deals that do not meet the exit criteria of their next stage. Furrow has no
 * pending moves (a move either passes its gate, is refused, or is overridden and reviewed after), so
 * "held at a gate" is the deal a rep would move next and cannot: the gate's missing criteria are
 * what they act on, on the deal. Their own deals only, for a manager too: the team's gates are the
 * pipeline review's agenda, and a gate check per deal is too dear for a whole team every week.
 */
export async function gatedDeals(ctx: Ctx): Promise<DigestDeal[]> {
  const out: DigestDeal[] = [];
  let cursor: string | undefined;
  do {
    const page = await listDeals(ctx, { ownerId: ctx.actor.userId, status: 'open', limit: PAGE, ...(cursor ? { cursor } : {}) });
    for (const d of page.items) {
      const gate = await getDealGate(ctx, d.id);
      if (!gate.target || gate.missing.length === 0) continue;
      out.push({
        id: d.id,
        name: d.name,
        stageName: gate.stage.name,
        targetName: gate.target.name,
        missing: gate.missing.map((m) => m.label),
        path: `/deals/${d.id}`,
      });
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/** Expectations the reader owns that are red or amber now, red first (the expectations list's order). */
export async function offTrackExpectations(ctx: Ctx): Promise<DigestExpectation[]> {
  const list = await listExpectations(ctx, { ownerId: ctx.actor.userId, status: 'off_track' });
  return list.items.map((e) => ({
    id: e.id,
    kpiName: e.kpiName,
    scopeName: e.scopeName,
    status: e.current.status === 'red' ? 'red' : 'amber',
    periodLabel: e.current.period.label,
    // Expectations have no page of their own: the list, filtered to the ones off track.
    path: '/expectations?status=off_track',
  }));
}

/**
 * Occurrences still to be held in the coming 7 days of the rituals the reader owns or attends; a
 * manager's other team rituals are in their reach but not in their week.
 */
export async function ritualsThisWeek(ctx: Ctx): Promise<DigestRitual[]> {
  const me = ctx.actor.userId;
  const mine = new Set((await listRituals(ctx, {})).items.filter((r) => r.owner.id === me || r.attendees.some((a) => a.id === me)).map((r) => r.id));
  if (mine.size === 0) return [];
  const now = ctx.now();
  const { items } = await listOccurrences(ctx, { from: new Date(now).toISOString(), to: new Date(now + WEEK_MS).toISOString() });
  return items
    .filter((o) => mine.has(o.ritualId) && o.status === 'scheduled')
    .map((o) => ({ id: o.id, title: o.title, teamName: o.teamName, scheduledAt: o.scheduledAt, path: `/rituals/occurrences/${o.id}` }))
    .sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt));
}
