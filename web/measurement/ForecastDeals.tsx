// A person's deals closing in the period, grouped by forecast category with each group's total.
// The owner may move an open deal to another category (or back to its stage's); others see it.
import { Anchor, Badge, Group, Paper, Select, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import type { ForecastCategory, ForecastDeal } from '../../api/measurement-forecast';
import { formatCalendarDate, formatMoney, plural } from '../app/format';
import { titleIfCut } from '../components/title-if-cut';
import { refreshForecast, setDealCategory } from '../data/forecast/forecast';
import { useWrite } from '../data/write';
import { CATEGORY_COLOR, CATEGORY_HINT, CATEGORY_LABEL } from './forecast-categories';
import { ScrollTable } from './forecast-scroll';

const ORDER: (ForecastCategory | 'closed')[] = ['closed', 'commit', 'best_case', 'pipeline', 'omitted'];
const CHOICES: ForecastCategory[] = ['commit', 'best_case', 'pipeline', 'omitted'];
const STAGE = 'stage';

function CategoryControl({ deal }: { deal: ForecastDeal }) {
  const value = deal.overridden ? deal.category : STAGE;
  const write = useWrite({
    request: (category: ForecastCategory | null) => setDealCategory(deal.id, category),
    refresh: refreshForecast,
    success: (_, category) => `${deal.name}: ${category ? CATEGORY_LABEL[category] : `back to its stage’s category (${CATEGORY_LABEL[deal.stageCategory]})`}`,
    failure: 'Category not changed',
  });
  const change = (next: string | null) => {
    if (!next || next === value) return;
    void write.save(next === STAGE ? null : (next as ForecastCategory));
  };
  return (
    <Select
      aria-label={`Forecast category of ${deal.name}`}
      size="xs"
      w={150}
      disabled={write.pending}
      allowDeselect={false}
      value={value}
      onChange={change}
      data={[{ value: STAGE, label: `${CATEGORY_LABEL[deal.stageCategory]} (stage)` }, ...CHOICES.map((c) => ({ value: c, label: CATEGORY_LABEL[c] }))]}
    />
  );
}

function CategoryBadge({ deal }: { deal: ForecastDeal }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Badge variant="light" color={CATEGORY_COLOR[deal.category]}>
        {CATEGORY_LABEL[deal.category]}
      </Badge>
      {deal.overridden && (
        <Text size="xs" c="dimmed">
          set by the owner (stage: {CATEGORY_LABEL[deal.stageCategory]})
        </Text>
      )}
    </Group>
  );
}

interface Props {
  deals: ForecastDeal[];
  currency: string;
  /** The signed-in user: only a deal's owner changes its category. */
  meId: string;
  personName: string;
  isMe: boolean;
  /** What the figures cover: a leader's list holds the teams' (or the workspace's) deals, so each names its owner. */
  scopeType: 'user' | 'team' | 'workspace';
}

function titleOf(isMe: boolean, personName: string, scopeType: Props['scopeType']): string {
  if (scopeType === 'workspace') return 'Deals this period';
  if (scopeType === 'team') return isMe ? 'My teams’ deals this period' : `${personName}’s teams’ deals this period`;
  return isMe ? 'My deals this period' : `${personName}’s deals this period`;
}

export function ForecastDeals({ deals, currency, meId, isMe, personName, scopeType }: Props) {
  const withOwner = scopeType !== 'user';
  const groups = ORDER.map((category) => ({ category, deals: deals.filter((d) => d.category === category) })).filter((g) => g.deals.length > 0);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="forecast-deals-title">
      <Title order={2} fz="h4" id="forecast-deals-title">
        {titleOf(isMe, personName, scopeType)}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Deals closing in the period, by forecast category. {isMe && 'Change a category when you know more than the stage says.'}
      </Text>
      {groups.length === 0 && (
        <Text size="sm" c="dimmed">
          No deals close in this period. Set close dates on open deals, or pick another period.
        </Text>
      )}
      <Stack gap="lg">
        {groups.map((g) => {
          const total = g.deals.reduce((s, d) => s + d.amount, 0);
          return (
            <div key={g.category}>
              <Group justify="space-between" mb={4} wrap="nowrap">
                <Group gap="xs">
                  <Title order={3} fz="md">
                    {CATEGORY_LABEL[g.category]}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {plural(g.deals.length, 'deal')} · {CATEGORY_HINT[g.category]}
                  </Text>
                </Group>
                <Text fw={700} style={{ whiteSpace: 'nowrap' }}>
                  {formatMoney(total, currency)}
                </Text>
              </Group>
              <ScrollTable minWidth={640}>
                <Table verticalSpacing={6} highlightOnHover>
                  <VisuallyHidden component="caption">{CATEGORY_LABEL[g.category]} deals</VisuallyHidden>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Deal</Table.Th>
                      {withOwner && <Table.Th scope="col">Owner</Table.Th>}
                      <Table.Th scope="col">Stage</Table.Th>
                      <Table.Th scope="col">Close date</Table.Th>
                      <Table.Th scope="col" style={{ textAlign: 'right' }}>
                        Amount
                      </Table.Th>
                      <Table.Th scope="col">Category</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {g.deals.map((d) => (
                      <Table.Tr key={d.id}>
                        <Table.Td ref={titleIfCut} style={{ maxWidth: 240, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
                          <Anchor component={Link} to={`/deals/${d.id}`} size="sm">
                            {d.name}
                          </Anchor>
                        </Table.Td>
                        {withOwner && <Table.Td style={{ whiteSpace: 'nowrap' }}>{d.ownerName}</Table.Td>}
                        <Table.Td>{d.stageName}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatCalendarDate(d.closeDate)}</Table.Td>
                        <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>{formatMoney(d.amount, currency)}</Table.Td>
                        <Table.Td>{d.status === 'open' && d.ownerId === meId ? <CategoryControl deal={d} /> : <CategoryBadge deal={d} />}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
            </div>
          );
        })}
      </Stack>
    </Paper>
  );
}
