// furrow team add | list, the work: through the identity services as the workspace's first admin.
import { TeamCreate } from '../../api/identity.js';
import { createTeam, listTeams } from '../identity/teams.service.js';
import { listUsers } from '../identity/users.service.js';
import { actorOf, ctxFor, firstAdmin, pickWorkspace, withDatabase } from './cli-context.js';
import { checkInput } from './cli-input.js';
import { type CliIo, println, table, usageError } from './cli-io.js';

export async function addTeam(io: CliIo, opts: { name: string; parent?: string; manager?: string; workspace?: string }): Promise<void> {
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
}

export async function listTeamsCommand(io: CliIo, opts: { workspace?: string }): Promise<void> {
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
}
