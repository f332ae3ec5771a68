// furrow team add | list: the team tree visibility and roll-ups follow. Definitions only; the work
// is in team-actions.ts, loaded when a command runs.
import type { Command } from 'commander';
import type { CliIo } from './cli-io.js';
import { lazyAction } from './lazy.js';

const actions = () => import('./team-actions.js');

export function registerTeamCommands(program: Command, io: CliIo): void {
  const team = program.command('team').description('add and list teams');

  team
    .command('add')
    .description('add a team, optionally below a parent team and run by a manager')
    .requiredOption('--name <name>', 'team name (unique in the workspace)')
    .option('--parent <name>', 'parent team; its manager then sees this team too')
    .option('--manager <email>', 'manager (or admin) who runs the team')
    .option('--workspace <slug>', 'workspace (needed when there are several)')
    .action(lazyAction(io, actions, (m) => m.addTeam));

  team
    .command('list')
    .description('list the teams with parent, manager and member count')
    .option('--workspace <slug>', 'workspace (needed when there are several)')
    .action(lazyAction(io, actions, (m) => m.listTeamsCommand));
}
