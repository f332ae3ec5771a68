// Each person's private calendar feed: a secret address (shown once, kept only as a hash, like API
// tokens), revocable and regenerable, read by calendar apps without a session — the token is the
// credential. The feed holds the person's rituals (owned or attended), their coaching sessions and
// their planned meetings, each linking back into Furrow.
import type { CalendarFeed, CalendarFeedCreated } from '../../api/rituals.js';
import { listSessions } from '../coaching/sessions.service.js';
import type { Config } from '../config.js';
import { type Ctx, inTransaction } from '../context.js';
import { listActivities } from '../crm/activities.service.js';
import type { Database } from '../db/database.js';
import { systemActorFor } from '../identity/auth.service.js';
import { getWorkspace } from '../identity/workspaces.service.js';
import { hashSecret, newId, newSecret } from '../ids.js';
import { audit } from '../ops/audit.service.js';
import { type FeedRow, feedByHash, insertFeed, liveFeedOf, markFeedUsed, revokeFeeds } from './calendar-feed.repo.js';
import { type FeedEvent, type FeedRitual, feedIcs } from './calendar-feed-ics.js';
import { localToInstant, parseLocal } from './ritual-recurrence.js';
import { listOccurrenceViews, listRitualViews } from './rituals.repo.js';

const DAY = 86_400_000;
/** How far back the feed shows what happened (exceptions, past sessions), and how far ahead meetings. */
const PAST_MS = 90 * DAY;
const AHEAD_MS = 180 * DAY;
const TOUCH_EVERY_MS = 60_000;
export const FEED_PREFIX = 'fc_';

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());
const toFeed = (r: FeedRow | undefined): CalendarFeed => ({
  active: r !== undefined,
  prefix: r?.prefix ?? null,
  createdAt: iso(r?.created_at ?? null),
  lastUsedAt: iso(r?.last_used_at ?? null),
});

export function feedPath(secret: string): string {
  return `/feeds/calendar/${secret}.ics`;
}

export async function myFeed(ctx: Ctx): Promise<CalendarFeed> {
  return toFeed(await liveFeedOf(ctx.db, ctx.actor.workspaceId, ctx.actor.userId));
}

/** A new secret address; the previous one stops working in the same transaction. */
export async function regenerateFeed(ctx: Ctx, baseUrl: string): Promise<CalendarFeedCreated> {
  const secret = `${FEED_PREFIX}${newSecret()}`;
  const row: FeedRow = {
    id: newId(),
    workspace_id: ctx.actor.workspaceId,
    user_id: ctx.actor.userId,
    token_hash: hashSecret(secret),
    prefix: secret.slice(0, 9),
    created_at: ctx.now(),
    last_used_at: null,
    revoked_at: null,
  };
  await inTransaction(ctx, async (tx) => {
    await revokeFeeds(tx.db, tx.actor.workspaceId, tx.actor.userId, tx.now());
    await insertFeed(tx.db, row);
    await audit(tx, 'api_token.created', { targetType: 'calendar_feed', targetId: row.id, summary: `Created a calendar feed address (${row.prefix}…)` });
  });
  return { feed: toFeed(row), url: `${baseUrl}${feedPath(secret)}` };
}

export async function revokeFeed(ctx: Ctx): Promise<CalendarFeed> {
  await inTransaction(ctx, async (tx) => {
    if ((await revokeFeeds(tx.db, tx.actor.workspaceId, tx.actor.userId, tx.now())) > 0)
      await audit(tx, 'api_token.revoked', { targetType: 'calendar_feed', targetId: tx.actor.userId, summary: 'Revoked the calendar feed address' });
  });
  return toFeed(undefined);
}

export interface FeedDeps {
  database: Database;
  config: Config;
  now: () => number;
}

/** The feed's text for a secret, or null for an unknown, revoked or disabled one (answered alike). */
export async function feedText(deps: FeedDeps, secret: string, baseUrl: string): Promise<string | null> {
  const db = deps.database.db;
  const feed = await feedByHash(db, hashSecret(secret));
  if (!feed || feed.revoked_at !== null) return null;
  const actor = await systemActorFor(db, feed.workspace_id, feed.user_id);
  if (!actor) return null;
  const ctx: Ctx = { db, dialect: deps.database.dialect, actor, now: deps.now, config: deps.config, memo: new Map() };
  const now = deps.now();
  if (feed.last_used_at === null || now - Number(feed.last_used_at) > TOUCH_EVERY_MS) await markFeedUsed(db, feed.id, now);
  const ws = await getWorkspace(ctx);

  // The person's own rituals: owned or attended, whatever else their role may read.
  const rituals = await listRitualViews(db, actor.workspaceId, { scope: { all: false, teamIds: [], userId: actor.userId } });
  const occurrences = await listOccurrenceViews(
    db,
    actor.workspaceId,
    rituals.map((r) => r.id),
    now - PAST_MS,
    now + AHEAD_MS,
  );
  const feedRituals: FeedRitual[] = rituals.flatMap((r) => {
    const local = parseLocal(r.starts_local);
    if (!local) return [];
    const mine = occurrences.filter((o) => o.ritual_id === r.id);
    return [
      {
        id: r.id,
        title: r.title,
        teamName: r.team_name,
        rrule: r.rrule,
        startsAt: localToInstant(local, ws.timezone),
        durationMinutes: r.duration_minutes,
        skipped: mine.filter((o) => o.status === 'skipped').map((o) => Number(o.scheduled_at)),
        moved: mine
          .filter((o) => o.status === 'held' && o.held_at !== null && Math.abs(Number(o.held_at) - Number(o.scheduled_at)) >= 60_000)
          .map((o) => ({ scheduledAt: Number(o.scheduled_at), heldAt: Number(o.held_at) })),
      },
    ];
  });

  const events: FeedEvent[] = [];
  const mineOnly = (s: { coach: { id: string }; coachee: { id: string } }) => s.coach.id === actor.userId || s.coachee.id === actor.userId;
  if (actor.role !== 'marketing') {
    const [upcoming, held] = await Promise.all([listSessions(ctx, { state: 'upcoming', limit: 200 }), listSessions(ctx, { state: 'held', limit: 50 })]);
    for (const s of [...upcoming.items, ...held.items].filter(mineOnly)) {
      const start = Date.parse(s.heldAt ?? s.scheduledAt);
      if (start < now - PAST_MS) continue;
      events.push({
        id: `coaching-${s.id}`,
        title: `Coaching: ${s.coach.name} with ${s.coachee.name}`,
        startsAt: start,
        durationMinutes: 45,
        path: '/',
        // The agenda only: shared notes stay in Furrow, private ones never leave the coach.
        description: s.agenda,
      });
    }
  }
  if (actor.role === 'admin' || actor.role === 'manager' || actor.role === 'rep') {
    const meetings = await listActivities(ctx, {
      type: 'meeting',
      ownerId: actor.userId,
      from: new Date(now).toISOString(),
      to: new Date(now + AHEAD_MS).toISOString(),
      sort: 'occurredAt',
      limit: 200,
    });
    for (const m of meetings.items) {
      events.push({
        id: `meeting-${m.id}`,
        title: m.subject,
        startsAt: Date.parse(m.occurredAt),
        durationMinutes: m.durationMinutes ?? 60,
        path: m.dealId ? `/deals/${m.dealId}` : '/plans',
        description: m.dealName ? `Deal: ${m.dealName}` : null,
      });
    }
  }
  return feedIcs({ name: actor.name, timezone: ws.timezone, baseUrl, now, rituals: feedRituals, events });
}
