// furrow user add | list | disable | enable, the work: people, created through the identity
// services as the workspace's admin. On a fresh install `user add --role admin --workspace-name`
// makes the first workspace and its admin.
import { type User, UserCreate } from '../../api/identity.js';
import type { Ctx } from '../context.js';
import type { Role } from '../db/schema/identity.js';
import { listTeams } from '../identity/teams.service.js';
import { createUser, listUsers, patchUser } from '../identity/users.service.js';
import { listWorkspaces } from '../identity/workspaces.repo.js';
import { createWorkspace, isValidTimeZone } from '../identity/workspaces.service.js';
import { actorOf, ctxFor, firstAdmin, pickWorkspace, withDatabase } from './cli-context.js';
import { checkInput } from './cli-input.js';
import { type CliIo, failure, println, table, usageError } from './cli-io.js';
import { ROLES } from './user-commands.js';

export interface AddOptions {
  email: string;
  name: string;
  role: string;
  password?: string;
  passwordStdin?: boolean;
  team?: string;
  manager?: string;
  workspace?: string;
  workspaceName?: string;
  currency?: string;
  timezone?: string;
}

async function passwordOf(io: CliIo, opts: AddOptions): Promise<string> {
  if (opts.password !== undefined && opts.passwordStdin) throw usageError('Use either --password or --password-stdin');
  const password = opts.passwordStdin ? (await io.readStdin()).split(/\r?\n/)[0] : opts.password;
  if (!password) throw usageError('--password (or --password-stdin) is required');
  return password;
}

/** The team the new user joins: --team by name, or the one team --manager (an email) manages. */
async function teamOf(ctx: Ctx, opts: AddOptions): Promise<string | null> {
  if (!opts.team && !opts.manager) return null;
  const teams = await listTeams(ctx);
  const users = await listUsers(ctx);
  let team = opts.team ? teams.find((t) => t.name.toLowerCase() === opts.team?.trim().toLowerCase()) : undefined;
  if (opts.team && !team) throw usageError(`--team: no team "${opts.team}" (teams: ${teams.map((t) => t.name).join(', ') || 'none yet'})`);
  if (opts.manager) {
    const manager = users.find((u) => u.email === opts.manager?.trim().toLowerCase());
    if (!manager) throw usageError(`--manager: no user ${opts.manager} in this workspace`);
    const managed = teams.filter((t) => t.managerId === manager.id);
    if (team && team.managerId !== manager.id) throw usageError(`--manager: team ${team.name} is not managed by ${manager.email}`);
    if (!team && managed.length !== 1) {
      throw usageError(
        managed.length === 0
          ? `--manager: ${manager.email} manages no team yet; furrow team add --name … --manager ${manager.email}`
          : `--manager: ${manager.email} manages ${managed.map((t) => t.name).join(', ')}; choose one with --team`,
      );
    }
    team ??= managed[0];
  }
  return team?.id ?? null;
}

function describe(user: User, teamName: string | null): string {
  return `${user.email}  ${user.name}  ${user.role}${teamName ? `  team ${teamName}` : ''}`;
}

export async function addUser(io: CliIo, opts: AddOptions): Promise<void> {
  if (!ROLES.includes(opts.role as Role)) throw usageError(`--role must be one of ${ROLES.join(', ')} (got "${opts.role}")`);
  const password = await passwordOf(io, opts);
  const input = checkInput(UserCreate, { email: opts.email.trim().toLowerCase(), name: opts.name, role: opts.role as Role, password });
  await withDatabase(io, async (s) => {
    if (opts.workspaceName !== undefined) {
      if (input.role !== 'admin') throw usageError('--workspace-name creates a workspace with its first admin: use --role admin');
      if (!/^[A-Z]{3}$/.test(opts.currency ?? '')) throw usageError('--currency must be an ISO 4217 code such as EUR');
      if (!isValidTimeZone(opts.timezone ?? '')) throw usageError(`--timezone: "${opts.timezone}" is not an IANA time zone such as Europe/Berlin`);
      const created = await createWorkspace(
        s.database.db,
        { name: opts.workspaceName, currency: opts.currency, timezone: opts.timezone, admin: { email: input.email, name: input.name, password } },
        io.now(),
      );
      const ws = (await listWorkspaces(s.database.db)).find((w) => w.id === created.workspaceId);
      println(io.stdout, `Created workspace "${opts.workspaceName}" (${ws?.slug}) with admin ${input.email}`);
      return;
    }
    if ((await listWorkspaces(s.database.db)).length === 0) {
      throw usageError(
        `No workspace yet. Create it with its first admin: furrow user add --role admin --workspace-name "Acme Sales" --email … --name … --password …`,
      );
    }
    const ws = await pickWorkspace(s, opts.workspace);
    const ctx = ctxFor(s, actorOf(await firstAdmin(s, ws)), io.now);
    const teamId = await teamOf(ctx, opts);
    const created = await createUser(ctx, { ...input, teamId });
    const teamName = teamId ? ((await listTeams(ctx)).find((t) => t.id === teamId)?.name ?? null) : null;
    println(io.stdout, `Added ${describe(created, teamName)} to ${ws.slug}`);
  });
}

export async function listUsersCommand(io: CliIo, opts: { workspace?: string }): Promise<void> {
  await withDatabase(io, async (s) => {
    const ws = await pickWorkspace(s, opts.workspace);
    const ctx = ctxFor(s, actorOf(await firstAdmin(s, ws)), io.now);
    const teams = new Map((await listTeams(ctx)).map((t) => [t.id, t.name]));
    const rows = (await listUsers(ctx)).map((u) => [u.email, u.name, u.role, u.teamId ? (teams.get(u.teamId) ?? '') : '', u.disabled ? 'disabled' : 'active']);
    println(io.stdout, table([['EMAIL', 'NAME', 'ROLE', 'TEAM', 'STATUS'], ...rows]));
  });
}

/** furrow user disable|enable <email>. */
export async function setDisabled(io: CliIo, disabled: boolean, email: string, opts: { workspace?: string }): Promise<void> {
  await withDatabase(io, async (s) => {
    const ws = await pickWorkspace(s, opts.workspace);
    const target = (await listUsers(ctxFor(s, actorOf(await firstAdmin(s, ws)), io.now))).find((u) => u.email === email.trim().toLowerCase());
    if (!target) throw usageError(`No user ${email} in workspace ${ws.slug}`);
    if (target.disabled === disabled) {
      println(io.stdout, `${target.email} is already ${disabled ? 'disabled' : 'active'}`);
      return;
    }
    // An admin cannot lock themselves out, so another admin acts; the last admin stays.
    const admin = await firstAdmin(s, ws, target.id).catch(() => {
      throw failure(`${target.email} is the only active admin of ${ws.slug}; add another admin first`);
    });
    await patchUser(ctxFor(s, actorOf(admin), io.now), target.id, { version: target.version, disabled });
    println(io.stdout, `${target.email} is now ${disabled ? 'disabled (sessions and tokens ended)' : 'active'}`);
  });
}
