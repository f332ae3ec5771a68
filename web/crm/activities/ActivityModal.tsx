// Log an activity (or edit one) without leaving the page you are on.
import { Checkbox, Modal, NumberInput, SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useRef, useState } from 'react';
import type { Activity } from '../../../api/activities';
import { FormFooter } from '../../components/FormFooter';
import { FormProblem } from '../../components/FormProblem';
import { createActivity, fetchActivity, refreshActivities, updateActivity } from '../../data/activities/activities';
import { useWrite } from '../../data/write';
import { MeetingPlan } from '../../planning/MeetingPlan';
import { AccountSelect } from '../pickers/AccountSelect';
import { ContactSelect } from '../pickers/ContactSelect';
import { DealSelect } from '../pickers/DealSelect';
import { ACTIVITY_LABEL, ACTIVITY_TYPES, type ActivityKind } from '../timeline/activity-icons';
import {
  ACTIVITY_FIELDS,
  ACTIVITY_LABELS,
  type ActivityLinks,
  type ActivityValues,
  activityBody,
  activityPatch,
  activityValues,
  defaultWhen,
  describeActivity,
  validateActivity,
} from './activity-form';
import { HIDDEN_DEAL } from './hidden-deal';

interface Props {
  opened: boolean;
  onClose(): void;
  /** Links fixed by the page the modal opens from (the deal page links the deal). */
  links?: ActivityLinks;
  /** The record it is logged on, shown instead of pickers. */
  context?: string;
  activity?: Activity | null;
  initialType?: ActivityKind;
}

function ActivityForm({ onClose, links, context, activity, initialType }: Omit<Props, 'opened'>) {
  // The activity as last read: a conflict's "load their version" moves it on, so the next save
  // sends the newer version and only what the person changed since.
  const [base, setBase] = useState<Activity | null>(activity ?? null);
  const valuesOf = (a: Activity | null) => activityValues(a, links, initialType);
  const form = useForm<ActivityValues>({ initialValues: valuesOf(base), validateInputOnChange: true, validate: validateActivity });
  const write = useWrite({
    request: (v: ActivityValues) =>
      base ? updateActivity(base.id, { version: base.version, ...activityPatch(v, valuesOf(base)) }) : createActivity(activityBody(v)),
    refresh: refreshActivities,
    success: (_saved, v) => (base ? 'Activity saved' : `${ACTIVITY_LABEL[v.type]} logged`),
    onSuccess: onClose,
    form: { form, fields: ACTIVITY_FIELDS },
    conflict: base
      ? {
          noun: 'activity',
          base,
          setBase: (a: Activity) => setBase(a),
          fetchLatest: () => fetchActivity(base.id),
          valuesOf,
          labels: ACTIVITY_LABELS,
          describe: describeActivity,
        }
      : undefined,
  });
  const values = form.getValues();
  // Until the person picks a time, the time follows what the activity is: now for one that took
  // place, the next working slot for a planned one or a task (never overdue the moment it is saved).
  const timePicked = useRef(false);
  const setCompleted = (completed: boolean) => {
    form.setFieldValue('completed', completed);
    if (!activity && !timePicked.current) form.setFieldValue('occurredAt', defaultWhen(completed));
  };

  const submit = form.onSubmit(write.save);

  return (
    <>
      <form onSubmit={submit} noValidate aria-label={activity ? 'Edit activity' : 'Log activity'}>
        <Stack gap="md">
          <FormProblem problem={write.problem} />
          <SegmentedControl
            aria-label="Type"
            data={ACTIVITY_TYPES.map((t) => ({ value: t, label: ACTIVITY_LABEL[t] }))}
            {...form.getInputProps('type')}
            onChange={(t) => {
              form.setFieldValue('type', t as ActivityKind);
              if (!activity) setCompleted(t !== 'task');
            }}
          />
          <TextInput label="Subject" required data-autofocus placeholder="What happened, or what is to be done" {...form.getInputProps('subject')} />
          <Textarea label="Notes" autosize minRows={3} maxRows={10} {...form.getInputProps('body')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateTimePicker
              label={values.type === 'task' ? 'Due' : 'When'}
              required
              valueFormat="D MMM YYYY HH:mm"
              {...form.getInputProps('occurredAt')}
              onChange={(v) => {
                timePicked.current = true;
                form.setFieldValue('occurredAt', v);
              }}
            />
            <NumberInput label="Duration (minutes)" min={0} max={1440} allowDecimal={false} {...form.getInputProps('durationMinutes')} />
          </SimpleGrid>
          <Checkbox
            label={values.type === 'task' ? 'Done' : 'It took place (uncheck for a planned one)'}
            {...form.getInputProps('completed', { type: 'checkbox' })}
            onChange={(e) => setCompleted(e.currentTarget.checked)}
          />
          {context ? (
            <Text size="sm" c="dimmed">
              Logged on {context}
            </Text>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <DealSelect
                label="Deal"
                value={values.dealId}
                onChange={(v) => form.setFieldValue('dealId', v)}
                valueLabel={activity?.dealId && activity.dealName === null ? HIDDEN_DEAL : activity?.dealName}
                error={form.errors.dealId}
              />
              <AccountSelect
                label="Account"
                value={values.accountId}
                onChange={(v) => form.setFieldValue('accountId', v)}
                valueLabel={activity?.accountName}
                error={form.errors.accountId}
              />
              <ContactSelect
                label="Contact"
                value={values.contactId}
                onChange={(v) => form.setFieldValue('contactId', v)}
                valueLabel={activity?.contactName}
                error={form.errors.contactId}
              />
            </SimpleGrid>
          )}
          {activity?.type === 'meeting' && <MeetingPlan activityId={activity.id} onDeal={activity.dealId !== null} />}
          <FormFooter submitLabel={activity ? 'Save' : 'Log it'} submitting={form.submitting} onCancel={onClose} />
        </Stack>
      </form>
      {write.dialog}
    </>
  );
}

export function ActivityModal({ opened, onClose, ...rest }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={rest.activity ? 'Edit activity' : 'Log activity'} size="lg">
      {opened && <ActivityForm onClose={onClose} {...rest} />}
    </Modal>
  );
}
