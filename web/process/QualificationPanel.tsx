// Qualification on the deal page: each element of a framework scored 0–3 with its evidence. The
// total can be what a stage's exit criterion waits for, so saving asks the gate again.
import { Alert, Button, Group, Paper, Progress, SegmentedControl, Stack, Tabs, Text, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { DealGate, DealQualification, DealQualificationFramework } from '../../api/process';
import { api, isApiError } from '../app/api';
import { formatInstant } from '../app/format';
import { ErrorState, errorMessage } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { useDealQualification } from './process-api';

const SCORES = [
  { value: '', label: '–' },
  { value: '0', label: '0' },
  { value: '1', label: '1' },
  { value: '2', label: '2' },
  { value: '3', label: '3' },
];

/** Element key → the score and evidence being edited. */
export type QualificationDraft = Record<string, { score: number | null; evidence: string }>;
type Draft = QualificationDraft;

export const draftOf = (f: DealQualificationFramework): Draft =>
  Object.fromEntries(f.elements.map((e) => [e.key, { score: e.score, evidence: e.evidence ?? '' }]));

/** The elements the draft changes, as the qualification write takes them. */
export const changedScores = (f: DealQualificationFramework, draft: Draft) =>
  f.elements
    .filter((e) => {
      const d = draft[e.key];
      return d && (d.score !== e.score || d.evidence.trim() !== (e.evidence ?? ''));
    })
    .map((e) => ({ elementKey: e.key, score: draft[e.key]?.score ?? null, evidence: draft[e.key]?.evidence.trim() || null }));

/** Each element's 0–3 score and evidence: the deal page's panel and the debrief edit the same way. */
export function ElementScores({
  framework,
  draft,
  onChange: setDraft,
  mayEdit,
}: {
  framework: DealQualificationFramework;
  draft: Draft;
  onChange: (draft: Draft) => void;
  mayEdit: boolean;
}) {
  return (
    <>
      {framework.elements.map((e) => {
        const d = draft[e.key] ?? { score: null, evidence: '' };
        return (
          <div key={e.key}>
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={500}>
                  {e.label}
                </Text>
                {e.description && (
                  <Text size="xs" c="dimmed">
                    {e.description}
                  </Text>
                )}
              </div>
              <SegmentedControl
                size="xs"
                aria-label={`${e.label} score`}
                data={SCORES}
                value={d.score === null ? '' : String(d.score)}
                disabled={!mayEdit}
                onChange={(v) => setDraft({ ...draft, [e.key]: { ...d, score: v === '' ? null : Number(v) } })}
              />
            </Group>
            {(mayEdit || d.evidence) && (
              <Textarea
                mt={4}
                size="xs"
                aria-label={`${e.label} evidence`}
                placeholder="Evidence: what did the buyer say or do?"
                autosize
                minRows={1}
                readOnly={!mayEdit}
                value={d.evidence}
                onChange={(ev) => setDraft({ ...draft, [e.key]: { ...d, evidence: ev.currentTarget.value } })}
              />
            )}
          </div>
        );
      })}
    </>
  );
}

function FrameworkForm({ dealId, framework, mayEdit }: { dealId: string; framework: DealQualificationFramework; mayEdit: boolean }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(framework));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setDraft(draftOf(framework)), [framework]);

  const changed = changedScores(framework, draft);
  const total = Object.values(draft).reduce((s, d) => s + (d.score ?? 0), 0);

  const save = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const saved = await api.put<DealQualification>(`/api/v1/deals/${dealId}/qualification/${framework.frameworkId}`, {
        ...(framework.version > 0 ? { version: framework.version } : {}),
        scores: changed,
      });
      queryClient.setQueryData(['deals', 'qualification', dealId], saved);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['deals', 'gate', dealId] }),
        queryClient.invalidateQueries({ queryKey: ['timeline', 'deals', dealId] }),
      ]);
    } catch (error) {
      if (isApiError(error) && error.code === 'stale') {
        setProblem('Someone scored this deal meanwhile. Their scores are shown now; make your change again.');
        await queryClient.invalidateQueries({ queryKey: ['deals', 'qualification', dealId] });
      } else setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600}>
          {total} of {framework.maxTotal}
        </Text>
        {framework.updatedAt && (
          <Text size="xs" c="dimmed">
            Last scored {formatInstant(framework.updatedAt)}
            {framework.updatedBy ? ` by ${framework.updatedBy.name}` : ''}
          </Text>
        )}
      </Group>
      <Progress value={framework.maxTotal ? (total / framework.maxTotal) * 100 : 0} aria-label={`${framework.name} total ${total} of ${framework.maxTotal}`} />
      <ElementScores framework={framework} draft={draft} onChange={setDraft} mayEdit={mayEdit} />
      {problem && (
        <Alert color="red" variant="light" p="xs">
          {problem}
        </Alert>
      )}
      {mayEdit && (
        <Group justify="flex-end">
          <Button size="xs" variant="default" disabled={changed.length === 0 || busy} onClick={() => setDraft(draftOf(framework))}>
            Undo
          </Button>
          <Button size="xs" loading={busy} disabled={changed.length === 0} onClick={() => void save()}>
            Save {framework.name}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

export function QualificationPanel({ dealId, mayEdit }: { dealId: string; mayEdit: boolean }) {
  const query = useDealQualification(dealId);
  const [tab, setTab] = useState<string | null>(null);
  const [params] = useSearchParams();
  const asked = params.get('framework');
  const panel = useRef<HTMLElement>(null);
  // The stage checklist's gate answer, when the page has it (fetched by the checklist, not here).
  const gate = useQuery({
    queryKey: ['deals', 'gate', dealId],
    queryFn: ({ signal }) => api.get<DealGate>(`/api/v1/deals/${dealId}/gate`, undefined, { signal }),
    enabled: false,
  });
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
              <FrameworkForm dealId={dealId} framework={f} mayEdit={mayEdit} />
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </Paper>
  );
}
