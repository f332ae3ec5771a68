import { Badge, Button, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { IconClockPlay, IconPlayerPlay, IconRefresh } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import type { JobListQuery, JobSummary } from '../../api/jobs';
import { formatDuration } from '../../lib/durations';
import { formatInstant } from '../app/format';
import { useUrlState } from '../app/url-state';
import { EmptyHint } from '../components/EmptyHint';
import { PageHeader } from '../components/PageHeader';
import { titleIfCut } from '../components/title-if-cut';
import { refreshJobs, retryJob, runScheduleNow, useJobSchedules, useJobs } from '../data/jobs/jobs';
import { useWrite } from '../data/write';
import { SettingsTable } from './SettingsTable';

const STATE_COLOR: Record<string, string> = { queued: 'blue', running: 'yellow', done: 'green', failed: 'red', cancelled: 'gray' };

/** How long the job's current attempt ran (or has been running). */
function took(j: JobSummary): string {
  if (!j.startedAt) return '—';
  const start = Date.parse(j.startedAt);
  if (j.finishedAt) return formatDuration(Date.parse(j.finishedAt) - start);
  return j.state === 'running' ? `${formatDuration(Date.now() - start)} so far` : '—';
}

function StateBadge({ state }: { state: JobSummary['state'] }) {
  return (
    <Badge color={STATE_COLOR[state] ?? 'gray'} variant="light">
      {state}
    </Badge>
  );
}

type JobState = NonNullable<JobListQuery['state']>;

const FILTERS: { value: JobState | 'all'; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'failed', label: 'Failed' },
  { value: 'queued', label: 'Queued' },
  { value: 'running', label: 'Running' },
  { value: 'done', label: 'Done' },
];

/** What Furrow does on its own: the recurring schedules, the recent jobs, run now and retry. Admins only. */
export function JobsPage() {
  const queryClient = useQueryClient();
  const url = useUrlState();
  const state = FILTERS.map((f) => f.value).find((v): v is JobState => v !== 'all' && v === url.get('state'));
  const schedules = useJobSchedules();
  const jobs = useJobs(state);
  const run = useWrite({
    request: runScheduleNow,
    refresh: refreshJobs,
    success: (_, name) => `${name} queued`,
    failure: 'Not queued',
  });
  const again = useWrite({
    request: (j: JobSummary) => retryJob(j.id),
    refresh: refreshJobs,
    success: (_, j) => `${j.name} queued again`,
    failure: 'Not retried',
  });
  // A refused run or retry (already queued, a system job) still shows where the job stands now.
  const runNow = async (name: string) => {
    if ((await run.save(name)) === undefined) await refreshJobs(queryClient);
  };
  const retry = async (j: JobSummary) => {
    if ((await again.save(j)) === undefined) await refreshJobs(queryClient);
  };

  return (
    <>
      <PageHeader
        title="Background jobs"
        description="What Furrow does on its own: reminders, digests, alerts, clean-ups and deliveries. Failed jobs were retried with backoff before they failed."
      />
      <Stack gap="lg">
        <Paper withBorder radius="md" p="md">
          <Title order={2} size="h4" mb="sm">
            Schedules
          </Title>
          <SettingsTable
            query={schedules}
            items={(list) => list}
            headings={['Job', 'When', 'Next run', 'Last run here', { label: 'Actions', hidden: true }]}
            rowKey={(s) => s.name}
            label="Schedules"
            empty={<EmptyHint icon={<IconClockPlay size={28} />} title="No schedules" description="Nothing runs on a schedule." />}
          >
            {(s) => (
              <>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {s.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {s.description}
                    {s.scope === 'system' && ' (every workspace)'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {s.cron}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {s.timezone}
                  </Text>
                </Table.Td>
                <Table.Td>{formatInstant(s.nextRunAt)}</Table.Td>
                <Table.Td>
                  {s.lastJob ? (
                    <Stack gap={2}>
                      <Group gap="xs">
                        <StateBadge state={s.lastJob.state} />
                        <Text size="xs">{formatInstant(s.lastJob.finishedAt)}</Text>
                      </Group>
                      {s.lastJob.lastError && (
                        <Text size="xs" c="red" lineClamp={2} ref={titleIfCut}>
                          {s.lastJob.lastError}
                        </Text>
                      )}
                    </Stack>
                  ) : (
                    <Text size="sm" c="dimmed">
                      Not yet
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>
                  {s.scope === 'workspace' && (
                    <Button size="compact-sm" variant="subtle" leftSection={<IconPlayerPlay size={14} />} onClick={() => runNow(s.name)}>
                      Run now
                    </Button>
                  )}
                </Table.Td>
              </>
            )}
          </SettingsTable>
        </Paper>
        <Paper withBorder radius="md" p="md">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h4">
              Recent jobs
            </Title>
            <SegmentedControl
              aria-label="Job state"
              size="xs"
              data={FILTERS}
              value={state ?? 'all'}
              onChange={(v) => url.set({ state: v === 'all' ? null : v })}
            />
          </Group>
          <SettingsTable
            query={jobs}
            items={(list) => list}
            headings={['Job', 'State', 'Attempts', 'Due', 'Started', 'Took', 'Finished', 'Started by', { label: 'Actions', hidden: true }]}
            rowKey={(j) => j.id}
            label="Recent jobs"
            empty={
              <EmptyHint
                icon={<IconClockPlay size={28} />}
                title="No jobs"
                description={state ? `No ${state} jobs in this workspace.` : 'No jobs have run in this workspace yet.'}
              />
            }
          >
            {(j) => (
              <>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {j.name}
                  </Text>
                  {j.lastError && (
                    <Text size="xs" c="red" lineClamp={2} ref={titleIfCut}>
                      {j.lastError}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <StateBadge state={j.state} />
                </Table.Td>
                <Table.Td>
                  {j.attempts}/{j.maxAttempts}
                </Table.Td>
                <Table.Td>{formatInstant(j.runAt)}</Table.Td>
                <Table.Td>{formatInstant(j.startedAt)}</Table.Td>
                <Table.Td>{took(j)}</Table.Td>
                <Table.Td>{j.finishedAt ? formatInstant(j.finishedAt) : '—'}</Table.Td>
                <Table.Td>{j.createdBy?.name ?? (j.scope === 'system' ? 'Furrow (every workspace)' : 'Furrow')}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>
                  {j.state === 'failed' && j.scope === 'workspace' && (
                    <Button size="compact-sm" variant="subtle" leftSection={<IconRefresh size={14} />} onClick={() => retry(j)}>
                      Retry
                    </Button>
                  )}
                </Table.Td>
              </>
            )}
          </SettingsTable>
        </Paper>
      </Stack>
    </>
  );
}
