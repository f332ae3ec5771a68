// furrow serve | migrate: running Furrow and looking after its schema. Their code loads only when
// they run (see lazy.ts).
import type { Command } from 'commander';
import { type CliIo, configOf, println, usageError } from './cli-io.js';

export function registerServerCommands(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description('migrate the database and serve Furrow on PORT')
    .option('--demo', 'seed the demo workspace when the database has no workspace yet')
    .action(async (opts: { demo?: boolean }) => {
      // Production never seeds on its own: only --demo, and only into an empty database.
      const { serve } = await import('../main.js');
      await serve(configOf(io), { demoIfEmpty: opts.demo === true });
    });

  program
    .command('migrate')
    .description('bring the database schema up to date (also done on every start)')
    .option('--down', 'revert the most recent migration')
    .option('--to-zero', 'revert every migration, dropping all tables and data (needs --yes)')
    .option('--yes', 'confirm --to-zero')
    .action(async (opts: { down?: boolean; toZero?: boolean; yes?: boolean }) => {
      if (opts.down && opts.toZero) throw usageError('Use either --down or --to-zero');
      if (opts.toZero && !opts.yes) throw usageError('--to-zero drops every table and all data; add --yes to confirm');
      const { migrateDown, migrateToLatest, migrateToZero } = await import('../db/migrator.js');
      const { withDatabase } = await import('./cli-context.js');
      await withDatabase(
        io,
        async ({ database }) => {
          const lines = opts.toZero ? await migrateToZero(database.db) : opts.down ? await migrateDown(database.db) : await migrateToLatest(database.db);
          for (const line of lines) println(io.stdout, line);
          if (lines.length === 0) println(io.stdout, opts.down || opts.toZero ? 'Nothing to revert.' : 'The schema is up to date.');
        },
        { migrate: false },
      );
    });
}

export function positiveInt(option: string, value: string): number {
  const n = Number(value.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < 1) throw usageError(`${option} must be a whole number above 0 (got "${value}")`);
  return n;
}
