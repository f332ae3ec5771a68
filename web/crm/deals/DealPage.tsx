import { Badge, Button, Grid, Group, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPencil } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import type { Deal } from '../../../api/deals';
import { formatCalendarDate, formatInstant, formatMoney, todayLocal } from '../../app/format';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { DealReviews } from '../../coaching/DealReviews';
import { Details } from '../../components/Details';
import { PageHeader } from '../../components/PageHeader';
import { TextLink } from '../../components/TextLink';
import { useDeal } from '../../data/deals/deals';
import { usePipelines } from '../../data/pipelines/pipelines';
import { DealPlans } from '../../planning/DealPlans';
import { QualificationPanel } from '../../process/QualificationPanel';
import { ActivityModal } from '../activities/ActivityModal';
import { DeleteButton } from '../shared/DeleteButton';
import { useMayChange } from '../shared/people';
import { stageOf } from '../shared/pipelines';
import { RecordLoader } from '../shared/RecordLoader';
import { RecordTimeline } from '../timeline/RecordTimeline';
import { DealComments } from './DealComments';
import { DealStatusBadge } from './DealStatusBadge';
import { PendingMoveBanner, usePendingMove } from './move/PendingMoveBanner';
import { useDealMover } from './move/useDealMover';
import { StageGuidance } from './StageGuidance';
import { StagePath } from './StagePath';

function DealView({ deal }: { deal: Deal }) {
  const { user } = useSession();
  const pipelines = usePipelines();
  const found = stageOf(pipelines.data, deal.stageId);
  const [logOpen, log] = useDisclosure(false);
  const mayEdit = useMayChange('deals', deal.ownerId);
  const mayDelete = useMayChange('deals', deal.ownerId, 'delete');
  // A move refused on the board and left to complete things here waits in the address (?move=).
  const pending = usePendingMove();
  const mover = useDealMover({
    via: 'form',
    onMoved: (moved) => {
      if (moved.stageId === pending.stageId) pending.clear();
    },
  });

  return (
    <>
      <PageHeader
        eyebrow={
          <Group gap={6}>
            <Text size="sm" c="dimmed">
              Deal
              {deal.accountId && (
                <>
                  {' · '}
                  <TextLink to={`/accounts/${deal.accountId}`} size="sm">
                    {deal.accountName}
                  </TextLink>
                </>
              )}
            </Text>
            <DealStatusBadge status={deal.status} />
          </Group>
        }
        title={deal.name}
        description={
          <Text span size="lg" fw={650} c="dark">
            {formatMoney(deal.amount, deal.currency)}
            <Text span size="sm" c="dimmed" fw={400}>
              {' '}
              · {deal.status === 'open' ? 'closes' : 'closed'} {formatCalendarDate(deal.closeDate)} · owner {deal.ownerName}
            </Text>
            {deal.status === 'open' && deal.closeDate < todayLocal() && (
              <Badge size="sm" color="red" variant="light" ml="xs" tt="none">
                Close date passed: update it or close the deal
              </Badge>
            )}
          </Text>
        }
        actions={
          <>
            {can(user.role, 'activities', 'create') && (
              <Button variant="default" onClick={log.open}>
                Log activity
              </Button>
            )}
            {mayEdit && (
              <Button component={Link} to={`/deals/${deal.id}/edit`} leftSection={<IconPencil size={16} />}>
                Edit
              </Button>
            )}
            {mayDelete && <DeleteButton entity="deals" id={deal.id} name={deal.name} noun="deal" after="/deals" />}
          </>
        }
      />
      {mayEdit && (
        <PendingMoveBanner
          deal={deal}
          stageId={pending.stageId}
          moving={mover.moving !== null}
          onMove={(stage) => mover.move(deal, stage)}
          onDismiss={pending.clear}
        />
      )}
      {found && (
        <Paper withBorder radius="md" p="sm" mb="lg">
          <StagePath deal={deal} pipeline={found.pipeline} disabled={!mayEdit || mover.moving !== null} onMove={(stage) => mover.move(deal, stage)} />
        </Paper>
      )}
      <Grid gap="lg">
        {/* On a tablet, what to do next (guidance, gate) comes before the history. */}
        <Grid.Col span={{ base: 12, md: 7 }} order={{ base: 2, md: 1 }}>
          <RecordTimeline
            entity="deals"
            id={deal.id}
            noun="deal"
            currency={deal.currency}
            actions={
              can(user.role, 'activities', 'create') && (
                <Button size="xs" variant="light" onClick={log.open}>
                  Log activity
                </Button>
              )
            }
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }} order={{ base: 1, md: 2 }}>
          <Stack gap="lg">
            <StageGuidance deal={deal} stage={found?.stage} mayEdit={mayEdit} />
            <DealComments dealId={deal.id} ownerId={deal.ownerId} />
            <QualificationPanel dealId={deal.id} mayEdit={mayEdit} />
            <DealPlans dealId={deal.id} />
            <DealReviews dealId={deal.id} ownerId={deal.ownerId} ownerName={deal.ownerName} />
            <Paper withBorder radius="md" p="md">
              <Details
                items={[
                  { label: 'Amount', value: formatMoney(deal.amount, deal.currency) },
                  { label: 'Close date', value: formatCalendarDate(deal.closeDate, { withWeekday: true }) },
                  { label: 'Stage', value: `${deal.stageName}${found ? ` (${found.stage.probability}%)` : ''}` },
                  { label: 'Account', value: deal.accountId && <TextLink to={`/accounts/${deal.accountId}`}>{deal.accountName}</TextLink> },
                  { label: 'Contact', value: deal.contactId && <TextLink to={`/contacts/${deal.contactId}`}>{deal.contactName}</TextLink> },
                  { label: 'Owner', value: deal.ownerName },
                  { label: 'Next step', value: deal.nextStep },
                  { label: 'Source', value: deal.source },
                  { label: 'Campaign', value: deal.campaign },
                  { label: 'Pipeline', value: found?.pipeline.name },
                  // An historical import without a start date: the stored instant is only the first one known (decision 0180).
                  { label: 'Created', value: deal.createdUnknown ? 'unknown' : formatInstant(deal.createdAt) },
                ]}
              />
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
      <ActivityModal
        opened={logOpen}
        onClose={log.close}
        links={{ dealId: deal.id, accountId: deal.accountId, contactId: deal.contactId }}
        context={`the deal ${deal.name}`}
      />
      {mover.modals}
    </>
  );
}

export function DealPage() {
  const { id } = useParams();
  const query = useDeal(id);
  return (
    <RecordLoader query={query} noun="deal">
      {(deal) => <DealView deal={deal} />}
    </RecordLoader>
  );
}
