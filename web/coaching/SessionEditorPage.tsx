// The session editor: schedule it, mark it held, the agenda (prepared from live data: the focus
// metric's trend, deals at risk, overdue actions, last notes), shared notes and the coach's private notes, skills worked on
// with a rating against the rubric, deals discussed and action items. A coachee reads it.
import { Alert, Checkbox, Group, MultiSelect, Paper, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { IconLock } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { CoachingSession } from '../../api/coaching-sessions';
import { formatDay } from '../app/format';
import { useSession as useSignedIn } from '../app/session';
import { ErrorState } from '../components/ErrorState';
import { FormCard } from '../components/FormCard';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { TextLink } from '../components/TextLink';
import { useRelationships, useSession, useSkillProfile } from '../data/coaching/coaching';
import { SessionActionItems } from './SessionActionItems';
import { SessionDealsField } from './SessionDealsField';
import { SessionReadOnly } from './SessionReadOnly';
import { SkillRating } from './SkillRating';
import { useSessionForm } from './useSessionForm';

interface EditorProps {
  coachee: { id: string; name: string };
  existing: CoachingSession | null;
}

function SessionForm({ coachee, existing }: EditorProps) {
  const { user } = useSignedIn();
  const navigate = useNavigate();
  const profile = useSkillProfile(coachee.id);
  const { form, write, base, coachId, iAmCoach, skills } = useSessionForm(coachee, existing);
  const submit = form.onSubmit(write.save);
  const v = form.getValues();
  const owners = [
    { value: coachId, label: `${base?.coach.name ?? user.name}${iAmCoach ? ' (me)' : ''} (coach)` },
    { value: coachee.id, label: `${coachee.name} (coachee)` },
  ];

  return (
    <>
      <FormCard
        label={existing ? 'Coaching session' : 'New coaching session'}
        onSubmit={submit}
        problem={write.problem}
        submitLabel={existing ? 'Save session' : 'Save session'}
        submitting={form.submitting}
        onCancel={() => navigate(`/coaching/people/${coachee.id}`)}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateTimePicker
            label="Scheduled for"
            withAsterisk
            valueFormat="D MMM YYYY HH:mm"
            {...form.getInputProps('scheduledAt')}
            key={form.key('scheduledAt')}
          />
          <Stack gap={6}>
            <Checkbox
              mt={26}
              label="The session was held"
              {...form.getInputProps('held', { type: 'checkbox' })}
              onChange={(e) => {
                const held = e.currentTarget.checked;
                form.setFieldValue('held', held);
                if (held && !form.getValues().heldAt) {
                  const planned = dayjs(form.getValues().scheduledAt);
                  form.setFieldValue('heldAt', (planned.isValid() && planned.isBefore(dayjs()) ? planned : dayjs()).format('YYYY-MM-DD HH:mm:ss'));
                }
              }}
              key={form.key('held')}
            />
          </Stack>
        </SimpleGrid>
        {v.held && (
          <DateTimePicker
            label="Held on"
            withAsterisk
            maxDate={new Date()}
            valueFormat="D MMM YYYY HH:mm"
            {...form.getInputProps('heldAt')}
            key={form.key('heldAt')}
          />
        )}
        <Textarea
          label="Agenda"
          description={
            existing ? undefined : 'Prepared from live data: the focus metric’s trend, deals at risk, overdue actions, the last session; edit it freely'
          }
          autosize
          minRows={3}
          maxRows={12}
          {...form.getInputProps('agenda')}
          key={form.key('agenda')}
        />
        <Textarea
          label="Shared notes"
          description={`${coachee.name} reads these`}
          autosize
          minRows={3}
          maxRows={12}
          {...form.getInputProps('sharedNotes')}
          key={form.key('sharedNotes')}
        />
        {iAmCoach && (
          <Paper radius="md" p="sm" bg="yellow.0" withBorder style={{ borderColor: 'var(--mantine-color-yellow-6)' }}>
            <Textarea
              label={
                <Group gap={6} component="span">
                  <IconLock size={14} aria-hidden />
                  Private notes (only you see them)
                </Group>
              }
              description={`Private to you as the coach: ${coachee.name}, their manager and admins never see them`}
              autosize
              minRows={2}
              maxRows={10}
              {...form.getInputProps('privateNotes')}
              key={form.key('privateNotes')}
            />
          </Paper>
        )}
        <MultiSelect
          label="Skills worked on"
          description="Each skill you pick can be rated against its rubric below"
          data={skills.map((s) => ({ value: s.key, label: s.name }))}
          searchable
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('skillKeys')}
          key={form.key('skillKeys')}
        />
        {v.skillKeys.map((key) => {
          const skill = skills.find((s) => s.key === key);
          if (!skill) return null;
          return (
            <SkillRating
              key={key}
              skill={skill}
              current={profile.data?.skills.find((s) => s.skillKey === key)}
              value={v.ratings[key] ?? ''}
              onChange={(level) => form.setFieldValue('ratings', { ...form.getValues().ratings, [key]: level })}
            />
          );
        })}
        {user.role !== 'coach' && <SessionDealsField form={form} />}
        <SessionActionItems form={form} base={base} coachee={coachee} owners={owners} />
      </FormCard>
      {write.dialog}
    </>
  );
}

export function NewSessionPage() {
  const [params] = useSearchParams();
  const coacheeId = params.get('coachee') ?? '';
  const { user } = useSignedIn();
  const relationships = useRelationships({ coacheeId }, Boolean(coacheeId));
  const profile = useSkillProfile(coacheeId || undefined);
  if (!coacheeId) return <Alert color="red">Pick a coachee on the Coaching page to start a session.</Alert>;
  if (profile.isPending || relationships.isPending) return <LoadingState rows={8} label="Preparing the session" />;
  if (profile.isError) return <ErrorState error={profile.error} />;
  const coachee = profile.data.user;
  const rel = relationships.data?.find((r) => r.coach.id === user.id);
  return (
    <>
      <PageHeader
        eyebrow={<TextLink to={`/coaching/people/${coachee.id}`}>Coaching {coachee.name}</TextLink>}
        title={`Session with ${coachee.name}`}
        description={
          rel ? `You coach ${coachee.name} every ${rel.cadenceDays} days; last session ${rel.lastHeldAt ? formatDay(rel.lastHeldAt) : 'never'}.` : undefined
        }
      />
      <SessionForm coachee={coachee} existing={null} />
    </>
  );
}

export function SessionPage() {
  const { id } = useParams();
  const { user } = useSignedIn();
  const query = useSession(id);
  if (query.isPending) return <LoadingState rows={8} label="Loading the session" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const s = query.data;
  const mayWrite = s.coach.id === user.id || user.role === 'admin' || (user.role === 'manager' && s.coachee.id !== user.id);
  return (
    <>
      <PageHeader
        eyebrow={<TextLink to={`/coaching/people/${s.coachee.id}`}>Coaching {s.coachee.name}</TextLink>}
        title={`Session: ${s.coach.name} with ${s.coachee.name}`}
        description={s.heldAt ? `Held ${formatDay(s.heldAt)}` : `Scheduled for ${formatDay(s.scheduledAt)}`}
      />
      {mayWrite ? <SessionForm key={s.id} coachee={s.coachee} existing={s} /> : <SessionReadOnly s={s} />}
    </>
  );
}
