// The ordered stages of a pipeline with their exit criteria: add, change, reorder, retire.
import { ActionIcon, Badge, Button, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { ExitCriterion, ProcessDefinition, ProcessStage } from '../../../api/pipelines';
import { reorderStages, retireCriterion, retireStage } from '../../data/pipelines/pipelines';
import { useFrameworks } from '../../data/qualification/qualification';
import { GuidanceText } from '../GuidanceText';
import { CriterionModal } from './CriterionModal';
import { KIND_LABEL, ruleOf } from './criterion-text';
import { StageModal } from './StageModal';
import { useProcessChange } from './use-process-change';

const KIND_COLOR = { open: 'blue', won: 'furrow', lost: 'gray' } as const;

export function StagesEditor({ process }: { process: ProcessDefinition }) {
  const frameworks = useFrameworks();
  const change = useProcessChange();
  const [stageModal, setStageModal] = useState<{ stage: ProcessStage | null } | null>(null);
  const [criterionModal, setCriterionModal] = useState<{ stage: ProcessStage; criterion: ExitCriterion | null } | null>(null);
  const version = process.pipeline.version;
  const stages = process.stages;

  const move = (index: number, by: -1 | 1) => {
    const ids = stages.map((s) => s.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + by, 0, moved as string);
    void change.run(() => reorderStages(process.pipeline.id, { version, stageIds: ids }), 'Stages reordered');
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Deals move left to right through the open stages. Exit criteria say what must be true to leave a stage; every change is a new process version.
        </Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setStageModal({ stage: null })}>
          Add stage
        </Button>
      </Group>
      {stages.map((s, i) => (
        <Paper key={s.id} withBorder radius="md" p="md" component="section" aria-label={`Stage ${s.name}`}>
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <div style={{ minWidth: 0 }}>
              <Group gap="xs">
                <Title order={3} fz="h5">
                  {i + 1}. {s.name}
                </Title>
                <Badge variant="light" color={KIND_COLOR[s.kind]}>
                  {s.kind}
                </Badge>
                <Badge variant="default">{s.probability}%</Badge>
                {s.agingDays !== null && <Badge variant="default">limit {s.agingDays} days</Badge>}
                {s.kind === 'open' && (
                  <Badge variant="light" color={s.allowOverride ? 'orange' : 'gray'}>
                    {s.allowOverride ? 'overrides allowed' : 'no overrides'}
                  </Badge>
                )}
              </Group>
            </div>
            <Group gap={4} wrap="nowrap">
              <Tooltip label="Move up">
                <ActionIcon variant="subtle" aria-label={`Move ${s.name} up`} disabled={i === 0 || change.busy} onClick={() => move(i, -1)}>
                  <IconArrowUp size={16} />
                </ActionIcon>
              </Tooltip>
              <Tooltip label="Move down">
                <ActionIcon variant="subtle" aria-label={`Move ${s.name} down`} disabled={i === stages.length - 1 || change.busy} onClick={() => move(i, 1)}>
                  <IconArrowDown size={16} />
                </ActionIcon>
              </Tooltip>
              <Tooltip label="Change">
                <ActionIcon variant="subtle" aria-label={`Change ${s.name}`} onClick={() => setStageModal({ stage: s })}>
                  <IconPencil size={16} />
                </ActionIcon>
              </Tooltip>
              <Tooltip label="Retire (only when no deal is in it)">
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`Retire ${s.name}`}
                  disabled={change.busy}
                  onClick={() => {
                    if (window.confirm(`Retire the stage ${s.name}? Its history stays; no deal may be in it.`))
                      void change.run(() => retireStage(s.id, { version }), `${s.name} retired`);
                  }}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
            </Group>
          </Group>
          {s.guidance && (
            <div style={{ marginTop: 8 }}>
              <GuidanceText text={s.guidance} size="xs" />
            </div>
          )}
          {s.kind === 'open' && (
            <Stack gap={6} mt="sm">
              <Text size="sm" fw={600}>
                Exit criteria{' '}
                {s.criteria.length === 0 && (
                  <Text span size="sm" c="dimmed" fw={400}>
                    — none: any deal may leave
                  </Text>
                )}
              </Text>
              {s.criteria.map((c) => (
                <Group key={c.id} justify="space-between" wrap="nowrap" gap="xs" pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }}>
                  <div style={{ minWidth: 0 }}>
                    <Text size="sm">{c.label}</Text>
                    <Text size="xs" c="dimmed">
                      {KIND_LABEL[c.kind]} · {ruleOf(c, process.fieldChoices, frameworks.data)}
                    </Text>
                  </div>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon variant="subtle" aria-label={`Change ${c.label}`} onClick={() => setCriterionModal({ stage: s, criterion: c })}>
                      <IconPencil size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Remove ${c.label}`}
                      disabled={change.busy}
                      onClick={() => void change.run(() => retireCriterion(c.id, { version }), `“${c.label}” removed`)}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                </Group>
              ))}
              <Button
                variant="subtle"
                size="xs"
                leftSection={<IconPlus size={14} />}
                style={{ alignSelf: 'flex-start' }}
                onClick={() => setCriterionModal({ stage: s, criterion: null })}
              >
                Add exit criterion
              </Button>
            </Stack>
          )}
        </Paper>
      ))}
      <StageModal
        opened={stageModal !== null}
        onClose={() => setStageModal(null)}
        pipelineId={process.pipeline.id}
        version={version}
        stage={stageModal?.stage ?? null}
      />
      {criterionModal && (
        <CriterionModal
          opened
          onClose={() => setCriterionModal(null)}
          stage={criterionModal.stage}
          criterion={criterionModal.criterion}
          version={version}
          fieldChoices={process.fieldChoices}
        />
      )}
    </Stack>
  );
}
