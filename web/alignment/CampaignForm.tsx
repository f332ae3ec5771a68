// A campaign as marketing writes it: channel, dates, budget and the follow-up plan — the touches
// sales makes with its leads (business day after routing, call/email/meeting/task, a note) and the
// team that owns them. One form for a new campaign and an edit (with the version it was opened on).
import { ActionIcon, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Campaign, CampaignCreate } from '../../api/campaigns';
import type { FieldProblem } from '../../api/common';
import { minorDigits } from '../../lib/money';
import { FormProblem } from '../components/FormProblem';
import { createCampaign, refreshCampaigns, updateCampaign } from '../data/campaigns/campaigns';
import { useTeams } from '../data/people/people';
import { useWrite } from '../data/write';

const CHANNELS = ['email', 'paid_search', 'social', 'webinar', 'event', 'content', 'referral', 'other'] as const;
const TOUCH_TYPES = ['call', 'email', 'meeting', 'task'] as const;
type TouchType = (typeof TOUCH_TYPES)[number];

interface TouchValues {
  key: string;
  day: number | string;
  type: TouchType;
  note: string;
}

interface Values extends Record<string, unknown> {
  name: string;
  channel: string;
  startsOn: string;
  endsOn: string;
  budget: number | string;
  ownerTeamId: string | null;
  touches: TouchValues[];
  note: string;
}

let keys = 0;
const newKey = () => `touch-${++keys}`;

const valuesOf = (c: Campaign | null, today: string): Values => ({
  name: c?.name ?? '',
  channel: c?.channel ?? 'webinar',
  startsOn: c?.startsOn ?? today,
  endsOn: c?.endsOn ?? '',
  budget: c?.budget == null ? '' : c.budget / 10 ** minorDigits(c.currency),
  ownerTeamId: c?.followUp.ownerTeamId ?? null,
  touches: (c?.followUp.touches ?? []).map((t) => ({ key: newKey(), day: t.day, type: t.type, note: t.note ?? '' })),
  note: c?.followUp.note ?? '',
});

function bodyOf(v: Values, currency: string): CampaignCreate {
  return {
    name: v.name.trim(),
    channel: v.channel as CampaignCreate['channel'],
    startsOn: v.startsOn,
    endsOn: v.endsOn || null,
    budget: v.budget === '' ? null : Math.round(Number(v.budget) * 10 ** minorDigits(currency)),
    followUp: {
      touches: v.touches.map((t) => ({ day: Number(t.day), type: t.type, note: t.note.trim() || null })),
      ownerTeamId: v.ownerTeamId,
      note: v.note.trim() || null,
    },
  };
}

/** The server names the plan's fields under followUp (followUp.touches.0.day); the form holds them flat. */
const rename = (problems: FieldProblem[]) => Object.fromEntries(problems.map((p) => [p.field, p.field.replace(/^followUp\./, '')]));
const FIELDS = ['name', 'channel', 'startsOn', 'endsOn', 'budget', 'ownerTeamId', 'note', 'touches'];

export function CampaignForm({ campaign, currency, today, onClose }: { campaign: Campaign | null; currency: string; today: string; onClose: () => void }) {
  const teams = useTeams();
  const form = useForm<Values>({
    initialValues: valuesOf(campaign, today),
    validate: {
      name: (n) => (n.trim() ? null : 'Name the campaign'),
      endsOn: (end, v) => (end && end < v.startsOn ? 'On or after the start' : null),
      touches: { day: (d) => (d === '' ? 'Which business day' : null) },
    },
  });
  const money = campaign?.currency ?? currency;
  const write = useWrite({
    request: (v: Values) =>
      campaign ? updateCampaign(campaign.id, { version: campaign.version, ...bodyOf(v, money) }) : createCampaign({ ...bodyOf(v, money), currency: money }),
    refresh: refreshCampaigns,
    success: (saved) => `Campaign “${saved.name}” saved`,
    onSuccess: onClose,
    form: { form, fields: FIELDS, rename },
  });
  const title = campaign ? `Edit ${campaign.name}` : 'New campaign';
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form onSubmit={form.onSubmit(write.save)} noValidate aria-label={title}>
        <Stack gap="md">
          <FormProblem problem={write.problem} />
          <TextInput label="Campaign name" required {...form.getInputProps('name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Channel"
              data={CHANNELS.map((c) => ({ value: c, label: c.replace('_', ' ') }))}
              allowDeselect={false}
              {...form.getInputProps('channel')}
            />
            <NumberInput label={`Budget (${money})`} min={0} decimalScale={minorDigits(money)} thousandSeparator="," {...form.getInputProps('budget')} />
            <TextInput label="Starts on" type="date" required {...form.getInputProps('startsOn')} />
            <TextInput label="Ends on" type="date" {...form.getInputProps('endsOn')} />
          </SimpleGrid>
          <Title order={3} fz="h5">
            Follow-up plan
          </Title>
          <Text size="sm" c="dimmed">
            What sales does with this campaign's leads: each touch on a business day after the lead is routed.
          </Text>
          <Select
            label="Team that follows up"
            placeholder="The team the lead is routed to"
            clearable
            data={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
            {...form.getInputProps('ownerTeamId')}
          />
          {form.values.touches.map((t, i) => (
            <Group key={t.key} align="end" wrap="nowrap" role="group" aria-label={`Touch ${i + 1}`}>
              <NumberInput label="Business day" min={0} max={365} allowDecimal={false} w={120} {...form.getInputProps(`touches.${i}.day`)} />
              <Select label="Touch" data={[...TOUCH_TYPES]} allowDeselect={false} w={140} {...form.getInputProps(`touches.${i}.type`)} />
              <TextInput label="Note" style={{ flex: 1 }} {...form.getInputProps(`touches.${i}.note`)} />
              <ActionIcon variant="subtle" color="red" size="lg" aria-label={`Remove touch ${i + 1}`} onClick={() => form.removeListItem('touches', i)}>
                ×
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              variant="light"
              onClick={() => {
                const last = form.values.touches.at(-1);
                form.insertListItem('touches', { key: newKey(), day: last ? Number(last.day) + 1 : 0, type: 'call', note: '' });
              }}
            >
              Add a touch
            </Button>
          </Group>
          <Textarea label="Plan note" autosize minRows={2} {...form.getInputProps('note')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={form.submitting}>
              Save campaign
            </Button>
          </Group>
        </Stack>
      </form>
      {write.dialog}
    </Modal>
  );
}
