// The session editor: schedule it, mark it held, the agenda (prepared from the coachee's open
// action items and last session), shared notes and the coach's private notes, skills worked on
// with a rating against the rubric, deals discussed and action items. A coachee reads it.
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { DatePickerInput, DateTimePicker } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconLock, IconPlus, IconTrash, IconX } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { CoachingSession } from '../../api/coaching-sessions';
import { formatCalendarDate, formatDay } from '../app/format';
import { useSession as useSignedIn } from '../app/session';
import { ErrorState, errorMessage } from '../components/ErrorState';
import { FormCard } from '../components/FormCard';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { TextLink } from '../components/TextLink';
import { DealSelect } from '../crm/pickers/DealSelect';
import {
  addActionItem,
  createSession,
  fetchSession,
  patchSession,
  rateSkill,
  refreshCoaching,
  useActionItems,
  useRelationships,
  useSession,
  useSessions,
  useSkillModel,
  useSkillProfile,
} from '../data/coaching/coaching';
import { useWrite } from '../data/write';
import { ActionItemsTable } from './ActionItemsTable';
import { SkillRating } from './SkillRating';
import { describeSession, formFieldOf, SESSION_LABELS, type SessionValues, sessionCreate, sessionPatch, sessionValues, validateSession } from './session-form';

let itemKey = 0;
const newItemKey = () => `item-${++itemKey}`;

/** Until the live agenda exists on the server: the coachee's open actions and what was last agreed. */
export function agendaFromHistory(
  openItems: { text: string; dueDate: string | null; overdue: boolean; owner: { name: string } }[],
  last: CoachingSession | undefined,
): string {
  const lines: string[] = [];
  if (openItems.length > 0) {
    lines.push('Open action items:');
    for (const i of openItems)
      lines.push(`- ${i.text} (${i.owner.name}${i.dueDate ? `, due ${formatCalendarDate(i.dueDate)}` : ''}${i.overdue ? ', overdue' : ''})`);
  }
  if (last?.sharedNotes) {
    if (lines.length > 0) lines.push('');
    lines.push(`Last session (${formatDay(last.heldAt ?? last.scheduledAt)}):`, last.sharedNotes);
  }
  return lines.join('\n');
}

interface EditorProps {
  coachee: { id: string; name: string };
  existing: CoachingSession | null;
}

