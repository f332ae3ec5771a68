// Users and teams from a CSV, through the same services as Settings (so permissions, validation and
// the audit trail apply), in one transaction: every row or none. A dry run reads only.
import { parse } from 'csv-parse/sync';
import { PEOPLE_COLUMNS, type PeopleImportBody, type PeopleImportResult } from '../../api/people.js';
import { csvOptions, normaliseHeader } from '../../lib/csv.js';
import { BAD_TEXT_MESSAGE, hasBadText, markLoneSurrogates } from '../../lib/input-rules.js';
import { type Ctx, inTransaction } from '../context.js';
import { ruleViolation } from '../errors.js';
import { type PeopleRow, type PlanProblem, planPeople, teamKey } from './people-plan.js';
import { requireRole } from './roles.js';
import { createTeam, listTeams, patchTeam } from './teams.service.js';
import { findUserByEmail } from './users.repo.js';
import { createUser, listUsers, patchUser } from './users.service.js';

const ROLES = ['admin', 'manager', 'rep', 'marketing'] as const;
type Column = keyof typeof PEOPLE_COLUMNS;

function readSheet(csv: string): { rows: PeopleRow[]; problems: PlanProblem[]; lines: number } {
  let records: string[][];
  try {
    // Lone surrogates become NUL before parsing (lib/input-rules.ts), so the cell holding one is refused below.
    records = parse(markLoneSurrogates(csv), { ...csvOptions(csv), trim: true });
  } catch (error) {
    return { rows: [], lines: 0, problems: [{ line: (error as { lines?: number }).lines ?? 1, message: `not readable as CSV: ${(error as Error).message}` }] };
  }
  const [header = [], ...body] = records;
  const problems: PlanProblem[] = [];
  const index = new Map<Column, number>();
  header.forEach((h, i) => {
    const column = (Object.keys(PEOPLE_COLUMNS) as Column[]).find((c) => PEOPLE_COLUMNS[c].some((name) => name === normaliseHeader(h)));
    if (!column) problems.push({ line: 1, field: h, message: `column "${h}" is not one of name, email, role, team, parent team, manager` });
    else if (index.has(column)) problems.push({ line: 1, field: h, message: `a second ${column} column` });
    else index.set(column, i);
  });
  for (const required of ['name', 'email', 'role'] as const) {
    if (!index.has(required)) problems.push({ line: 1, field: required, message: `the sheet needs a ${required} column` });
  }
  const cell = (r: string[], c: Column) => (index.has(c) ? (r[index.get(c) as number] ?? '') : '');
  const badHeader = header.find(hasBadText);
  if (badHeader !== undefined) problems.push({ line: 1, message: `a column name ${BAD_TEXT_MESSAGE}` });
  // A bad cell is its row's problem, named by line and column; the row is left out of the plan so it
  // adds no second, misleading problem (nothing is written while any problem stands).
  const good = body.flatMap((r, i) => {
    const bad = [...index].filter(([, at]) => hasBadText(r[at] ?? ''));
    for (const [column] of bad) problems.push({ line: i + 2, field: column, message: BAD_TEXT_MESSAGE });
    return bad.length === 0 ? [{ r, i }] : [];
  });
  const rows = good.map(({ r, i }) => ({
    line: i + 2,
    name: cell(r, 'name'),
    email: cell(r, 'email'),
    role: cell(r, 'role'),
    team: cell(r, 'team'),
    parentTeam: cell(r, 'parentTeam'),
    manager: cell(r, 'manager'),
  }));
  if (body.length === 0 && problems.length === 0) problems.push({ line: 1, message: 'the sheet has no rows below its header' });
  return { rows, problems, lines: body.length };
}

