// After a seed, the planner's statistics, as autovacuum would bring them in time: a freshly seeded
// PostgreSQL database otherwise plans for a few rows per table (the CSO's discipline index took 22 s
// instead of 3.7 s on the bench, decision 0151). SQLite: nothing (see Dialect.afterBulkLoad).
import type { Database } from '../../db/database.js';

export async function updatePlannerStatistics(database: Database, log: (message: string) => void): Promise<void> {
  const started = Date.now();
  const tables = (await database.db.introspection.getTables()).filter((t) => t.columns.some((c) => c.name === 'workspace_id')).map((t) => t.name);
  const statements = database.dialect.afterBulkLoad(tables);
  for (const statement of statements) await statement.execute(database.db);
  if (statements.length > 0) log(`planner statistics updated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
