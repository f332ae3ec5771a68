// Quotas per rep, team and the workspace for a fiscal year, by quarter or by month. An admin edits
// any cell in place and moves whole plans in and out as CSV; a manager sees their teams and
// people, a rep their own. Under each team's quota, the sum of its members' (the teams below
// included), so a plan that does not add up shows. Year and grain live in the URL.
import { Badge, Button, Group, Paper, SegmentedControl, Select, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import type { Quota } from '../../api/measurement-targets';
import { fiscalQuarter, fiscalYearOf } from '../../lib/periods';
import { formatMoney, todayLocal } from '../app/format';
import { useSession } from '../app/session';
import { useUrlState } from '../app/url-state';
import { EmptyHint } from '../components/EmptyHint';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { teamSubtree } from '../crm/shared/people';
import { useTeams, useUsers } from '../data/people/people';
import { exportHref, type QuotaScope, useQuotas } from '../data/quotas/quotas';
import { teamRows } from '../settings/team-tree';
import { fiscalMonths, monthsOf } from './forecast-periods';
import { ScrollTable } from './forecast-scroll';
import { QuotaCell } from './QuotaCell';
import { QuotaImport } from './QuotaImport';

interface Row {
  scope: QuotaScope;
  depth: number;
  hint: string | null;
  /** For a team: the people whose quotas make up its plan (its members and those of the teams below, with their managers). */
  members?: string[];
  /** The caller sets this quota: an admin any, a manager the teams they run and their people but not their own (server: quotas.service#canSetQuota). */
  settable?: boolean;
}

interface Section {
  title: string;
  rows: Row[];
}

const keyOf = (type: string, id: string, period: string) => `${type}/${id}/${period}`;

export function QuotasPage() {
  const { user, workspace } = useSession();
  const url = useUrlState();
  const start = workspace.fiscalYearStartMonth;
  const currentFy = fiscalYearOf(todayLocal(), start);
  const year = /^FY\d{4}$/.test(url.get('year') ?? '') ? (url.get('year') as string) : `FY${currentFy}`;
  const fy = Number(year.slice(2));
  const grain = url.get('grain') === 'month' ? 'month' : 'quarter';
  const quotas = useQuotas(year);
  const users = useUsers();
  const teams = useTeams();
  const isAdmin = user.role === 'admin';
  const currency = quotas.data?.currency ?? workspace.currency;

  const periods =
    grain === 'quarter'
      ? [1, 2, 3, 4].map((q) => {
          const p = fiscalQuarter(fy, q, start);
          return { key: p.key, label: `Q${q}`, title: monthsOf(p) };
        })
      : fiscalMonths(fy, start).map((m) => ({ key: m.key, label: m.label, title: m.key }));
  const columns = [...periods, { key: year, label: year, title: 'The whole fiscal year' }];
  const [editingCell, setEditingCell] = useState<string | null>(null);
  const compact = grain === 'month';

  const byKey = new Map<string, Quota>((quotas.data?.items ?? []).map((q) => [keyOf(q.scopeType, q.scopeId, q.periodKey), q]));
  const quarterMonths = (q: number) =>
    fiscalMonths(fy, start)
      .slice((q - 1) * 3, q * 3)
      .map((m) => m.key);
  /** A person's quota for a column as the KPIs read it: their own, else the months of a quarter or the quarters of the year, when all are set. */
  const personQuota = (userId: string, key: string): number | null => {
    const own = byKey.get(keyOf('user', userId, key))?.amount;
    if (own !== undefined) return own;
    const parts = key === year ? [1, 2, 3, 4].map((q) => `${year}-Q${q}`) : /-Q([1-4])$/.test(key) ? quarterMonths(Number(key.slice(-1))) : [];
    if (parts.length === 0) return null;
    let total = 0;
    for (const part of parts) {
      const v = personQuota(userId, part);
      if (v === null) return null;
      total += v;
    }
    return total;
  };
  const membersSum = (members: string[], key: string): number | null => {
    let total: number | null = null;
    for (const id of members) {
      const v = personQuota(id, key);
      if (v !== null) total = (total ?? 0) + v;
    }
    return total;
  };
  const sections = sectionsFor(user, workspace, users.data ?? [], teams.data ?? [], quotas.data?.items ?? []);
  const people = sections.find((s) => s.title === 'People')?.rows ?? [];
  const loading = quotas.isPending || users.isPending || teams.isPending;
  const error = quotas.error ?? users.error ?? teams.error;
  const fyChoices = [currentFy - 2, currentFy - 1, currentFy, currentFy + 1].map((y) => ({
    value: `FY${y}`,
    label: `FY${y}${y === currentFy ? ' (current)' : ''}`,
  }));
  if (!fyChoices.some((c) => c.value === year)) fyChoices.unshift({ value: year, label: year });

  const description = isAdmin
    ? 'Bookings targets per rep, team and the whole workspace. Click an amount to change it; import a plan from a spreadsheet.'
    : user.role === 'manager'
      ? 'The quotas of the teams you run and the people in them: click an amount to change it. Your own quota is set above you.'
      : 'Your quotas for the year. An admin sets them.';

  return (
    <>
      <PageHeader
        title="Quotas"
        description={description}
        actions={
          <>
            <Button component="a" href={exportHref(year)} download variant="default" leftSection={<IconDownload size={16} aria-hidden />}>
              Export CSV
            </Button>
            {isAdmin && <QuotaImport />}
          </>
        }
      />
      <Group gap="sm" mb="md" wrap="wrap">
        <Select aria-label="Fiscal year" data={fyChoices} value={year} onChange={(v) => v && url.set({ year: v })} allowDeselect={false} w={180} />
        <SegmentedControl
          aria-label="Periods"
          value={grain}
          onChange={(v) => url.set({ grain: v === 'month' ? 'month' : null }, { replace: true })}
          data={[
            { value: 'quarter', label: 'Quarters' },
            { value: 'month', label: 'Months' },
          ]}
        />
        <Text size="sm" c="dimmed">
          {year} runs {monthsOf({ from: fiscalQuarter(fy, 1, start).from, to: fiscalQuarter(fy, 4, start).to })}. Amounts in {currency}.
        </Text>
      </Group>
      {error && <ErrorState error={error} onRetry={() => Promise.all([quotas.refetch(), users.refetch(), teams.refetch()])} />}
      {loading && !error && <LoadingState rows={8} label="Loading quotas" />}
      {!loading && !error && sections.every((s) => s.rows.length === 0) && (
        <EmptyHint title={`No quotas for ${year}`} description="An admin sets quotas here or imports them from a spreadsheet." />
      )}
      {!loading && !error && sections.some((s) => s.rows.length > 0) && (
        <Paper withBorder radius="md" p="xs">
          {/* Months fit a 1280-pixel screen with shortened amounts; narrower screens scroll sideways. */}
          <ScrollTable minWidth={grain === 'month' ? 980 : 820}>
            <Table verticalSpacing={6} highlightOnHover>
              <VisuallyHidden component="caption">
                Quotas for {year} by {grain}
              </VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" miw={compact ? 170 : 220}>
                    Who
                  </Table.Th>
                  {columns.map((c) => (
                    <Table.Th key={c.key} scope="col" style={{ textAlign: 'right', whiteSpace: 'nowrap' }} title={c.title} px={compact ? 2 : undefined}>
                      {c.label}
                      {grain === 'quarter' && c.key !== year && (
                        <Text size="xs" c="dimmed" fw={400}>
                          {c.title}
                        </Text>
                      )}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              {sections
                .filter((s) => s.rows.length > 0)
                .map((section) => (
                  <Table.Tbody key={section.title}>
                    <Table.Tr>
                      <Table.Th scope="colgroup" colSpan={columns.length + 1} bg="var(--mantine-color-gray-0)">
                        <Text size="xs" fw={700} tt="uppercase" c="dimmed">
                          {section.title}
                        </Text>
                      </Table.Th>
                    </Table.Tr>
                    {section.rows.map((row) => (
                      <Table.Tr key={`${row.scope.type}/${row.scope.id}`} data-testid="quota-row">
                        <Table.Th scope="row" fw={500} style={{ paddingLeft: 12 + row.depth * 18 }}>
                          <Group gap={6} wrap="nowrap">
                            <Text size="sm" fw={500} truncate maw={compact ? 150 : 260} title={row.scope.name}>
                              {row.scope.name}
                            </Text>
                            {row.hint && !compact && (
                              <Badge size="xs" variant="light" color="gray">
                                {row.hint}
                              </Badge>
                            )}
                          </Group>
                        </Table.Th>
                        {columns.map((c) => {
                          const cell = keyOf(row.scope.type, row.scope.id, c.key);
                          const quota = byKey.get(cell);
                          const periodLabel = c.key === year ? year : `${c.label} ${grain === 'quarter' ? year : ''}`.trim();
                          return (
                            <Table.Td key={c.key} style={{ textAlign: 'right', whiteSpace: 'nowrap' }} px={compact ? 2 : undefined}>
                              <QuotaCell
                                quota={quota}
                                scope={row.scope}
                                periodKey={c.key}
                                periodLabel={periodLabel}
                                currency={currency}
                                editable={row.settable === true}
                                compact={compact}
                                editing={editingCell === cell}
                                onEditing={(open) => setEditingCell(open ? cell : null)}
                              />
                              {row.members && (
                                <MembersSum sum={membersSum(row.members, c.key)} team={quota?.amount ?? null} currency={currency} short={compact} />
                              )}
                            </Table.Td>
                          );
                        })}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                ))}
              {people.length > 1 && (
                <Table.Tfoot>
                  <Table.Tr>
                    <Table.Th scope="row">Sum of people</Table.Th>
                    {columns.map((c) => {
                      const sum = people.reduce((s, r) => s + (byKey.get(keyOf('user', r.scope.id, c.key))?.amount ?? 0), 0);
                      return (
                        <Table.Td key={c.key} style={{ textAlign: 'right', whiteSpace: 'nowrap' }} fw={700} px={compact ? 2 : undefined}>
                          {sum === 0 ? '—' : formatMoney(sum, currency, { compact })}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                </Table.Tfoot>
              )}
            </Table>
          </ScrollTable>
        </Paper>
      )}
    </>
  );
}

/** Under a team's quota: what its members' quotas add up to, marked when it differs from the team's. */
function MembersSum({ sum, team, currency, short }: { sum: number | null; team: number | null; currency: string; short: boolean }) {
  if (sum === null) return null;
  const gap = team === null ? 0 : sum - team;
  const amount = formatMoney(sum, currency, { compact: true });
  const full = formatMoney(sum, currency);
  const gapText = gap === 0 ? '' : `${gap > 0 ? '+' : '−'}${formatMoney(Math.abs(gap), currency, { compact: true })}`;
  return (
    <Text
      size="xs"
      // The theme's readable orange (web/app/theme.ts): Mantine's orange.9 is 4.3:1 on white.
      c={gap === 0 ? 'dimmed' : 'var(--mantine-color-orange-light-color)'}
      mt={2}
      title={
        team === null
          ? `Members’ quotas add up to ${full}; no quota of its own`
          : gap === 0
            ? `Members’ quotas add up to the team’s ${full}`
            : `Members’ quotas add up to ${full}, ${formatMoney(Math.abs(gap), currency, { compact: true })} ${gap > 0 ? 'more' : 'less'} than the team’s`
      }
    >
      {short ? 'Σ' : 'members'} {amount}
      {gap !== 0 && (short ? <br /> : ' ')}
      {gap !== 0 && `(${gapText})`}
    </Text>
  );
}

type SessionUser = ReturnType<typeof useSession>['user'];
type SessionWorkspace = ReturnType<typeof useSession>['workspace'];
type Users = NonNullable<ReturnType<typeof useUsers>['data']>;
type Teams = NonNullable<ReturnType<typeof useTeams>['data']>;

/** Who the grid lists: everyone for an admin, a manager's teams and people, a rep themselves; plus any scope that has a quota. */
function sectionsFor(user: SessionUser, workspace: SessionWorkspace, users: Users, teams: Teams, quotas: Quota[]): Section[] {
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  let visibleTeams: Set<string>;
  let visibleUsers: Users;
  const sellers = users.filter((u) => !u.disabled && (u.role === 'rep' || u.role === 'manager'));
  if (user.role === 'admin') {
    visibleTeams = new Set(teams.map((t) => t.id));
    visibleUsers = sellers;
  } else if (user.role === 'manager') {
    visibleTeams = teamSubtree(teams, user.managesTeamIds);
    visibleUsers = sellers.filter((u) => u.id === user.id || (u.teamId !== null && visibleTeams.has(u.teamId)));
  } else {
    visibleTeams = new Set();
    visibleUsers = sellers.filter((u) => u.id === user.id);
  }
  const organisation: Row[] =
    user.role === 'admin' || quotas.some((q) => q.scopeType === 'workspace')
      ? [{ scope: { type: 'workspace', id: workspace.id, name: workspace.name }, depth: 0, hint: null }]
      : [];
  const teamList: Row[] = teamRows(teams)
    .filter((r) => visibleTeams.has(r.team.id))
    .map((r) => ({
      scope: { type: 'team', id: r.team.id, name: r.team.name },
      depth: r.depth,
      hint: null,
      members: teamMemberIds(teams, users, r.team.id),
      settable: user.role === 'admin' || user.role === 'manager',
    }));
  const peopleList: Row[] = [...visibleUsers]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((u) => ({
      scope: { type: 'user', id: u.id, name: u.name },
      depth: 0,
      hint: [u.role === 'manager' ? 'manager' : null, u.teamId ? (teamName.get(u.teamId) ?? null) : null].filter(Boolean).join(' · ') || null,
      settable: user.role === 'admin' || (user.role === 'manager' && u.id !== user.id),
    }));
  // A quota of someone no longer listed (a disabled user, a team outside the tree) still shows.
  const listed = new Set([...organisation, ...teamList, ...peopleList].map((r) => `${r.scope.type}/${r.scope.id}`));
  for (const q of quotas) {
    const key = `${q.scopeType}/${q.scopeId}`;
    if (listed.has(key)) continue;
    listed.add(key);
    const row: Row = { scope: { type: q.scopeType, id: q.scopeId, name: q.scopeName }, depth: 0, hint: null, settable: user.role === 'admin' };
    (q.scopeType === 'team' ? teamList : q.scopeType === 'user' ? peopleList : organisation).push(row);
  }
  // The workspace's plan against everyone's (an admin sees every quota).
  if (user.role === 'admin')
    for (const row of organisation) {
      row.members = sellers.map((u) => u.id);
      row.settable = true;
    }
  return [
    { title: 'Organisation', rows: organisation },
    { title: 'Teams', rows: teamList },
    { title: 'People', rows: peopleList },
  ];
}

/** A team's people, as its figures count them: members of the team and the teams below, and those teams' managers. */
function teamMemberIds(teams: Teams, users: Users, teamId: string): string[] {
  const subtree = teamSubtree(teams, [teamId]);
  const ids = new Set(users.filter((u) => u.teamId !== null && subtree.has(u.teamId)).map((u) => u.id));
  for (const t of teams) if (subtree.has(t.id) && t.managerId) ids.add(t.managerId);
  return [...ids];
}
