// Generated visibility cases: role × relation (own / team / other / other workspace) × resource ×
// operation (list, read, update, delete, search, export, history). The expected answer of every
// case comes from the policy table, so the test and the rule cannot drift apart silently.
import { beforeAll, expect, it } from 'vitest';
import type { Role } from '../db/schema/identity.js';
import { defineJob } from '../jobs/job.js';
import { enqueue } from '../jobs/jobs.service.js';
import { describeEngines, type TestUser, type TestWorkspace } from '../test/test-env.js';
import { type Operation, type Resource, reachOf, WRITE_REFERENCES } from './policy.js';

type Relation = 'own' | 'team' | 'other' | 'otherWorkspace';
type Op = 'list' | 'read' | 'update' | 'delete' | 'search' | 'export' | 'history';

const RESOURCES: Resource[] = ['accounts', 'contacts', 'deals', 'activities', 'leads'];
const RELATIONS: Relation[] = ['own', 'team', 'other', 'otherWorkspace'];
const OPS: Op[] = ['list', 'read', 'update', 'delete', 'search', 'export', 'history'];
const ROLES: Role[] = ['admin', 'manager', 'rep', 'marketing', 'coach'];

const SEARCHABLE: Resource[] = ['accounts', 'contacts', 'deals', 'leads'];
const EXPORTABLE: Resource[] = ['accounts', 'contacts', 'deals', 'activities'];
const WITH_TIMELINE: Resource[] = ['accounts', 'contacts', 'deals', 'leads'];
const SEARCH_TYPE: Record<string, string> = { accounts: 'account', contacts: 'contact', deals: 'deal', leads: 'lead' };
/** Where a record's history is read: the timeline, or a lead's status history. */
const historyPath = (resource: Resource, id: string) => (resource === 'leads' ? `/api/v1/leads/${id}/history` : `/api/v1/${resource}/${id}/timeline`);

const policyOp = (op: Op): Operation => (op === 'update' ? 'update' : op === 'delete' ? 'delete' : 'read');

/** What the policy says the actor may do to a record of this relation. */
function expectedAllowed(role: Role, resource: Resource, relation: Relation, op: Op): boolean {
  return reaches(reachOf(role, resource, policyOp(op)), relation);
}

function reaches(reach: ReturnType<typeof reachOf>, relation: Relation): boolean {
  if (relation === 'otherWorkspace') return false;
  if (reach === 'all') return true;
  if (reach === 'team') return relation === 'own' || relation === 'team';
  if (reach === 'own') return relation === 'own';
  // coachees (coaching records only) is generated in visibility.coaching.test.ts.
  return false;
}

interface Fixture {
  w: TestWorkspace;
  otherWorkspaceId: string;
  actors: Record<Role, TestUser>;
  /** The user of each relation to each actor (otherWorkspace: a user of another workspace). */
  owners: Record<Role, Record<Relation, TestUser>>;
  /** A fresh record of a resource for an owner (the write-reference cases link to their own copies). */
  make(resource: Resource, owner: TestUser, foreign?: boolean): Promise<{ id: string; marker: string }>;
  /** records[resource][role][relation] = { id, marker } as seen from that role. */
  records: Record<string, Record<string, Record<Relation, { id: string; marker: string }>>>;
}

