// The team tree and people are cached per workspace (visibility-org.service.ts); visibility must never be
// stale for it. A change is seen by the very next request — made through the API, and made by
// "another process": raw SQL through a second database handle, which no code of this app sees, so
// only the scope version the triggers bump can tell the cache. Both directions: a rep moved into a
// manager's team becomes visible, moved out stops being visible at once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../db/database.js';
import { createTestEnv, type TestEnv, type TestUser, type TestWorkspace, testEngines } from '../test/test-env.js';
import { managedSubtreeIds, teamOwnerIds } from './visibility.js';

for (const engine of testEngines()) {
  describe(`team visibility cache [${engine}]`, () => {
    let env: TestEnv & { close(): Promise<void> };
    let other: Database;
    let dir: string | undefined;
    let w: TestWorkspace;
    let manager: TestUser;
    let rep: TestUser;
    let team: string;
    let elsewhere: string;
    let dealName: string;

    beforeAll(async () => {
      if (engine === 'sqlite') dir = mkdtempSync(join(tmpdir(), 'furrow-scope-'));
      env = await createTestEnv(engine, dir ? { sqliteFile: join(dir, 'furrow.db') } : {});
      // A second handle on the same database: what another server process would write through.
      other = openDatabase(env.config.databaseUrl, { poolSize: 1 });
      w = await env.workspace();
      manager = await w.user('manager', { name: 'Mia Manager' });
      team = await w.team('Field', { managerId: manager.id });
      elsewhere = await w.team('Partners', { managerId: null });
      rep = await w.user('rep', { teamId: elsewhere, name: 'Rita Rep' });
      dealName = `Cache deal ${rep.id.slice(-6)}`;
      expect((await w.as(w.admin).post('/api/v1/deals', { name: dealName, amount: 1000, closeDate: '2027-01-31', ownerId: rep.id })).status).toBe(201);
    });

    afterAll(async () => {
      await other?.close();
      await env?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const managerSees = async () => {
      const r = await w.as(manager).get(`/api/v1/deals?q=${encodeURIComponent(dealName)}`);
      expect(r.status).toBe(200);
      return (r.body.items as { name: string }[]).some((d) => d.name === dealName);
    };
    const moveRep = (teamId: string) => other.db.updateTable('users').set({ team_id: teamId }).where('id', '=', rep.id).execute();

    it('sees a change another process commits on the very next request, both ways', async () => {
      expect(await managerSees()).toBe(false);
      expect(await managerSees()).toBe(false); // now served from the cache
      await moveRep(team);
      expect(await managerSees()).toBe(true);
      await moveRep(elsewhere);
      expect(await managerSees()).toBe(false);
    });

    it('sees a team tree change another process commits (a team moved under a managed one, then out)', async () => {
      await other.db.updateTable('teams').set({ parent_id: team }).where('id', '=', elsewhere).execute();
      expect(await managerSees()).toBe(true);
      await other.db.updateTable('teams').set({ parent_id: null }).where('id', '=', elsewhere).execute();
      expect(await managerSees()).toBe(false);
    });

    it('sees a change made through the API on the very next request', async () => {
      const setManager = async (managerId: string | null) => {
        const teams = (await w.as(w.admin).get('/api/v1/teams')).body.items as { id: string; version: number }[];
        const version = teams.find((t) => t.id === elsewhere)?.version;
        expect((await w.as(w.admin).patch(`/api/v1/teams/${elsewhere}`, { version, managerId })).status).toBe(200);
      };
      expect(await managerSees()).toBe(false);
      await setManager(manager.id);
      expect(await managerSees()).toBe(true);
      await setManager(null);
      expect(await managerSees()).toBe(false);
    });

    it('reads inside a transaction what the transaction changed, and does not keep it after a rollback', async () => {
      const ctx = () => w.ctx(manager);
      expect(await teamOwnerIds(ctx())).not.toContain(rep.id);
      await expect(
        env.database.db.transaction().execute(async (tx) => {
          await tx.updateTable('users').set({ team_id: team }).where('id', '=', rep.id).execute();
          expect(await teamOwnerIds({ ...ctx(), db: tx })).toContain(rep.id);
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      expect(await teamOwnerIds(ctx())).not.toContain(rep.id);
      expect(await managedSubtreeIds(ctx())).toEqual([team]);
    });
  });
}
