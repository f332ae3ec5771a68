// Generated visibility cases for rituals: role × relation of the ritual to the caller (owns it,
// attends it, a ritual of a team the caller manages, another team's, another workspace's) ×
// operation (list, read, read an occurrence, its agenda, record completion, change, delete). The
// expected answer comes from identity/policy.ts's rituals row, so the table and the services cannot
// drift apart. An invisible ritual answers exactly like a missing one (404), never 403.
import { beforeAll, expect, it } from 'vitest';
import type { Role } from '../db/schema/identity.js';
import { reachOf } from '../identity/policy.js';
import { describeEngines, type TestUser, type TestWorkspace } from '../test/test-env.js';

type Relation = 'owned' | 'attended' | 'managedTeam' | 'other' | 'otherWorkspace';
type Op = 'list' | 'read' | 'occurrence' | 'agenda' | 'complete' | 'update' | 'delete';
const ROLES: Role[] = ['admin', 'manager', 'rep', 'marketing', 'coach'];
const RELATIONS: Relation[] = ['owned', 'attended', 'managedTeam', 'other', 'otherWorkspace'];
const OPS: Op[] = ['list', 'read', 'occurrence', 'agenda', 'complete', 'update', 'delete'];

/** Whether the policy lets the caller read a ritual of this relation. */
function mayRead(role: Role, relation: Relation): boolean {
  if (relation === 'otherWorkspace') return false;
  const reach = reachOf(role, 'rituals', 'read');
  if (reach === 'all') return true;
  if (relation === 'owned' || relation === 'attended') return reach !== 'none';
  return reach === 'team' && relation === 'managedTeam';
}

/** Whether the policy lets the caller change or delete it: the team must be in the write reach. */
function mayWrite(role: Role, relation: Relation, op: 'update' | 'delete'): boolean {
  if (relation === 'otherWorkspace') return false;
  const reach = reachOf(role, 'rituals', op);
  if (reach === 'all') return true;
  // Owned and attended rituals sit in a team nobody of the actors manages but the admin.
  return reach === 'team' && relation === 'managedTeam';
}

function expected(role: Role, relation: Relation, op: Op): boolean {
  if (op === 'update' || op === 'delete') return mayWrite(role, relation, op);
  // The ritual's owner records completion, as does whoever may change the ritual.
  if (op === 'complete') return mayRead(role, relation) && (relation === 'owned' || mayWrite(role, relation, 'update'));
  return mayRead(role, relation);
}

interface Made {
  ritualId: string;
  occurrenceId: string;
  version: number;
  occurrenceVersion: number;
}

