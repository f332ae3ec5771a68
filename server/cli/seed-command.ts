// furrow seed: the demo workspace (a year of history), or a large generated one for benchmarks.
import type { Command } from 'commander';
import { type CliIo, failure, println } from './cli-io.js';
import { positiveInt } from './server-commands.js';

export function registerSeedCommand(program: Command, io: CliIo): void {
  program
    .command('seed')
    .description('create the demo workspace (a year of history), or with --scale a large generated workspace')
    .option('--scale <deals>', 'generate a separate workspace with this many deals (benchmarks)', (v) => positiveInt('--scale', v))
    .option('--force', 'replace the demo workspace when it exists (its data is deleted)')
    .action(async (opts: { scale?: number; force?: boolean }) => {
      const { withDatabase } = await import('./cli-context.js');
      const { DEMO_ADMIN } = await import('./demo/org.js');
      const { DEMO_PASSWORD } = await import('./demo/workspace.js');
      const { removeWorkspace } = await import('./demo/writer.js');
      const { seedDemo } = await import('./demo-seed.js');
      await withDatabase(io, async ({ database }) => {
        const log = (m: string) => println(io.stderr, `  ${m}`);
        if (opts.scale === undefined) {
          const existing = await database.db.selectFrom('users').select('workspace_id').where('email', '=', DEMO_ADMIN.email).executeTakeFirst();
          if (existing && !opts.force) throw failure(`The demo workspace exists already (${DEMO_ADMIN.email}); --force replaces it and deletes its data`);
          if (existing) {
            println(io.stderr, 'Removing the existing demo workspace…');
            await removeWorkspace(database.db, existing.workspace_id).catch((error: Error) => {
              throw failure(`The existing demo workspace could not be removed (${error.message}); nothing was changed`);
            });
          }
        }
        println(io.stderr, opts.scale ? `Generating a workspace with ${opts.scale.toLocaleString('en')} deals…` : 'Seeding the demo workspace…');
        const result = await seedDemo(database, { now: io.now(), log, ...(opts.scale !== undefined && { scale: { deals: opts.scale } }) });
        println(io.stdout, `Workspace ${result.workspaceId} is ready. Sign in with (password for all: ${DEMO_PASSWORD}):`);
        for (const line of result.logins) println(io.stdout, `  ${line}`);
      });
    });
}
