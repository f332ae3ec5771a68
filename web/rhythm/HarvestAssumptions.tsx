// The plan's assumptions (win rate, average deal size, cycle length: from history, the workspace, or
// overridden), the formulas it applies, and — for a team the reader manages — the override form
// with the record of every change (who, when, from what).
import { Badge, Button, Group, List, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { HarvestAssumption, HarvestOverride, HarvestOverrideSet, HarvestPlan, HarvestRow } from '../../api/harvest';
import { formatInstant, formatMoney, majorToMinor, minorToMajor } from '../app/format';
import { FormProblem } from '../components/FormProblem';
import { refreshYear, saveOverride } from '../data/year/year';
import { days, percent } from './year-format';

const SOURCE: Record<HarvestAssumption['source'], { label: string; color: string }> = {
  history: { label: 'from history', color: 'gray' },
  workspace: { label: 'workspace figure', color: 'yellow' },
  override: { label: 'overridden', color: 'grape' },
  none: { label: 'no history', color: 'red' },
};

const FIELD_LABEL: Record<string, string> = { win_rate: 'Win rate', average_deal_size: 'Average deal size', cycle_days: 'Sales cycle' };

export function HarvestAssumptions({ plan, row, override }: { plan: HarvestPlan; row: HarvestRow; override: HarvestOverride | undefined }) {
  const a = row.assumptions;
  const money = (v: number | null) => (v === null ? '—' : formatMoney(Math.round(v), plan.currency));
  const lines: { name: string; a: HarvestAssumption; show: (v: number | null) => string }[] = [
    { name: 'Win rate', a: a.winRate, show: percent },
    { name: 'Average deal size', a: a.averageDealSize, show: money },
    { name: 'Sales cycle (median)', a: a.cycleDays, show: days },
  ];
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          Formulas and assumptions
        </Title>
        <Text size="sm" c="dimmed">
          Assumptions come from the catalogue KPIs over the last 12 months (since {plan.historyFrom}) for {a.teamId ? 'the team' : 'the workspace'}; a manager
          or admin may override them per team.
        </Text>
        <Table verticalSpacing={4} maw={640}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Assumption</Table.Th>
              <Table.Th scope="col">Used</Table.Th>
              <Table.Th scope="col">History</Table.Th>
              <Table.Th scope="col">Source</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((l) => (
              <Table.Tr key={l.name}>
                <Table.Td>{l.name}</Table.Td>
                <Table.Td fw={600}>{l.show(l.a.value)}</Table.Td>
                <Table.Td>{l.show(l.a.history)}</Table.Td>
                <Table.Td>
                  <Badge color={SOURCE[l.a.source].color} variant="light">
                    {SOURCE[l.a.source].label}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {a.overriddenBy && (
          <Text size="sm">
            Overridden by {a.overriddenBy} on {formatInstant(a.overriddenAt)}.
          </Text>
        )}
        <Text size="sm">
          MQL→opportunity: {plan.mqlToOpportunity === null ? 'not known' : percent(plan.mqlToOpportunity)} ({plan.leadHistory.opportunities} of{' '}
          {plan.leadHistory.mqls} MQLs in the last 12 months became a deal).{plan.leadHistory.note ? ` ${plan.leadHistory.note}.` : ''}
        </Text>
        <List size="sm" spacing={2}>
          {plan.formulas.map((f) => (
            <List.Item key={f.id}>{f.text}</List.Item>
          ))}
        </List>
        {row.canOverride && row.kind === 'team' && (
          <OverrideForm key={`${row.id}-${override?.version ?? 0}`} teamId={row.id} teamName={row.name} currency={plan.currency} override={override} />
        )}
      </Stack>
    </Paper>
  );
}

function OverrideForm({ teamId, teamName, currency, override }: { teamId: string; teamName: string; currency: string; override: HarvestOverride | undefined }) {
  const queryClient = useQueryClient();
  const initial = {
    winRate: override?.winRate == null ? '' : Math.round(override.winRate * 1000) / 10,
    dealSize: override?.averageDealSize == null ? '' : minorToMajor(override.averageDealSize, currency),
    cycle: override?.cycleDays ?? '',
  };
  const [winRate, setWinRate] = useState<number | string>(initial.winRate);
  const [dealSize, setDealSize] = useState<number | string>(initial.dealSize);
  const [cycle, setCycle] = useState<number | string>(initial.cycle);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setSaving(true);
    try {
      // Only what the person changed is sent: the other assumptions stay as they are.
      const body: HarvestOverrideSet = { version: override?.version ?? 0 };
      if (winRate !== initial.winRate) body.winRate = winRate === '' ? null : Number(winRate) / 100;
      if (dealSize !== initial.dealSize) body.averageDealSize = dealSize === '' ? null : majorToMinor(dealSize, currency);
      if (cycle !== initial.cycle) body.cycleDays = cycle === '' ? null : Number(cycle);
      await saveOverride(teamId, body);
      await refreshYear(queryClient);
    } catch (error) {
      const e = error as { code?: string; message?: string };
      setProblem(
        e.code === 'stale' ? 'Someone changed these assumptions meanwhile; the page now shows theirs. Check and save again.' : (e.message ?? 'Saving failed.'),
      );
      if (e.code === 'stale') await refreshYear(queryClient);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack gap="xs" mt="sm">
      <Title order={3} fz="h5">
        Override for {teamName}
      </Title>
      <Text size="xs" c="dimmed">
        Leave a field empty to use the team’s history. Every change is recorded with who, when and the old value.
      </Text>
      <form onSubmit={submit} aria-label={`Override the assumptions of ${teamName}`}>
        <Group align="flex-end" gap="sm">
          <NumberInput label="Win rate (%)" value={winRate} onChange={setWinRate} allowNegative={false} max={100} decimalScale={1} w={130} />
          <NumberInput label={`Average deal size (${currency})`} value={dealSize} onChange={setDealSize} allowNegative={false} thousandSeparator="," w={190} />
          <NumberInput label="Sales cycle (days)" value={cycle} onChange={setCycle} allowNegative={false} max={1500} w={150} />
          <Button type="submit" loading={saving}>
            Save override
          </Button>
        </Group>
      </form>
      <FormProblem problem={problem} />
      {override && override.changes.length > 0 && (
        <Table verticalSpacing={2} maw={640} aria-label="Override history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">When</Table.Th>
              <Table.Th scope="col">Who</Table.Th>
              <Table.Th scope="col">Assumption</Table.Th>
              <Table.Th scope="col">From</Table.Th>
              <Table.Th scope="col">To</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {override.changes.map((c) => {
              const show = (v: number | null) =>
                v === null ? 'history' : c.field === 'win_rate' ? percent(v) : c.field === 'cycle_days' ? days(v) : formatMoney(v, currency);
              return (
                <Table.Tr key={`${c.version}-${c.field}`}>
                  <Table.Td>{formatInstant(c.changedAt)}</Table.Td>
                  <Table.Td>{c.changedBy ?? '—'}</Table.Td>
                  <Table.Td>{FIELD_LABEL[c.field]}</Table.Td>
                  <Table.Td>{show(c.oldValue)}</Table.Td>
                  <Table.Td>{show(c.newValue)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
