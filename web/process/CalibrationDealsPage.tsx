// The closed deals behind a gate-calibration number.
import { Badge, Paper, SegmentedControl, Stack, Table } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { formatCalendarDate, formatMoney } from '../app/format';
import { useUrlState } from '../app/url-state';
import { ColumnHeadings } from '../components/ColumnHeadings';
import { EmptyHint } from '../components/EmptyHint';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { Pager } from '../components/Pager';
import { TextLink } from '../components/TextLink';
import { useCalibration, useCalibrationDeals } from '../data/adherence/adherence';
import { backToProcess, DrillHeader } from './DrillHeader';

export function CalibrationDealsPage() {
  const url = useUrlState();
  const [params] = useSearchParams();
  const scope = { pipelineId: url.get('pipelineId'), ownerId: url.get('ownerId'), teamId: url.get('teamId'), from: url.get('from'), to: url.get('to') };
  const calibration = useCalibration({ pipelineId: scope.pipelineId, ownerId: scope.ownerId, teamId: scope.teamId });
  const query = {
    ...scope,
    stageId: url.get('stageId'),
    criterionId: url.get('criterionId'),
    met: url.get('met'),
    outcome: url.get('outcome'),
    cursor: url.cursor,
    limit: 50,
  };
  const deals = useCalibrationDeals(query);
  const stage = calibration.data?.stages.find((s) => s.stageId === query.stageId);
  const criterion = calibration.data?.criteria.find((c) => c.criterionId === query.criterionId);
  const title = stage
    ? `Closed deals that reached ${stage.name}`
    : criterion
      ? `Closed deals that ${query.met === 'false' ? 'were moved past' : 'met'} “${criterion.label}”`
      : 'Closed deals';

  return (
    <>
      <DrillHeader title={title} description="Won and lost deals behind the gate-calibration figure." back={backToProcess(params)} />
      <Stack gap="md">
        <SegmentedControl
          aria-label="Outcome"
          data={[
            { value: '', label: 'Won and lost' },
            { value: 'won', label: 'Won' },
            { value: 'lost', label: 'Lost' },
          ]}
          value={query.outcome ?? ''}
          onChange={(v) => url.set({ outcome: v })}
          style={{ alignSelf: 'flex-start' }}
        />
        {deals.isError && <ErrorState error={deals.error} onRetry={() => deals.refetch()} />}
        {deals.isPending && <LoadingState />}
        {deals.data && deals.data.items.length === 0 && <EmptyHint title="No deals" description="No closed deal matches." />}
        {deals.data && deals.data.items.length > 0 && (
          <Paper withBorder radius="md" p="xs">
            <Table verticalSpacing="xs" highlightOnHover>
              <ColumnHeadings labels={['Deal', 'Owner', 'Outcome', 'Closed', 'Amount']} />
              <Table.Tbody>
                {deals.data.items.map((d) => (
                  <Table.Tr key={d.dealId}>
                    <Table.Td>
                      <TextLink to={`/deals/${d.dealId}`}>{d.dealName}</TextLink>
                    </Table.Td>
                    <Table.Td>{d.ownerName}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={d.status === 'won' ? 'furrow' : 'gray'}>
                        {d.status}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{formatCalendarDate(d.closeDate)}</Table.Td>
                    <Table.Td>{formatMoney(d.amount, d.currency)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Pager
              shown={deals.data.items.length}
              hasPrevious={url.hasPrevious}
              nextCursor={deals.data.nextCursor}
              onPrevious={url.previous}
              onNext={url.next}
              onFirst={url.first}
              noun="deals"
            />
          </Paper>
        )}
      </Stack>
    </>
  );
}
