// The call plan: the editor (rep), the review (a manager of the rep) and the debrief (after the
// meeting). The quality score shows its rubric, so the rep sees what would raise it.
import { Alert, Badge, Button, Checkbox, Group, Paper, Progress, Select, Stack, Tabs, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import type { CallPlan, MeetingType } from '../../api/call-plans';
import type { DealQualificationFramework } from '../../api/qualification';
import { formatInstant } from '../app/format';
import { useSession } from '../app/session';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { TextLink } from '../components/TextLink';
import { debriefCallPlan, patchCallPlan, refreshDebrief, refreshPlanning, reviewCallPlan, useCallPlan } from '../data/planning/planning';
import { useDealQualification } from '../data/qualification/qualification';
import { useWrite } from '../data/write';
import { changedScores, draftOf, ElementScores, type QualificationDraft } from '../process/QualificationForm';
import { MEETING_TYPE_OPTIONS, PlanStatusBadge } from './MeetingsPage';

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

function Editor({ plan, onSaved }: { plan: CallPlan; onSaved: (p: CallPlan) => void }) {
  const [objective, setObjective] = useState(plan.objective);
  const [commitment, setCommitment] = useState(plan.desiredCommitment ?? '');
  const [questions, setQuestions] = useState(plan.questions.join('\n'));
  const [hypothesis, setHypothesis] = useState(plan.valueHypothesis ?? '');
  const [meetingType, setMeetingType] = useState<string>(plan.meetingType);
  const save = useWrite({
    request: (status?: 'draft' | 'ready') =>
      patchCallPlan(plan.id, {
        version: plan.version,
        meetingType: meetingType as MeetingType,
        objective,
        desiredCommitment: commitment || null,
        questions: lines(questions),
        valueHypothesis: hypothesis || null,
        ...(status ? { status } : {}),
      }),
    refresh: refreshPlanning,
    onSuccess: onSaved,
    inline: true,
  });
  const locked = plan.debrief !== null;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          Plan
        </Title>
        <Select
          label="Meeting type"
          data={MEETING_TYPE_OPTIONS}
          value={meetingType}
          onChange={(v) => v && setMeetingType(v)}
          disabled={locked}
          allowDeselect={false}
        />
        <Textarea
          label="Objective"
          description="What must be true after the meeting"
          value={objective}
          onChange={(e) => setObjective(e.currentTarget.value)}
          disabled={locked}
          autosize
          minRows={2}
        />
        <TextInput
          label="Commitment to ask for"
          description="The next step: who commits to what, by when"
          value={commitment}
          onChange={(e) => setCommitment(e.currentTarget.value)}
          disabled={locked}
        />
        <Textarea
          label="Questions (one per line)"
          value={questions}
          onChange={(e) => setQuestions(e.currentTarget.value)}
          disabled={locked}
          autosize
          minRows={3}
        />
        <Textarea label="Value hypothesis" value={hypothesis} onChange={(e) => setHypothesis(e.currentTarget.value)} disabled={locked} autosize minRows={2} />
        {plan.objections.length > 0 && (
          <Stack gap={2}>
            <Text size="sm" fw={500}>
              Likely objections
            </Text>
            {plan.objections.map((o) => (
              <Text key={o.objection} size="sm">
                “{o.objection}” → {o.response}
              </Text>
            ))}
          </Stack>
        )}
        {save.problem && <Alert color="red">{save.problem}</Alert>}
        {!locked && (
          <Group>
            <Button variant="default" onClick={() => save.save(undefined)} loading={save.pending}>
              Save
            </Button>
            {plan.status === 'draft' && (
              <Button onClick={() => save.save('ready')} loading={save.pending}>
                Save and mark ready for review
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function Review({ plan, onSaved }: { plan: CallPlan; onSaved: (p: CallPlan) => void }) {
  const [comment, setComment] = useState('');
  const review = useWrite({
    request: () => reviewCallPlan(plan.id, { version: plan.version, comment: comment || null }),
    refresh: refreshPlanning,
    onSuccess: onSaved,
    inline: true,
  });
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          Review
        </Title>
        <Textarea label="Comment for the rep" value={comment} onChange={(e) => setComment(e.currentTarget.value)} autosize minRows={2} />
        {review.problem && <Alert color="red">{review.problem}</Alert>}
        <Button onClick={() => review.save(undefined)} loading={review.pending} w="fit-content">
          Mark reviewed
        </Button>
      </Stack>
    </Paper>
  );
}

/** The framework the debrief opens on: the one the plan's gaps target, else the one scored last, else the first. */
function firstFramework(plan: CallPlan, frameworks: readonly DealQualificationFramework[]): string | null {
  const gap = frameworks.find((f) => plan.gaps.some((g) => g.frameworkKey === f.key));
  const scored = [...frameworks].filter((f) => f.updatedAt).sort((a, b) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? ''))[0];
  return (gap ?? scored ?? frameworks[0])?.frameworkId ?? null;
}

function DebriefForm({ plan, onSaved }: { plan: CallPlan; onSaved: (p: CallPlan) => void }) {
  const [met, setMet] = useState(plan.debrief?.objectiveMet ?? false);
  const [secured, setSecured] = useState(plan.debrief?.commitmentSecured ?? false);
  const [date, setDate] = useState(plan.debrief?.commitmentDate ?? '');
  const [learned, setLearned] = useState(plan.debrief?.learned ?? '');
  // What the meeting taught about the deal's qualification, saved with the debrief in one write.
  const qualification = useDealQualification(plan.dealId);
  const frameworks = qualification.data?.frameworks ?? [];
  const [drafts, setDrafts] = useState<Record<string, QualificationDraft>>({});
  const [tab, setTab] = useState<string | null>(null);
  const draftFor = (f: DealQualificationFramework) => drafts[f.frameworkId] ?? draftOf(f);
  const updates = frameworks
    .map((f) => ({ f, scores: changedScores(f, draftFor(f)) }))
    .filter((u) => u.scores.length > 0)
    .map(({ f, scores }) => ({ frameworkId: f.frameworkId, ...(f.version > 0 ? { version: f.version } : {}), scores }));
  // Someone scored the deal meanwhile (a 409): the refresh shows their scores; the rep's own edits
  // are kept to redo.
  const save = useWrite({
    request: () =>
      debriefCallPlan(plan.id, {
        version: plan.version,
        objectiveMet: met,
        commitmentSecured: secured,
        commitmentDate: secured && date ? date : null,
        learned: learned || null,
        ...(updates.length > 0 ? { qualification: updates } : {}),
      }),
    refresh: (queryClient) => refreshDebrief(queryClient, plan.dealId),
    onSuccess: (saved) => {
      setDrafts({});
      onSaved(saved);
    },
    inline: true,
  });
  const active = tab ?? firstFramework(plan, frameworks);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="debrief-title">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="debrief-title">
          Debrief
        </Title>
        <Checkbox label="Objective met" checked={met} onChange={(e) => setMet(e.currentTarget.checked)} />
        <Checkbox label="Commitment secured" checked={secured} onChange={(e) => setSecured(e.currentTarget.checked)} />
        {secured && <TextInput type="date" label="Commitment date" value={date} onChange={(e) => setDate(e.currentTarget.value)} />}
        <Textarea label="What we learned" value={learned} onChange={(e) => setLearned(e.currentTarget.value)} autosize minRows={3} />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Qualification learned in the meeting
          </Text>
          <Text size="xs" c="dimmed">
            Change a score here and it is saved on the deal with the debrief, in its history like any qualification change.
          </Text>
        </Stack>
        {qualification.isPending && <LoadingState rows={2} label="Loading qualification" />}
        {qualification.isError && <ErrorState error={qualification.error} onRetry={() => qualification.refetch()} />}
        {frameworks.length > 0 && (
          <Tabs value={active} onChange={setTab} keepMounted={false}>
            <Tabs.List mb="sm">
              {frameworks.map((f) => {
                const n = changedScores(f, draftFor(f)).length;
                return (
                  <Tabs.Tab key={f.frameworkId} value={f.frameworkId}>
                    {f.name}
                    {n > 0 ? ` · ${n} changed` : ''}
                  </Tabs.Tab>
                );
              })}
            </Tabs.List>
            {frameworks.map((f) => (
              <Tabs.Panel key={f.frameworkId} value={f.frameworkId}>
                <Stack gap="sm">
                  <ElementScores framework={f} draft={draftFor(f)} onChange={(d) => setDrafts({ ...drafts, [f.frameworkId]: d })} mayEdit />
                </Stack>
              </Tabs.Panel>
            ))}
          </Tabs>
        )}
        {save.problem && <Alert color="red">{save.problem}</Alert>}
        <Group>
          <Button onClick={() => save.save(undefined)} loading={save.pending} disabled={qualification.isPending}>
            {updates.length > 0 ? 'Save debrief and qualification' : 'Save debrief'}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function CallPlanPage() {
  const { id } = useParams();
  const { user } = useSession();
  const client = useQueryClient();
  const query = useCallPlan(id);
  const [plan, setPlan] = useState<CallPlan | null>(null);
  useEffect(() => {
    if (query.data) setPlan(query.data);
  }, [query.data]);
  if (query.error) return <ErrorState error={query.error} />;
  if (!plan) return <LoadingState />;
  const saved = (p: CallPlan) => {
    setPlan(p);
    client.setQueryData(['call-plans', id], p);
  };
  const started = Date.parse(plan.meetingAt) <= Date.now();
  const mayReview = user.id !== plan.ownerId && (user.role === 'manager' || user.role === 'admin') && plan.status !== 'draft';
  return (
    <>
      <PageHeader
        eyebrow={
          <Group gap={6}>
            <Text size="sm" c="dimmed">
              Call plan · <TextLink to={`/deals/${plan.dealId}`}>{plan.dealName}</TextLink> · {plan.ownerName}
            </Text>
            <PlanStatusBadge status={plan.status} />
          </Group>
        }
        title={plan.meetingSubject}
        description={`Meeting ${formatInstant(plan.meetingAt)}`}
      />
      <Stack gap="md" maw={860}>
        <Paper withBorder p="md">
          <Group justify="space-between">
            <Text fw={600}>Plan quality {plan.quality.score} / 100</Text>
            <Progress value={plan.quality.score} w={240} aria-label="Plan quality" />
          </Group>
          <Stack gap={2} mt="xs">
            {plan.quality.parts.map((p) => (
              <Text key={p.key} size="sm">
                {p.label}: {p.points}/{p.max} — {p.reason}
              </Text>
            ))}
          </Stack>
        </Paper>
        {plan.reviewedBy && (
          <Alert color="green" title={`Reviewed by ${plan.reviewedBy.name}`}>
            {plan.reviewComment ?? 'No comment'}
          </Alert>
        )}
        {plan.attendees.length > 0 && (
          <Group gap={6}>
            {plan.attendees.map((a) => (
              <Badge key={a.contactId} variant="outline">
                {a.name} · {a.role.replace('_', ' ')}
              </Badge>
            ))}
          </Group>
        )}
        {plan.gaps.length > 0 && <Text size="sm">Gaps to close: {plan.gaps.map((g) => `${g.label} (${g.score ?? 'unscored'})`).join(', ')}</Text>}
        <Editor key={plan.version} plan={plan} onSaved={saved} />
        {mayReview && <Review key={`r${plan.version}`} plan={plan} onSaved={saved} />}
        {started && user.id === plan.ownerId && <DebriefForm key={`d${plan.version}`} plan={plan} onSaved={saved} />}
        {plan.debrief && (
          <Alert color={plan.debrief.commitmentSecured ? 'green' : 'orange'} title="Debriefed">
            Objective {plan.debrief.objectiveMet ? 'met' : 'not met'}; commitment{' '}
            {plan.debrief.commitmentSecured ? `secured${plan.debrief.commitmentDate ? ` for ${plan.debrief.commitmentDate}` : ''}` : 'not secured'}.
            {plan.debrief.learned ? ` ${plan.debrief.learned}` : ''}
          </Alert>
        )}
      </Stack>
    </>
  );
}
