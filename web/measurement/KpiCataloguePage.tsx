// Every KPI Furrow computes, defined once: its formula in plain language, its unit, what puts a
// record in the period and its definition version. Each opens for the reader's default scope.
import { Anchor, Paper, Table, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useSession } from '../app/session';
import { useUrlState } from '../app/url-state';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { useKpiCatalogue } from '../data/kpis/kpis';
import { BASIS_LABEL, unitLabel } from './kpi-format';

export function KpiCataloguePage() {
  const { workspace } = useSession();
  const url = useUrlState();
  const catalogue = useKpiCatalogue();
  const search = (url.get('q') ?? '').toLowerCase();
  const items = (catalogue.data ?? []).filter((k) => !search || `${k.name} ${k.formula}`.toLowerCase().includes(search));

  return (
    <>
      <PageHeader
        title="KPIs"
        description="Every figure Furrow shows is one of these, defined once. Open one to see it for your scope and period, with the records behind it."
        actions={
          <TextInput
            aria-label="Find a KPI"
            placeholder="Find a KPI"
            leftSection={<IconSearch size={16} aria-hidden />}
            value={url.get('q') ?? ''}
            onChange={(e) => url.set({ q: e.currentTarget.value }, { replace: true })}
            w={240}
          />
        }
      />
      {catalogue.isError && <ErrorState error={catalogue.error} onRetry={() => catalogue.refetch()} />}
      {catalogue.isPending && <LoadingState rows={10} label="Loading the KPIs" />}
      {catalogue.data && (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">KPI</Table.Th>
                  <Table.Th scope="col">Formula</Table.Th>
                  <Table.Th scope="col">Unit</Table.Th>
                  <Table.Th scope="col">Counts</Table.Th>
                  <Table.Th scope="col">Version</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((k) => (
                  <Table.Tr key={k.id}>
                    <Table.Th scope="row" style={{ verticalAlign: 'top', minWidth: 180 }}>
                      <Anchor component={Link} to={`/kpis/${k.id}`} fw={600} size="sm">
                        {k.name}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {k.better === 'lower' ? 'Lower is better' : 'Higher is better'}
                      </Text>
                    </Table.Th>
                    <Table.Td style={{ verticalAlign: 'top' }}>
                      <Text size="sm">{k.formula}</Text>
                      {k.notes.length > 0 && (
                        <Text size="xs" c="dimmed" mt={2}>
                          {k.notes.join(' ')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td style={{ verticalAlign: 'top', whiteSpace: 'nowrap' }}>
                      <Text size="sm">{unitLabel(k.id, k.unit, workspace.currency)}</Text>
                    </Table.Td>
                    <Table.Td style={{ verticalAlign: 'top', minWidth: 180 }}>
                      <Text size="sm">{BASIS_LABEL[k.basis] ?? k.basis}</Text>
                    </Table.Td>
                    <Table.Td style={{ verticalAlign: 'top' }}>
                      <Text size="sm">{k.version}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {items.length === 0 && (
            <Text size="sm" c="dimmed" p="md">
              No KPI matches “{url.get('q')}”.
            </Text>
          )}
        </Paper>
      )}
    </>
  );
}
