// The `furrow` command. bin/furrow.js runs the built copy; `npm run furrow -- …` runs this file
// through tsx. runCli takes its I/O as an argument so tests drive the real program in process.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { Command, CommanderError } from 'commander';
import { cliImportHeapMb } from '../config.js';
import { API_VERSION } from '../version.js';
import { registerBackupCommand } from './backup-command.js';
import { importHeapBound, runBounded } from './bounded-import.js';
import { type CliIo, EXIT, report } from './cli-io.js';
import { registerDataCommands } from './data-commands.js';
import { registerSeedCommand } from './seed-command.js';
import { registerServerCommands } from './server-commands.js';
import { registerTeamCommands } from './team-commands.js';
import { registerUserCommands } from './user-commands.js';
import { registerWorkspaceCommands } from './workspace-commands.js';

export function buildProgram(io: CliIo): Command {
  const program = new Command('furrow')
    .description('Furrow, the sales operating system: serve it, migrate, seed, manage users and teams, import, export, back up')
    .version(API_VERSION)
    .showHelpAfterError('(run furrow help <command> for its options)')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .exitOverride();
  registerServerCommands(program, io);
  registerSeedCommand(program, io);
  registerUserCommands(program, io);
  registerTeamCommands(program, io);
  registerWorkspaceCommands(program, io);
  registerDataCommands(program, io);
  registerBackupCommand(program, io);
  // Subcommands throw too, instead of exiting the process.
  for (const c of program.commands) {
    c.exitOverride();
    for (const sub of c.commands) sub.exitOverride();
  }
  return program;
}

/** Runs one command line (without "node furrow"); resolves to the exit code. */
export async function runCli(args: string[], io: CliIo): Promise<number> {
  const program = buildProgram(io);
  try {
    if (args.length === 0) {
      program.outputHelp();
      return EXIT.usage;
    }
    await program.parseAsync(args, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; anything else commander refuses is a usage error.
      return ['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(error.code) ? EXIT.ok : EXIT.usage;
    }
    return report(io, error);
  }
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    isTTY: process.stderr.isTTY === true,
    now: Date.now,
    async readStdin() {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}

/** Entry point: sets the exit code and lets the process end on its own (serve keeps running). */
export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  let heapMb: number | null;
  try {
    heapMb = importHeapBound(argv, cliImportHeapMb());
  } catch (error) {
    process.exitCode = report(processIo(), error);
    return;
  }
  process.exitCode = heapMb === null ? await runCli(argv, processIo()) : await runBounded(argv, heapMb);
}

// Not on the worker thread of a bounded import, which loads this module for runCli.
const entry = process.argv[1];
if (isMainThread && entry && realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url))) await main();
