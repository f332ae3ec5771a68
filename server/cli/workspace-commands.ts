// furrow workspace show | set: the settings every figure depends on (fiscal year start, currency,
// time zone) without a browser. Definitions only; the work is in workspace-actions.ts.
import type { Command } from 'commander';
import type { CliIo } from './cli-io.js';
import { lazyAction } from './lazy.js';

const actions = () => import('./workspace-actions.js');

export function registerWorkspaceCommands(program: Command, io: CliIo): void {
  const workspace = program.command('workspace').description('show and change workspace settings');

  workspace
    .command('show')
    .description('print the workspace name, slug, currency, time zone and fiscal year start')
    .option('--workspace <slug>', 'workspace (needed when there are several)')
    .action(lazyAction(io, actions, (m) => m.showWorkspace));

  workspace
    .command('set')
    .description('change workspace settings (only the options given); periods and KPIs follow at once')
    .option('--name <name>', 'display name')
    .option('--currency <code>', 'ISO 4217 currency code, e.g. EUR')
    .option('--timezone <zone>', 'IANA time zone, e.g. Europe/Berlin')
    .option('--fiscal-year-start <month>', 'month the fiscal year starts: 1-12 or a month name (e.g. 4 or April)')
    .option('--workspace <slug>', 'workspace (needed when there are several)')
    .action(lazyAction(io, actions, (m) => m.setWorkspace));
}
