// Adherence per rep or per team; every number opens its records for that person or team.
import { Anchor, Paper, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { Figures } from '../../api/adherence';
import { dealsLink, movesLink, pct, type Scope } from './process-links';

export interface PeopleRow extends Figures {
  key: string;
  name: string;
  /** What narrows the drill-down to this row. */
  narrow: Partial<Scope>;
}

export function PeopleTable({ title, rows, scope, empty }: { title: string; rows: PeopleRow[]; scope: Scope; empty: string }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={title}>
      <Title order={2} fz="h4" mb="sm">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table highlightOnHover verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                {['', 'Moves', 'Adherence', 'Weighted', 'Overrides', 'Skipped', 'Backward', 'Open deals', 'Aging', 'No next step'].map((h, i) => (
                  <Table.Th key={h || i} scope="col">
                    {h}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => {
                const s = { ...scope, ...r.narrow };
                const link = (text: string, to: string) => (
                  <Anchor component={Link} to={to} size="sm">
                    {text}
                  </Anchor>
                );
                return (
                  <Table.Tr key={r.key}>
                    <Table.Th scope="row" fw={500}>
                      {r.name}
                    </Table.Th>
                    <Table.Td>{link(String(r.moves), movesLink(s, 'all'))}</Table.Td>
                    <Table.Td>{link(pct(r.adherence), movesLink(s, 'nonAdherent'))}</Table.Td>
                    <Table.Td>{link(pct(r.weightedAdherence), movesLink(s, 'forward'))}</Table.Td>
                    <Table.Td>{link(String(r.overrides), movesLink(s, 'override'))}</Table.Td>
                    <Table.Td>{link(String(r.skippedMoves), movesLink(s, 'skipped'))}</Table.Td>
                    <Table.Td>{link(String(r.backwardMoves), movesLink(s, 'backward'))}</Table.Td>
                    <Table.Td>{link(String(r.openDeals), dealsLink(s, 'open'))}</Table.Td>
                    <Table.Td>{link(String(r.agingDeals), dealsLink(s, 'aging'))}</Table.Td>
                    <Table.Td>{link(String(r.noNextStepDeals), dealsLink(s, 'noNextStep'))}</Table.Td>
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
