// The process's history: every version with who changed what and why; any version can be opened.
import { Badge, Button, Group, List, Modal, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { ProcessStage } from '../../../api/pipelines';
import { formatInstant } from '../../app/format';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { useProcessVersion, useVersions } from '../../data/pipelines/pipelines';

function Snapshot({ id }: { id: string }) {
  const version = useProcessVersion(id);
  if (version.isPending) return <LoadingState rows={4} />;
  if (version.isError) return <ErrorState error={version.error} />;
  const stages = ((version.data.snapshot as { stages?: (ProcessStage & { criteria?: ProcessStage['criteria'] })[] }).stages ?? []) as ProcessStage[];
  return (
    <Stack gap="xs">
      {stages.map((s) => (
        <Paper key={s.id} withBorder p="xs" radius="sm">
          <Group gap="xs">
            <Text size="sm" fw={600}>
              {s.position}. {s.name}
            </Text>
            <Badge size="xs" variant="default">
              {s.probability}%
            </Badge>
            {s.kind === 'open' && s.allowOverride !== undefined && (
              <Badge size="xs" variant="light" color={s.allowOverride ? 'orange' : 'gray'}>
                {s.allowOverride ? 'overrides' : 'no overrides'}
              </Badge>
            )}
          </Group>
          {(s.criteria ?? []).length > 0 && (
            <List size="xs" mt={4}>
              {(s.criteria ?? []).map((c) => (
                <List.Item key={c.id}>{c.label}</List.Item>
              ))}
            </List>
          )}
        </Paper>
      ))}
    </Stack>
  );
}

export function VersionsPanel({ pipelineId, currentId }: { pipelineId: string; currentId: string | null }) {
  const versions = useVersions(pipelineId);
  const [open, setOpen] = useState<{ id: string; number: number } | null>(null);
  if (versions.isPending) return <LoadingState rows={4} label="Loading versions" />;
  if (versions.isError) return <ErrorState error={versions.error} onRetry={() => versions.refetch()} />;
  return (
    <>
      <Text size="sm" c="dimmed" mb="sm">
        Every stage move records the version it was checked against, so figures stay comparable across changes.
      </Text>
      <Table verticalSpacing={6} highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            {['Version', 'When', 'Who', 'What changed', ''].map((h, i) => (
              <Table.Th key={h || i} scope="col">
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.data.map((v) => (
            <Table.Tr key={v.id}>
              <Table.Td>
                v{v.number}{' '}
                {v.id === currentId && (
                  <Badge size="xs" variant="light">
                    current
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{formatInstant(v.createdAt)}</Table.Td>
              <Table.Td>{v.createdByName ?? '—'}</Table.Td>
              <Table.Td>{v.note ?? '—'}</Table.Td>
              <Table.Td>
                <Button size="xs" variant="subtle" onClick={() => setOpen({ id: v.id, number: v.number })}>
                  View
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={open !== null} onClose={() => setOpen(null)} title={`Process version ${open?.number ?? ''}`} size="lg">
        {open && <Snapshot id={open.id} />}
      </Modal>
    </>
  );
}
