// Adherence by process version: the moves of the period grouped by the version of the process
// they were checked against, so a change to the process shows as a line, not as a bend in a trend.
import { Anchor, Paper, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { VersionFigures } from '../../api/adherence';
import { formatDay } from '../app/format';
import { ColumnHeadings } from '../components/ColumnHeadings';
import { movesLink, pct, type Scope } from './process-links';

const inForce = (v: VersionFigures) => (v.inForceFrom ? `${formatDay(v.inForceFrom)} – ${v.inForceTo ? formatDay(v.inForceTo) : 'now'}` : '—');

export function VersionsTable({ rows, scope, showPipeline }: { rows: VersionFigures[]; scope: Scope; showPipeline: boolean }) {
  const title = 'By process version';
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={title}>
      <Title order={2} fz="h4" mb={4}>
        {title}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Every move is checked against the process in force at that moment; a change to the stages or criteria starts a new version.
      </Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          No process version was in force in this period.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table highlightOnHover verticalSpacing={6}>
            <ColumnHeadings labels={['Version', 'In force', 'What changed', 'Moves', 'Adherence', 'Overrides']} />
            <Table.Tbody>
              {rows.map((v) => {
                const s = { ...scope, processVersionId: v.processVersionId ?? undefined };
                const link = (text: string, to: string) =>
                  v.processVersionId ? (
                    <Anchor component={Link} to={to} size="sm">
                      {text}
                    </Anchor>
                  ) : (
                    <Text size="sm">{text}</Text>
                  );
                const name = v.number === null ? 'No version' : `v${v.number}`;
                return (
                  <Table.Tr key={v.processVersionId ?? 'none'}>
                    <Table.Th scope="row" fw={500} style={{ whiteSpace: 'nowrap' }}>
                      {name}
                      {showPipeline && v.pipelineName && (
                        <Text span size="xs" c="dimmed">
                          {' '}
                          {v.pipelineName}
                        </Text>
                      )}
                    </Table.Th>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm">{inForce(v)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {v.note ?? (v.inForceFrom ? `Version ${v.number} of ${formatDay(v.inForceFrom)}` : 'Moves recorded without a version')}
                      </Text>
                    </Table.Td>
                    <Table.Td>{link(String(v.moves), movesLink(s, 'all'))}</Table.Td>
                    <Table.Td>{link(pct(v.adherence), movesLink(s, 'nonAdherent'))}</Table.Td>
                    <Table.Td>{link(String(v.overrides), movesLink(s, 'override'))}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
