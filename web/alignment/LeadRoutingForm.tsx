// Lead routing and business hours, as an admin edits them (Settings → Lead settings): round robin or
// claim, the rules (territory, segment, size → a team, optionally a named rep) in the order they are
// tried, the reps away, and the business hours SLA clocks run in (working days, opening hours,
// holidays, the workspace time zone). One PUT with the version read; the server's problems show
// under their fields and a concurrent edit (409) loads the other admin's values.
import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { LeadSettings, LeadSettingsPut } from '../../api/lead-settings';
import { FormProblem } from '../components/FormProblem';
import { applySaveError } from '../components/save-errors';
import { reloadLeadSettings, saveLeadSettings, showLeadSettings } from '../data/leads/lead-settings';
import { useTeams, useUsers } from '../data/people/people';
import { timeZones } from '../settings/choices';
import { useSettingsPart } from './settings-part';

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

interface RuleValues {
  key: string;
  segment: string;
  country: string;
  minSize: number | string;
  maxSize: number | string;
  teamId: string | null;
  ownerId: string | null;
}

interface Values extends Record<string, unknown> {
  mode: 'round_robin' | 'claim';
  defaultTeamId: string | null;
  rules: RuleValues[];
  awayUserIds: string[];
  workingDays: string[];
  start: string;
  end: string;
  holidays: string[];
  timezone: string;
}

let keys = 0;
const newKey = () => `rule-${++keys}`;
const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
const minuteOf = (t: string) => {
  const m = /^(\d{1,2}):(\d{2})$/.exec(t.trim());
  const minute = m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
  return m && Number(m[2]) < 60 && minute <= 1440 ? minute : Number.NaN;
};

const valuesOf = (s: LeadSettings): Values => ({
  mode: s.routing.mode,
  defaultTeamId: s.routing.defaultTeamId,
  rules: s.routing.rules.map((r) => ({
    key: newKey(),
    segment: r.segment ?? '',
    country: r.country ?? '',
    minSize: r.minSize ?? '',
    maxSize: r.maxSize ?? '',
    teamId: r.teamId,
    ownerId: r.ownerId ?? null,
  })),
  awayUserIds: [...s.routing.awayUserIds],
  workingDays: s.businessHours.workingDays.map(String),
  // 24:00 (1440) is the end of the day, so the hours are typed text rather than a time picker.
  start: hhmm(s.businessHours.startMinute),
  end: hhmm(s.businessHours.endMinute),
  holidays: [...s.businessHours.holidays],
  timezone: s.timezone,
});

const sizeOf = (v: number | string) => (v === '' || v === null ? undefined : Number(v));

function bodyOf(v: Values, version: number): LeadSettingsPut {
  return {
    version,
    routing: {
      mode: v.mode,
      defaultTeamId: v.defaultTeamId,
      rules: v.rules.map((r) => ({
        ...(r.segment.trim() ? { segment: r.segment.trim() } : {}),
        ...(r.country.trim() ? { country: r.country.trim() } : {}),
        ...(sizeOf(r.minSize) !== undefined ? { minSize: sizeOf(r.minSize) } : {}),
        ...(sizeOf(r.maxSize) !== undefined ? { maxSize: sizeOf(r.maxSize) } : {}),
        teamId: r.teamId ?? '',
        ...(r.ownerId ? { ownerId: r.ownerId } : {}),
      })),
      awayUserIds: v.awayUserIds,
    },
    businessHours: {
      workingDays: v.workingDays.map(Number).sort(),
      startMinute: minuteOf(v.start),
      endMinute: minuteOf(v.end),
      holidays: v.holidays,
    },
    timezone: v.timezone,
  };
}

