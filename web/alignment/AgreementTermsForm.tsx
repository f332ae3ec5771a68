// A draft agreement's terms as both sides write them: fit criteria and behaviour rules with their
// points, the MQL threshold, what SAL and SQL mean, the rejection reasons sales may give, the sales
// SLA and marketing's commitment per segment. Saved with the version the draft was opened on; the
// server checks every term and its problems show under their fields.
import { ActionIcon, Button, Group, NumberInput, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { FieldProblem } from '../../api/common';
import type { AgreementTerms, FitField, LeadAgreement } from '../../api/lead-agreements';
import { FormProblem } from '../components/FormProblem';
import { refreshAgreements, saveAgreementDraft } from '../data/lead-agreements/lead-agreements';
import { useWrite } from '../data/write';

const FIT_FIELDS: { value: FitField; label: string }[] = [
  { value: 'industry', label: 'Industry' },
  { value: 'companySize', label: 'Company size' },
  { value: 'title', label: 'Title contains' },
  { value: 'country', label: 'Country' },
  { value: 'segment', label: 'Segment' },
];

interface FitValues {
  key: string;
  id: string;
  label: string;
  field: FitField;
  values: string[];
  min: number | string;
  max: number | string;
  points: number | string;
}
interface BehaviourValues {
  key: string;
  id: string;
  label: string;
  event: string;
  points: number | string;
  maxTimes: number | string;
}
interface Values extends Record<string, unknown> {
  fit: FitValues[];
  behaviours: BehaviourValues[];
  mqlThreshold: number | string;
  salDefinition: string;
  sqlDefinition: string;
  rejectionReasons: string[];
  acceptWithinHours: number | string;
  firstTouchWithinHours: number | string;
  attempts: number | string;
  attemptsWithinDays: number | string;
  commitments: { key: string; segment: string; mqlsPerMonth: number | string }[];
}

let keys = 0;
const newKey = () => `term-${++keys}`;
const num = (v: number | string) => (v === '' ? undefined : Number(v));
/** A new rule's id, from its label: the explanation names rules by it, so it stays once saved. */
const idOf = (label: string, taken: readonly string[]) => {
  const base =
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, '')
      .slice(0, 56) || 'rule';
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}_${n}`;
  return id;
};

const valuesOf = (t: AgreementTerms): Values => ({
  fit: t.fit.map((f) => ({
    key: newKey(),
    id: f.id,
    label: f.label,
    field: f.field,
    values: f.values ?? [],
    min: f.min ?? '',
    max: f.max ?? '',
    points: f.points,
  })),
  behaviours: t.behaviours.map((b) => ({ key: newKey(), id: b.id, label: b.label, event: b.event, points: b.points, maxTimes: b.maxTimes ?? '' })),
  mqlThreshold: t.mqlThreshold,
  salDefinition: t.salDefinition,
  sqlDefinition: t.sqlDefinition,
  rejectionReasons: [...t.rejectionReasons],
  acceptWithinHours: t.sla.acceptWithinHours,
  firstTouchWithinHours: t.sla.firstTouchWithinHours,
  attempts: t.sla.attempts,
  attemptsWithinDays: t.sla.attemptsWithinDays,
  commitments: t.commitments.map((c) => ({ key: newKey(), segment: c.segment, mqlsPerMonth: c.mqlsPerMonth })),
});

function termsOf(v: Values): AgreementTerms {
  const fitIds: string[] = [];
  const behaviourIds: string[] = [];
  return {
    fit: v.fit.map((f) => {
      const id = f.id || idOf(f.label, [...fitIds, ...v.fit.map((x) => x.id)]);
      fitIds.push(id);
      const size = f.field === 'companySize';
      return {
        id,
        label: f.label.trim(),
        field: f.field,
        ...(size ? {} : { values: f.values }),
        ...(size && num(f.min) !== undefined ? { min: num(f.min) } : {}),
        ...(size && num(f.max) !== undefined ? { max: num(f.max) } : {}),
        points: Number(f.points),
      };
    }),
    behaviours: v.behaviours.map((b) => {
      const id = b.id || idOf(b.label, [...behaviourIds, ...v.behaviours.map((x) => x.id)]);
      behaviourIds.push(id);
      return {
        id,
        label: b.label.trim(),
        event: b.event.trim(),
        points: Number(b.points),
        ...(num(b.maxTimes) !== undefined ? { maxTimes: num(b.maxTimes) } : {}),
      };
    }),
    mqlThreshold: Number(v.mqlThreshold),
    salDefinition: v.salDefinition.trim(),
    sqlDefinition: v.sqlDefinition.trim(),
    rejectionReasons: v.rejectionReasons,
    sla: {
      acceptWithinHours: Number(v.acceptWithinHours),
      firstTouchWithinHours: Number(v.firstTouchWithinHours),
      attempts: Number(v.attempts),
      attemptsWithinDays: Number(v.attemptsWithinDays),
    },
    commitments: v.commitments.map((c) => ({ segment: c.segment.trim(), mqlsPerMonth: Number(c.mqlsPerMonth) })),
  };
}

/** The server names terms by their path in the body (terms.sla.attempts); the form holds the SLA flat. */
const rename = (problems: FieldProblem[]) => Object.fromEntries(problems.map((p) => [p.field, p.field.replace(/^terms\./, '').replace(/^sla\./, '')]));
const FIELDS = [
  'fit',
  'behaviours',
  'mqlThreshold',
  'salDefinition',
  'sqlDefinition',
  'rejectionReasons',
  'acceptWithinHours',
  'firstTouchWithinHours',
  'attempts',
  'attemptsWithinDays',
  'commitments',
];

const Remove = ({ label, onClick }: { label: string; onClick: () => void }) => (
  <ActionIcon variant="subtle" color="red" size="lg" aria-label={label} onClick={onClick}>
    ×
  </ActionIcon>
);

export function AgreementTermsForm({ agreement }: { agreement: LeadAgreement }) {
  const form = useForm<Values>({ initialValues: valuesOf(agreement.terms) });
  const write = useWrite({
    request: (v: Values) => saveAgreementDraft(agreement.id, { version: agreement.version, terms: termsOf(v) }),
    refresh: refreshAgreements,
    success: () => `Draft of version ${agreement.number} saved`,
    form: { form, fields: FIELDS, rename },
  });
  return (
    <form onSubmit={form.onSubmit(write.save)} noValidate aria-label={`Terms of version ${agreement.number}`}>
      <Stack gap="md">
        <FormProblem problem={write.problem} />
        <Title order={4} fz="h5">
          Qualification
        </Title>
        <NumberInput label="MQL threshold (points)" min={0} allowDecimal={false} maw={240} {...form.getInputProps('mqlThreshold')} />
        <Text size="sm" fw={500}>
          Fit criteria
        </Text>
        {form.values.fit.map((f, i) => (
          <Group key={f.key} align="end" wrap="wrap" role="group" aria-label={`Fit criterion ${i + 1}`}>
            <TextInput label="Label" w={200} {...form.getInputProps(`fit.${i}.label`)} />
            <Select label="Looks at" data={FIT_FIELDS} allowDeselect={false} w={160} {...form.getInputProps(`fit.${i}.field`)} />
            {f.field === 'companySize' ? (
              <>
                <NumberInput label="From" min={0} allowDecimal={false} w={100} {...form.getInputProps(`fit.${i}.min`)} />
                <NumberInput label="Up to" min={0} allowDecimal={false} w={100} {...form.getInputProps(`fit.${i}.max`)} />
              </>
            ) : (
              <TagsInput label="Any of" w={260} {...form.getInputProps(`fit.${i}.values`)} />
            )}
            <NumberInput label="Points" w={90} allowDecimal={false} {...form.getInputProps(`fit.${i}.points`)} />
            <Remove label={`Remove fit criterion ${i + 1}`} onClick={() => form.removeListItem('fit', i)} />
          </Group>
        ))}
        <Group>
          <Button
            variant="light"
            size="xs"
            onClick={() => form.insertListItem('fit', { key: newKey(), id: '', label: '', field: 'industry', values: [], min: '', max: '', points: 10 })}
          >
            Add a fit criterion
          </Button>
        </Group>
        <Text size="sm" fw={500}>
          Behaviour rules
        </Text>
        {form.values.behaviours.map((b, i) => (
          <Group key={b.key} align="end" wrap="wrap" role="group" aria-label={`Behaviour rule ${i + 1}`}>
            <TextInput label="Label" w={200} {...form.getInputProps(`behaviours.${i}.label`)} />
            <TextInput label="Event" description="as the lead's behaviour names it" w={200} {...form.getInputProps(`behaviours.${i}.event`)} />
            <NumberInput label="Points" w={90} allowDecimal={false} {...form.getInputProps(`behaviours.${i}.points`)} />
            <NumberInput label="Counts at most" w={130} min={1} allowDecimal={false} {...form.getInputProps(`behaviours.${i}.maxTimes`)} />
            <Remove label={`Remove behaviour rule ${i + 1}`} onClick={() => form.removeListItem('behaviours', i)} />
          </Group>
        ))}
        <Group>
          <Button
            variant="light"
            size="xs"
            onClick={() => form.insertListItem('behaviours', { key: newKey(), id: '', label: '', event: '', points: 10, maxTimes: '' })}
          >
            Add a behaviour rule
          </Button>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Textarea label="Accepted (SAL) means" autosize minRows={2} {...form.getInputProps('salDefinition')} />
          <Textarea label="Qualified (SQL) means" autosize minRows={2} {...form.getInputProps('sqlDefinition')} />
        </SimpleGrid>
        <TagsInput label="Rejection reasons" description="The reasons sales may give; marketing sees them" {...form.getInputProps('rejectionReasons')} />
        <Title order={4} fz="h5">
          Sales SLA
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <NumberInput label="Accept or reject within (business hours)" min={0} {...form.getInputProps('acceptWithinHours')} />
          <NumberInput label="First touch within (business hours)" min={0} {...form.getInputProps('firstTouchWithinHours')} />
          <NumberInput label="Attempts while unreached" min={1} allowDecimal={false} {...form.getInputProps('attempts')} />
          <NumberInput label="Attempts within (days)" min={1} allowDecimal={false} {...form.getInputProps('attemptsWithinDays')} />
        </SimpleGrid>
        <Title order={4} fz="h5">
          Marketing's commitment
        </Title>
        {form.values.commitments.map((c, i) => (
          <Group key={c.key} align="end" role="group" aria-label={`Commitment ${i + 1}`}>
            <TextInput label="Segment" w={200} {...form.getInputProps(`commitments.${i}.segment`)} />
            <NumberInput label="MQLs per month" min={0} allowDecimal={false} w={160} {...form.getInputProps(`commitments.${i}.mqlsPerMonth`)} />
            <Remove label={`Remove commitment ${i + 1}`} onClick={() => form.removeListItem('commitments', i)} />
          </Group>
        ))}
        <Group>
          <Button variant="light" size="xs" onClick={() => form.insertListItem('commitments', { key: newKey(), segment: '', mqlsPerMonth: 0 })}>
            Add a commitment
          </Button>
        </Group>
        <Group>
          <Button type="submit" variant="default" loading={form.submitting} disabled={!form.isDirty()}>
            Save draft
          </Button>
        </Group>
      </Stack>
      {write.dialog}
    </form>
  );
}
