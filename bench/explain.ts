// Prints the query plan of the statements one KPI call runs: `tsx bench/explain.ts <sqlite path> <kpi> [query]`.
import { loadConfig } from '../server/config.js';
import { kpiValue } from '../server/measurement/kpi.service.js';
import { connect } from './capture.js';

async function main(): Promise<void> {
  const [path, kpi, query = ''] = process.argv.slice(2);
  if (!path || !kpi) throw new Error('usage: tsx bench/explain.ts <sqlite path | postgres url> <kpi id> [scope=workspace&period=FY2026-Q4]');
  const url = path.startsWith('postgres') ? path : `sqlite:${path}`;
  const c = connect(url);
  try {
    const ws = await c.db.selectFrom('workspaces').selectAll().orderBy('created_at', 'desc').limit(1).executeTakeFirstOrThrow();
    const admin = await c.db.selectFrom('users').selectAll().where('workspace_id', '=', ws.id).where('role', '=', 'admin').executeTakeFirstOrThrow();
    const last = await c.db
      .selectFrom('changes')
      .select((eb) => eb.fn.max('at').as('at'))
      .where('workspace_id', '=', ws.id)
      .executeTakeFirstOrThrow();
    const ctx = {
      db: c.db,
      dialect: c.dialect,
      actor: { userId: admin.id, workspaceId: ws.id, role: 'admin' as const, teamId: null, name: admin.name, email: admin.email, via: 'system' as const },
      now: () => Number(last.at) + 3_600_000,
      config: loadConfig({ NODE_ENV: 'test' }, { databaseUrl: url }),
      memo: new Map(),
    };
    await kpiValue(ctx, kpi, Object.fromEntries(new URLSearchParams(query)));
    for (const s of c.take().filter((x) => x.sql.length > 300)) {
      console.log(`\n${s.sql}\n`);
      const t = Date.now();
      for (const line of await c.explain(s)) console.log(line);
      console.log(`(${Date.now() - t} ms)`);
    }
  } finally {
    await c.close();
  }
}
main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