/** The server names fields by their body path; the form's are shorter for the hours. */
const RENAME: Record<string, string> = {
  'routing.mode': 'mode',
  'routing.defaultTeamId': 'defaultTeamId',
  'routing.awayUserIds': 'awayUserIds',
  'businessHours.workingDays': 'workingDays',
  'businessHours.startMinute': 'start',
  'businessHours.endMinute': 'end',
  'businessHours.holidays': 'holidays',
};
const renamed = (field: string) => {
  if (RENAME[field]) return RENAME[field];
  const rule = /^routing\.rules\.(\d+)\.(\w+)$/.exec(field);
  if (rule) return `rules.${rule[1]}.${rule[2]}`;
  if (/^businessHours\.holidays\.\d+$/.test(field)) return 'holidays';
  return field;
};

export function LeadRoutingForm({ loaded }: { loaded: LeadSettings }) {
  const queryClient = useQueryClient();
  const teams = useTeams();
  const users = useUsers();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: valuesOf(loaded),
    validate: {
      workingDays: (d) => (d.length === 0 ? 'Pick at least one working day' : null),
      start: (t) => (Number.isNaN(minuteOf(t)) ? 'Enter a time such as 09:00' : null),
      end: (t) => (Number.isNaN(minuteOf(t)) ? 'Enter a time such as 17:00' : null),
      holidays: (h) => (h.every((d) => DATE.test(d)) ? null : 'Dates as YYYY-MM-DD, such as 2026-12-25'),
      rules: {
        teamId: (t) => (t ? null : 'Pick the team'),
        maxSize: (max, v, path) => {
          const i = Number(path.split('.')[1]);
          const min = sizeOf(v.rules[i]?.minSize ?? '');
          const top = sizeOf(max);
          return min !== undefined && top !== undefined && top < min ? 'At least the minimum size' : null;
        },
      },
    },
  });
  const part = useSettingsPart(form, loaded, valuesOf, (s) => [s.routing, s.businessHours, s.timezone]);

  const allFields = (): string[] => [
    ...Object.keys(form.values),
    ...form.values.rules.flatMap((_, i) => ['segment', 'country', 'minSize', 'maxSize', 'teamId', 'ownerId'].map((f) => `rules.${i}.${f}`)),
  ];

  const submit = form.onSubmit(async (v) => {
    setProblem(null);
    try {
      const saved = await saveLeadSettings(bodyOf(v, part.versionFor(loaded)));
      part.resetFrom(saved);
      showLeadSettings(queryClient, saved);
      notifications.show({ color: 'furrow', message: 'Routing and business hours saved' });
    } catch (error) {
      const fields = (error as { fields?: { field: string }[] }).fields;
      const rename = Object.fromEntries((fields ?? []).map((f) => [f.field, renamed(f.field)]));
      if (applySaveError(error, form, allFields(), setProblem, rename) === 'stale') {
        const fresh = await reloadLeadSettings(queryClient);
        if (fresh) part.resetFrom(fresh);
        setProblem('Another admin changed the lead settings meanwhile. Their values are loaded; make your change again.');
      }
    }
  });

  const teamOptions = (teams.data ?? []).map((t) => ({ value: t.id, label: t.name }));
  const repsOf = (teamId: string | null) =>
    (users.data ?? []).filter((u) => u.role === 'rep' && !u.disabled && (teamId === null || u.teamId === teamId)).map((u) => ({ value: u.id, label: u.name }));

  return (
    <Paper withBorder radius="md" p="lg" maw={960}>
      <form onSubmit={submit} noValidate aria-label="Routing and business hours">
        <Stack gap="md">
          <FormProblem problem={problem} />
          <Title order={2} fz="h4">
            Routing
          </Title>
          <Radio.Group label="How a new MQL finds its rep" {...form.getInputProps('mode')}>
            <Stack gap={6} mt="xs">
              <Radio value="round_robin" label="Round robin: the next active rep of the team, reps away skipped" />
              <Radio value="claim" label="Claim: the team sees the lead and the first rep to claim it wins" />
            </Stack>
          </Radio.Group>
          <Select
            label="Team when no rule matches"
            data={teamOptions}
            clearable
            placeholder="Nobody: the lead waits unrouted"
            maw={360}
            {...form.getInputProps('defaultTeamId')}
          />
          <Text size="sm" fw={500}>
            Rules, tried in order: the first that matches picks the team
          </Text>
          {form.values.rules.length === 0 && (
            <Text size="sm" c="dimmed">
              No rules: every lead goes to the team above.
            </Text>
          )}
          {form.values.rules.map((rule, i) => (
            <Paper key={rule.key} withBorder radius="sm" p="sm" role="group" aria-label={`Rule ${i + 1}`}>
              <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
                <TextInput label="Segment" placeholder="Any" {...form.getInputProps(`rules.${i}.segment`)} />
                <TextInput label="Country (territory)" placeholder="Any" {...form.getInputProps(`rules.${i}.country`)} />
                <NumberInput label="Company size from" placeholder="Any" min={0} allowDecimal={false} {...form.getInputProps(`rules.${i}.minSize`)} />
                <NumberInput label="Company size up to" placeholder="Any" min={0} allowDecimal={false} {...form.getInputProps(`rules.${i}.maxSize`)} />
                <Select
                  label="Team"
                  data={teamOptions}
                  allowDeselect={false}
                  {...form.getInputProps(`rules.${i}.teamId`)}
                  onChange={(value) => {
                    form.setFieldValue(`rules.${i}.teamId`, value);
                    form.setFieldValue(`rules.${i}.ownerId`, null);
                  }}
                />
                <Select
                  label="Rep (optional)"
                  description="Gets the leads while active and not away"
                  data={repsOf(rule.teamId)}
                  clearable
                  placeholder="The team's routing"
                  {...form.getInputProps(`rules.${i}.ownerId`)}
                />
              </SimpleGrid>
              <Group gap="xs" mt="xs" justify="flex-end">
                <ActionIcon
                  variant="subtle"
                  aria-label={`Move rule ${i + 1} up`}
                  disabled={i === 0}
                  onClick={() => form.reorderListItem('rules', { from: i, to: i - 1 })}
                >
                  ↑
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  aria-label={`Move rule ${i + 1} down`}
                  disabled={i === form.values.rules.length - 1}
                  onClick={() => form.reorderListItem('rules', { from: i, to: i + 1 })}
                >
                  ↓
                </ActionIcon>
                <Button variant="subtle" color="red" size="xs" onClick={() => form.removeListItem('rules', i)} aria-label={`Remove rule ${i + 1}`}>
                  Remove
                </Button>
              </Group>
            </Paper>
          ))}
          <Group>
            <Button
              variant="light"
              size="xs"
              onClick={() => form.insertListItem('rules', { key: newKey(), segment: '', country: '', minSize: '', maxSize: '', teamId: null, ownerId: null })}
            >
              Add a rule
            </Button>
          </Group>
          <MultiSelect
            label="Reps away"
            description="Round robin and rules skip them until they are back"
            data={repsOf(null)}
            searchable
            clearable
            {...form.getInputProps('awayUserIds')}
          />

          <Title order={2} fz="h4" mt="sm">
            Business hours
          </Title>
          <Text size="sm" c="dimmed">
            SLA clocks count only these hours, in the workspace's time zone.
          </Text>
          <Checkbox.Group label="Working days" {...form.getInputProps('workingDays')}>
            <Group mt="xs">
              {DAYS.map((d, i) => (
                <Checkbox key={d} value={String(i + 1)} label={d} />
              ))}
            </Group>
          </Checkbox.Group>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label="Opens at" description="HH:MM, 24-hour" placeholder="09:00" {...form.getInputProps('start')} />
            <TextInput label="Closes at" description="24:00 for the end of the day" placeholder="17:00" {...form.getInputProps('end')} />
            <Select
              label="Time zone"
              description="The workspace's: periods and close days too"
              data={timeZones()}
              searchable
              allowDeselect={false}
              {...form.getInputProps('timezone')}
            />
          </SimpleGrid>
          <TagsInput
            label="Holidays"
            description="Dates as YYYY-MM-DD; press Enter after each"
            placeholder="2026-12-25"
            splitChars={[',', ' ']}
            {...form.getInputProps('holidays')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={form.submitting} disabled={!form.isDirty()}>
              Save routing and hours
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
