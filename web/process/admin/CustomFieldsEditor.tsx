// Custom fields on deals (what a required-field criterion can ask for beyond the core fields), on
// accounts and on contacts (an imported file's extra columns): one list per kind of record.
import { ActionIcon, Badge, Button, Group, Modal, NumberInput, SegmentedControl, Select, Stack, Table, TagsInput, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { FieldProblem } from '../../../api/common';
import type { CustomField, CustomFieldEntity } from '../../../api/pipelines';
import { ErrorState } from '../../components/ErrorState';
import { FormFooter } from '../../components/FormFooter';
import { FormProblem } from '../../components/FormProblem';
import { LoadingState } from '../../components/LoadingState';
import { createCustomField, retireCustomField, updateCustomField, useCustomFields } from '../../data/custom-fields/custom-fields';
import { refreshProcess } from '../../data/pipelines/pipelines';
import { useWrite } from '../../data/write';
import { useProcessChange } from './use-process-change';

const ENTITIES: { value: CustomFieldEntity; label: string; intro: string }[] = [
  { value: 'deal', label: 'Deals', intro: 'Fields every deal can carry. An exit criterion can require one; a field a criterion requires cannot be retired.' },
  { value: 'account', label: 'Accounts', intro: 'Fields every account can carry, such as revenue or year founded; an account file’s columns map onto them.' },
  { value: 'contact', label: 'Contacts', intro: 'Fields every contact can carry; a contact file’s columns map onto them.' },
];

const TYPES = [
  { value: 'text', label: 'Text' },
  { value: 'number', label: 'Number' },
  { value: 'date', label: 'Date' },
  { value: 'boolean', label: 'Yes / no' },
  { value: 'select', label: 'Choice from a list' },
];

interface FieldValues extends Record<string, unknown> {
  key: string;
  label: string;
  type: CustomField['type'];
  options: string[];
  position: number | string;
}
const FIELD_FIELDS = ['key', 'label', 'type', 'options', 'position'] as const;
/** The server names an option's problem by its place (options.2): it shows under the options. */
const toOptions = (problems: FieldProblem[]) => Object.fromEntries(problems.map((p) => [p.field, p.field.replace(/\.\d+$/, '')]));

function FieldModal({ entity, field, onClose }: { entity: CustomFieldEntity; field: CustomField | null | undefined; onClose(): void }) {
  const form = useForm<FieldValues>({
    initialValues: {
      key: field?.key ?? '',
      label: field?.label ?? '',
      type: field?.type ?? 'text',
      options: field?.options ?? [],
      position: field?.position ?? '',
    },
  });
  const write = useWrite({
    request: (v: FieldValues) => {
      const body = {
        label: v.label.trim(),
        ...(v.type === 'select' ? { options: v.options } : {}),
        ...(v.position !== '' ? { position: Number(v.position) } : {}),
      };
      return field ? updateCustomField(field.id, body) : createCustomField({ ...body, entity, key: v.key.trim(), type: v.type });
    },
    refresh: refreshProcess,
    success: (_saved, v) => `${v.label.trim()} saved`,
    onSuccess: onClose,
    form: { form, fields: FIELD_FIELDS, rename: toOptions },
  });
  const type = form.getValues().type;

  return (
    <Modal opened onClose={onClose} title={field ? `Change ${field.label}` : `New ${entity} field`}>
      <form onSubmit={form.onSubmit(write.save)} noValidate>
        <Stack gap="sm">
          <FormProblem problem={write.problem} />
          <TextInput label="Label" required {...form.getInputProps('label')} />
          {!field && (
            <>
              <TextInput
                label="Key"
                description="Used in the API and CSV as custom.<key>: lower case letters, digits and _; never reused"
                required
                {...form.getInputProps('key')}
              />
              <Select label="Type" data={TYPES} allowDeselect={false} {...form.getInputProps('type')} />
            </>
          )}
          {type === 'select' && <TagsInput label="Options" description="Press Enter after each" {...form.getInputProps('options')} />}
          <NumberInput label="Position" description={`Order on the ${entity} form`} min={0} {...form.getInputProps('position')} />
          <FormFooter submitLabel="Save" submitting={form.submitting} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}

export function CustomFieldsEditor() {
  const [entity, setEntity] = useState<CustomFieldEntity>('deal');
  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label="Fields of"
        data={ENTITIES.map(({ value, label }) => ({ value, label }))}
        value={entity}
        onChange={(v) => setEntity(v as CustomFieldEntity)}
        style={{ alignSelf: 'flex-start' }}
      />
      <FieldList key={entity} entity={entity} />
    </Stack>
  );
}

function FieldList({ entity }: { entity: CustomFieldEntity }) {
  const fields = useCustomFields(entity);
  const change = useProcessChange();
  const [editing, setEditing] = useState<CustomField | null | undefined>(undefined);
  if (fields.isPending) return <LoadingState rows={3} />;
  if (fields.isError) return <ErrorState error={fields.error} onRetry={() => fields.refetch()} />;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {ENTITIES.find((e) => e.value === entity)?.intro}
        </Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)}>
          New field
        </Button>
      </Group>
      {fields.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          No custom fields yet.
        </Text>
      ) : (
        <Table verticalSpacing={6} highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              {['Label', 'Key', 'Type', 'Options', ''].map((h, i) => (
                <Table.Th key={h || i} scope="col">
                  {h}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.data.map((f) => (
              <Table.Tr key={f.id}>
                <Table.Td>{f.label}</Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    custom.{f.key}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color="gray">
                    {TYPES.find((t) => t.value === f.type)?.label}
                  </Badge>
                </Table.Td>
                <Table.Td>{f.options?.join(', ') ?? '—'}</Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <ActionIcon variant="subtle" aria-label={`Change ${f.label}`} onClick={() => setEditing(f)}>
                      <IconPencil size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Retire ${f.label}`}
                      onClick={() => {
                        if (window.confirm(`Retire ${f.label}? Values stay in each ${entity}'s history.`))
                          void change.run(() => retireCustomField(f.id), `${f.label} retired`);
                      }}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing !== undefined && <FieldModal entity={entity} field={editing} onClose={() => setEditing(undefined)} />}
    </Stack>
  );
}
