import { Anchor, Group, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link } from 'react-router';
import { PageHeader } from '../components/PageHeader';

/** Title of a drill-down, with the way back to the figures it came from. */
export function DrillHeader({ title, description, back }: { title: string; description: string; back: string }) {
  return (
    <PageHeader
      eyebrow={
        <Anchor component={Link} to={back} size="sm">
          <Group gap={4} component="span">
            <IconArrowLeft size={14} aria-hidden />
            <Text span size="sm">
              Process figures
            </Text>
          </Group>
        </Anchor>
      }
      title={title}
      description={description}
    />
  );
}

export function backToProcess(params: URLSearchParams): string {
  const keep = new URLSearchParams();
  for (const k of ['from', 'to', 'pipelineId', 'ownerId', 'teamId']) {
    const v = params.get(k);
    if (v) keep.set(k, v);
  }
  const q = keep.toString();
  return q ? `/process?${q}` : '/process';
}
