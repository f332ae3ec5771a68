// Each audited action writes its entry (with who, when and from where), and only admins read the log.
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { reachOf } from '../identity/policy.js';
import { describeEngines, TEST_PASSWORD, type TestUser, type TestWorkspace } from '../test/test-env.js';
import { purgeExpiredAudit } from './audit.service.js';
import { auditCsvRow } from './audit-csv.js';

describeEngines('audit log', (env) => {
  let w: TestWorkspace;
  let rep: TestUser;
  let manager: TestUser;
  let marketing: TestUser;

  beforeAll(async () => {
    w = await env().workspace();
    manager = await w.user('manager');
    rep = await w.user('rep');
    marketing = await w.user('marketing');
  });

  const entries = async (query = '') => {
    const res = await w.as(w.admin).get(`/api/v1/audit-log?limit=200${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.items;
  };
  const latest = async (action: string) => {
    const [first] = await entries(`&action=${action}`);
    if (!first) throw new Error(`no ${action} entry`);
    return first;
  };

  it('records sign-ins and failed sign-ins with the address, and nothing for an unknown email', async () => {
    const anon = env().anonymous();
    const wrong = await env().app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: rep.email, password: 'not the password' },
      remoteAddress: '203.0.113.7',
    });
    expect(wrong.statusCode).toBe(401);
    const ok = await env().app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: rep.email, password: TEST_PASSWORD },
      remoteAddress: '203.0.113.8',
    });
    expect(ok.statusCode).toBe(200);
    expect((await anon.post('/api/v1/auth/login', { email: 'nobody@example.test', password: 'x' })).status).toBe(401);

    const failed = await latest('auth.sign_in_failed');
    expect(failed).toMatchObject({ actor: null, targetId: rep.id, ip: '203.0.113.7' });
    const signedIn = await latest('auth.sign_in');
    expect(signedIn).toMatchObject({ actor: { id: rep.id }, ip: '203.0.113.8' });
    expect((await entries()).some((e) => e.summary.includes('nobody@example.test'))).toBe(false);
  });

  it('records denied access (403) with the route, and only admins read or export the log', async () => {
    for (const user of [manager, rep, marketing]) {
      expect(reachOf(user.role, 'audit_log', 'read')).toBe('none');
      expect((await w.as(user).get('/api/v1/audit-log')).status).toBe(403);
      expect((await w.as(user).get('/api/v1/audit-log.csv')).status).toBe(403);
    }
    const denied = (await entries(`&action=access.denied&actorId=${rep.id}`)).map((e) => e.targetId);
    expect(denied).toEqual(['GET /api/v1/audit-log.csv', 'GET /api/v1/audit-log']);
    expect((await w.as(w.admin).get('/api/v1/audit-log')).body.retentionDays).toBe(env().config.auditRetentionDays);
  });

  it('records users added, role and team changes, and team changes, in the same transaction as the change', async () => {
    const admin = w.as(w.admin);
    const team = await admin.post('/api/v1/teams', { name: `Audit ${Date.now()}` });
    expect(team.status).toBe(201);
    expect((await latest('team.created')).targetId).toBe(team.body.id);
    const renamed = await admin.patch(`/api/v1/teams/${team.body.id}`, { version: team.body.version, name: `Audited ${Date.now()}` });
    expect(renamed.status).toBe(200);
    expect((await latest('team.changed')).details).toMatchObject({ name: { to: renamed.body.name } });

    const user = await admin.post('/api/v1/users', { email: `new-${Date.now()}@example.test`, name: 'Nina New', role: 'rep', password: TEST_PASSWORD });
    expect(user.status).toBe(201);
    expect((await latest('user.created')).targetId).toBe(user.body.id);
    const moved = await admin.patch(`/api/v1/users/${user.body.id}`, { version: user.body.version, role: 'manager', teamId: team.body.id });
    expect(moved.status).toBe(200);
    expect((await latest('user.role_changed')).details).toEqual({ from: 'rep', to: 'manager' });
    expect((await latest('user.team_changed')).details).toEqual({ from: null, to: team.body.id });
    const disabled = await admin.patch(`/api/v1/users/${user.body.id}`, { version: moved.body.version, disabled: true, teamId: null });
    expect(disabled.status).toBe(200);
    expect((await latest('user.disabled')).targetId).toBe(user.body.id);
    expect((await admin.delete(`/api/v1/teams/${team.body.id}`)).status).toBe(204);
    expect((await latest('team.deleted')).targetId).toBe(team.body.id);

    // A stale write changes nothing, so it records nothing either.
    const before = (await entries('&action=user.role_changed')).length;
    expect((await admin.patch(`/api/v1/users/${user.body.id}`, { version: 1, role: 'rep' })).status).toBe(409);
    expect((await entries('&action=user.role_changed')).length).toBe(before);
  });

  it('records process, quota and expectation changes, tokens and exports', async () => {
    const admin = w.as(w.admin);
    const pipeline = await admin.post('/api/v1/pipelines', { name: `Audit pipeline ${Date.now()}` });
    expect(pipeline.status, JSON.stringify(pipeline.body)).toBe(201);
    const pipelineId = pipeline.body.pipeline.id;
    expect((await latest('process.changed')).targetId).toBe(pipelineId);
    const stage = pipeline.body.stages[0];
    const changed = await admin.patch(`/api/v1/stages/${stage!.id}`, { version: pipeline.body.pipeline.version, probability: 15 });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect((await entries(`&action=process.changed`)).filter((e) => e.targetId === pipelineId).length).toBe(2);

    const quota = await admin.put('/api/v1/quotas', { items: [{ scopeType: 'user', scopeId: rep.id, periodKey: 'FY2026-Q4', amount: 20_000 }] });
    expect(quota.status, JSON.stringify(quota.body)).toBe(200);
    expect((await latest('quota.changed')).details).toMatchObject({ created: 1 });

    const exp = await admin.post('/api/v1/expectations', {
      kpiId: 'win_rate',
      scopeType: 'workspace',
      periodKind: 'quarter',
      target: 0.5,
      amberThreshold: 0.4,
      redThreshold: 0.3,
    });
    expect(exp.status, JSON.stringify(exp.body)).toBe(201);
    expect((await latest('expectation.changed')).targetId).toBe(exp.body.id);

    const token = await w.as(rep).post('/api/v1/api-tokens', { name: 'Zapier' });
    expect(token.status).toBe(201);
    expect(await latest('api_token.created')).toMatchObject({ actor: { id: rep.id }, targetId: token.body.token.id });
    expect((await w.as(rep).delete(`/api/v1/api-tokens/${token.body.token.id}`)).status).toBe(204);
    expect((await latest('api_token.revoked')).targetId).toBe(token.body.token.id);

    expect((await w.as(manager).get('/api/v1/exports/deals.csv')).status).toBe(200);
    expect(await latest('export.downloaded')).toMatchObject({ actor: { id: manager.id }, targetId: null, summary: 'Exported deals as CSV' });
  });

  it('filters by actor, action and date range, and pages newest first', async () => {
    const x = await env().workspace();
    const api = x.as(x.admin);
    const clock = env().clock;
    const t0 = clock.now;
    for (let i = 0; i < 3; i++) {
      clock.now = t0 + i * 86_400_000;
      expect((await api.post('/api/v1/api-tokens', { name: `t${i}` })).status).toBe(201);
    }
    clock.now = t0;
    const all = await api.get('/api/v1/audit-log?action=api_token.created');
    expect(all.body.items.map((e: { summary: string }) => e.summary.split(' (')[0])).toEqual(['t2', 't1', 't0'].map((n) => `Created the API token ${n}`));
    const day1 = await api.get(`/api/v1/audit-log?from=${new Date(t0 + 86_400_000).toISOString()}&to=${new Date(t0 + 2 * 86_400_000).toISOString()}`);
    expect(day1.body.items.map((e: { summary: string }) => e.summary)).toEqual([expect.stringContaining('API token t1')]);
    const page1 = await api.get('/api/v1/audit-log?limit=2&action=api_token.created');
    const page2 = await api.get(`/api/v1/audit-log?limit=2&action=api_token.created&cursor=${page1.body.nextCursor}`);
    expect([...page1.body.items, ...page2.body.items].map((e: { id: string }) => e.id)).toEqual(all.body.items.map((e: { id: string }) => e.id));
    expect((await api.get(`/api/v1/audit-log?actorId=${rep.id}`)).body.items).toEqual([]);
    expect((await api.get('/api/v1/audit-log?action=nope')).status).toBe(400);
    expect((await api.get(`/api/v1/audit-log?from=${new Date(t0).toISOString()}&to=${new Date(t0 - 1).toISOString()}`)).status).toBe(400);
    // Nothing crosses workspaces.
    expect((await api.get('/api/v1/audit-log?limit=200')).body.items.some((e: { actor: { id: string } | null }) => e.actor?.id === w.admin.id)).toBe(false);
  });

  it('exports the filtered log as CSV with formula cells neutralised, and audits the export', async () => {
    const x = await env().workspace();
    const api = x.as(x.admin);
    expect((await api.post('/api/v1/api-tokens', { name: '=HYPERLINK("http://evil")' })).status).toBe(201);
    const res = await api.get('/api/v1/audit-log.csv?action=api_token.created');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = String(res.body)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('at,actor_id,actor_name,action,target_type,target_id,summary,details,ip,via');
    expect(lines).toHaveLength(2);
    expect((await api.get('/api/v1/audit-log?action=export.downloaded')).body.items).toHaveLength(1);
    const row = auditCsvRow({
      id: 'x',
      at: '2026-01-01T00:00:00.000Z',
      actor: { id: 'u', name: '@admin' },
      action: 'a',
      targetType: null,
      targetId: null,
      summary: '-1+1',
      details: null,
      ip: '+1',
      via: '\tx',
    });
    expect(row).toEqual(['2026-01-01T00:00:00.000Z', 'u', "'@admin", 'a', '', '', "'-1+1", '', "'+1", "'\tx"]);
  });

  it('is append-only and purged after the retention period', async () => {
    const x = await env().workspace();
    const api = x.as(x.admin);
    expect((await api.post('/api/v1/api-tokens', { name: 'old' })).status).toBe(201);
    const db = env().database.db;
    await expect(sql`update audit_entries set summary = 'rewritten' where workspace_id = ${x.id}`.execute(db)).rejects.toThrow(/append-only/);
    const clock = env().clock.now;
    expect(await purgeExpiredAudit(db, clock + 9 * 86_400_000, 10)).toBeGreaterThanOrEqual(0);
    expect((await api.get('/api/v1/audit-log')).body.items).toHaveLength(1);
    await purgeExpiredAudit(db, clock + 11 * 86_400_000, 10);
    expect((await api.get('/api/v1/audit-log')).body.items).toHaveLength(0);
  });
});
