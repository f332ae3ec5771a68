// furrow import | import-fields | export: definitions only; the work is in data-actions.ts, loaded
// when a command runs.
import type { Command } from 'commander';
import type { ExportEntity } from '../../api/imports.js';
import { PRESET_NAMES } from '../crm/import-export/presets.js';
import { type CliIo, usageError } from './cli-io.js';
import { lazyAction } from './lazy.js';

const actions = () => import('./data-actions.js');

export const ENTITIES: readonly ExportEntity[] = ['accounts', 'contacts', 'deals', 'activities'];

/** "Header=field" → [Header, field]; the last = splits, since field names never hold one. */
function collectMapping(value: string, previous: Record<string, string>): Record<string, string> {
  const at = value.lastIndexOf('=');
  if (at <= 0) throw usageError(`--map takes "Header=field" (got "${value}")`);
  return { ...previous, [value.slice(0, at).trim()]: value.slice(at + 1).trim() };
}

/** "stage:Engaging=Discovery" → values.stage.Engaging = Discovery. */
function collectValue(value: string, previous: Record<string, Record<string, string>>): Record<string, Record<string, string>> {
  const colon = value.indexOf(':');
  const at = value.lastIndexOf('=');
  if (colon <= 0 || at < colon + 2) throw usageError(`--map-value takes "field:Value=Target" (got "${value}")`);
  const field = value.slice(0, colon).trim();
  return { ...previous, [field]: { ...previous[field], [value.slice(colon + 1, at).trim()]: value.slice(at + 1).trim() } };
}

export function registerDataCommands(program: Command, io: CliIo): void {
  program
    .command('import <entity> <file>')
    .description(
      'import a CSV of accounts, contacts, deals or activities, of leads (a Salesforce or HubSpot lead export with its dates; a later export moves known leads on), or of people (users and teams: name, email, role, team, parent team, manager): all rows or none, re-runnable without duplicates',
    )
    .option('--preset <name>', `column names of ${PRESET_NAMES.join(', ')} exports (guessed from the header when absent)`)
    .option('--map <Header=field>', 'map a column to a field, overriding the preset (repeat the option; field "ignore" drops a column)', collectMapping, {})
    .option(
      '--map-value <field:Value=Target>',
      'map a value of a field to one Furrow knows, e.g. "stage:Engaging=Discovery" (repeat the option); "Won"/"Lost" stages map themselves',
      collectValue,
      {},
    )
    .option('--mapping <name>', 'start from the saved mapping of this name (its columns and values; --map and --map-value win over it)')
    .option('--save-mapping <name>', 'save the columns and values this run used under this name, for --mapping next time (saved by a --dry-run too)')
    .option('--close-date-default <date>', 'expected close date (YYYY-MM-DD) for open deals the file gives none (default: end of the fiscal year)')
    .option('--date-format <format>', 'DD/MM/YYYY or MM/DD/YYYY, for numeric dates whose day and month could be swapped')
    .option(
      '--historical',
      'deals: the file is another system\'s history — its moves are recorded as imported (not gated, not in adherence), "Date entered <stage>" columns give each deal\'s stage history, a deal without a create date is "created: unknown"',
    )
    .option('--stage-history <file>', 'with --historical: a CSV of deal, stage, entered at (one row per stage a deal entered) for the stage history')
    .option('--as <email>', 'import as this user (default: the first admin); owners and visibility are theirs')
    .option('--workspace <slug>', 'workspace (needed when there are several)')
    .option('--dry-run', 'check and count without writing')
    .option(
      '--resumable',
      'keep each batch of 5,000 rows as it is written instead of all or nothing (a file too big for one transaction); a refused row stops the writing at its batch, and running the same file again takes up where a stopped run left off',
    )
    .option('--batch-rows <n>', 'rows checked and written together (default 5000); with --resumable, the rows kept at a time')
    .option('--password-stdin', 'people: read the initial password of new users from the first line of stdin')
    .action(lazyAction(io, actions, (m) => m.importCommand));

  program
    .command('import-fields <entity>')
    .description('list the fields a CSV column can be mapped to (key, header label, type), custom deal fields included')
    .option('--as <email>', 'as this user (default: the first admin)')
    .option('--workspace <slug>', 'workspace (needed when there are several)')
    .action(lazyAction(io, actions, (m) => m.importFieldsCommand));

  program
    .command('export <entity>')
    .description('export every accounts, contacts, deals or activities record the user can see as CSV (columns of the furrow preset)')
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--as <email>', 'export as this user (default: the first admin); a rep exports only their own records')
    .option('--workspace <slug>', 'workspace (needed when there are several)')
    .action(lazyAction(io, actions, (m) => m.exportCommand));
}
