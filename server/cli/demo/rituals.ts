// The demo's operating rhythm: a year of rituals per team — weekly pipeline review and forecast
// call, a fortnightly practice lab, a monthly adherence review, a fortnightly 1:1 per rep and the
// quarterly lead-agreement review at the top — with what happened to each past occurrence. One
// team keeps its rhythm all year, one fades after the summer, the top team is in between; a few
// occurrences are skipped or held late everywhere. Deterministic for a given workspace and `now`.
import type { Insertable, Kysely } from 'kysely';
import { calendarDate } from '../../dates.js';
import type { RitualCompletionsTable, RitualOccurrencesTable, RitualsTable } from '../../db/schema/rituals.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../ids.js';
import { occurrencesBetween } from '../../rhythm/ritual-recurrence.js';
import { hash32, stringSeed } from './random.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const unit = (...parts: (string | number)[]) => hash32(...parts.map((p) => (typeof p === 'number' ? p : stringSeed(p)))) / 2 ** 32;

const TEAM_RITUALS = [
  { kind: 'pipeline_review', title: 'Weekly pipeline review', rrule: 'FREQ=WEEKLY;BYDAY=MO', time: '09:00', minutes: 60 },
  { kind: 'forecast_call', title: 'Forecast call', rrule: 'FREQ=WEEKLY;BYDAY=TH', time: '16:00', minutes: 30 },
  { kind: 'practice_lab', title: 'Practice lab', rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE', time: '15:00', minutes: 60 },
  { kind: 'adherence_review', title: 'Monthly adherence review', rrule: 'FREQ=MONTHLY;BYDAY=1TU', time: '10:00', minutes: 45 },
] as const;

/** The chance an occurrence is held on time, by team profile and month of the year (0 = January). */
function keptShare(profile: 'keeps' | 'fades' | 'steady', month: number): number {
  if (profile === 'keeps') return 0.92;
  if (profile === 'steady') return 0.8;
  // "The hopefulness of January": strong until the summer, then the rhythm slips.
  return month < 6 ? 0.9 : month < 8 ? 0.65 : 0.45;
}

export async function seedRituals(db: Kysely<DB>, input: { workspaceId: string; now: number; log?: (m: string) => void }): Promise<number> {
  const ws = await db.selectFrom('workspaces').select(['timezone']).where('id', '=', input.workspaceId).executeTakeFirstOrThrow();
  const teams = await db
    .selectFrom('teams')
    .select(['id', 'name', 'parent_id', 'manager_id'])
    .where('workspace_id', '=', input.workspaceId)
    .orderBy('name')
    .execute();
  const users = await db.selectFrom('users').select(['id', 'name', 'role', 'team_id']).where('workspace_id', '=', input.workspaceId).execute();
  const marketing = users.filter((u) => u.role === 'marketing').map((u) => u.id);
  const start = input.now - 365 * DAY;
  const startDate = calendarDate(start, ws.timezone);
  const created = start - 3 * DAY;
  const rituals: Insertable<RitualsTable>[] = [];
  const attendees: { ritual_id: string; user_id: string; workspace_id: string }[] = [];
  const occurrences: Insertable<RitualOccurrencesTable>[] = [];
  const completions: Insertable<RitualCompletionsTable>[] = [];

  const add = (
    teamId: string,
    ownerId: string,
    people: string[],
    r: { kind: string; title: string; rrule: string; time: string; minutes: number },
    profile: 'keeps' | 'fades' | 'steady',
  ) => {
    const id = newId();
    const startsLocal = `${startDate}T${r.time}`;
    rituals.push({
      id,
      workspace_id: input.workspaceId,
      team_id: teamId,
      owner_id: ownerId,
      kind: r.kind,
      title: r.title,
      rrule: r.rrule,
      starts_local: startsLocal,
      duration_minutes: r.minutes,
      created_by: ownerId,
      created_at: created,
      updated_at: created,
      deleted_at: null,
      version: 1,
    });
    for (const u of new Set(people)) if (u !== ownerId) attendees.push({ ritual_id: id, user_id: u, workspace_id: input.workspaceId });
    for (const at of occurrencesBetween(r.rrule, startsLocal, ws.timezone, start, input.now + 92 * DAY)) {
      const occ = newId();
      const row: Insertable<RitualOccurrencesTable> = {
        id: occ,
        workspace_id: input.workspaceId,
        ritual_id: id,
        scheduled_at: at,
        status: 'scheduled',
        held_at: null,
        notes: null,
        completed_by: null,
        completed_at: null,
        reminded_at: null,
        cancelled_at: null,
        created_at: created,
        updated_at: created,
        version: 1,
      };
      // Occurrences of the last hour and the future are still to come.
      if (at < input.now - HOUR) {
        const month = new Date(at).getUTCMonth();
        const x = unit(input.workspaceId, occ.slice(-8), at);
        const kept = keptShare(profile, month);
        if (x < kept) Object.assign(row, { status: 'held', held_at: at + 5 * 60_000 });
        else if (x < kept + 0.05) Object.assign(row, { status: 'held', held_at: at + 2 * DAY });
        else if (x < kept + 0.15) Object.assign(row, { status: 'skipped' });
        if (row.status !== 'scheduled') {
          const recordedAt = Math.min(input.now - HOUR, (row.held_at ?? at) + HOUR);
          Object.assign(row, { completed_by: ownerId, completed_at: recordedAt, updated_at: recordedAt, version: 2 });
          completions.push({
            id: newId(),
            workspace_id: input.workspaceId,
            occurrence_id: occ,
            status: row.status as string,
            held_at: row.held_at ?? null,
            recorded_by: ownerId,
            recorded_at: recordedAt,
          });
        }
      }
      occurrences.push(row);
    }
  };

  const leaves = teams.filter((t) => t.parent_id !== null);
  for (const team of teams) {
    if (!team.manager_id) continue;
    const profile = team.parent_id === null ? 'steady' : leaves.indexOf(team) === 0 ? 'keeps' : 'fades';
    const members = users.filter((u) => u.team_id === team.id && u.role === 'rep').map((u) => u.id);
    for (const r of TEAM_RITUALS) add(team.id, team.manager_id, members, r, profile);
    for (const rep of members) {
      const name = users.find((u) => u.id === rep)?.name ?? 'a rep';
      add(
        team.id,
        team.manager_id,
        [rep],
        {
          kind: 'one_on_one',
          title: `1:1 with ${name}`,
          rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR',
          time: `${String(9 + (members.indexOf(rep) % 6)).padStart(2, '0')}:00`,
          minutes: 30,
        },
        profile,
      );
    }
    if (team.parent_id === null) {
      const managers = teams.filter((t) => t.parent_id === team.id && t.manager_id).map((t) => t.manager_id as string);
      add(
        team.id,
        team.manager_id,
        [...managers, ...marketing],
        { kind: 'lead_agreement_review', title: 'Quarterly lead-agreement review', rrule: 'FREQ=MONTHLY;INTERVAL=3;BYDAY=1WE', time: '11:00', minutes: 60 },
        'keeps',
      );
    }
  }
  const chunks = async <T>(table: 'rituals' | 'ritual_attendees' | 'ritual_occurrences' | 'ritual_completions', rows: T[]) => {
    for (let i = 0; i < rows.length; i += 300)
      await db
        .insertInto(table)
        .values(rows.slice(i, i + 300) as never)
        .execute();
  };
  await chunks('rituals', rituals);
  await chunks('ritual_attendees', attendees);
  await chunks('ritual_occurrences', occurrences);
  await chunks('ritual_completions', completions);
  input.log?.(`${rituals.length} rituals with ${occurrences.length} occurrences (${completions.length} recorded)`);
  return rituals.length;
}
