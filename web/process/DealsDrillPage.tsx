// The deals behind a deal figure: open, past the stage's aging limit, or without a next step, as
// of a day (by default today), longest in their stage first.
import { Paper, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { formatCalendarDate, formatInstant, formatMoney, plural } from '../app/format';
import { useUrlState } from '../app/url-state';
import { ColumnHeadings } from '../components/ColumnHeadings';
import { EmptyHint } from '../components/EmptyHint';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { Pager } from '../components/Pager';
import { TextLink } from '../components/TextLink';
import { useAdherenceDeals } from '../data/adherence/adherence';
import { backToProcess, DrillHeader } from './DrillHeader';

const TITLES = { open: 'Open deals', aging: 'Deals past their stage’s aging limit', noNextStep: 'Open deals without a next step' } as const;

export function DealsDrillPage() {
  const url = useUrlState();
  const [params] = useSearchParams();
  const filter = (url.get('filter') ?? 'aging') as keyof typeof TITLES;
  const query = {
    asOf: url.get('asOf'),
    filter,
    pipelineId: url.get('pipelineId'),
    ownerId: url.get('ownerId'),
    teamId: url.get('teamId'),
    cursor: url.cursor,
    limit: 50,
  };
  const deals = useAdherenceDeals(query);

  return (
    <>
      <DrillHeader
        title={TITLES[filter]}
        description={`As of ${query.asOf ? `the end of ${formatCalendarDate(query.asOf)}` : 'now'}; a next step is an activity scheduled after that moment and not yet done.`}
        back={backToProcess(params)}
      />
      <Stack gap="md">
        <SegmentedControl
          aria-label="Which deals"
          data={[
            { value: 'aging', label: 'Aging' },
            { value: 'noNextStep', label: 'No next step' },
            { value: 'open', label: 'All open' },
          ]}
          value={filter}
          onChange={(v) => url.set({ filter: v })}
          style={{ alignSelf: 'flex-start' }}
        />
        {deals.isError && <ErrorState error={deals.error} onRetry={() => deals.refetch()} />}
        {deals.isPending && <LoadingState />}
        {deals.data && deals.data.items.length === 0 && <EmptyHint title="Nothing to chase" description="No deal matches at that moment." />}
        {deals.data && deals.data.items.length > 0 && (
          <Paper withBorder radius="md" p="xs">
            <Table.ScrollContainer minWidth={760}>
              <Table verticalSpacing="xs" highlightOnHover>
                <ColumnHeadings labels={['Deal', 'Owner', 'Stage', 'In stage since', 'Days in stage', 'Amount']} />
                <Table.Tbody>
                  {deals.data.items.map((d) => (
                    <Table.Tr key={d.dealId}>
                      <Table.Td>
                        <TextLink to={`/deals/${d.dealId}`}>{d.dealName}</TextLink>
                      </Table.Td>
                      <Table.Td>{d.ownerName}</Table.Td>
                      <Table.Td>{d.stageName}</Table.Td>
                      <Table.Td>{formatInstant(d.enteredAt)}</Table.Td>
                      <Table.Td>
                        <Text
                          size="sm"
                          c={d.agingDays !== null && d.daysInStage > d.agingDays ? 'red.8' : undefined}
                          fw={d.agingDays !== null && d.daysInStage > d.agingDays ? 600 : undefined}
                        >
                          {plural(d.daysInStage, 'day')}
                          {d.agingDays !== null ? ` (limit ${d.agingDays})` : ''}
                        </Text>
                      </Table.Td>
                      <Table.Td>{formatMoney(d.amount, d.currency)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
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