export async function importPeople(ctx: Ctx, input: PeopleImportBody): Promise<PeopleImportResult> {
  requireRole(ctx, 'admin');
  const dryRun = input.dryRun === true;
  const sheet = readSheet(input.csv);
  const [users, teams] = await Promise.all([listUsers(ctx), listTeams(ctx)]);
  const userByEmail = new Map(users.map((u) => [u.email, u]));
  const teamByKey = new Map(teams.map((t) => [teamKey(t.name), t]));
  const plan = planPeople(sheet.rows, ROLES, new Set(users.filter((u) => u.role === 'manager' || u.role === 'admin').map((u) => u.email)));
  const problems = [...sheet.problems, ...plan.problems];

  for (const u of plan.users) {
    if (userByEmail.has(u.email)) continue;
    // Emails are unique across workspaces (decision 0002); say so instead of failing mid-write.
    if (await findUserByEmail(ctx.db, u.email)) problems.push({ line: u.line, field: 'email', message: `${u.email} belongs to another workspace` });
  }
  const newUsers = plan.users.filter((u) => !userByEmail.has(u.email));
  if (newUsers.length > 0 && !input.initialPassword) {
    problems.push({ line: (newUsers[0] as { line: number }).line, field: 'initialPassword', message: `${newUsers.length} new users need an initial password` });
  }

  const idOfTeam = (name: string | null) => (name ? (teamByKey.get(teamKey(name))?.id ?? null) : null);
  const teamCounts = { created: 0, updated: 0, unchanged: 0 };
  const userCounts = { created: 0, updated: 0, unchanged: 0 };
  for (const t of plan.teams) {
    const existing = teamByKey.get(teamKey(t.name));
    if (!existing) teamCounts.created++;
    else {
      const parentChanged = t.parent !== null && existing.parentId !== idOfTeam(t.parent);
      const managerChanged = t.manager !== null && existing.managerId !== (userByEmail.get(t.manager)?.id ?? '(new)');
      if (parentChanged || managerChanged) teamCounts.updated++;
      else teamCounts.unchanged++;
    }
  }
  for (const u of plan.users) {
    const existing = userByEmail.get(u.email);
    if (!existing) userCounts.created++;
    else if (existing.name !== u.name || existing.role !== u.role || (u.team !== null && existing.teamId !== idOfTeam(u.team))) userCounts.updated++;
    else userCounts.unchanged++;
  }
  const result = (ok: boolean): PeopleImportResult => ({
    ok,
    dryRun,
    rows: sheet.lines,
    teams: teamCounts,
    users: userCounts,
    errors: problems.sort((a, b) => a.line - b.line),
  });
  if (problems.length > 0) {
    if (dryRun) return result(false);
    throw ruleViolation(`The sheet has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was imported`, result(false));
  }
  if (dryRun) return result(true);

  await inTransaction(ctx, async (tx) => {
    // Teams first (parents before children), without managers: a manager may be a user of this sheet.
    const ids = new Map([...teamByKey].map(([k, t]) => [k, t.id]));
    for (const t of plan.teams) {
      const parentId = t.parent ? (ids.get(teamKey(t.parent)) ?? null) : null;
      const existing = teamByKey.get(teamKey(t.name));
      if (!existing) ids.set(teamKey(t.name), (await createTeam(tx, { name: t.name, parentId })).id);
      else if (t.parent !== null && existing.parentId !== parentId) await patchTeam(tx, existing.id, { version: existing.version, parentId });
    }
    const userIds = new Map(users.map((u) => [u.email, u.id]));
    for (const u of plan.users) {
      const teamId = u.team ? (ids.get(teamKey(u.team)) ?? null) : null;
      const role = u.role as (typeof ROLES)[number];
      const existing = userByEmail.get(u.email);
      if (!existing) {
        const created = await createUser(tx, { email: u.email, name: u.name, role, teamId, password: input.initialPassword as string });
        userIds.set(u.email, created.id);
      } else if (existing.name !== u.name || existing.role !== role || (u.team !== null && existing.teamId !== teamId)) {
        await patchUser(tx, existing.id, {
          version: existing.version,
          ...(existing.name !== u.name && { name: u.name }),
          ...(existing.role !== role && { role }),
          ...(u.team !== null && existing.teamId !== teamId && { teamId }),
        });
      }
    }
    const current = new Map((await listTeams(tx)).map((t) => [teamKey(t.name), t]));
    for (const t of plan.teams) {
      const team = current.get(teamKey(t.name));
      const managerId = t.manager ? (userIds.get(t.manager) ?? null) : null;
      if (team && managerId && team.managerId !== managerId) await patchTeam(tx, team.id, { version: team.version, managerId });
    }
  });
  return result(true);
}
