// Scoring one qualification framework on a deal: each element 0–3 with its evidence, saved through
// the deal's one qualification write (PUT …/qualification/:frameworkId). The deal page's panel and
// the dialog of a refused move both use this form, so they validate, save and recover the same way.
import { Alert, Button, Group, Progress, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { DealQualificationFramework } from '../../api/qualification';
import { isApiError } from '../app/api';
import { formatInstant } from '../app/format';
import { errorMessage } from '../components/ErrorState';
import { refreshDealScores, scoreDeal, showDealScores } from '../data/qualification/qualification';

const SCORES = [
  { value: '', label: '–' },
  { value: '0', label: '0' },
  { value: '1', label: '1' },
  { value: '2', label: '2' },
  { value: '3', label: '3' },
];

/** The contract's limit on evidence (DealQualificationPut), checked before the write too. */
const EVIDENCE_MAX = 2000;

/** Element key → the score and evidence being edited. */
export type QualificationDraft = Record<string, { score: number | null; evidence: string }>;
type Draft = QualificationDraft;
/** Element key → what is wrong with it. */
type ElementErrors = Record<string, string>;

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

const draftErrors = (draft: Draft): ElementErrors =>
  Object.fromEntries(
    Object.entries(draft)
      .filter(([, d]) => d.evidence.trim().length > EVIDENCE_MAX)
      .map(([key]) => [key, `Evidence: at most ${EVIDENCE_MAX} characters`]),
  );

/** The server names a problem by its place in the write ("scores.2.evidence"): back to the element. */
function serverErrors(fields: { field: string; message: string }[], sent: { elementKey: string }[]): { byElement: ElementErrors; rest: string[] } {
  const byElement: ElementErrors = {};
  const rest: string[] = [];
  for (const f of fields) {
    const [, index, part] = /^scores\.(\d+)(?:\.(\w+))?/.exec(f.field) ?? [];
    const key = index === undefined ? undefined : sent[Number(index)]?.elementKey;
    if (key) byElement[key] = `${part === 'evidence' ? 'Evidence' : 'Score'}: ${f.message}`;
    else rest.push(`${f.field} ${f.message}`);
  }
  return { byElement, rest };
}

/** Each element's 0–3 score and evidence: the deal page's panel, the gate dialog and the debrief edit the same way. */
export function ElementScores({
  framework,
  draft,
  onChange: setDraft,
  mayEdit,
  errors = {},
}: {
  framework: DealQualificationFramework;
  draft: Draft;
  onChange: (draft: Draft) => void;
  mayEdit: boolean;
  errors?: ElementErrors;
}) {
  return (
    <>
      {framework.elements.map((e) => {
        const d = draft[e.key] ?? { score: null, evidence: '' };
        const error = errors[e.key];
        return (
          <div key={e.key}>
            {/* The scores never shrink (a narrow panel clipped its "3"); past the label's room they wrap below it. */}
            <Group justify="space-between" gap="xs" wrap="wrap">
              <div style={{ minWidth: 0, flex: '1 1 140px' }}>
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
                style={{ flexShrink: 0 }}
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
                error={error}
                onChange={(ev) => setDraft({ ...draft, [e.key]: { ...d, evidence: ev.currentTarget.value } })}
              />
            )}
            {error && !(mayEdit || d.evidence) && (
              <Text size="xs" c="red">
                {error}
              </Text>
            )}
          </div>
        );
      })}
    </>
  );
}

export function QualificationForm({ dealId, framework, mayEdit }: { dealId: string; framework: DealQualificationFramework; mayEdit: boolean }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(framework));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [rejected, setRejected] = useState<ElementErrors>({});
  useEffect(() => setDraft(draftOf(framework)), [framework]);

  const changed = changedScores(framework, draft);
  const total = Object.values(draft).reduce((s, d) => s + (d.score ?? 0), 0);
  const errors = { ...rejected, ...draftErrors(draft) };
  const edit = (next: Draft) => {
    // A rejected element is judged again once the rep changes it; a stale notice has been read.
    setProblem(null);
    setRejected((r) => Object.fromEntries(Object.entries(r).filter(([key]) => next[key] === draft[key])));
    setDraft(next);
  };

  const save = async () => {
    setBusy(true);
    setProblem(null);
    setRejected({});
    try {
      const saved = await scoreDeal(dealId, framework.frameworkId, {
        ...(framework.version > 0 ? { version: framework.version } : {}),
        scores: changed,
      });
      await showDealScores(queryClient, dealId, saved);
    } catch (error) {
      if (isApiError(error) && error.code === 'stale') {
        setProblem('Someone scored this deal meanwhile. Their scores are shown now; make your change again.');
        await refreshDealScores(queryClient, dealId);
      } else if (isApiError(error) && error.fields.length > 0) {
        const { byElement, rest } = serverErrors(error.fields, changed);
        setRejected(byElement);
        if (rest.length > 0) setProblem(rest.join('; '));
      } else setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack
      gap="sm"
      component="form"
      aria-label={`Score ${framework.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (changed.length > 0 && Object.keys(errors).length === 0) void save();
      }}
    >
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
      <ElementScores framework={framework} draft={draft} onChange={edit} mayEdit={mayEdit} errors={errors} />
      {problem && (
        <Alert color="red" variant="light" p="xs">
          {problem}
        </Alert>
      )}
      {mayEdit && (
        <Group justify="flex-end">
          <Button
            size="xs"
            variant="default"
            disabled={changed.length === 0 || busy}
            onClick={() => {
              setRejected({});
              setDraft(draftOf(framework));
            }}
          >
            Undo
          </Button>
          <Button type="submit" size="xs" loading={busy} disabled={changed.length === 0 || Object.keys(errors).length > 0}>
            Save {framework.name}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
