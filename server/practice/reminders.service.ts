// Reminders before a meeting whose type maps to a practice scenario the rep is not ready for
// (and not certified on): the nudge to practise before going live.
import type { Ctx } from '../context.js';
import { certifiedUntil, listScenarioRows, scoredAttempts } from './practice.repo.js';
import { readiness, readinessStatus } from './readiness.js';

export interface UpcomingMeeting {
  key: string;
  ownerId: string;
  meetingType: string | null;
  subject: string;
}

export async function practiceReminders(ctx: Ctx, meetings: readonly UpcomingMeeting[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const typed = meetings.filter((m) => m.meetingType !== null);
  if (typed.length === 0) return out;
  const ws = ctx.actor.workspaceId;
  const scenarios = (await listScenarioRows(ctx.db, ws)).filter((s) => s.meeting_type !== null);
  if (scenarios.length === 0) return out;
  const owners = [...new Set(typed.map((m) => m.ownerId))];
  const attempts = await scoredAttempts(
    ctx.db,
    ws,
    owners,
    scenarios.map((s) => s.id),
  );
  const now = ctx.now();
  for (const m of typed) {
    for (const s of scenarios.filter((x) => x.meeting_type === m.meetingType)) {
      if ((await certifiedUntil(ctx.db, ws, m.ownerId, s.id, now)) !== null) continue;
      const r = readiness(
        attempts.filter((a) => a.user_id === m.ownerId && a.scenario_id === s.id).map((a) => ({ score: Number(a.score), scoredAt: Number(a.scored_at) })),
        now,
      );
      if (readinessStatus(r, s.pass_threshold) === 'ready') continue;
      const where = r.value === null ? 'not practised yet' : `readiness ${r.value} of ${s.pass_threshold} needed`;
      out.set(m.key, [...(out.get(m.key) ?? []), `Practise "${s.name}" before this meeting (${where})`]);
    }
  }
  return out;
}
