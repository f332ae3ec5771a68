// furrow team add | list: the team tree visibility and roll-ups follow.
import type { Command } from 'commander';
import { TeamCreate } from '../../api/identity.js';
import { createTeam, listTeams } from '../identity/teams.service.js';
import { listUsers } from '../identity/users.service.js';
import { actorOf, ctxFor, firstAdmin, pickWorkspace, withDatabase } from './cli-context.js';
import { type CliIo, checkInput, println, table, usageError } from './cli-io.js';

export function registerTeamCommands(program: Command, io: CliIo): void {
  const team = program.command('team').description('add and list teams');

  team
    .command('add')
    .description('add a team, optionally below a parent team and run by a manager')
    .requiredOption('--name <name>', 'team name (unique in the workspace)')
    .option('--parent <name>', 'parent team; its manager then sees this team too')
    .option('--manager <email>', 'manager (or admin) who runs the team')
    .option('--workspace <slug>', 'workspace (needed when there are several)')
    .action(async (opts: { name: string; parent?: string; manager?: string; workspace?: string }) => {
      await withDatabase(io, async (s) => {
        const ws = await pickWorkspace(s, opts.workspace);
        const ctx = ctxFor(s, actorOf(await firstAdmin(s, ws)), io.now);
        const teams = await listTeams(ctx);
        const parent = opts.parent ? teams.find((t) => t.name.toLowerCase() === opts.parent?.trim().toLowerCase()) : undefined;
        if (opts.parent && !parent) throw usageError(`--parent: no team "${opts.parent}" (teams: ${teams.map((t) => t.name).join(', ') || 'none yet'})`);
        const manager = opts.manager ? (await listUsers(ctx)).find((u) => u.email === opts.manager?.trim().toLowerCase()) : undefined;
        if (opts.manager && !manager) throw usageError(`--manager: no user ${opts.manager} in workspace ${ws.slug}`);
        const input = checkInput(TeamCreate, { name: opts.name, parentId: parent?.id ?? null, managerId: manager?.id ?? null });
        const created = await createTeam(ctx, input);
        println(io.stdout, `Added team ${created.name}${parent ? ` below ${parent.name}` : ''}${manager ? `, run by ${manager.email}` : ''}`);
      });
    });

  team
    .command('list')
    .description('list the teams with parent, manager and member count')
    .option('--workspace <slug>', 'workspace (needed when there are several)')
    .action(async (opts: { workspace?: string }) => {
      await withDatabase(io, async (s) => {
        const ws = await pickWorkspace(s, opts.workspace);
        const ctx = ctxFor(s, actorOf(await firstAdmin(s, ws)), io.now);
        const teams = await listTeams(ctx);
        const names = new Map(teams.map((t) => [t.id, t.name]));
        const emails = new Map((await listUsers(ctx)).map((u) => [u.id, u.email]));
        const rows = teams.map((t) => [
          t.name,
          t.parentId ? (names.get(t.parentId) ?? '') : '',
          t.managerId ? (emails.get(t.managerId) ?? '') : '',
          String(t.memberCount),
        ]);
        println(io.stdout, table([['TEAM', 'PARENT', 'MANAGER', 'MEMBERS'], ...rows]));
      });
    });
}
