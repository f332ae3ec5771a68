// Rituals: create, read, change and delete a team's recurring meetings, and the default rhythm
// proposed for a team. The series is an RRULE on the workspace's wall clock; its occurrences are
// materialised ahead (ritual-occurrences.service.ts) so completion and adherence have rows.
import type { ProposalAccept, Ritual, RitualCreate, RitualListQuery, RitualPatch, RitualProposals } from '../../api/rituals.js';
import { type Ctx, inTransaction } from '../context.js';
import { calendarDate } from '../dates.js';
import { type FieldProblem, forbidden, invalidField, invalidInput, notFound, stale } from '../errors.js';
import { INVITABLE_ACROSS_TEAMS, reachOf } from '../identity/policy.js';
import { listTeams } from '../identity/teams.service.js';
import { teamOwnerIds } from '../identity/visibility.js';
import { getWorkspace } from '../identity/workspaces.service.js';
import { newId } from '../ids.js';
import { KIND_LABEL, proposalsFor } from './ritual-defaults.js';
import { cancelFuture, materialize } from './ritual-occurrences.service.js';
import { checkRule, parseLocal, recurrenceText } from './ritual-recurrence.js';
import { mayWriteTeam, ritualReadScope } from './ritual-scope.service.js';
import {
  attendeesOf,
  findRitualView,
  insertRitual,
  listRitualViews,
  marketingUsers,
  nextOccurrences,
  type RitualRow,
  type RitualView,
  replaceAttendees,
  updateRitual,
  usersAmong,
  usersOfTeams,
} from './rituals.repo.js';

const NO_USER = 'no active user with this id';
const NO_TEAM = 'no team with this id whose rituals you run';

export async function toRituals(ctx: Ctx, rows: readonly RitualView[]): Promise<Ritual[]> {
  const ids = rows.map((r) => r.id);
  const [attendees, next, ws] = await Promise.all([
    attendeesOf(ctx.db, ctx.actor.workspaceId, ids),
    nextOccurrences(ctx.db, ids, ctx.now()),
    getWorkspace(ctx),
  ]);
  const out: Ritual[] = [];
  for (const r of rows) {
    const n = next.get(r.id);
    out.push({
      id: r.id,
      kind: r.kind as Ritual['kind'],
      title: r.title,
      team: { id: r.team_id, name: r.team_name },
      owner: { id: r.owner_id, name: r.owner_name },
      attendees: attendees.filter((a) => a.ritual_id === r.id).map((a) => ({ id: a.id, name: a.name })),
      rrule: r.rrule,
      recurrenceText: recurrenceText(r.rrule),
      startsAt: r.starts_local,
      durationMinutes: r.duration_minutes,
      timezone: ws.timezone,
      nextOccurrence: n ? { id: n.id, scheduledAt: new Date(n.scheduled_at).toISOString() } : null,
      canEdit: await mayWriteTeam(ctx, r.team_id, 'update'),
      version: r.version,
    });
  }
  return out;
}

export async function listRituals(ctx: Ctx, q: RitualListQuery): Promise<{ items: Ritual[] }> {
  const scope = await ritualReadScope(ctx);
  return { items: await toRituals(ctx, await listRitualViews(ctx.db, ctx.actor.workspaceId, { scope, teamId: q.teamId, kind: q.kind })) };
}

/** A ritual the caller may read, or 404 exactly as a missing one. */
export async function readableRitual(ctx: Ctx, id: string): Promise<RitualView> {
  const scope = await ritualReadScope(ctx);
  const [row] = await listRitualViews(ctx.db, ctx.actor.workspaceId, { scope, ids: [id] });
  if (!row) throw notFound('Ritual');
  return row;
}

export async function getRitual(ctx: Ctx, id: string): Promise<Ritual> {
  const [r] = await toRituals(ctx, [await readableRitual(ctx, id)]);
  return r as Ritual;
}

function checkSeries(input: { rrule?: string | undefined; startsAt?: string | undefined }): { rrule?: string; startsAt?: string } {
  const problems: FieldProblem[] = [];
  let rrule: string | undefined;
  if (input.rrule !== undefined) {
    const check = checkRule(input.rrule);
    if (check.ok) rrule = check.rule;
    else problems.push({ field: 'rrule', message: check.message });
  }
  if (input.startsAt !== undefined && !parseLocal(input.startsAt))
    problems.push({ field: 'startsAt', message: 'is not a real date and time (YYYY-MM-DDTHH:mm)' });
  if (problems.length > 0) throw invalidInput(problems);
  return { ...(rrule !== undefined && { rrule }), ...(input.startsAt !== undefined && { startsAt: input.startsAt }) };
}

