// furrow backup <file>: a consistent copy of a live SQLite database (SQLite's online backup, so
// the app keeps running), or on PostgreSQL the pg_dump command to run instead.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { CliError, type CliIo, configOf, EXIT, failure, println, usageError } from './cli-io.js';

/** Quotes one word for a POSIX shell. */
const shellQuote = (word: string) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);

/** The connection URL with its password removed, for printing. */
export function withoutPassword(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return u.toString();
  } catch {
    return url.replace(/:\/\/([^:/@]+):[^@]*@/, '://$1@');
  }
}

export function registerBackupCommand(program: Command, io: CliIo): void {
  program
    .command('backup <file>')
    .description('write a consistent copy of the SQLite database while Furrow runs (on PostgreSQL: prints the pg_dump command)')
    .option('--force', 'overwrite the file when it exists')
    .action(async (file: string, opts: { force?: boolean }) => {
      const { engineOf, openDatabase, sqlitePathOf } = await import('../db/database.js');
      const config = configOf(io);
      if (engineOf(config.databaseUrl) === 'postgres') {
        println(io.stdout, 'Furrow runs on PostgreSQL here; back it up with pg_dump (custom format, restore with pg_restore):');
        println(io.stdout, `  pg_dump --format=custom --file=${shellQuote(file)} ${shellQuote(withoutPassword(config.databaseUrl))}`);
        println(io.stdout, 'The password is left out: supply it with PGPASSWORD or ~/.pgpass.');
        throw new CliError(EXIT.usage, '');
      }
      const source = sqlitePathOf(config.databaseUrl);
      if (source === ':memory:') throw usageError('The database is in memory; there is nothing on disk to back up');
      if (resolve(source) === resolve(file)) throw usageError('The backup file must not be the database itself');
      if (!existsSync(source)) throw failure(`No database at ${source}`);
      if (existsSync(file) && !opts.force) throw usageError(`${file} exists; choose another name or add --force to overwrite it`);

      const database = openDatabase(config.databaseUrl);
      try {
        let lastShown = -1;
        const show = (done: number, total: number) => {
          const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
          if (percent === lastShown || (!io.isTTY && percent < lastShown + 10 && percent < 100)) return;
          if (io.isTTY) io.stderr.write(`\rBacking up ${source}: ${percent}% (${done}/${total} pages)`);
          else println(io.stderr, `backup ${percent}% (${done}/${total} pages)`);
          lastShown = percent;
        };
        const meta = await (database.sqlite as NonNullable<typeof database.sqlite>).backup(file, {
          progress: ({ totalPages, remainingPages }) => {
            show(totalPages - remainingPages, totalPages);
            // Small steps let the app's own writes in between.
            return 200;
          },
        });
        show(meta.totalPages, meta.totalPages);
        if (io.isTTY) io.stderr.write('\n');
        println(io.stdout, `Backed up ${source} to ${file} (${meta.totalPages} pages)`);
      } finally {
        await database.close();
      }
    });
}
