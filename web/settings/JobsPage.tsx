import { Badge, Button, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconClockPlay, IconPlayerPlay, IconRefresh } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { JobList, JobScheduleList, JobSummary } from '../../api/jobs';
import { api, withQuery } from '../app/api';
import { formatDuration, formatInstant } from '../app/format';
import { useUrlState } from '../app/url-state';
import { EmptyHint } from '../components/EmptyHint';
import { ErrorState, errorMessage } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { titleIfCut } from '../components/title-if-cut';

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

const FILTERS = [
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
  const state = url.get('state');
  const schedules = useQuery({ queryKey: ['job-schedules'], queryFn: () => api.get<JobScheduleList>('/api/v1/job-schedules').then((r) => r.items) });
  const jobs = useQuery({
    queryKey: ['jobs', state],
    queryFn: () => api.get<JobList>(withQuery('/api/v1/jobs', { state, limit: 50 })).then((r) => r.items),
  });
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: ['job-schedules'] }), queryClient.invalidateQueries({ queryKey: ['jobs'] })]);

  const runNow = async (name: string) => {
    try {
      await api.post(`/api/v1/job-schedules/${encodeURIComponent(name)}/run`);
      notifications.show({ color: 'furrow', message: `${name} queued` });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not queued', message: errorMessage(error) });
    }
    await refresh();
  };
  const retry = async (id: string, name: string) => {
    try {
      await api.post(`/api/v1/jobs/${id}/retry`);
      notifications.show({ color: 'furrow', message: `${name} queued again` });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not retried', message: errorMessage(error) });
    }
    await refresh();
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
          {schedules.isPending ? (
            <LoadingState />
          ) : schedules.isError ? (
            <ErrorState error={schedules.error} onRetry={() => schedules.refetch()} />
          ) : schedules.data.length === 0 ? (
            <EmptyHint icon={<IconClockPlay size={28} />} title="No schedules" description="Nothing runs on a schedule." />
          ) : (
            <Table verticalSpacing="xs" aria-label="Schedules">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Job</Table.Th>
                  <Table.Th scope="col">When</Table.Th>
                  <Table.Th scope="col">Next run</Table.Th>
                  <Table.Th scope="col">Last run here</Table.Th>
                  <Table.Th scope="col">
                    <span className="sr-only">Actions</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {schedules.data.map((s) => (
                  <Table.Tr key={s.name}>
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
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
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
          {jobs.isPending ? (
            <LoadingState />
          ) : jobs.isError ? (
            <ErrorState error={jobs.error} onRetry={() => jobs.refetch()} />
          ) : jobs.data.length === 0 ? (
            <EmptyHint
              icon={<IconClockPlay size={28} />}
              title="No jobs"
              description={state ? `No ${state} jobs in this workspace.` : 'No jobs have run in this workspace yet.'}
            />
          ) : (
            <Table verticalSpacing="xs" aria-label="Recent jobs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Job</Table.Th>
                  <Table.Th scope="col">State</Table.Th>
                  <Table.Th scope="col">Attempts</Table.Th>
                  <Table.Th scope="col">Due</Table.Th>
                  <Table.Th scope="col">Started</Table.Th>
                  <Table.Th scope="col">Took</Table.Th>
                  <Table.Th scope="col">Finished</Table.Th>
                  <Table.Th scope="col">Started by</Table.Th>
                  <Table.Th scope="col">
                    <span className="sr-only">Actions</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {jobs.data.map((j) => (
                  <Table.Tr key={j.id}>
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
                        <Button size="compact-sm" variant="subtle" leftSection={<IconRefresh size={14} />} onClick={() => retry(j.id, j.name)}>
                          Retry
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      </Stack>
    </>
  );
}
