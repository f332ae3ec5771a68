// Adding or editing a practice scenario (managers and admins): validated as you type with the API's
// schema, server problems under their fields, a concurrent edit (409) offered a reload.
import { Group, Modal, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { Scenario } from '../../api/practice-scenarios';
import { FormFooter } from '../components/FormFooter';
import { FormProblem } from '../components/FormProblem';
import { createScenario, fetchScenario, patchScenario, refreshPractice } from '../data/practice/practice';
import { useWrite } from '../data/write';
import {
  describeScenario,
  SCENARIO_FIELDS,
  SCENARIO_LABELS,
  type ScenarioValues,
  scenarioBody,
  scenarioPatch,
  scenarioValues,
  validateScenario,
} from './scenario-form';

const DIFFICULTIES = [
  { value: 'basic', label: 'Basic' },
  { value: 'intermediate', label: 'Intermediate' },
  { value: 'advanced', label: 'Advanced' },
];
const MEETING_TYPES = [
  { value: '', label: 'None' },
  { value: 'discovery', label: 'Discovery' },
  { value: 'demo', label: 'Demo' },
  { value: 'pricing', label: 'Pricing' },
  { value: 'executive', label: 'Executive' },
];

export function ScenarioForm({ scenario, opened, onClose }: { scenario: Scenario | null; opened: boolean; onClose: () => void }) {
  // The scenario as opened, or as reloaded from the conflict dialog: the patch is against it.
  const [base, setBase] = useState(scenario);
  const form = useForm<ScenarioValues>({ initialValues: scenarioValues(scenario), validate: validateScenario, validateInputOnBlur: true });
  const write = useWrite({
    request: (v: ScenarioValues) => (base ? patchScenario(base.id, scenarioPatch(v, scenarioValues(base), base.version)) : createScenario(scenarioBody(v))),
    refresh: refreshPractice,
    onSuccess: () => {
      form.reset();
      onClose();
    },
    form: { form, fields: SCENARIO_FIELDS },
    conflict: base
      ? {
          noun: 'scenario',
          base,
          setBase,
          fetchLatest: () => fetchScenario(base.id),
          valuesOf: scenarioValues,
          labels: SCENARIO_LABELS,
          describe: describeScenario,
        }
      : undefined,
  });
  return (
    <Modal opened={opened} onClose={onClose} title={scenario ? `Edit “${scenario.name}”` : 'New practice scenario'} size="lg">
      <form onSubmit={form.onSubmit(write.save)} noValidate>
        <Stack gap="sm">
          <FormProblem problem={write.problem} />
          <TextInput label="Name" required {...form.getInputProps('name')} />
          <Textarea label="Buyer persona" description="Who the partner plays" required autosize minRows={2} {...form.getInputProps('persona')} />
          <Textarea label="Situation" required autosize minRows={2} {...form.getInputProps('situation')} />
          <Textarea label="Objectives" description="One per line" required autosize minRows={2} {...form.getInputProps('objectives')} />
          <Textarea
            label="Rubric skills"
            description="One per line: coaching's skill names (scores feed the rep's skill profile)"
            required
            autosize
            minRows={2}
            {...form.getInputProps('skills')}
          />
          <Group grow>
            <Select label="Difficulty" data={DIFFICULTIES} allowDeselect={false} {...form.getInputProps('difficulty')} />
            <Select label="Prepares for meetings of type" data={MEETING_TYPES} allowDeselect={false} {...form.getInputProps('meetingType')} />
          </Group>
          <Group grow>
            <NumberInput
              label="Pass threshold (readiness 1–100)"
              min={1}
              max={100}
              clampBehavior="none"
              allowDecimal={false}
              {...form.getInputProps('passThreshold')}
            />
            <NumberInput
              label="Certification lasts (days)"
              min={1}
              max={1095}
              clampBehavior="none"
              allowDecimal={false}
              {...form.getInputProps('validityDays')}
            />
          </Group>
          <FormFooter submitLabel={scenario ? 'Save scenario' : 'Add scenario'} submitting={write.pending} onCancel={onClose} />
        </Stack>
      </form>
      {write.dialog}
    </Modal>
  );
}