/** The owner: an active user the caller may give work to (admin: anyone; manager: their people). */
async function checkOwner(ctx: Ctx, ownerId: string): Promise<void> {
  const [user] = await usersAmong(ctx.db, ctx.actor.workspaceId, [ownerId]);
  const inReach = reachOf(ctx.actor.role, 'rituals', 'create') === 'all' || (await teamOwnerIds(ctx)).includes(ownerId);
  if (!user || !inReach || user.role === 'coach') throw invalidField('ownerId', NO_USER);
}

/**
 * Attendees: active users the caller may invite, i.e. their own people (all, for a workspace-wide
 * reach) and anyone outside the team tree (policy.ts#INVITABLE_ACROSS_TEAMS). Another team's person
 * answers exactly like a missing id. Attendees already on the ritual stay without a re-check.
 */
async function checkAttendees(ctx: Ctx, ids: readonly string[], kept: readonly string[] = []): Promise<string[]> {
  const all = reachOf(ctx.actor.role, 'rituals', 'create') === 'all';
  const mine = all ? [] : await teamOwnerIds(ctx);
  const found = new Set(
    (await usersAmong(ctx.db, ctx.actor.workspaceId, ids))
      .filter((u) => all || kept.includes(u.id) || mine.includes(u.id) || INVITABLE_ACROSS_TEAMS.includes(u.role))
      .map((u) => u.id),
  );
  const problems = ids.flatMap((id, i) => (found.has(id) ? [] : [{ field: `attendeeIds/${i}`, message: NO_USER }]));
  if (problems.length > 0) throw invalidInput(problems);
  return [...new Set(ids)];
}

async function writableTeam(ctx: Ctx, teamId: string): Promise<{ id: string; name: string; managerId: string | null }> {
  const team = (await listTeams(ctx)).find((t) => t.id === teamId);
  if (reachOf(ctx.actor.role, 'rituals', 'create') === 'none') throw forbidden('Your role cannot create rituals');
  if (!team || !(await mayWriteTeam(ctx, teamId, 'create'))) throw invalidField('teamId', NO_TEAM);
  return { id: team.id, name: team.name, managerId: team.managerId };
}

async function createOne(
  tx: Ctx,
  input: { kind: string; teamId: string; title: string; ownerId: string; attendeeIds: string[]; rrule: string; startsAt: string; durationMinutes: number },
): Promise<string> {
  const now = tx.now();
  const row: RitualRow = {
    id: newId(),
    workspace_id: tx.actor.workspaceId,
    team_id: input.teamId,
    owner_id: input.ownerId,
    kind: input.kind,
    title: input.title,
    rrule: input.rrule,
    starts_local: input.startsAt,
    duration_minutes: input.durationMinutes,
    created_by: tx.actor.userId,
    created_at: now,
    updated_at: now,
    deleted_at: null,
    version: 1,
  };
  await insertRitual(tx.db, row);
  await replaceAttendees(
    tx.db,
    row.workspace_id,
    row.id,
    input.attendeeIds.filter((id) => id !== input.ownerId),
  );
  await materialize(tx, row);
  return row.id;
}

export async function createRitual(ctx: Ctx, input: RitualCreate): Promise<Ritual> {
  const team = await writableTeam(ctx, input.teamId);
  const series = checkSeries(input);
  const ownerId = input.ownerId ?? team.managerId ?? ctx.actor.userId;
  await checkOwner(ctx, ownerId);
  const attendeeIds =
    input.attendeeIds !== undefined
      ? await checkAttendees(ctx, input.attendeeIds)
      : (await usersOfTeams(ctx.db, ctx.actor.workspaceId, [team.id])).map((u) => u.id);
  return inTransaction(ctx, async (tx) => {
    const id = await createOne(tx, {
      kind: input.kind,
      teamId: team.id,
      title: input.title?.trim() || KIND_LABEL[input.kind],
      ownerId,
      attendeeIds,
      rrule: series.rrule as string,
      startsAt: series.startsAt as string,
      durationMinutes: input.durationMinutes ?? 60,
    });
    return getRitual(tx, id);
  });
}

async function writableRitual(ctx: Ctx, id: string, op: 'update' | 'delete'): Promise<RitualView> {
  const row = await readableRitual(ctx, id);
  if (!(await mayWriteTeam(ctx, row.team_id, op)))
    throw forbidden(`Only the team’s manager (or an admin) may ${op === 'update' ? 'change' : 'delete'} this ritual`);
  return row;
}

