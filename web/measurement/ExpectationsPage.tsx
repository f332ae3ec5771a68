// Expectations: every KPI someone is expected to hit, with its status now. Managers and the CSO
// start on the ones off track (amber or red, worst first); the filter lives in the URL.
import { Anchor, Button, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconPlus, IconTarget } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useSession } from '../app/session';
import { useUrlState } from '../app/url-state';
import { EmptyHint } from '../components/EmptyHint';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { useExpectations } from '../data/expectations/expectations';
import { ExpectationsTable } from './ExpectationsTable';

export function ExpectationsPage() {
  const { user } = useSession();
  const url = useUrlState();
  const mayManage = user.role === 'admin' || user.role === 'manager';
  const status = url.get('status') ?? (mayManage ? 'off_track' : 'all');
  const offTrack = status === 'off_track';
  const list = useExpectations(offTrack ? 'off_track' : undefined);
  const items = list.data ?? [];

  return (
    <>
      <PageHeader
        title="Expectations"
        description={
          mayManage
            ? 'Targets for KPIs, each with an owner and the thresholds where it turns amber and red. Status is worked out from the KPI now.'
            : 'What is expected of you and your team, and where it stands now.'
        }
        actions={
          mayManage && (
            <Button component={Link} to="/expectations/new" leftSection={<IconPlus size={16} aria-hidden />}>
              New expectation
            </Button>
          )
        }
      />
      <Stack gap="md">
        <Group justify="space-between">
          <SegmentedControl
            aria-label="Show"
            data={[
              { value: 'off_track', label: 'Off track' },
              { value: 'all', label: 'All' },
            ]}
            value={offTrack ? 'off_track' : 'all'}
            onChange={(v) => url.set({ status: v })}
          />
          {list.data && (
            <Text size="sm" c="dimmed">
              {items.length} {offTrack ? 'off track (amber or red), worst first' : items.length === 1 ? 'expectation' : 'expectations'}
            </Text>
          )}
        </Group>
        {list.isError && <ErrorState error={list.error} onRetry={() => list.refetch()} />}
        {list.isPending && <LoadingState rows={6} label="Loading expectations" />}
        {list.data &&
          (items.length === 0 ? (
            <Paper withBorder radius="md">
              {offTrack ? (
                <EmptyHint
                  icon={<IconTarget size={24} aria-hidden />}
                  title="Nothing off track"
                  description={
                    <>
                      Every expectation you can see is green or has no data yet.{' '}
                      <Anchor component="button" type="button" underline="always" onClick={() => url.set({ status: 'all' })}>
                        Show all
                      </Anchor>
                    </>
                  }
                />
              ) : (
                <EmptyHint
                  icon={<IconTarget size={24} aria-hidden />}
                  title="No expectations yet"
                  description={
                    mayManage
                      ? 'Set one: a KPI such as win rate, a target, and the thresholds where it turns amber and red.'
                      : 'Your manager sets expectations; they will show here with their status.'
                  }
                  action={
                    mayManage && (
                      <Button component={Link} to="/expectations/new" leftSection={<IconPlus size={16} aria-hidden />}>
                        New expectation
                      </Button>
                    )
                  }
                />
              )}
            </Paper>
          ) : (
            <Paper withBorder radius="md" p="xs" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }} aria-busy={list.isPlaceholderData}>
              <ExpectationsTable
                caption={offTrack ? 'Expectations off track' : 'Expectations'}
                items={items}
                editLink={mayManage ? (e) => `/expectations/${e.id}/edit` : undefined}
              />
            </Paper>
          ))}
      </Stack>
    </>
  );
}
