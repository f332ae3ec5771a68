import { expect, it } from 'vitest';
import { clientFor, describeEngines, TEST_PASSWORD, type TestEnv } from '../test/test-env.js';

/** Signs in through the API like the browser does; returns a client carrying the cookie and CSRF token. */
async function browserLogin(env: TestEnv, email: string, password = TEST_PASSWORD) {
  const res = await env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  const cookie = res.cookies.find((c) => c.name === 'furrow_session');
  return { res, cookie, csrf: res.statusCode === 200 ? (res.json().csrfToken as string) : '' };
}

describeEngines('authentication', (env) => {
  it('signs in with an httpOnly SameSite cookie, a fresh session id each time, and ends it on logout', async () => {
    const w = await env().workspace();
    const rep = await w.user('rep');
    const first = await browserLogin(env(), rep.email);
    expect(first.res.statusCode).toBe(200);
    expect(first.res.json()).toMatchObject({ user: { id: rep.id, role: 'rep' }, workspace: { id: w.id } });
    expect(first.cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const second = await browserLogin(env(), rep.email);
    expect(second.cookie?.value).not.toBe(first.cookie?.value);

    // The session table stores hashes, never the cookie value itself.
    const stored = await env().database.db.selectFrom('sessions').select('id').where('user_id', '=', rep.id).execute();
    expect(stored.map((s) => s.id)).not.toContain(first.cookie?.value);

    const browser = clientFor(env().app, { cookie: `furrow_session=${first.cookie?.value}`, 'x-csrf-token': first.csrf });
    expect((await browser.get('/api/v1/auth/session')).status).toBe(200);
    expect((await browser.post('/api/v1/auth/logout')).status).toBe(204);
    expect((await browser.get('/api/v1/auth/session')).status).toBe(401);
    // The other session is untouched.
    const other = clientFor(env().app, { cookie: `furrow_session=${second.cookie?.value}` });
    expect((await other.get('/api/v1/auth/session')).status).toBe(200);
  });

  it('ends the session a browser held before when it signs in again', async () => {
    const w = await env().workspace();
    const rep = await w.user('rep');
    const manager = await w.user('manager');
    const before = await browserLogin(env(), rep.email);
    const again = await env().app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: manager.email, password: TEST_PASSWORD },
      cookies: { furrow_session: before.cookie?.value ?? '' },
    });
    expect(again.statusCode).toBe(200);
    const after = again.cookies.find((c) => c.name === 'furrow_session')?.value;
    expect(after).toBeDefined();
    expect(after).not.toBe(before.cookie?.value);
    expect((await clientFor(env().app, { cookie: `furrow_session=${before.cookie?.value}` }).get('/api/v1/auth/session')).status).toBe(401);
    const now = await clientFor(env().app, { cookie: `furrow_session=${after}` }).get('/api/v1/auth/session');
    expect(now.body.user.id).toBe(manager.id);
  });

  it('a changed password signs out every other session of the user, not the one that changed it', async () => {
    const w = await env().workspace();
    const rep = await w.user('rep');
    const here = await browserLogin(env(), rep.email);
    const elsewhere = await browserLogin(env(), rep.email);
    const browser = clientFor(env().app, { cookie: `furrow_session=${here.cookie?.value}`, 'x-csrf-token': here.csrf });
    const wrong = await browser.post('/api/v1/auth/password', { currentPassword: 'not it', newPassword: 'a brand new secret' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error?.details.fields[0]?.field).toBe('currentPassword');
    expect((await browser.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'a brand new secret' })).status).toBe(204);
    expect((await browser.get('/api/v1/auth/session')).status).toBe(200);
    expect((await clientFor(env().app, { cookie: `furrow_session=${elsewhere.cookie?.value}` }).get('/api/v1/auth/session')).status).toBe(401);
    expect((await browserLogin(env(), rep.email)).res.statusCode).toBe(401);
    expect((await browserLogin(env(), rep.email, 'a brand new secret')).res.statusCode).toBe(200);
  });

  it('refuses a wrong password with the same message as an unknown email', async () => {
    const w = await env().workspace();
    const rep = await w.user('rep');
    const wrong = await browserLogin(env(), rep.email, 'not the password');
    const unknown = await browserLogin(env(), 'nobody@example.test', 'whatever-123');
    expect(wrong.res.statusCode).toBe(401);
    expect(unknown.res.statusCode).toBe(401);
    expect(wrong.res.json().error.message).toBe(unknown.res.json().error.message);
  });

  it('limits failed sign-ins per email', async () => {
    const w = await env().workspace();
    const rep = await w.user('rep');
    for (let i = 0; i < env().config.loginMaxAttempts; i++) expect((await browserLogin(env(), rep.email, `bad-${i}`)).res.statusCode).toBe(401);
    const blocked = await browserLogin(env(), rep.email);
    expect(blocked.res.statusCode).toBe(429);
    expect(blocked.res.json().error.code).toBe('rate_limited');
    env().clock.now += 16 * 60_000;
    expect((await browserLogin(env(), rep.email)).res.statusCode).toBe(200);
  });

  it('counts before it checks: of 100 parallel wrong passwords, at most the limit are checked (per email and per address)', async () => {
    const w = await env().workspace();
    const rep = await w.user('rep');
    const limit = env().config.loginMaxAttempts;
    const attempt = (email: string, address: string, i: number) =>
      env().app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: address, payload: { email, password: `wrong-${i}` } });
    const tally = (results: { statusCode: number }[]) => ({
      checked: results.filter((r) => r.statusCode === 401).length,
      limited: results.filter((r) => r.statusCode === 429).length,
    });
    // One email from a hundred addresses: the email's limit holds.
    const byEmail = tally(await Promise.all(Array.from({ length: 100 }, (_, i) => attempt(rep.email, `10.1.${i}.${env().engine.length}`, i))));
    expect(byEmail.checked).toBeLessThanOrEqual(limit);
    expect(byEmail.checked + byEmail.limited).toBe(100);
    // A hundred emails from one address: the address's (wider) limit holds.
    const address = `10.2.0.${env().engine.length}`;
    const byAddress = tally(await Promise.all(Array.from({ length: 100 }, (_, i) => attempt(`nobody-${i}-${w.id}@example.test`, address, i))));
    expect(byAddress.checked).toBeLessThanOrEqual(limit * 5);
    expect(byAddress.checked + byAddress.limited).toBe(100);
  });

  it('requires the CSRF token and a same-origin Origin on cookie-authenticated writes', async () => {
    const w = await env().workspace();
    const rep = await w.user('rep');
    const { cookie, csrf } = await browserLogin(env(), rep.email);
    const noToken = clientFor(env().app, { cookie: `furrow_session=${cookie?.value}` });
    const res = await noToken.post('/api/v1/accounts', { name: 'Forged' });
    expect(res.status).toBe(403);
    const crossSite = clientFor(env().app, {
      cookie: `furrow_session=${cookie?.value}`,
      'x-csrf-token': csrf,
      origin: 'https://evil.example',
      host: 'localhost:80',
    });
    expect((await crossSite.post('/api/v1/accounts', { name: 'Forged' })).status).toBe(403);
    const ok = clientFor(env().app, { cookie: `furrow_session=${cookie?.value}`, 'x-csrf-token': csrf });
    expect((await ok.post('/api/v1/accounts', { name: 'Real' })).status).toBe(201);
    expect((await ok.get('/api/v1/accounts')).body.items.map((a: { name: string }) => a.name)).toEqual(['Real']);
  });

  it('ends every session and token of a disabled user', async () => {
    const w = await env().workspace();
    const rep = await w.user('rep');
    const { cookie } = await browserLogin(env(), rep.email);
    const user = (await w.as(w.admin).get(`/api/v1/users/${rep.id}`)).body;
    const disabled = await w.as(w.admin).patch(`/api/v1/users/${rep.id}`, { version: user.version, disabled: true });
    expect(disabled.status).toBe(200);
    expect((await clientFor(env().app, { cookie: `furrow_session=${cookie?.value}` }).get('/api/v1/auth/session')).status).toBe(401);
    expect((await w.as(rep).get('/api/v1/accounts')).status).toBe(401);
    expect((await browserLogin(env(), rep.email)).res.statusCode).toBe(401);
  });

  it('creates API tokens that act as their user and stop working when revoked', async () => {
    const w = await env().workspace();
    const rep = await w.user('rep');
    const created = await w.as(rep).post('/api/v1/api-tokens', { name: 'Zapier' });
    expect(created.status).toBe(201);
    const secret = created.body.secret as string;
    expect(secret.startsWith(created.body.token.prefix)).toBe(true);
    const integration = clientFor(env().app, { authorization: `Bearer ${secret}` });
    expect((await integration.post('/api/v1/accounts', { name: 'Via token' })).body.ownerId).toBe(rep.id);
    const listed = await w.as(rep).get('/api/v1/api-tokens');
    expect(listed.body.items.find((t: { id: string }) => t.id === created.body.token.id)).not.toHaveProperty('secret');
    expect((await w.as(rep).delete(`/api/v1/api-tokens/${created.body.token.id}`)).status).toBe(204);
    expect((await integration.get('/api/v1/accounts')).status).toBe(401);
    // Another user cannot revoke someone else's token.
    const other = await w.user('rep');
    expect((await w.as(other).delete(`/api/v1/api-tokens/${created.body.token.id}`)).status).toBe(404);
  });

  it('answers 401 without credentials and never leaks secrets into error bodies', async () => {
    const anon = env().anonymous();
    const res = await anon.get('/api/v1/deals');
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ code: 'unauthenticated' });
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('invites a user who sets a password and is signed in; the invitation works once', async () => {
    const w = await env().workspace();
    const team = await w.team('North');
    const inv = await w.as(w.admin).post('/api/v1/invitations', { email: 'New.Rep@Example.test', name: 'New Rep', role: 'rep', teamId: team });
    expect(inv.status).toBe(201);
    const secret = (inv.body.acceptUrl as string).split('#')[1] as string;
    expect(inv.body.acceptUrl).toMatch(/^\/accept-invite#/);
    const accepted = await env().anonymous().post('/api/v1/invitations/accept', { token: secret, password: 'a-long-password' });
    expect(accepted.status).toBe(201);
    expect(accepted.body.user).toMatchObject({ email: 'new.rep@example.test', role: 'rep', teamId: team });
    expect((await env().anonymous().post('/api/v1/invitations/accept', { token: secret, password: 'a-long-password' })).status).toBe(404);
    expect((await browserLogin(env(), 'new.rep@example.test', 'a-long-password')).res.statusCode).toBe(200);
    const rep = await w.user('rep');
    expect((await w.as(rep).post('/api/v1/invitations', { email: 'x@example.test', name: 'X', role: 'admin' })).status).toBe(403);
  });
});

