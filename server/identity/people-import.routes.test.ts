// Users and teams from a CSV through the API: all rows or none, re-runnable, admin only.
import { expect, it } from 'vitest';
import { describeEngines } from '../test/test-env.js';

const SHEET = [
  'Name;Email;Role;Team;Parent team;Manager',
  'Vera VP;vp@{ws}.test;manager;Field Sales;;',
  'Max East;east@{ws}.test;manager;East;Field Sales;vp@{ws}.test',
  'Rita Rep;rita@{ws}.test;rep;East;;east@{ws}.test',
  'Ron Rep;ron@{ws}.test;rep;West;Field Sales;vp@{ws}.test',
  'Mona Marketing;mona@{ws}.test;marketing;;;',
].join('\n');

describeEngines('people import', (env) => {
  it('checks, imports, and re-imports a sheet without changing anything', async () => {
    const w = await env().workspace();
    const csv = SHEET.replaceAll('{ws}', w.id.slice(-8));
    const api = w.as(w.admin);

    const dry = await api.post('/api/v1/people/import', { csv, dryRun: true, initialPassword: 'welcome to furrow' });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ ok: true, dryRun: true, rows: 5, teams: { created: 3 }, users: { created: 5 } });
    expect((await api.get('/api/v1/users')).body.items).toHaveLength(1);

    const done = await api.post('/api/v1/people/import', { csv, initialPassword: 'welcome to furrow' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ ok: true, teams: { created: 3, updated: 0 }, users: { created: 5 } });

    const teams: { id: string; name: string; parentId: string | null; managerId: string | null }[] = (await api.get('/api/v1/teams')).body.items;
    const users: { id: string; email: string; teamId: string | null; role: string }[] = (await api.get('/api/v1/users')).body.items;
    const team = (name: string) => teams.find((t) => t.name === name);
    const user = (prefix: string) => users.find((u) => u.email.startsWith(prefix));
    expect(team('East')?.parentId).toBe(team('Field Sales')?.id);
    expect(team('West')?.parentId).toBe(team('Field Sales')?.id);
    expect(team('East')?.managerId).toBe(user('east@')?.id);
    expect(team('West')?.managerId).toBe(user('vp@')?.id);
    expect(team('Field Sales')?.managerId).toBe(user('vp@')?.id);
    expect(user('rita@')).toMatchObject({ role: 'rep', teamId: team('East')?.id });
    expect(user('mona@')).toMatchObject({ role: 'marketing', teamId: null });

    // The new users sign in with the initial password.
    const login = await env()
      .anonymous()
      .post('/api/v1/auth/login', { email: user('rita@')?.email, password: 'welcome to furrow' });
    expect(login.status).toBe(200);

    const again = await api.post('/api/v1/people/import', { csv });
    expect(again.body).toMatchObject({ ok: true, teams: { created: 0, updated: 0, unchanged: 3 }, users: { created: 0, updated: 0, unchanged: 5 } });
    expect((await api.get('/api/v1/teams')).body.items).toHaveLength(3);

    // A changed row updates that person only.
    const moved = await api.post('/api/v1/people/import', {
      csv: csv.replace('Rita Rep;rita', 'Rita Rep-Lee;rita').replace(';rep;East;;east', ';rep;West;;vp'),
    });
    expect(moved.body).toMatchObject({ ok: true, users: { updated: 1, unchanged: 4 } });
    expect((await api.get(`/api/v1/users/${user('rita@')?.id}`)).body).toMatchObject({ name: 'Rita Rep-Lee', teamId: team('West')?.id });
  });

  it('refuses the whole sheet with every problem by line, and writes nothing', async () => {
    const w = await env().workspace();
    const api = w.as(w.admin);
    const tag = w.id.slice(-8);
    const csv = ['name,email,role,team,favourite colour', `Ann,ann@${tag}.test,rep,North,blue`, `Bob,bob@${tag}.test,wizard,North,red`].join('\n');
    const refused = await api.post('/api/v1/people/import', { csv, initialPassword: 'welcome to furrow' });
    expect(refused.status).toBe(422);
    expect(refused.body.error?.code).toBe('rule_violation');
    expect(refused.body.error?.details.errors).toEqual([
      { line: 1, field: 'favourite colour', message: 'column "favourite colour" is not one of name, email, role, team, parent team, manager' },
      { line: 3, field: 'role', message: 'must be one of admin, manager, rep, marketing (got "wizard")' },
    ]);
    expect((await api.get('/api/v1/teams')).body.items).toHaveLength(0);
    expect((await api.get('/api/v1/users')).body.items).toHaveLength(1);

    const noPassword = await api.post('/api/v1/people/import', { csv: `name,email,role\nAnn,ann@${tag}.test,rep`, dryRun: true });
    expect(noPassword.body.errors).toEqual([{ line: 2, field: 'initialPassword', message: '1 new users need an initial password' }]);

    const badBody = await api.post('/api/v1/people/import', { csv: 'name,email,role\n', initialPassword: 'short' });
    expect(badBody.status).toBe(400);
    expect(badBody.body.error?.details.fields.map((f: { field: string }) => f.field)).toContain('initialPassword');
  });

  it('is for admins only', async () => {
    const w = await env().workspace();
    const manager = await w.user('manager');
    const res = await w.as(manager).post('/api/v1/people/import', { csv: 'name,email,role\nA,a@x.test,rep', dryRun: true });
    expect(res.status).toBe(403);
  });
});