export async function patchRitual(ctx: Ctx, id: string, patch: RitualPatch): Promise<Ritual> {
  return inTransaction(ctx, async (tx) => {
    const row = await writableRitual(tx, id, 'update');
    if (row.version !== patch.version) throw stale('Ritual', row.version);
    const series = checkSeries(patch);
    if (patch.ownerId !== undefined) await checkOwner(tx, patch.ownerId);
    const attendees =
      patch.attendeeIds === undefined
        ? undefined
        : await checkAttendees(tx, patch.attendeeIds, [row.owner_id, ...(await attendeesOf(tx.db, tx.actor.workspaceId, [id])).map((a) => a.id)]);
    const changes = {
      ...(patch.title !== undefined && { title: patch.title.trim() }),
      ...(patch.ownerId !== undefined && { owner_id: patch.ownerId }),
      ...(series.rrule !== undefined && { rrule: series.rrule }),
      ...(series.startsAt !== undefined && { starts_local: series.startsAt }),
      ...(patch.durationMinutes !== undefined && { duration_minutes: patch.durationMinutes }),
    };
    if (!(await updateRitual(tx.db, tx.actor.workspaceId, id, patch.version, changes, tx.now()))) throw stale('Ritual', row.version);
    const ownerId = patch.ownerId ?? row.owner_id;
    if (attendees !== undefined || patch.ownerId !== undefined) {
      const current = attendees ?? (await attendeesOf(tx.db, tx.actor.workspaceId, [id])).map((a) => a.id);
      await replaceAttendees(
        tx.db,
        tx.actor.workspaceId,
        id,
        current.filter((a) => a !== ownerId),
      );
    }
    const seriesChanged = (series.rrule !== undefined && series.rrule !== row.rrule) || (series.startsAt !== undefined && series.startsAt !== row.starts_local);
    if (seriesChanged) {
      // The past stays as it was held; only future, unheld occurrences follow the new rule.
      const updated = (await findRitualView(tx.db, tx.actor.workspaceId, id)) as RitualView;
      await cancelFuture(tx, id);
      await materialize(tx, updated);
    }
    return getRitual(tx, id);
  });
}

export async function deleteRitual(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const row = await writableRitual(tx, id, 'delete');
    await updateRitual(tx.db, tx.actor.workspaceId, id, row.version, { deleted_at: tx.now() }, tx.now());
  });
}

// ---- the default rhythm ------------------------------------------------------------------------

async function proposalsOf(ctx: Ctx, teamId: string) {
  const team = await writableTeam(ctx, teamId);
  const ws = await getWorkspace(ctx);
  const [members, marketing, existing] = await Promise.all([
    usersOfTeams(ctx.db, ctx.actor.workspaceId, [team.id]),
    marketingUsers(ctx.db, ctx.actor.workspaceId),
    listRitualViews(ctx.db, ctx.actor.workspaceId, { scope: { all: true }, teamId: team.id }),
  ]);
  const ownerId = team.managerId ?? ctx.actor.userId;
  const kept = new Set<string>(existing.filter((r) => r.kind !== 'one_on_one').map((r) => r.kind));
  const oneOnOnes = await attendeesOf(
    ctx.db,
    ctx.actor.workspaceId,
    existing.filter((r) => r.kind === 'one_on_one').map((r) => r.id),
  );
  for (const a of oneOnOnes) kept.add(`one_on_one:${a.id}`);
  const items = proposalsFor({
    today: calendarDate(ctx.now(), ws.timezone),
    ownerId,
    memberIds: members.filter((m) => m.role !== 'marketing' && m.role !== 'coach').map((m) => m.id),
    marketingIds: marketing.map((m) => m.id),
    existing: kept,
    names: new Map(members.map((m) => [m.id, m.name])),
  });
  return { team, items };
}

export async function ritualProposals(ctx: Ctx, teamId: string): Promise<RitualProposals> {
  const { team, items } = await proposalsOf(ctx, teamId);
  return { team: { id: team.id, name: team.name }, items: items.map((p) => ({ ...p, recurrenceText: recurrenceText(p.rrule) })) };
}

/** Creates the chosen proposals in one transaction: the team's rhythm starts whole or not at all. */
export async function acceptProposals(ctx: Ctx, input: ProposalAccept): Promise<{ items: Ritual[] }> {
  const { items } = await proposalsOf(ctx, input.teamId);
  const byKey = new Map(items.map((p) => [p.key, p]));
  const problems = input.keys.flatMap((k, i) =>
    byKey.has(k) ? [] : [{ field: `keys/${i}`, message: 'is not a proposal for this team (or the team keeps it already)' }],
  );
  if (problems.length > 0) throw invalidInput(problems);
  return inTransaction(ctx, async (tx) => {
    const ids: string[] = [];
    for (const key of new Set(input.keys)) {
      const p = byKey.get(key);
      if (p) ids.push(await createOne(tx, { ...p, teamId: input.teamId }));
    }
    const rows = await listRitualViews(tx.db, tx.actor.workspaceId, { scope: { all: true }, ids });
    return { items: await toRituals(tx, rows) };
  });
}
