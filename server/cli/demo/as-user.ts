// Service contexts for the demo's writes that go through the services (objectives, deal reviews):
// one per user and instant, so each acts as that person did on that day, and the organisation and
// calendar are read once per context (its memo).
import type { Kysely } from 'kysely';
import { loadConfig } from '../../config.js';
import type { Ctx } from '../../context.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';

export type ActAs = (userId: string, at: number) => Promise<Ctx>;

export function actAs(database: Pick<Database, 'dialect'>, db: Kysely<DB>, workspaceId: string): ActAs {
  const config = loadConfig({});
  const contexts = new Map<string, Ctx>();
  return async (userId, at) => {
    const known = contexts.get(`${userId}:${at}`);
    if (known) return known;
    const u = await db.selectFrom('users').select(['name', 'email', 'role', 'team_id']).where('id', '=', userId).executeTakeFirstOrThrow();
    const ctx: Ctx = {
      db,
      dialect: database.dialect,
      actor: { userId, workspaceId, role: u.role, teamId: u.team_id, name: u.name, email: u.email, via: 'system' },
      now: () => at,
      config,
      memo: new Map(),
    };
    contexts.set(`${userId}:${at}`, ctx);
    return ctx;
  };
}
