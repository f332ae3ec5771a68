// Qualification on the deal page: each element of a framework scored 0–3 with its evidence. The
// total can be what a stage's exit criterion waits for, so saving asks the gate again.
import { Paper, Tabs, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { useDealGate } from '../data/deal-gate/deal-gate';
import { useDealQualification } from '../data/qualification/qualification';
import { QualificationForm } from './QualificationForm';

export function QualificationPanel({ dealId, mayEdit }: { dealId: string; mayEdit: boolean }) {
  const query = useDealQualification(dealId);
  const [tab, setTab] = useState<string | null>(null);
  const [params] = useSearchParams();
  const asked = params.get('framework');
  const panel = useRef<HTMLElement>(null);
  // The stage checklist's gate answer, when the page has it (fetched by the checklist, not here).
  const gate = useDealGate(dealId, false);
  const frameworks = query.data?.frameworks ?? [];
  // Open the framework a link asked for, else the one an unmet exit criterion counts, else the one
  // the deal was scored on last, else the first.
  const needed = gate.data?.items.find((i) => i.kind === 'qualification' && !i.met)?.frameworkId;
  const scored = [...frameworks].filter((f) => f.updatedAt).sort((a, b) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? ''))[0];
  const known = (id: string | null | undefined) => (id && frameworks.some((f) => f.frameworkId === id) ? id : null);
  const active = tab ?? known(asked) ?? known(needed) ?? scored?.frameworkId ?? frameworks[0]?.frameworkId ?? null;

  // "Score it" from the stage checklist: show that framework and bring the panel into view.
  const loaded = query.data;
  useEffect(() => {
    if (!asked || !loaded?.frameworks.some((f) => f.frameworkId === asked)) return;
    setTab(asked);
    panel.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [asked, loaded]);

  return (
    <Paper
      ref={panel}
      id="qualification"
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-labelledby="qualification-title"
      style={{ scrollMarginTop: 72 }}
    >
      <Title order={2} fz="h4" id="qualification-title" mb="xs">
        Qualification
      </Title>
      {query.isPending && <LoadingState rows={3} label="Loading qualification" />}
      {query.isError && <ErrorState error={query.error} onRetry={() => query.refetch()} />}
      {frameworks.length > 0 && (
        <Tabs value={active} onChange={setTab} keepMounted={false}>
          <Tabs.List mb="sm">
            {frameworks.map((f) => (
              <Tabs.Tab key={f.frameworkId} value={f.frameworkId}>
                {f.name}
                {f.scored > 0 ? ` · ${f.total}` : ''}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {frameworks.map((f) => (
            <Tabs.Panel key={f.frameworkId} value={f.frameworkId}>
              <QualificationForm dealId={dealId} framework={f} mayEdit={mayEdit} />
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </Paper>
  );
}
