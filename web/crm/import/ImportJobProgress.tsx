// A background import or check: polls its job (GET /api/v1/jobs/:id) and shows rows done of
// total as a progress bar, then hands the report to the page.
import { Progress, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import type { ImportResult } from '../../../api/imports';
import { formatDuration } from '../../../lib/durations';
import { useJobProgress } from '../../data/jobs/jobs';

interface Props {
  jobId: string;
  dryRun: boolean;
  /** The job is done: its report (null when it produced none). */
  onFinished: (result: ImportResult | null) => void;
  onFailed: (error: Error) => void;
}

interface Rows {
  phase?: 'reading' | 'checking' | 'writing';
  done?: number;
  total?: number;
  rowsPerSecond?: number | null;
  secondsLeft?: number | null;
}

/** "· 1,234 rows/s, about 2 min 3 s left", or nothing before the job knows its pace. */
function paceOf(rows: Rows): string {
  if (rows.rowsPerSecond == null || rows.secondsLeft == null) return '';
  return ` · ${rows.rowsPerSecond.toLocaleString()} rows/s, about ${formatDuration(rows.secondsLeft * 1000)} left`;
}

const POLL_MS = 1000;

export function ImportJobProgress({ jobId, dryRun, onFinished, onFailed }: Props) {
  const job = useJobProgress(jobId, POLL_MS);
  const data = job.data;
  useEffect(() => {
    if (data?.state === 'done') onFinished((data.result as ImportResult | null) ?? null);
    else if (data?.state === 'failed' || data?.state === 'cancelled') onFailed(new Error(data.lastError ?? 'The import stopped before it finished'));
  }, [data, onFinished, onFailed]);
  useEffect(() => {
    if (job.error) onFailed(job.error);
  }, [job.error, onFailed]);

  const rows = (data?.progress ?? {}) as Rows;
  const total = rows.total ?? 0;
  const done = rows.done ?? 0;
  // Reading or checking is the first half of the bar, writing the second: one bar that only moves forward.
  const share = total > 0 ? (done / total) * 50 + (rows.phase === 'writing' ? 50 : 0) : 0;
  const what = dryRun ? 'Checking' : 'Importing';
  const label =
    data === undefined || data.state === 'queued'
      ? 'Waiting to start…'
      : rows.phase === 'writing'
        ? `${dryRun ? 'Trying' : 'Writing'} ${done.toLocaleString()} of ${total.toLocaleString()} rows${paceOf(rows)}`
        : rows.phase === 'reading'
          ? `Reading the file: ${done.toLocaleString()} of about ${total.toLocaleString()} rows${paceOf(rows)}`
          : total > 0
            ? `Checking ${done.toLocaleString()} of ${total.toLocaleString()} rows${paceOf(rows)}`
            : 'Reading the file…';
  return (
    <Stack gap={4} data-testid="import-progress">
      <Text size="sm" fw={500}>
        {what} in the background; the report appears here when it is done.
      </Text>
      <Progress value={share} animated aria-label={`${what}: ${label}`} />
      <Text size="sm" c="dimmed" role="status">
        {label}
      </Text>
    </Stack>
  );
}
