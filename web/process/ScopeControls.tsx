// Period and scope of the Process page and its drill-downs, kept in the URL.
import { Group, SegmentedControl, Select } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import type { AdherenceReport } from '../../api/adherence';
import { toCalendarDate } from '../app/format';
import { useSession } from '../app/session';
import type { UrlState } from '../app/url-state';
import { useUsers } from '../data/people/people';
import { usePipelines } from '../data/pipelines/pipelines';
import { lastWeeks, PRESETS } from './process-links';

const parse = (d: string | undefined) => (d ? new Date(`${d}T00:00:00`) : null);

export function ScopeControls({ url, teams }: { url: UrlState; teams?: AdherenceReport['teams'] | undefined }) {
  const { user } = useSession();
  const pipelines = usePipelines();
  const users = useUsers();
  const from = url.get('from');
  const to = url.get('to');
  const preset = PRESETS.find((p) => {
    const r = lastWeeks(Number(p.value));
    return r.from === from && r.to === to;
  })?.value;

  return (
    <Group gap="sm" wrap="wrap" align="flex-end">
      <SegmentedControl aria-label="Period" data={[...PRESETS]} value={preset ?? ''} onChange={(v) => url.set(lastWeeks(Number(v)))} />
      <DatePickerInput
        type="range"
        // Named by its content (the dates shown), so what a screen reader says matches what is seen.
        placeholder="Pick a period"
        valueFormat="D MMM YYYY"
        value={[parse(from), parse(to)]}
        onChange={([a, b]) => {
          const d = (x: Date | string | null) => (x === null ? null : typeof x === 'string' ? x.slice(0, 10) : toCalendarDate(x));
          const f = d(a);
          const t = d(b);
          if (f && t) url.set({ from: f, to: t });
        }}
        w={260}
      />
      {(pipelines.data?.length ?? 0) > 1 && (
        <Select
          aria-label="Pipeline"
          placeholder="All pipelines"
          data={(pipelines.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={url.get('pipelineId') ?? null}
          onChange={(v) => url.set({ pipelineId: v })}
          clearable
          w={180}
        />
      )}
      {user.role !== 'rep' && (
        <Select
          aria-label="Rep"
          placeholder="Everyone"
          data={(users.data ?? []).filter((u) => u.role !== 'marketing').map((u) => ({ value: u.id, label: u.name }))}
          value={url.get('ownerId') ?? null}
          onChange={(v) => url.set({ ownerId: v })}
          clearable
          searchable
          w={200}
        />
      )}
      {teams && teams.length > 0 && (
        <Select
          aria-label="Team"
          placeholder="All teams"
          data={teams.map((t) => ({ value: t.teamId, label: t.name }))}
          value={url.get('teamId') ?? null}
          onChange={(v) => url.set({ teamId: v })}
          clearable
          w={200}
        />
      )}
    </Group>
  );
}
