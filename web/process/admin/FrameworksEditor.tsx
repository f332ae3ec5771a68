// Qualification frameworks: the built-in ones to read, custom ones to define and change.
import { Accordion, ActionIcon, Badge, Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { FieldProblem } from '../../../api/common';
import type { QualificationFramework } from '../../../api/qualification';
import { ErrorState } from '../../components/ErrorState';
import { FormFooter } from '../../components/FormFooter';
import { FormProblem } from '../../components/FormProblem';
import { LoadingState } from '../../components/LoadingState';
import { refreshProcess } from '../../data/pipelines/pipelines';
import { createFramework, retireFramework, updateFramework, useFrameworks } from '../../data/qualification/qualification';
import { useWrite } from '../../data/write';
import { useProcessChange } from './use-process-change';

/** One element per line: "Label — description" (the description is optional). */
const parseElements = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [label, ...rest] = l.split(/\s+[—-]\s+/);
      return { label: (label ?? l).trim(), description: rest.join(' — ').trim() || null };
    });

interface FrameworkValues extends Record<string, unknown> {
  name: string;
  description: string;
  /** One element per line (parseElements). */
  elements: string;
}
const FRAMEWORK_FIELDS = ['name', 'description', 'elements'] as const;
/** The server names an element's problem by its place (elements.2.label): it shows under the list. */
const toElements = (problems: FieldProblem[]) => Object.fromEntries(problems.filter((p) => p.field.startsWith('elements.')).map((p) => [p.field, 'elements']));

function FrameworkModal({ framework, onClose }: { framework: QualificationFramework | null; onClose(): void }) {
  const form = useForm<FrameworkValues>({
    initialValues: {
      name: framework?.name ?? '',
      description: framework?.description ?? '',
      elements: framework?.elements.map((e) => (e.description ? `${e.label} — ${e.description}` : e.label)).join('\n') ?? '',
    },
  });
  const write = useWrite({
    request: (v: FrameworkValues) => {
      // Keys of existing elements are kept by label so their scores stay attached.
      const elements = parseElements(v.elements).map((e) => {
        const old = framework?.elements.find((x) => x.label.toLowerCase() === e.label.toLowerCase());
        return old ? { ...e, key: old.key } : e;
      });
      const body = { name: v.name.trim(), description: v.description.trim() || null, elements };
      return framework ? updateFramework(framework.id, { version: framework.version, ...body }) : createFramework(body);
    },
    refresh: refreshProcess,
    success: (_saved, v) => `${v.name.trim()} saved`,
    onSuccess: onClose,
    form: { form, fields: FRAMEWORK_FIELDS, rename: toElements },
    stale: { problem: 'Another admin changed this framework meanwhile. Close this, check their change, and try again.' },
  });

  return (
    <Modal opened onClose={onClose} title={framework ? `Change ${framework.name}` : 'New qualification framework'} size="lg">
      <form onSubmit={form.onSubmit(write.save)} noValidate>
        <Stack gap="sm">
          <FormProblem problem={write.problem} />
          <TextInput label="Name" required {...form.getInputProps('name')} />
          <TextInput label="Description" {...form.getInputProps('description')} />
          <Textarea
            label="Elements"
            description="One per line, optionally “Label — what it means”. Each is scored 0–3 on a deal; an element left out is retired."
            autosize
            minRows={4}
            required
            {...form.getInputProps('elements')}
          />
          <FormFooter submitLabel="Save" submitting={form.submitting} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

export function FrameworksEditor() {
  const frameworks = useFrameworks();
  const change = useProcessChange();
  const [editing, setEditing] = useState<QualificationFramework | null | undefined>(undefined);
  if (frameworks.isPending) return <LoadingState rows={3} />;
  if (frameworks.isError) return <ErrorState error={frameworks.error} onRetry={() => frameworks.refetch()} />;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Reps score each element 0–3 with evidence on the deal page; a stage can require a minimum total.
        </Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)}>
          New framework
        </Button>
      </Group>
      <Accordion variant="separated">
        {frameworks.data.map((f) => (
          <Accordion.Item key={f.id} value={f.id}>
            <Accordion.Control>
              <Group gap="xs">
                <Text fw={600}>{f.name}</Text>
                <Badge variant="light" color={f.builtin ? 'gray' : 'blue'}>
                  {f.builtin ? 'built in' : 'custom'}
                </Badge>
                <Text size="sm" c="dimmed">
                  {f.elements.length} elements · max {f.maxTotal}
                </Text>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              {f.description && (
                <Text size="sm" mb="xs">
                  {f.description}
                </Text>
              )}
              <Stack gap={4}>
                {f.elements.map((e) => (
                  <Text key={e.id} size="sm">
                    <b>{e.label}</b>
                    {e.description ? ` — ${e.description}` : ''}
                  </Text>
                ))}
              </Stack>
              {!f.builtin && (
                <Group mt="sm" gap="xs">
                  <Button size="xs" variant="light" leftSection={<IconPencil size={14} />} onClick={() => setEditing(f)}>
                    Change
                  </Button>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Retire ${f.name}`}
                    onClick={() => {
                      if (window.confirm(`Retire ${f.name}? Scores stay in each deal's history.`))
                        void change.run(() => retireFramework(f.id, { version: f.version }), `${f.name} retired`);
                    }}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              )}
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
      {editing !== undefined && <FrameworkModal framework={editing} onClose={() => setEditing(undefined)} />}
    </Stack>
  );
}
