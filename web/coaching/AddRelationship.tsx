// An admin gives someone a coach the team tree does not: an outside coach for a rep, a coach for the
// CSO, or another cadence beside a default pair. The server refuses a pair that exists (409 names
// it) or a person coaching themselves; the problem shows under the field it names.
import { Alert, Button, Group, NumberInput, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { FormFooter } from '../components/FormFooter';
import { createRelationship, refreshCoaching } from '../data/coaching/coaching';
import { useUsers } from '../data/people/people';
import { useWrite } from '../data/write';

const FIELDS = ['coachId', 'coacheeId', 'cadenceDays'] as const;

function RelationshipForm({ onDone }: { onDone: () => void }) {
  const users = useUsers();
  const people = (users.data ?? []).filter((u) => !u.disabled && u.role !== 'marketing');
  const form = useForm({
    initialValues: { coachId: '', coacheeId: '', cadenceDays: 14 as number | string },
    validate: {
      coachId: (v) => (v ? null : 'Pick the coach'),
      coacheeId: (v, all) => (!v ? 'Pick who is coached' : v === all.coachId ? 'Someone else than the coach' : null),
      cadenceDays: (v) => (typeof v === 'number' && v >= 1 ? null : 'Every how many days'),
    },
  });
  const write = useWrite({
    request: (v: typeof form.values) => createRelationship({ coachId: v.coachId, coacheeId: v.coacheeId, cadenceDays: Number(v.cadenceDays) }),
    refresh: refreshCoaching,
    success: (r) => `${r.coach.name} now coaches ${r.coachee.name} every ${r.cadenceDays} days`,
    onSuccess: onDone,
    form: { form, fields: FIELDS },
  });
  const options = people.map((u) => ({ value: u.id, label: `${u.name} (${u.role})` }));
  return (
    <form onSubmit={form.onSubmit(write.save)} noValidate aria-label="New coaching relationship">
      <Stack gap="xs">
        {write.problem && (
          <Alert color="red" role="alert">
            {write.problem}
          </Alert>
        )}
        <Group grow align="flex-start">
          <Select label="Coach" searchable data={options} required {...form.getInputProps('coachId')} />
          <Select label="Coachee" searchable data={options} required {...form.getInputProps('coacheeId')} />
          <NumberInput label="Cadence (days)" min={1} max={365} required {...form.getInputProps('cadenceDays')} />
        </Group>
        <FormFooter gap="xs" submitLabel="Add relationship" submitting={write.pending} onCancel={onDone} holdCancelWhileSubmitting />
      </Stack>
    </form>
  );
}

export function AddRelationship() {
  const [open, { open: show, close }] = useDisclosure(false);
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb={open ? 'sm' : 0}>
        <div>
          <Title order={3} fz="h5">
            Coaching beyond the team tree
          </Title>
          <Text size="sm" c="dimmed">
            Managers coach their teams by default. Add an outside coach (a user with the role coach), a coach for the CSO, or another cadence.
          </Text>
        </div>
        {!open && (
          <Button variant="light" onClick={show}>
            Give someone a coach
          </Button>
        )}
      </Group>
      {open && <RelationshipForm onDone={close} />}
    </Paper>
  );
}
