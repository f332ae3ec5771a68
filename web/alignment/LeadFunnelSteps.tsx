// The funnel's steps: how many of the period's MQLs reached each (a funnel chart beside the table
// that the keyboard and screen readers use), with the conversion into each step.
import { FunnelChart } from '@mantine/charts';
import { Anchor, Group, Table, Text } from '@mantine/core';
import type { KpiResult } from '../../api/measurement';
import { plural } from '../app/format';
import { count, type Drill, shown } from './lead-funnel-format';

/** The steps of the funnel: how many of the period's MQLs reached each, and the KPI that converts into it. */
interface Step {
  label: string;
  leads: number | null;
  /** The conversion from the step before (its KPI), none for the first step. */
  conversion: KpiResult | null;
  /** The KPI whose numerator lists this step's leads. */
  drill: string;
}

export function stepsOf(figure: (id: string) => KpiResult): Step[] {
  const mqls = figure('lead_mqls');
  const into = (id: string, label: string): Step => {
    const f = figure(id);
    // The conversion's numerator is the step's leads; over no denominator the step had none.
    return { label, leads: f.numerator ?? 0, conversion: f, drill: id };
  };
  return [
    { label: 'MQL', leads: mqls.value ?? 0, conversion: null, drill: 'lead_mqls' },
    into('mql_to_sal', 'Accepted (SAL)'),
    into('sal_to_sql', 'Qualified (SQL)'),
    into('sql_to_opportunity', 'Opportunity'),
    into('opportunity_to_won', 'Won'),
  ];
}

const STEP_COLORS = ['indigo.7', 'indigo.6', 'indigo.5', 'indigo.4', 'teal.6'];

export function FunnelSteps({ steps, onOpen }: { steps: Step[]; onOpen(d: Drill): void }) {
  const data = steps.map((s, i) => ({ name: s.label, value: s.leads ?? 0, color: STEP_COLORS[i] ?? 'gray.5' }));
  const empty = (steps[0]?.leads ?? 0) === 0;
  return (
    <Group align="flex-start" gap="xl" wrap="wrap">
      {!empty && (
        // The picture of the table beside it, which is what a screen reader and the keyboard use.
        <div aria-hidden="true" style={{ flex: '0 0 260px' }}>
          <FunnelChart data={data} size={240} withTooltip={false} withLabels labelsPosition="inside" accessibilityLayer={false} />
        </div>
      )}
      <Table.ScrollContainer minWidth={420} style={{ flex: '1 1 420px' }}>
        <Table verticalSpacing={6} highlightOnHover aria-label="Lead funnel">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Step</Table.Th>
              <Table.Th scope="col" style={{ textAlign: 'right' }}>
                Leads
              </Table.Th>
              <Table.Th scope="col" style={{ textAlign: 'right' }}>
                Conversion from the step before
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {steps.map((s) => (
              <Table.Tr key={s.label} data-step={s.label}>
                <Table.Th scope="row" fw={500}>
                  {s.label}
                </Table.Th>
                <Table.Td style={{ textAlign: 'right' }}>
                  <Anchor
                    component="button"
                    type="button"
                    onClick={() => onOpen({ id: s.drill, part: 'numerator' })}
                    aria-label={`${s.label}: ${plural(s.leads ?? 0, 'lead')}, list them`}
                  >
                    {count(s.leads)}
                  </Anchor>
                </Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>
                  {s.conversion ? (
                    <Anchor
                      component="button"
                      type="button"
                      onClick={() => onOpen({ id: (s.conversion as KpiResult).kpi.id })}
                      aria-label={`${s.conversion.kpi.name}: ${shown(s.conversion)}`}
                    >
                      {shown(s.conversion)}
                    </Anchor>
                  ) : (
                    <Text span size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {empty && (
          <Text size="sm" c="dimmed" mt="xs">
            No lead reached MQL in this period for this scope. Pick another period, or check the agreement’s threshold.
          </Text>
        )}
      </Table.ScrollContainer>
    </Group>
  );
}