describeEngines('visibility matrix', (env) => {
  let fx: Fixture;

  beforeAll(async () => {
    const w = await env().workspace();
    const other = await env().workspace();
    const manager = await w.user('manager', { name: 'Mia Manager' });
    const outsideManager = await w.user('manager', { name: 'Otto Outside' });
    const parent = await w.team('Field', { managerId: manager.id });
    const child = await w.team('Field East', { parentId: parent, managerId: null });
    const elsewhere = await w.team('Partners', { managerId: outsideManager.id });
    const rep = await w.user('rep', { teamId: parent, name: 'Rita Rep' });
    const nestedRep = await w.user('rep', { teamId: child, name: 'Nick Nested' });
    const teammate = await w.user('rep', { teamId: parent, name: 'Tom Teammate' });
    const outsider = await w.user('rep', { teamId: elsewhere, name: 'Oscar Outsider' });
    const marketing = await w.user('marketing', { name: 'Maya Marketing' });
    const coach = await w.user('coach', { name: 'Cole Coach' });
    const foreignRep = await other.user('rep');
    const actors: Record<Role, TestUser> = { admin: w.admin, manager, rep, marketing, coach };

    // Who is "team" and "other" for each actor. A rep's teammate is still "team" for the rep:
    // reps see only their own records.
    const relationOwners: Record<Role, Record<Exclude<Relation, 'otherWorkspace'>, TestUser>> = {
      admin: { own: w.admin, team: nestedRep, other: outsider },
      manager: { own: manager, team: nestedRep, other: outsider },
      rep: { own: rep, team: teammate, other: outsider },
      marketing: { own: marketing, team: nestedRep, other: outsider },
      // An outside coach owns nothing in the CRM; records "given" to them must stay out of reach too.
      coach: { own: coach, team: nestedRep, other: outsider },
    };

    const adminApi = w.as(w.admin);
    let n = 0;
    const make = async (resource: Resource, owner: TestUser, api = adminApi): Promise<{ id: string; marker: string }> => {
      const marker = `zq${(n++).toString(36)}x${env().engine[0]}`;
      const ownerId = owner.id;
      let res: { status: number; body: any };
      if (resource === 'accounts') res = await api.post('/api/v1/accounts', { name: `Acct ${marker}`, ownerId });
      else if (resource === 'contacts') res = await api.post('/api/v1/contacts', { firstName: 'Cora', lastName: `Contact ${marker}`, ownerId });
      else if (resource === 'deals') res = await api.post('/api/v1/deals', { name: `Deal ${marker}`, amount: 1000, closeDate: '2027-01-31', ownerId });
      else if (resource === 'leads') res = await api.post('/api/v1/leads', { lastName: `Lead ${marker}`, company: 'Matrix Co', ownerId });
      else res = await api.post('/api/v1/activities', { type: 'call', subject: `Call ${marker}`, occurredAt: '2026-11-20T10:00:00.000Z', ownerId });
      expect(res.status, `create ${resource} for ${owner.role}: ${JSON.stringify(res.body)}`).toBe(201);
      return { id: (resource === 'leads' ? res.body.lead.id : res.body.id) as string, marker };
    };

    const records: Fixture['records'] = {};
    for (const resource of RESOURCES) {
      records[resource] = {};
      const foreign = await make(resource, foreignRep, other.as(other.admin));
      for (const role of ROLES) {
        const owners = relationOwners[role];
        records[resource][role] = {
          own: await make(resource, owners.own),
          team: await make(resource, owners.team),
          other: await make(resource, owners.other),
          otherWorkspace: foreign,
        };
      }
    }
    const owners = Object.fromEntries(ROLES.map((r) => [r, { ...relationOwners[r], otherWorkspace: foreignRep }])) as Fixture['owners'];
    fx = {
      w,
      otherWorkspaceId: other.id,
      actors,
      owners,
      records,
      make: (resource, owner, foreign) => make(resource, owner, foreign ? other.as(other.admin) : adminApi),
    };
  });

  const cases = ROLES.flatMap((role) => RESOURCES.flatMap((resource) => RELATIONS.flatMap((relation) => OPS.map((op) => ({ role, resource, relation, op })))));

  it(`answers every one of the ${cases.length} generated cases as the policy says`, async () => {
    const failures: string[] = [];
    for (const { role, resource, relation, op } of cases) {
      const api = fx.w.as(fx.actors[role]);
      const record = fx.records[resource]?.[role]?.[relation] as { id: string; marker: string };
      const allowed = expectedAllowed(role, resource, relation, op);
      const roleHasReach = reachOf(role, resource, policyOp(op)) !== 'none';
      const label = `${role} ${op} ${relation} ${resource}`;
      // A record the caller may not see answers 404, exactly as a missing one; only a role with no
      // reach at all over the resource is told 403.
      const hidden = (status: number) => {
        if (!allowed && roleHasReach && status !== 404) failures.push(`${label}: expected 404 for an invisible record, got ${status}`);
      };
      let observed: boolean | 'skip';
      switch (op) {
        case 'list': {
          const res = await api.get(`/api/v1/${resource}?limit=200&q=${record.marker}`);
          if (!roleHasReach) {
            if (res.status !== 403) failures.push(`${label}: expected 403 for the list, got ${res.status}`);
            continue;
          }
          observed = res.status === 200 && res.body.items.some((i: { id: string }) => i.id === record.id);
          break;
        }
        case 'read': {
          const res = await api.get(`/api/v1/${resource}/${record.id}`);
          if (![200, 403, 404].includes(res.status)) failures.push(`${label}: unexpected ${res.status}`);
          hidden(res.status);
          observed = res.status === 200;
          break;
        }
        case 'update': {
          const current = await fx.w.as(fx.w.admin).get(`/api/v1/${resource}/${record.id}`);
          const version = current.status === 200 ? current.body.version : 1;
          const patch =
            resource === 'accounts'
              ? { industry: `I${version}` }
              : resource === 'contacts'
                ? { title: `T${version}` }
                : resource === 'deals'
                  ? { nextStep: `N${version}` }
                  : resource === 'leads'
                    ? { title: `T${version}` }
                    : { body: `B${version}` };
          const res = await api.patch(`/api/v1/${resource}/${record.id}`, { version, ...patch });
          if (![200, 403, 404].includes(res.status)) failures.push(`${label}: unexpected ${res.status} ${JSON.stringify(res.body)}`);
          if (reachOf(role, resource, 'read') !== 'none' && !expectedAllowed(role, resource, relation, 'read')) hidden(res.status);
          observed = res.status === 200;
          break;
        }
        case 'delete':
          // Deletes run last, on copies, so they do not disturb the other cases.
          continue;
        case 'search': {
          if (!SEARCHABLE.includes(resource)) continue;
          const res = await api.get(`/api/v1/search?q=${record.marker}&types=${SEARCH_TYPE[resource]}`);
          observed = res.status === 200 && res.body.items.some((i: { id: string }) => i.id === record.id);
          break;
        }
        case 'export': {
          if (!EXPORTABLE.includes(resource)) continue;
          const res = await api.get(`/api/v1/exports/${resource}.csv`);
          if (!roleHasReach) {
            if (res.status !== 403) failures.push(`${label}: expected 403 for the export, got ${res.status}`);
            continue;
          }
          observed = res.status === 200 && String(res.body).includes(record.marker);
          break;
        }
        case 'history': {
          if (!WITH_TIMELINE.includes(resource)) continue;
          const res = await api.get(historyPath(resource, record.id));
          if (![200, 403, 404].includes(res.status)) failures.push(`${label}: unexpected ${res.status}`);
          hidden(res.status);
          observed = res.status === 200;
          break;
        }
      }
      if (observed !== allowed) failures.push(`${label}: expected ${allowed ? 'allowed' : 'refused'}, was ${observed ? 'allowed' : 'refused'}`);
    }
    expect(failures).toEqual([]);
  });

  // Write references: every field of WRITE_REFERENCES, on create and on update, pointing at a record
  // of each relation and at an id that does not exist. A record the caller cannot see must answer
  // exactly as the missing id does (status, code, field, message), so writes are no existence oracle.
  const MISSING = '01890000-0000-7000-8000-000000000000';
  const baseBody: Partial<Record<Resource, Record<string, unknown>>> = {
    accounts: { name: 'Linked account' },
    contacts: { firstName: 'Lina', lastName: 'Linked' },
    deals: { name: 'Linked deal', amount: 1, closeDate: '2027-01-01' },
    activities: { type: 'call', subject: 'Linked call', occurredAt: '2026-11-20T10:00:00.000Z' },
    leads: { lastName: 'Linked lead', company: 'Linked Co' },
  };
  const refCases = ROLES.flatMap((role) =>
    RESOURCES.flatMap((resource) =>
      Object.entries(WRITE_REFERENCES[resource])
        .filter(([, target]) => target !== 'workspace')
        .flatMap(([field, target]) => (['create', 'update'] as const).map((op) => ({ role, resource, field, target, op }))),
    ),
  ).filter(({ role, resource, op }) => reachOf(role, resource, op) !== 'none');

  it(`checks every write reference against the caller's visibility (${refCases.length} field × operation cases, ${RELATIONS.length + 1} targets each)`, async () => {
    const failures: string[] = [];
    const admin = fx.w.as(fx.w.admin);
    // Own copies of the linked records, so links do not hold up the delete cases (an account with open deals stays).
    const targets = new Map<string, string>();
    const targetId = async (target: Resource, role: Role, relation: Relation) => {
      const key = `${target} ${role} ${relation}`;
      if (!targets.has(key)) targets.set(key, (await fx.make(target, fx.owners[role][relation], relation === 'otherWorkspace')).id);
      return targets.get(key) as string;
    };
    for (const { role, resource, field, target, op } of refCases) {
      const api = fx.w.as(fx.actors[role]);
      const write = async (id: string) => {
        if (op === 'create') return api.post(`/api/v1/${resource}`, { ...baseBody[resource], [field]: id });
        const own = fx.records[resource]?.[role]?.own as { id: string };
        const current = await admin.get(`/api/v1/${resource}/${own.id}`);
        return api.patch(`/api/v1/${resource}/${own.id}`, { version: current.body.version, [field]: id });
      };
      const label = `${role} ${op} ${resource}.${field}`;
      const missing = await write(MISSING);
      const refusal = (res: { status: number; body: any }) =>
        JSON.stringify({ status: res.status, code: res.body?.error?.code, message: res.body?.error?.message, details: res.body?.error?.details });
      if (missing.status !== 400 || missing.body.error.details?.fields?.[0]?.field !== field)
        failures.push(`${label} → missing id: expected 400 naming ${field}, got ${refusal(missing)}`);
      for (const relation of RELATIONS) {
        const id = target === 'users' ? fx.owners[role][relation].id : await targetId(target as Resource, role, relation);
        // An owner must be someone the caller may create this resource for; a record, one they may read.
        const allowed = target === 'users' ? reaches(reachOf(role, resource, 'create'), relation) : expectedAllowed(role, target as Resource, relation, 'read');
        const res = await write(id);
        const ok = res.status === (op === 'create' ? 201 : 200);
        if (allowed && !ok) failures.push(`${label} → ${relation} ${target}: expected allowed, got ${refusal(res)}`);
        if (!allowed && refusal(res) !== refusal(missing))
          failures.push(`${label} → ${relation} ${target}: expected the missing-id answer ${refusal(missing)}, got ${refusal(res)}`);
      }
      if (op === 'update' && target === 'users') {
        const own = fx.records[resource]?.[role]?.own as { id: string };
        const current = await admin.get(`/api/v1/${resource}/${own.id}`);
        await admin.patch(`/api/v1/${resource}/${own.id}`, { version: current.body.version, ownerId: fx.owners[role].own.id });
      }
    }
    expect(failures).toEqual([]);
  });

  it('declares every …Id field of every write body in WRITE_REFERENCES, so a new link cannot skip the check', async () => {
    const doc = (await env().anonymous().get('/api/openapi.json')).body;
    const undeclared: string[] = [];
    for (const resource of Object.keys(WRITE_REFERENCES) as Resource[]) {
      for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
        const base = `/api/v1/${resource.replace(/_/g, '-')}`;
        if (path !== base && path !== `${base}/{id}`) continue;
        for (const [method, op] of Object.entries(ops)) {
          const schema = op.requestBody?.content?.['application/json']?.schema;
          for (const name of Object.keys(schema?.properties ?? {})) {
            if (/Ids?$/.test(name) && name !== 'externalId' && !(name in WRITE_REFERENCES[resource]))
              undeclared.push(`${method.toUpperCase()} ${path} ${name}`);
          }
        }
      }
    }
    expect(undeclared).toEqual([]);
  });

  // Workspace-wide resources without owners (audit log, webhook endpoints): read is all or nothing.
  it('answers the workspace-wide admin resources as the policy says, for every role', async () => {
    const lists: [Resource, string][] = [
      ['audit_log', '/api/v1/audit-log'],
      ['webhooks', '/api/v1/webhook-endpoints'],
    ];
    const failures: string[] = [];
    for (const role of ROLES) {
      for (const [resource, path] of lists) {
        const expected = reachOf(role, resource, 'read') === 'none' ? 403 : 200;
        const res = await fx.w.as(fx.actors[role]).get(path);
        if (res.status !== expected) failures.push(`${role} list ${resource}: expected ${expected}, got ${res.status}`);
        if (res.status === 200 && JSON.stringify(res.body).includes(fx.owners.admin.otherWorkspace.id))
          failures.push(`${role} list ${resource}: shows another workspace`);
      }
    }
    expect(failures).toEqual([]);
  });

  // Resources read by id only, owned by whoever started them: each of their routes in the OpenAPI
  // document must be listed here, so a new route of one of them cannot skip the policy table.
  const BY_ID_ROUTES: Partial<Record<Resource, string[]>> = { jobs: ['/api/v1/jobs/{id}'] };
  const matrixJob = defineJob<Record<string, never>>({ name: 'test.visibility-matrix', handler: async () => undefined });

  it('answers a job by id as the policy says (its creator, every job for an admin), and covers every jobs route', async () => {
    const doc = (await env().anonymous().get('/api/openapi.json')).body;
    for (const [resource, covered] of Object.entries(BY_ID_ROUTES)) {
      const base = `/api/v1/${resource.replace(/_/g, '-')}`;
      const routes = Object.keys(doc.paths).filter((p) => p === base || p.startsWith(`${base}/`));
      expect(routes.sort(), `${resource}: routes the matrix does not exercise`).toEqual([...(covered as string[])].sort());
    }
    const jobs = { db: env().database.db, now: () => env().clock.now };
    // Queued far ahead so no runner of this process takes them: the matrix reads them as they are.
    const runAt = env().clock.now + 365 * 86_400_000;
    const failures: string[] = [];
    for (const role of ROLES) {
      const reach = reachOf(role, 'jobs', 'read');
      const system = await enqueue(jobs, matrixJob, {}, { workspaceId: fx.w.id, runAt });
      const cases: [string, string, boolean][] = [['a system job', system, reach === 'all']];
      for (const relation of RELATIONS) {
        const workspaceId = relation === 'otherWorkspace' ? fx.otherWorkspaceId : fx.w.id;
        const id = await enqueue(jobs, matrixJob, {}, { workspaceId, runAt, createdBy: fx.owners[role][relation].id });
        cases.push([`${relation}'s job`, id, reaches(reach, relation)]);
      }
      for (const [label, id, allowed] of cases) {
        const res = await fx.w.as(fx.actors[role]).get(`/api/v1/jobs/${id}`);
        // Refused reads answer 404, as for a job that does not exist: ids are no oracle.
        const expected = allowed ? 200 : 404;
        if (res.status !== expected) failures.push(`${role} read ${label}: expected ${expected}, got ${res.status}`);
        if (res.status === 200 && res.body.id !== id) failures.push(`${role} read ${label}: answered another job`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('deletes only what the policy allows, and a refused delete leaves the record in place', async () => {
    const failures: string[] = [];
    for (const role of ROLES) {
      for (const resource of RESOURCES) {
        for (const relation of RELATIONS) {
          const record = fx.records[resource]?.[role]?.[relation] as { id: string };
          const allowed = expectedAllowed(role, resource, relation, 'delete');
          const res = await fx.w.as(fx.actors[role]).delete(`/api/v1/${resource}/${record.id}`);
          const deleted = res.status === 204;
          if (deleted !== allowed) failures.push(`${role} delete ${relation} ${resource}: expected ${allowed ? 'deleted' : 'refused'}, got ${res.status}`);
          if (!deleted && ![403, 404, 409].includes(res.status)) failures.push(`${role} delete ${relation} ${resource}: unexpected ${res.status}`);
          if (deleted) {
            expect((await fx.w.as(fx.w.admin).get(`/api/v1/${resource}/${record.id}`)).status).toBe(404);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
