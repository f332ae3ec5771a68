// The stage moves behind an adherence number: who moved which deal where, whether the move kept
// the process, and what was missing when it did not.
import { Badge, Button, Group, List, Paper, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useSearchParams } from 'react-router';
import type { AdherenceMove } from '../../api/adherence';
import { formatCalendarDate, formatInstant } from '../app/format';
import { useUrlState } from '../app/url-state';
import { ColumnHeadings } from '../components/ColumnHeadings';
import { EmptyHint } from '../components/EmptyHint';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { Pager } from '../components/Pager';
import { TextLink } from '../components/TextLink';
import { useAdherenceMoves } from '../data/adherence/adherence';
import { backToProcess, DrillHeader } from './DrillHeader';
import { OverrideReviewBlock } from './OverrideReview';
import type { MoveFilter } from './process-links';

const FILTERS: { value: MoveFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'adherent', label: 'Adherent' },
  { value: 'nonAdherent', label: 'Not adherent' },
  { value: 'forward', label: 'Forward' },
  { value: 'override', label: 'Overrides' },
  { value: 'challenged', label: 'Challenged' },
  { value: 'skipped', label: 'Skipped' },
  { value: 'backward', label: 'Backward' },
];

const VIA: Record<string, string> = { form: 'deal form', board: 'board', bulk: 'bulk edit', import: 'import', api: 'API', automation: 'automation' };

function Verdict({ m }: { m: AdherenceMove }) {
  if (m.adherent)
    return (
      <Badge color="furrow" variant="light">
        Kept the process
      </Badge>
    );
  return (
    <Group gap={4}>
      {m.overrideReason && (
        <Badge color="orange" variant="light">
          Override
        </Badge>
      )}
      {m.skipped > 0 && (
        <Badge color="grape" variant="light">
          Skipped {m.skipped}
        </Badge>
      )}
      {!m.criteriaMet && !m.overrideReason && (
        <Badge color="red" variant="light">
          Criteria missing
        </Badge>
      )}
    </Group>
  );
}

export function MovesPage() {
  const url = useUrlState();
  const [params] = useSearchParams();
  const filter = (url.get('filter') ?? 'all') as MoveFilter;
  const query = {
    from: url.get('from'),
    to: url.get('to'),
    pipelineId: url.get('pipelineId'),
    ownerId: url.get('ownerId'),
    teamId: url.get('teamId'),
    processVersionId: url.get('processVersionId'),
    filter,
    cursor: url.cursor,
    limit: 50,
  };
  const moves = useAdherenceMoves(query);

  const versionNumber = moves.data?.items[0]?.processVersionNumber;
  return (
    <>
      <DrillHeader
        title="Stage moves"
        description={`${formatCalendarDate(query.from)} – ${formatCalendarDate(query.to)}. A move keeps the process when it met every exit criterion, without override and without skipping a stage.`}
        back={backToProcess(params)}
      />
      <Stack gap="md">
        <Group gap="sm">
          <SegmentedControl aria-label="Which moves" data={FILTERS} value={filter} onChange={(v) => url.set({ filter: v })} />
          {query.processVersionId && (
            <Group gap={6}>
              <Badge variant="light" color="gray">
                {versionNumber ? `Process v${versionNumber} only` : 'One process version only'}
              </Badge>
              <Button variant="subtle" size="compact-sm" onClick={() => url.set({ processVersionId: null })}>
                All versions
              </Button>
            </Group>
          )}
        </Group>
        {moves.isError && <ErrorState error={moves.error} onRetry={() => moves.refetch()} />}
        {moves.isPending && <LoadingState />}
        {moves.data && moves.data.items.length === 0 && (
          <EmptyHint title="No moves here" description="No stage move in this period matches. Try another filter or a longer period." />
        )}
        {moves.data && moves.data.items.length > 0 && (
          <Paper withBorder radius="md" p="xs">
            <Table.ScrollContainer minWidth={900}>
              <Table verticalSpacing="xs" highlightOnHover>
                <ColumnHeadings labels={['When', 'Deal', 'Owner', 'Move', 'Verdict', 'What was missing']} />
                <Table.Tbody>
                  {moves.data.items.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Text size="sm">{formatInstant(m.at)}</Text>
                        <Text size="xs" c="dimmed">
                          via {VIA[m.via] ?? m.via}
                          {m.processVersionNumber ? ` · process v${m.processVersionNumber}` : ''}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <TextLink to={`/deals/${m.dealId}`}>{m.dealName}</TextLink>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{m.ownerName}</Text>
                        {m.actorName && m.actorName !== m.ownerName && (
                          <Text size="xs" c="dimmed">
                            moved by {m.actorName}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {m.fromStageName ?? 'created'} → {m.toStageName}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {m.fromProbability ?? 0}% → {m.toProbability}% ({m.gain > 0 ? '+' : ''}
                          {m.gain} pts)
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Verdict m={m} />
                      </Table.Td>
                      <Table.Td>
                        {m.overrideReason && (
                          <>
                            <Text size="sm" fs="italic">
                              “{m.overrideReason}”
                            </Text>
                            <OverrideReviewBlock
                              moveId={m.id}
                              moverId={m.actorId}
                              review={m.review}
                              what={`${m.dealName}: ${m.fromStageName ?? 'created'} → ${m.toStageName}`}
                            />
                          </>
                        )}
                        {m.missing.length > 0 && (
                          <List size="xs" spacing={2}>
                            {m.missing.map((x) => (
                              <List.Item key={`${x.stageId}${x.criterionId}`}>
                                {x.stageName}: {x.label}
                              </List.Item>
                            ))}
                          </List>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pager
              shown={moves.data.items.length}
              hasPrevious={url.hasPrevious}
              nextCursor={moves.data.nextCursor}
              onPrevious={url.previous}
              onNext={url.next}
              onFirst={url.first}
              noun="moves"
            />
          </Paper>
        )}
      </Stack>
    </>
  );
}
