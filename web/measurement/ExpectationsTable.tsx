// Expectations with their status now: each KPI opens for the expectation's scope and period, the
// value beside the target (and, for sums that grow through the period, the pace it is on).
import { Anchor, Badge, Table, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import type { Expectation, Status } from '../../api/measurement-targets';
import { titleIfCut } from '../components/title-if-cut';
import { formatKpi, STATUS_COLOR, STATUS_LABEL } from './kpi-format';
import { kpiLink, scopeOfTarget } from './kpi-links';

export function StatusBadge({ status }: { status: Status }) {
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" radius="sm" maw="none" styles={{ label: { overflow: 'visible' } }}>
      {STATUS_LABEL[status]}
    </Badge>
  );
}

const fmt = (e: Expectation, v: number | null) => formatKpi(v, e.kpiId, e.unit, e.currency, { compact: e.unit === 'money' });

/** "amber below 25%, red below 15%" (or above, when lower is better). */
export function thresholdText(e: Expectation): string {
  const side = e.better === 'higher' ? 'below' : 'above';
  return `amber ${side} ${fmt(e, e.amberThreshold)}, red ${side} ${fmt(e, e.redThreshold)}`;
}

export const expectationLink = (e: Expectation) => kpiLink(e.kpiId, { ...scopeOfTarget(e.scopeType, e.scopeId), period: e.current.period.key });

export function periodText(e: Expectation): string {
  return e.periodKey ? e.current.period.label : `Every ${e.periodKind === 'year' ? 'fiscal year' : e.periodKind} · now ${e.current.period.label}`;
}

interface Props {
  items: Expectation[];
  caption: string;
  /** A last column with an edit link, for those who may change them. */
  editLink?: ((e: Expectation) => string | null) | undefined;
  withOwner?: boolean;
}

export function ExpectationsTable({ items, caption, editLink, withOwner = true }: Props) {
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table highlightOnHover verticalSpacing={6}>
        <VisuallyHidden component="caption">{caption}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={110}>
              Status
            </Table.Th>
            <Table.Th scope="col">KPI</Table.Th>
            <Table.Th scope="col">Scope</Table.Th>
            <Table.Th scope="col">Period</Table.Th>
            <Table.Th scope="col" style={{ textAlign: 'right' }}>
              Now
            </Table.Th>
            <Table.Th scope="col" style={{ textAlign: 'right' }}>
              Target
            </Table.Th>
            {withOwner && <Table.Th scope="col">Owner</Table.Th>}
            {editLink && (
              <Table.Th scope="col">
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((e) => {
            const edit = editLink?.(e) ?? null;
            return (
              <Table.Tr key={e.id}>
                <Table.Td>
                  <StatusBadge status={e.current.status} />
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={expectationLink(e)} size="sm" fw={600}>
                    {e.kpiName}
                  </Anchor>
                  {e.note && (
                    <Text size="xs" c="dimmed" lineClamp={1} maw={260} ref={titleIfCut}>
                      {e.note}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{e.scopeName}</Text>
                </Table.Td>
                <Table.Td>
                  {/* "Every quarter" above "now Q4 FY2026": two short lines rather than four broken ones. */}
                  {periodText(e)
                    .split(' · ')
                    .map((part) => (
                      <Text key={part} size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {part}
                      </Text>
                    ))}
                </Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>
                  <Text size="sm" fw={600}>
                    {fmt(e, e.current.value)}
                  </Text>
                  {e.current.projected !== null && e.current.projected !== e.current.value ? (
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      on pace for {fmt(e, e.current.projected)}
                    </Text>
                  ) : e.current.noData && e.current.value !== null ? (
                    <Text size="xs" c="dimmed">
                      {e.current.noData}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>
                  <Text size="sm">{fmt(e, e.target)}</Text>
                  <Text size="xs" c="dimmed">
                    {thresholdText(e)
                      .split(', ')
                      .map((part, i, all) => (
                        <span key={part} style={{ whiteSpace: 'nowrap' }}>
                          {part}
                          {i < all.length - 1 ? ', ' : ''}
                        </span>
                      ))}
                  </Text>
                </Table.Td>
                {withOwner && (
                  <Table.Td>
                    <Text size="sm">{e.ownerName}</Text>
                  </Table.Td>
                )}
                {editLink && (
                  <Table.Td>
                    {edit && (
                      <Anchor component={Link} to={edit} size="sm" aria-label={`Edit ${e.kpiName} for ${e.scopeName}`}>
                        Edit
                      </Anchor>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