describeEngines('users and teams', (env) => {
  it('lets an admin nest teams but never in a cycle', async () => {
    const w = await env().workspace();
    const api = w.as(w.admin);
    const top = await api.post('/api/v1/teams', { name: 'Sales' });
    const child = await api.post('/api/v1/teams', { name: 'East', parentId: top.body.id });
    expect(child.status).toBe(201);
    const cycle = await api.patch(`/api/v1/teams/${top.body.id}`, { version: top.body.version, parentId: child.body.id });
    expect(cycle.status).toBe(400);
    expect(cycle.body.error?.details.fields[0]?.field).toBe('parentId');
    const dup = await api.post('/api/v1/teams', { name: 'sales' });
    expect(dup.body.error?.details.fields[0]?.field).toBe('name');
    expect((await api.delete(`/api/v1/teams/${top.body.id}`)).status).toBe(409);
  });

  it('keeps user management with admins and emails unique', async () => {
    const w = await env().workspace();
    const manager = await w.user('manager');
    expect((await w.as(manager).post('/api/v1/users', { email: 'a@example.test', name: 'A', role: 'rep', password: 'long-enough-pw' })).status).toBe(403);
    const created = await w.as(w.admin).post('/api/v1/users', { email: 'A@example.test', name: 'A', role: 'rep', password: 'long-enough-pw' });
    expect(created.status).toBe(201);
    const again = await w.as(w.admin).post('/api/v1/users', { email: 'a@example.test', name: 'A2', role: 'rep', password: 'long-enough-pw' });
    expect(again.body.error?.details.fields[0]?.field).toBe('email');
    const short = await w.as(w.admin).post('/api/v1/users', { email: 'b@example.test', name: 'B', role: 'rep', password: 'short' });
    expect(short.body.error?.details.fields[0]?.field).toBe('password');
    const self = await w.as(w.admin).get(`/api/v1/users/${w.admin.id}`);
    expect((await w.as(w.admin).patch(`/api/v1/users/${w.admin.id}`, { version: self.body.version, disabled: true })).status).toBe(400);
  });

  it('keeps workspaces apart: another workspace’s user is not found', async () => {
    const a = await env().workspace();
    const b = await env().workspace();
    const rep = await b.user('rep');
    expect((await a.as(a.admin).get(`/api/v1/users/${rep.id}`)).status).toBe(404);
    expect((await a.as(a.admin).get('/api/v1/users')).body.items.map((u: { id: string }) => u.id)).not.toContain(rep.id);
  });
});
