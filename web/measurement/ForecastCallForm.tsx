// "Submit my call": what the person expects to book this period (commit) and could book (best
// case), with a note. A rep starts from what their deals say; a manager from their team's roll-up,
// and whatever they change from it is kept as their adjustment. Every call is kept.
import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { type ForecastView, SubmissionCreate } from '../../api/measurement-forecast';
import { minorDigits } from '../../lib/money';
import { formatCalendarDate, formatMoney, majorToMinor, minorToMajor } from '../app/format';
import { FormProblem } from '../components/FormProblem';
import { schemaErrors } from '../components/schema-errors';
import { refreshForecast, submitCall } from '../data/forecast/forecast';
import { useWrite } from '../data/write';

interface Values extends Record<string, unknown> {
  commit: number | string;
  bestCase: number | string;
  note: string;
}

const FIELDS = ['commit', 'bestCase', 'note'] as const;

function bodyOf(v: Values, period: string, currency: string) {
  const money = (x: number | string) => (x === '' ? undefined : (majorToMinor(x, currency) ?? undefined));
  return { period, commit: money(v.commit), bestCase: money(v.bestCase), note: v.note.trim() === '' ? null : v.note.trim() };
}

function validate(v: Values, period: string, currency: string): Record<string, string> {
  const body = bodyOf(v, period, currency);
  const errors = schemaErrors(SubmissionCreate, body);
  if (!errors.bestCase && body.commit !== undefined && body.bestCase !== undefined && body.bestCase < body.commit)
    errors.bestCase = 'Must be at least the commit';
  return errors;
}

/** Where a new call starts: the last call, else the team roll-up (a manager) or the deals (a rep). */
function startingPoint(view: ForecastView): { commit: number; bestCase: number } {
  if (view.latest) return { commit: view.latest.commit, bestCase: view.latest.bestCase };
  return view.rollup ? view.rollup.total : view.suggested;
}

const signed = (amount: number, currency: string) => `${amount > 0 ? '+' : amount < 0 ? '−' : '±'}${formatMoney(Math.abs(amount), currency)}`;

export function ForecastCallForm({ view }: { view: ForecastView }) {
  const currency = view.currency;
  const start = startingPoint(view);
  const form = useForm<Values>({
    initialValues: { commit: minorToMajor(start.commit, currency), bestCase: minorToMajor(start.bestCase, currency), note: '' },
    validateInputOnChange: true,
    validate: (v) => validate(v, view.period.key, currency),
  });

  // "At least the commit" depends on both amounts: a lower commit clears the best case's error.
  const commitValue = form.values.commit;
  const bestCaseError = Boolean(form.errors.bestCase);
  useEffect(() => {
    if (bestCaseError && commitValue !== undefined) form.validateField('bestCase');
  }, [commitValue, bestCaseError, form.validateField]);

  const write = useWrite({
    request: (v: Values) => submitCall(bodyOf(v, view.period.key, currency) as SubmissionCreate),
    refresh: refreshForecast,
    success: (saved) =>
      `Call submitted for ${view.period.label}: commit ${formatMoney(saved.commit, currency)}, best case ${formatMoney(saved.bestCase, currency)}`,
    // The next call starts from this one; the note was about this one only.
    onSuccess: (saved) => {
      form.setValues({ commit: minorToMajor(saved.commit, currency), bestCase: minorToMajor(saved.bestCase, currency), note: '' });
      form.resetDirty();
    },
    form: { form, fields: FIELDS },
  });
  const submit = form.onSubmit(write.save);

  const commitMinor = bodyOf(form.values, view.period.key, currency).commit;
  const rollup = view.rollup?.total;
  const moneyInput = {
    min: 0,
    decimalScale: minorDigits(currency),
    thousandSeparator: true,
    leftSection: (
      <Text size="xs" fw={600}>
        {currency}
      </Text>
    ),
    leftSectionWidth: 48,
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="forecast-call-title" maw={{ base: 720, xl: '100%' }}>
      <Title order={2} fz="h4" id="forecast-call-title">
        Submit my call
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {view.scopeType === 'user'
          ? `For your deals, ${view.period.label}, week of ${formatCalendarDate(view.weekStart)}.`
          : `For ${view.scopeName}, ${view.period.label}. Starts from your team’s roll-up; what you change is your adjustment.`}
      </Text>
      <form onSubmit={submit} noValidate aria-label="Submit my call">
        <Stack gap="sm">
          <FormProblem problem={write.problem} />
          <SimpleGrid cols={2}>
            <NumberInput label="Commit" description="Won + what you will win" required {...moneyInput} {...form.getInputProps('commit')} />
            <NumberInput label="Best case" description="If the best-case deals come in" required {...moneyInput} {...form.getInputProps('bestCase')} />
          </SimpleGrid>
          {rollup && commitMinor !== undefined && (
            <Text size="sm" data-testid="call-adjustment">
              Team roll-up {formatMoney(rollup.commit, currency)} · your adjustment{' '}
              <strong style={{ whiteSpace: 'nowrap' }}>{signed(commitMinor - rollup.commit, currency)}</strong>
            </Text>
          )}
          {!rollup && (
            <Text size="xs" c="dimmed">
              Your deals say commit {formatMoney(view.suggested.commit, currency)}, best case {formatMoney(view.suggested.bestCase, currency)} (won{' '}
              {formatMoney(view.totals.won, currency)} included).
            </Text>
          )}
          <Textarea label="Note" description="What the call rests on, what could move it" autosize minRows={2} maxRows={6} {...form.getInputProps('note')} />
          <Group justify="flex-end">
            <Button type="submit" loading={form.submitting}>
              Submit call
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
