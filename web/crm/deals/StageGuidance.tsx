// What good looks like at this stage, how long the deal has been here, and what the next move
// needs (from the server's gate check): the page answers "what do I do next on this deal?".
import { Alert, Badge, Checkbox, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconClock, IconX } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { GateItem } from '../../../api/deal-gate';
import type { Deal } from '../../../api/deals';
import type { Stage } from '../../../api/pipelines';
import { daysSince, plural } from '../../app/format';
import { errorMessage } from '../../components/ErrorState';
import { showTicked, tickChecklist, useDealGate } from '../../data/deal-gate/deal-gate';
import { FillFieldInline } from '../../process/FillFieldInline';
import { LogActivityInline, ScoreFrameworkLink } from '../../process/FixInPlace';
import { GuidanceText } from '../../process/GuidanceText';

function GateRow({ item, deal, mayEdit }: { item: GateItem; deal: Deal; mayEdit: boolean }) {
  const dealId = deal.id;
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  if (item.kind === 'checklist') {
    return (
      <List.Item icon={<span />}>
        <Checkbox
          label={item.label}
          checked={item.met}
          disabled={!mayEdit}
          error={problem}
          onChange={async (e) => {
            setProblem(null);
            try {
              const gate = await tickChecklist(dealId, item.criterionId, e.currentTarget.checked);
              await showTicked(queryClient, dealId, gate);
            } catch (error) {
              setProblem(errorMessage(error));
            }
          }}
        />
      </List.Item>
    );
  }
  return (
    <List.Item
      icon={
        <ThemeIcon color={item.met ? 'furrow' : 'red'} variant="light" size={20} radius="xl">
          {item.met ? <IconCheck size={12} aria-label="done" /> : <IconX size={12} aria-label="missing" />}
        </ThemeIcon>
      }
    >
      <Text size="sm" span>
        {item.label}
      </Text>
      {!item.met && item.hint && (
        <Text size="xs" c="dimmed">
          {item.hint}
        </Text>
      )}
      {!item.met && item.field && mayEdit && <FillFieldInline deal={deal} field={item.field} label={item.label} />}
      {!item.met && item.kind === 'activity' && mayEdit && <LogActivityInline deal={deal} activityType={item.activityType} />}
      {!item.met && item.kind === 'qualification' && mayEdit && <ScoreFrameworkLink dealId={deal.id} frameworkId={item.frameworkId} />}
    </List.Item>
  );
}

export function StageGuidance({ deal, stage, mayEdit }: { deal: Deal; stage: Stage | undefined; mayEdit: boolean }) {
  const gate = useDealGate(deal.id, deal.status === 'open');
  const days = gate.data?.stage.daysInStage ?? daysSince(deal.stageEnteredAt);
  const aging = gate.data?.stage.agingDays ?? stage?.agingDays ?? null;
  const over = aging !== null && days > aging;
  const guidance = gate.data?.stage.guidance ?? stage?.guidance;
  const missing = gate.data?.items.filter((i) => !i.met).length ?? 0;

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="stage-guidance">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} fz="h4" id="stage-guidance">
            {deal.status === 'open' ? `In ${deal.stageName}` : deal.status === 'won' ? 'Won' : 'Lost'}
          </Title>
          {deal.status === 'open' && (
            <Badge variant="light" color={over ? 'red' : 'gray'} leftSection={<IconClock size={12} aria-hidden />}>
              {plural(days, 'day')} in stage{aging !== null ? ` · limit ${aging}` : ''}
            </Badge>
          )}
        </Group>
        {over && (
          <Alert color="red" variant="light" p="xs">
            This deal has been in {deal.stageName} longer than the {aging}-day limit. Move it on, or update the close date and next step.
          </Alert>
        )}
        {deal.status === 'lost' && deal.lostReason && <Text size="sm">Lost reason: {deal.lostReason}</Text>}
        {guidance && <GuidanceText text={guidance} />}
        {gate.data?.target && gate.data.items.length > 0 && (
          <div>
            <Text size="sm" fw={600} mb={6}>
              To move to {gate.data.target.name}
              {missing > 0 ? ` — ${missing} missing` : ' — all met'}
            </Text>
            <List spacing={6} size="sm" center>
              {gate.data.items.map((item) => (
                <GateRow key={item.criterionId} item={item} deal={deal} mayEdit={mayEdit} />
              ))}
            </List>
          </div>
        )}
        {gate.data?.target && gate.data.items.length === 0 && (
          <Text size="sm" c="dimmed">
            No exit criteria before {gate.data.target.name}.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
