// Scope, period and as-of date of a measurement screen, kept in the URL (?scope=team&scopeId=…&
// period=FY2026-Q4&asOf=2026-06-30). The scope offers what the role may see: a rep only their own
// figures, a manager their teams (each with the teams below) and people, an admin everything.
import { Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import type { KpiScope, PeriodInfo } from '../../api/measurement';
import { toCalendarDate, todayLocal } from '../app/format';
import { useSession } from '../app/session';
import type { UrlState } from '../app/url-state';
import { teamSubtree } from '../crm/shared/people';
import { useTeams, useUsers } from '../data/people/people';
import { currentPeriodKey, kindOfKey, type PickKind, periodChoices } from './measure-periods';

const KINDS = [
  { value: 'week', label: 'Week' },
  { value: 'month', label: 'Month' },
  { value: 'quarter', label: 'Quarter' },
  { value: 'year', label: 'Fiscal year' },
  { value: 'custom', label: 'Custom' },
];

const dateText = (x: Date | string | null | undefined) => (x === null || x === undefined ? null : typeof x === 'string' ? x.slice(0, 10) : toCalendarDate(x));

interface ScopeOption {
  value: string;
  label: string;
}

/** The scopes the signed-in person may pick, grouped. Values are "workspace", "team:<id>", "rep:<id>". */
export function useScopeOptions(): { group: string; items: ScopeOption[] }[] {
  const { user, workspace } = useSession();
  const users = useUsers();
  const teams = useTeams();
  if (user.role === 'rep' || user.role === 'marketing') return [];
  const allTeams = teams.data ?? [];
  const visibleTeams = user.role === 'admin' ? new Set(allTeams.map((t) => t.id)) : teamSubtree(allTeams, user.managesTeamIds);
  const people = (users.data ?? []).filter(
    (u) => !u.disabled && u.role !== 'marketing' && (user.role === 'admin' || u.id === user.id || (u.teamId !== null && visibleTeams.has(u.teamId))),
  );
  const groups: { group: string; items: ScopeOption[] }[] = [];
  if (user.role === 'admin') groups.push({ group: 'Organisation', items: [{ value: 'workspace', label: `Everyone (${workspace.name})` }] });
  const teamItems = allTeams.filter((t) => visibleTeams.has(t.id)).map((t) => ({ value: `team:${t.id}`, label: `${t.name} (team)` }));
  if (teamItems.length > 0) groups.push({ group: 'Teams', items: teamItems });
  const me = { value: `rep:${user.id}`, label: `${user.name} (me)` };
  groups.push({
    group: 'People',
    items: [me, ...people.filter((u) => u.id !== user.id).map((u) => ({ value: `rep:${u.id}`, label: u.name }))],
  });
  return groups;
}

function scopeValue(url: UrlState, resolved: KpiScope | undefined): string | null {
  const scope = url.get('scope') ?? (resolved && resolved.kind !== 'mine' ? resolved.kind : undefined);
  const id = url.get('scope') ? url.get('scopeId') : (resolved?.id ?? undefined);
  if (!scope) return null;
  return scope === 'workspace' ? 'workspace' : id ? `${scope}:${id}` : null;
}

interface Props {
  url: UrlState;
  /** The scope and period the server resolved (shown when the URL leaves them out). */
  resolved?: { scope: KpiScope; period: PeriodInfo } | undefined;
  /** Also offer the as-of date. */
  withAsOf?: boolean;
  /** A scope that cannot be changed, shown as text (marketing's funnel is the whole workspace). */
  fixedScope?: string;
}

export function MeasureControls({ url, resolved, withAsOf = true, fixedScope }: Props) {
  const { user, workspace } = useSession();
  const scopeOptions = useScopeOptions();
  const options = fixedScope === undefined ? scopeOptions : [];
  // Five period kinds side by side are wider than a phone: the smaller control keeps the page from scrolling sideways.
  const phone = useMediaQuery('(max-width: 30em)') ?? false;
  const today = todayLocal();
  const start = workspace.fiscalYearStartMonth;
  const from = url.get('from');
  const to = url.get('to');
  const period = url.get('period');
  const kind: PickKind = from && to ? 'custom' : (kindOfKey(period) ?? resolved?.period.kind ?? 'quarter');
  const key = period ?? (resolved && resolved.period.kind !== 'custom' ? resolved.period.key : undefined);
  const choices = kind === 'custom' ? [] : periodChoices(kind, today, start, kind === 'week' ? 12 : kind === 'year' ? 3 : 8, kind === 'year' ? 0 : 1);
  // A shared link may name a period outside the list; keep it choosable.
  if (kind !== 'custom' && key && !choices.some((c) => c.value === key))
    choices.unshift({ value: key, label: resolved?.period.key === key ? resolved.period.label : key });

  const setKind = (next: string) => {
    if (next === 'custom') {
      const range = resolved?.period ?? { from: today, to: today };
      url.set({ period: null, from: range.from, to: range.to });
    } else url.set({ period: currentPeriodKey(next as Exclude<PickKind, 'custom'>, today, start), from: null, to: null });
  };

  const scope = scopeValue(url, resolved?.scope);
  return (
    // One row on a 1280-pixel screen: the fields share the width and wrap as whole fields below it.
    <Group gap="md" wrap="wrap" align="flex-end">
      {options.length > 0 ? (
        <Select
          label="Scope"
          data={options}
          value={scope}
          placeholder={resolved?.scope.label ?? 'My teams'}
          onChange={(v) => {
            if (!v) return;
            const [kindOf, id] = v.split(':');
            url.set({ scope: kindOf, scopeId: id ?? null });
          }}
          searchable
          allowDeselect={false}
          style={{ flex: '1 1 180px', maxWidth: 280 }}
          comboboxProps={{ withinPortal: true, width: 280, position: 'bottom-start' }}
        />
      ) : (
        <Stack gap={2} style={{ flex: '1 1 180px', maxWidth: 280 }}>
          <Text size="sm" fw={500}>
            Scope
          </Text>
          <Text size="sm" py={6}>
            {fixedScope ?? `${user.name} (me)`}
          </Text>
        </Stack>
      )}
      <Stack gap={2}>
        <Text size="sm" fw={500} id="period-kind-label">
          Period
        </Text>
        <SegmentedControl aria-labelledby="period-kind-label" data={KINDS} value={kind} onChange={setKind} size={phone ? 'xs' : 'sm'} />
      </Stack>
      {kind === 'custom' ? (
        <DatePickerInput
          type="range"
          label="From – to"
          valueFormat="D MMM YYYY"
          value={[from ?? null, to ?? null]}
          onChange={([a, b]) => {
            const f = dateText(a);
            const t = dateText(b);
            if (f && t) url.set({ period: null, from: f, to: t });
          }}
          style={{ flex: '1 1 230px', maxWidth: 300 }}
          styles={{ input: { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' } }}
        />
      ) : (
        <Select
          label={KINDS.find((k) => k.value === kind)?.label ?? 'Period'}
          data={choices}
          value={key ?? null}
          onChange={(v) => v && url.set({ period: v, from: null, to: null })}
          allowDeselect={false}
          style={{ flex: kind === 'week' ? '1 1 210px' : '1 1 170px', maxWidth: 300 }}
          // The list is as wide as its longest label ("Week 48 · 23 Nov – 29 Nov 2026"), whatever the field's width.
          comboboxProps={{ withinPortal: true, width: 'max-content', position: 'bottom-start' }}
        />
      )}
      {withAsOf && (
        <DatePickerInput
          label="As of"
          placeholder="Now"
          valueFormat="D MMM YYYY"
          value={url.get('asOf') ?? null}
          maxDate={today}
          onChange={(d) => url.set({ asOf: dateText(d) })}
          clearable
          clearButtonProps={{ 'aria-label': 'Show as known now' }}
          style={{ flex: '0 0 140px' }}
        />
      )}
    </Group>
  );
}