describeEngines('rituals visibility matrix', (env) => {
  let w: TestWorkspace;
  let other: TestWorkspace;
  let actors: Record<Role, TestUser>;
  let managed: string;
  let elsewhere: string;
  let foreignTeam: string;
  let filler: TestUser;

  beforeAll(async () => {
    w = await env().workspace();
    other = await env().workspace();
    const manager = await w.user('manager', { name: 'Mia Manager' });
    const outsideManager = await w.user('manager', { name: 'Otto Outside' });
    const mine = await w.team('Field', { managerId: manager.id });
    // A team below the manager's: the manager's reach is the whole subtree.
    managed = await w.team('Field East', { parentId: mine });
    elsewhere = await w.team('Partners', { managerId: outsideManager.id });
    const rep = await w.user('rep', { teamId: managed, name: 'Rita Rep' });
    filler = await w.user('rep', { teamId: elsewhere, name: 'Oscar Outsider' });
    foreignTeam = await other.team('Foreign');
    actors = { admin: w.admin, manager, rep, marketing: await w.user('marketing'), coach: await w.user('coach') };
  });

  /** A fresh ritual of the given relation to the actor (each write case gets its own). */
  async function make(actor: TestUser, relation: Relation, label: string): Promise<Made> {
    const body = (teamId: string, ownerId: string, attendeeIds: string[]) => ({
      kind: 'pipeline_review',
      title: `Review ${label}`,
      teamId,
      ownerId,
      attendeeIds,
      rrule: 'FREQ=WEEKLY;BYDAY=MO',
      startsAt: '2026-12-07T09:00',
    });
    const res =
      relation === 'otherWorkspace'
        ? await other.as(other.admin).post('/api/v1/rituals', body(foreignTeam, other.admin.id, []))
        : await w
            .as(w.admin)
            .post(
              '/api/v1/rituals',
              relation === 'owned'
                ? body(elsewhere, actor.id, [])
                : relation === 'attended'
                  ? body(elsewhere, filler.id, [actor.id])
                  : relation === 'managedTeam'
                    ? body(managed, filler.id, [])
                    : body(elsewhere, filler.id, []),
            );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const occurrence = relation === 'otherWorkspace' ? other.as(other.admin) : w.as(w.admin);
    const occ = await occurrence.get(`/api/v1/ritual-occurrences/${res.body.nextOccurrence!.id}`);
    return { ritualId: res.body.id, occurrenceId: res.body.nextOccurrence!.id, version: res.body.version, occurrenceVersion: occ.body.version };
  }

  // An outside coach never owns a ritual (the service refuses one as owner); they attend 1:1s.
  const possible = (role: Role, relation: Relation) => !(role === 'coach' && relation === 'owned');
  const cases = ROLES.flatMap((role) => RELATIONS.filter((r) => possible(role, r)).flatMap((relation) => OPS.map((op) => ({ role, relation, op }))));

  it(`answers every one of the ${cases.length} generated cases as the policy says`, async () => {
    const failures: string[] = [];
    for (const { role, relation, op } of cases) {
      const actor = actors[role];
      const api = w.as(actor);
      const label = `${role} ${op} ${relation}`;
      const made = await make(actor, relation, label);
      const allowed = expected(role, relation, op);
      const readable = mayRead(role, relation);
      if (op === 'list') {
        const res = await api.get('/api/v1/rituals');
        if (reachOf(role, 'rituals', 'read') === 'none') {
          if (res.status !== 403) failures.push(`${label}: expected 403, got ${res.status}`);
          continue;
        }
        const listed = res.status === 200 && res.body.items.some((r: { id: string }) => r.id === made.ritualId);
        if (listed !== allowed) failures.push(`${label}: expected ${allowed ? 'listed' : 'not listed'} (status ${res.status})`);
        const occurrences = await api.get('/api/v1/ritual-occurrences?from=2026-12-01T00:00:00.000Z&to=2026-12-31T00:00:00.000Z');
        const occListed = occurrences.status === 200 && occurrences.body.items.some((o: { ritualId: string }) => o.ritualId === made.ritualId);
        if (occListed !== allowed) failures.push(`${label}: occurrences expected ${allowed ? 'listed' : 'not listed'} (status ${occurrences.status})`);
        continue;
      }
      const res =
        op === 'read'
          ? await api.get(`/api/v1/rituals/${made.ritualId}`)
          : op === 'occurrence'
            ? await api.get(`/api/v1/ritual-occurrences/${made.occurrenceId}`)
            : op === 'agenda'
              ? await api.get(`/api/v1/ritual-occurrences/${made.occurrenceId}/agenda`)
              : op === 'complete'
                ? await api.put(`/api/v1/ritual-occurrences/${made.occurrenceId}/completion`, {
                    version: made.occurrenceVersion,
                    status: 'skipped',
                    notes: label,
                  })
                : op === 'update'
                  ? await api.patch(`/api/v1/rituals/${made.ritualId}`, { version: made.version, title: `Changed ${label}` })
                  : await api.delete(`/api/v1/rituals/${made.ritualId}`);
      if (allowed) {
        if (res.status !== 200) failures.push(`${label}: expected 200, got ${res.status} ${JSON.stringify(res.body)}`);
        continue;
      }
      // Not readable: exactly like a missing id. Readable but not writable: 403.
      const want = readable ? 403 : 404;
      if (res.status !== want) failures.push(`${label}: expected ${want}, got ${res.status}`);
      if (!readable && JSON.stringify(res.body).includes(label)) failures.push(`${label}: the answer names the ritual`);
    }
    expect(failures).toEqual([]);
    expect(cases.length).toBe((ROLES.length * RELATIONS.length - 1) * OPS.length);
  });
});
