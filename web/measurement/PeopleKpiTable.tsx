// People compared on the dashboard's KPIs: a name opens that person's dashboard, a figure opens the
// KPI for that person with the records behind it.
import { Anchor, Table, Text, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import type { Dashboard } from '../../api/measurement-dashboard';
import { formatKpi } from './kpi-format';
import { dashboardLink, kpiLink, type MeasureQuery } from './kpi-links';

interface Props {
  people: NonNullable<Dashboard['people']>;
  currency: string;
  query: MeasureQuery;
}

export function PeopleKpiTable({ people, currency, query }: Props) {
  if (people.rows.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nobody in this scope has figures in the period.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table highlightOnHover verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Person</Table.Th>
            {people.kpis.map((k) => (
              <Table.Th key={k.id} scope="col" style={{ textAlign: 'right' }}>
                {/* A link, so the formula shows on keyboard focus too and opens with the whole scope's figure. */}
                <Tooltip label={`Formula: ${k.formula}`} multiline w={280} withArrow events={{ hover: true, focus: true, touch: false }}>
                  <Anchor component={Link} to={kpiLink(k.id, query)} size="sm" fw={700} c="inherit" underline="hover">
                    {k.name}
                  </Anchor>
                </Tooltip>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.rows.map((r) => {
            const own: MeasureQuery = { ...query, scope: 'rep', scopeId: r.ownerId };
            return (
              <Table.Tr key={r.ownerId}>
                <Table.Th scope="row" fw={500}>
                  <Anchor component={Link} to={dashboardLink(own)} size="sm" c="inherit" underline="hover">
                    {r.name}
                  </Anchor>
                </Table.Th>
                {people.kpis.map((k) => (
                  <Table.Td key={k.id} style={{ textAlign: 'right' }}>
                    <Anchor component={Link} to={kpiLink(k.id, own)} size="sm">
                      {formatKpi(r.values[k.id] ?? null, k.id, k.unit, currency, { compact: k.unit === 'money' })}
                    </Anchor>
                  </Table.Td>
                ))}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