function SessionForm({ coachee, existing }: EditorProps) {
  const { user } = useSignedIn();
  const navigate = useNavigate();
  const model = useSkillModel();
  const profile = useSkillProfile(coachee.id);
  const openItems = useActionItems({ coacheeId: coachee.id, open: true }, !existing);
  const lastHeld = useSessions({ coacheeId: coachee.id, state: 'held', limit: 1 }, !existing);
  const [base, setBase] = useState<CoachingSession | null>(existing);
  const coachId = base?.coach.id ?? user.id;
  const iAmCoach = coachId === user.id;
  const form = useForm<SessionValues>({
    initialValues: sessionValues(existing),
    validate: validateSession,
  });

  // A new session's agenda starts from what is open, once, unless the coach already typed one.
  const agendaFilled = useRef(Boolean(existing));
  useEffect(() => {
    if (agendaFilled.current || !openItems.data || !lastHeld.data) return;
    agendaFilled.current = true;
    if (form.getValues().agenda === '') form.setFieldValue('agenda', agendaFromHistory(openItems.data, lastHeld.data[0]));
  }, [openItems.data, lastHeld.data, form]);

  const v = form.getValues();
  const skills = model.data?.skills ?? [];
  const owners = [
    { value: coachId, label: `${base?.coach.name ?? user.name}${iAmCoach ? ' (me)' : ''} (coach)` },
    { value: coachee.id, label: `${coachee.name} (coachee)` },
  ];

  const write = useWrite({
    request: async (values: SessionValues) => {
      let saved: CoachingSession;
      if (base) {
        const patch = sessionPatch(values, base, iAmCoach);
        saved = Object.keys(patch).length > 1 ? await patchSession(base.id, patch) : base;
        for (const item of values.newItems) await addActionItem(saved.id, { ownerId: item.ownerId, text: item.text, dueDate: item.dueDate || null });
      } else {
        saved = await createSession(sessionCreate(coachee.id, values));
      }
      // Ratings are their own records (with the model version); given after the session exists so
      // each names it. A refused one leaves the saved session and says which rating did not land.
      const failed: string[] = [];
      for (const [skillKey, level] of Object.entries(values.ratings)) {
        if (!level || !values.skillKeys.includes(skillKey)) continue;
        try {
          await rateSkill({ userId: coachee.id, skillKey, level: Number(level), sessionId: saved.id });
        } catch (error) {
          failed.push(`${skills.find((s) => s.key === skillKey)?.name ?? skillKey}: ${errorMessage(error)}`);
        }
      }
      return { saved, failed };
    },
    refresh: refreshCoaching,
    success: ({ failed }) => (failed.length > 0 ? null : existing ? 'Session saved' : `Session with ${coachee.name} saved`),
    onSuccess: ({ saved, failed }) => {
      if (failed.length === 0) return navigate(`/coaching/people/${coachee.id}`);
      notifications.show({ color: 'red', title: 'Session saved, a rating was not', message: failed.join('; ') });
      navigate(`/coaching/sessions/${saved.id}`, { replace: true });
    },
    form: {
      form,
      fields: ['scheduledAt', 'heldAt', 'agenda', 'sharedNotes', 'privateNotes', 'skillKeys', 'deals'],
      rename: (problems) => Object.fromEntries(problems.map((f) => [f.field, formFieldOf(f.field)])),
    },
    conflict: base
      ? {
          noun: 'session',
          base,
          setBase: (s: CoachingSession) => setBase(s),
          fetchLatest: () => fetchSession(base.id),
          valuesOf: (s: CoachingSession) => sessionValues(s),
          labels: SESSION_LABELS,
          describe: describeSession,
        }
      : undefined,
  });
  const submit = form.onSubmit(write.save);

  const addDeal = (id: string | null, label: string | null) => {
    if (!id || v.deals.some((d) => d.id === id)) return;
    form.setFieldValue('deals', [...v.deals, { id, name: label ?? id }]);
  };

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
          description={existing ? undefined : 'Prepared from the open action items and the last session; edit it freely'}
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
        {user.role !== 'coach' && (
          <Stack gap={6}>
            <DealSelect
              label="Deals discussed"
              description="Search the deals you can see"
              value={null}
              onChange={addDeal}
              error={form.errors.deals}
              clearButtonProps={{ 'aria-label': 'Clear the deal search' }}
            />
            {v.deals.length > 0 && (
              <Group gap={6} aria-label="Linked deals">
                {v.deals.map((d) => (
                  <Badge
                    key={d.id}
                    variant="light"
                    tt="none"
                    rightSection={
                      <ActionIcon
                        size="xs"
                        variant="transparent"
                        aria-label={`Remove ${d.name}`}
                        onClick={() =>
                          form.setFieldValue(
                            'deals',
                            form.getValues().deals.filter((x) => x.id !== d.id),
                          )
                        }
                      >
                        <IconX size={12} />
                      </ActionIcon>
                    }
                  >
                    {d.name}
                  </Badge>
                ))}
              </Group>
            )}
          </Stack>
        )}
        <Stack gap="xs">
          <Title order={2} fz="h5">
            Action items
          </Title>
          {base && base.actionItems.length > 0 && <ActionItemsTable label="Agreed action items" items={base.actionItems} coachId={base.coach.id} />}
          {v.newItems.map((item, i) => (
            <Group key={item.key} align="flex-start" gap="xs" wrap="nowrap">
              <TextInput
                label={`Action ${i + 1}`}
                style={{ flex: 1 }}
                withAsterisk
                {...form.getInputProps(`newItems.${i}.text`)}
                key={form.key(`newItems.${i}.text`)}
              />
              <Select
                label="Owner"
                w={200}
                data={owners}
                allowDeselect={false}
                {...form.getInputProps(`newItems.${i}.ownerId`)}
                key={form.key(`newItems.${i}.ownerId`)}
              />
              <DatePickerInput
                label="Due"
                w={150}
                clearable
                clearButtonProps={{ 'aria-label': `No due date for action ${i + 1}` }}
                valueFormat="D MMM YYYY"
                {...form.getInputProps(`newItems.${i}.dueDate`)}
                key={form.key(`newItems.${i}.dueDate`)}
              />
              <ActionIcon mt={26} variant="subtle" color="red" aria-label={`Remove action ${i + 1}`} onClick={() => form.removeListItem('newItems', i)}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              variant="light"
              size="xs"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() =>
                form.insertListItem('newItems', { key: newItemKey(), ownerId: coachee.id, text: '', dueDate: dayjs().add(7, 'day').format('YYYY-MM-DD') })
              }
            >
              Add action item
            </Button>
          </Group>
        </Stack>
      </FormCard>
      {write.dialog}
    </>
  );
}

/** The coachee (and anyone who reads but may not write) sees the session as text. */
function SessionReadOnly({ s }: { s: CoachingSession }) {
  const model = useSkillModel();
  const name = (key: string) => model.data?.skills.find((k) => k.key === key)?.name ?? key;
  const block = (label: string, text: string | null) => (
    <div>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={text ? undefined : 'dimmed'}>
        {text ?? '—'}
      </Text>
    </div>
  );
  return (
    <Paper withBorder radius="md" p="lg" maw={760}>
      <Stack gap="md">
        {block('Agenda', s.agenda)}
        {block('Shared notes', s.sharedNotes)}
        {block('Skills worked on', s.skillKeys.map(name).join(', ') || null)}
        {block('Deals discussed', s.deals.map((d) => d.name).join(', ') || null)}
        <Text size="sm" fw={600}>
          Action items
        </Text>
        <ActionItemsTable label="Agreed action items" items={s.actionItems} coachId={s.coach.id} />
      </Stack>
    </Paper>
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
