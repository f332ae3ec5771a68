// Qualification frameworks: the built-in ones to read, custom ones to define and change.
import { Accordion, ActionIcon, Badge, Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { QualificationFramework } from '../../../api/qualification';
import { isApiError } from '../../app/api';
import { ErrorState, errorMessage } from '../../components/ErrorState';
import { FormFooter } from '../../components/FormFooter';
import { LoadingState } from '../../components/LoadingState';
import { createFramework, retireFramework, updateFramework, useFrameworks } from '../../data/qualification/qualification';
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

function FrameworkModal({ framework, onClose }: { framework: QualificationFramework | null; onClose(): void }) {
  const change = useProcessChange();
  const [name, setName] = useState(framework?.name ?? '');
  const [description, setDescription] = useState(framework?.description ?? '');
  const [elements, setElements] = useState(framework?.elements.map((e) => (e.description ? `${e.label} — ${e.description}` : e.label)).join('\n') ?? '');
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    setError(null);
    const parsed = parseElements(elements);
    // Keys of existing elements are kept by label so their scores stay attached.
    const withKeys = parsed.map((e) => {
      const old = framework?.elements.find((x) => x.label.toLowerCase() === e.label.toLowerCase());
      return old ? { ...e, key: old.key } : e;
    });
    try {
      if (framework)
        await updateFramework(framework.id, {
          version: framework.version,
          name: name.trim(),
          description: description.trim() || null,
          elements: withKeys,
        });
      else await createFramework({ name: name.trim(), description: description.trim() || null, elements: withKeys });
      await change.run(async () => null, `${name.trim()} saved`);
      onClose();
    } catch (e) {
      setError(isApiError(e) && e.fields.length > 0 ? e.fields.map((f) => `${f.field}: ${f.message}`).join('; ') : errorMessage(e));
    }
  };

  return (
    <Modal opened onClose={onClose} title={framework ? `Change ${framework.name}` : 'New qualification framework'} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <TextInput label="Description" value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
          <Textarea
            label="Elements"
            description="One per line, optionally “Label — what it means”. Each is scored 0–3 on a deal; an element left out is retired."
            autosize
            minRows={4}
            required
            value={elements}
            onChange={(e) => setElements(e.currentTarget.value)}
          />
          {error && (
            <Text c="red" size="sm" role="alert">
              {error}
            </Text>
          )}
          <FormFooter submitLabel="Save" onCancel={onClose} />
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
