// furrow user add | list | disable | enable: definitions only; the work is in user-actions.ts,
// loaded when a command runs.
import type { Command } from 'commander';
import type { Role } from '../db/schema/identity.js';
import type { CliIo } from './cli-io.js';
import { lazyAction } from './lazy.js';

export const ROLES: readonly Role[] = ['admin', 'manager', 'rep', 'marketing', 'coach'];

const actions = () => import('./user-actions.js');

export function registerUserCommands(program: Command, io: CliIo): void {
  const user = program.command('user').description('add, list, disable and enable users');

  user
    .command('add')
    .description('add a user to the workspace (or, with --workspace-name, create a workspace and its first admin)')
    .requiredOption('--email <email>', 'sign-in email (unique across workspaces)')
    .requiredOption('--name <name>', 'full name')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--password <password>', 'at least 10 characters (prefer --password-stdin: command lines end up in shell history)')
    .option('--password-stdin', 'read the password from the first line of stdin')
    .option('--team <name>', 'team the user joins')
    .option('--manager <email>', 'the user joins the team this manager runs')
    .option('--workspace <slug>', 'workspace to add to (needed when there are several)')
    .option('--workspace-name <name>', 'create a new workspace with this user as its admin (how the first admin is made)')
    .option('--currency <code>', 'currency of a new workspace', 'USD')
    .option('--timezone <zone>', 'IANA time zone of a new workspace', 'UTC')
    .action(lazyAction(io, actions, (m) => m.addUser));

  user
    .command('list')
    .description('list the users of the workspace')
    .option('--workspace <slug>', 'workspace (needed when there are several)')
    .action(lazyAction(io, actions, (m) => m.listUsersCommand));

  for (const [name, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    user
      .command(`${name} <email>`)
      .description(disabled ? 'disable a user: their sessions and API tokens end at once' : 'let a disabled user sign in again')
      .option('--workspace <slug>', 'workspace (needed when there are several)')
      .action(lazyAction(io, actions, (m) => (io2, email: string, opts: { workspace?: string }) => m.setDisabled(io2, disabled, email, opts)));
  }
}
