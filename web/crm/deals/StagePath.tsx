// The deal's place in the process: every stage in order, the current one marked; choosing another
// asks the server to move the deal there (exit criteria checked).
import { Group, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import type { Deal } from '../../../api/deals';
import type { Pipeline, Stage } from '../../../api/pipelines';
import classes from './StagePath.module.css';

interface Props {
  deal: Deal;
  pipeline: Pipeline;
  onMove(stage: Stage): void;
  disabled: boolean;
}

export function StagePath({ deal, pipeline, onMove, disabled }: Props) {
  const stages = [...pipeline.stages].sort((a, b) => a.position - b.position);
  const current = stages.find((s) => s.id === deal.stageId);
  return (
    <nav aria-label="Stages">
      <Group gap={4} wrap="wrap" component="ol" className={classes.path}>
        {stages.map((stage) => {
          const isCurrent = stage.id === deal.stageId;
          const passed = current !== undefined && stage.kind === 'open' && current.kind === 'open' && stage.position < current.position;
          const tone = isCurrent ? (stage.kind === 'won' ? 'won' : stage.kind === 'lost' ? 'lost' : 'current') : passed ? 'passed' : 'ahead';
          return (
            <li key={stage.id} className={classes.item}>
              <Tooltip label={isCurrent ? 'The deal is here' : `Move to ${stage.name} (${stage.probability}%)`} withinPortal>
                <UnstyledButton
                  className={classes.step}
                  data-tone={tone}
                  aria-current={isCurrent ? 'step' : undefined}
                  disabled={disabled || isCurrent}
                  onClick={() => onMove(stage)}
                  aria-label={isCurrent ? `${stage.name}, current stage` : `Move to ${stage.name}`}
                >
                  <Group gap={4} wrap="nowrap">
                    {passed && <IconCheck size={14} aria-hidden />}
                    <Text size="sm" fw={isCurrent ? 700 : 500} span>
                      {stage.name}
                    </Text>
                  </Group>
                </UnstyledButton>
              </Tooltip>
            </li>
          );
        })}
      </Group>
    </nav>
  );
}
