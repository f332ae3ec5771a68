// The lead funnel both sides look at (issue 12's closed loop): new → MQL (marketing's tile), MQL → SAL → SQL → opportunity → won
// with the conversion at each step, the sales SLA (accept, first touch, attempts) and marketing's
// delivery against its commitment side by side, speed to lead and the rejections by reason. Every
// figure is a catalogue KPI (one call, GET /api/v1/dashboard/leads) and opens its formula and the
// leads behind it. Marketing sees the workspace; reps their own leads; managers their teams. The
// scope, period and as-of date live in the URL so a figure can be shared. Its parts: the steps
// (LeadFunnelSteps), the funnel per source, campaign or agreement version (LeadFunnelGroups) and
// a figure opened (LeadFunnelDrawer).
import { Anchor, Badge, Paper, SimpleGrid, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import type { KpiResult } from '../../api/measurement';
import { counted } from '../../lib/counted';
import { useSession } from '../app/session';
import { useUrlState } from '../app/url-state';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { useLeadFunnel } from '../data/lead-funnel/lead-funnel';
import { measureQueryOf, resolvedQuery } from '../measurement/kpi-links';
import { MeasureControls } from '../measurement/MeasureControls';
import { Section } from '../measurement/MeasureSection';
import { periodLabel } from '../measurement/measure-periods';
import { FigureDrawer } from './LeadFunnelDrawer';
import { LeadFunnelGroups } from './LeadFunnelGroups';
import { FunnelSteps, stepsOf } from './LeadFunnelSteps';
import { count, type Drill, shown } from './lead-funnel-format';

/** One figure as a tile: name, value, what it is made of; opens the formula and the leads. */
function Tile({ f, onOpen, hint }: { f: KpiResult; onOpen(): void; hint?: string }) {
  const made =
    f.value === null
      ? (f.noData ?? 'No data')
      : f.kpi.unit === 'ratio' && f.numerator !== null && f.denominator !== null
        ? `${count(f.numerator)} of ${count(f.denominator)}`
        : counted(f.count, f.kpi.numeratorLabel, count);
  return (
    <UnstyledButton onClick={onOpen} style={{ display: 'block' }} data-kpi={f.kpi.id} aria-haspopup="dialog">
      <Paper withBorder radius="md" p="md" h="100%">
        <Text size="xs" c="dimmed" fw={600} tt="uppercase">
          {f.kpi.name}
        </Text>
        <Text fz={26} fw={750} lh={1.2} mt={4} c={f.value === null ? 'dimmed' : undefined}>
          {shown(f)}
        </Text>
        <Text size="xs" c="dimmed" mt={2}>
          {made}
          {hint ? ` · ${hint}` : ''}
        </Text>
      </Paper>
    </UnstyledButton>
  );
}

function Breakdown({ f, keyLabel, none, onOpen }: { f: KpiResult; keyLabel: string; none: string; onOpen(d: Drill): void }) {
  const rows = f.breakdown ?? [];
  const total = rows.reduce((s, r) => s + (r.value ?? 0), 0);
  if (rows.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {none}
      </Text>
    );
  return (
    <Table verticalSpacing={4} highlightOnHover aria-label={`${f.kpi.name} by ${keyLabel.toLowerCase()}`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{keyLabel}</Table.Th>
          <Table.Th scope="col" style={{ textAlign: 'right' }}>
            {f.kpi.numeratorLabel}
          </Table.Th>
          <Table.Th scope="col" style={{ textAlign: 'right' }}>
            Share
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.key}>
            <Table.Th scope="row" fw={500}>
              {r.label}
            </Table.Th>
            <Table.Td style={{ textAlign: 'right' }}>
              <Anchor
                component="button"
                type="button"
                onClick={() => onOpen({ id: f.kpi.id, part: 'numerator', group: { key: r.key, label: r.label } })}
                aria-label={`${r.label}: ${count(r.value)}, list them`}
              >
                {count(r.value)}
              </Anchor>
            </Table.Td>
            <Table.Td style={{ textAlign: 'right' }}>{total > 0 && r.value !== null ? `${Math.round((r.value / total) * 100)}%` : '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function LeadFunnelPage() {
  const { user, workspace } = useSession();
  const url = useUrlState();
  const asked = measureQueryOf(url);
  const query = useLeadFunnel(asked);
  const d = query.data;
  const [drill, setDrill] = useState<Drill | null>(null);
  const byId = new Map((d?.figures ?? []).map((f) => [f.kpi.id, f]));
  const figure = (id: string) => {
    const f = byId.get(id);
    if (!f) throw new Error(`the funnel answer lacks ${id}`);
    return f;
  };
  const q = d ? resolvedQuery(d.scope, d.period, asked.asOf) : asked;
  const marketing = user.role === 'marketing';

  return (
    <>
      <PageHeader
        title="Lead funnel"
        description={
          d
            ? `${d.scope.label} · ${periodLabel(d.period)}. The MQLs of the period and how far they got, both sides’ SLA and the rejections. Click a figure for its formula and the leads behind it.`
            : 'The lead funnel, both sides’ SLA and the rejections.'
        }
      />
      <Stack gap="lg">
        <MeasureControls
          url={url}
          resolved={d ? { scope: d.scope, period: d.period } : undefined}
          {...(marketing ? { fixedScope: `Everyone (${workspace.name})` } : {})}
        />
        {query.isError && <ErrorState error={query.error} onRetry={() => query.refetch()} />}
        {query.isPending && <LoadingState rows={8} label="Loading the lead funnel" />}
        {d && (
          <div style={{ opacity: query.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }} aria-busy={query.isPlaceholderData}>
            <Stack gap="lg">
              <Section
                title={`MQLs of ${periodLabel(d.period)} and how far they got`}
                id="lead-funnel-steps"
                actions={
                  <Badge variant="light" size="lg" radius="sm">
                    MQL → won: {shown(figure('mql_to_won'))}
                  </Badge>
                }
              >
                <FunnelSteps steps={stepsOf(figure)} onOpen={setDrill} />
                <SimpleGrid cols={{ base: 1, sm: 2 }} mt="md" role="group" aria-label="Won from leads">
                  {['lead_to_won_days', 'lead_revenue'].map((id) => (
                    <Tile key={id} f={figure(id)} onOpen={() => setDrill({ id })} hint="leads whose deal was won in the period" />
                  ))}
                </SimpleGrid>
              </Section>

              <Section title="The funnel by source, campaign and agreement version" id="lead-funnel-groups">
                <LeadFunnelGroups q={q} url={url} onOpen={setDrill} />
              </Section>

              <Section title="Sales: the SLA agreed with marketing" id="lead-funnel-sales">
                <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} role="group" aria-label="Sales SLA">
                  {['lead_accept_sla', 'lead_touch_sla', 'lead_attempts_sla', 'speed_to_lead'].map((id) => (
                    <Tile key={id} f={figure(id)} onOpen={() => setDrill({ id })} />
                  ))}
                </SimpleGrid>
                <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} mt="md" role="group" aria-label="Speed to lead">
                  {['speed_to_lead_p95', 'speed_to_lead_5m', 'speed_to_lead_15m', 'speed_to_lead_60m'].map((id) => (
                    <Tile key={id} f={figure(id)} onOpen={() => setDrill({ id })} />
                  ))}
                </SimpleGrid>
              </Section>

              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
                <Section title="Marketing: delivery against the commitment" id="lead-funnel-marketing">
                  <Stack gap="md">
                    <SimpleGrid cols={{ base: 1, sm: 2 }} role="group" aria-label="Marketing's leads">
                      <Tile f={figure('new_to_mql')} onOpen={() => setDrill({ id: 'new_to_mql' })} hint="before the funnel" />
                      <Tile f={figure('marketing_delivery')} onOpen={() => setDrill({ id: 'marketing_delivery' })} />
                    </SimpleGrid>
                    <Breakdown f={figure('lead_mqls')} keyLabel="Segment" none="No MQLs in this period." onOpen={setDrill} />
                  </Stack>
                </Section>
                <Section title="Rejections by reason" id="lead-funnel-rejections">
                  <Breakdown f={figure('lead_rejections')} keyLabel="Reason" none="No lead was rejected in this period." onOpen={setDrill} />
                </Section>
              </SimpleGrid>
            </Stack>
            <FigureDrawer d={d} drill={drill} q={q} onClose={() => setDrill(null)} />
          </div>
        )}
      </Stack>
    </>
  );
}
