// Custom fields on deals (what a required-field criterion can ask for beyond the core fields), on
// accounts and on contacts (an imported file's extra columns): one list per kind of record.
import { ActionIcon, Badge, Button, Group, Modal, NumberInput, SegmentedControl, Select, Stack, Table, TagsInput, Text, TextInput } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { CustomField, CustomFieldEntity } from '../../../api/pipelines';
import { isApiError } from '../../app/api';
import { ErrorState, errorMessage } from '../../components/ErrorState';
import { FormFooter } from '../../components/FormFooter';
import { LoadingState } from '../../components/LoadingState';
import { createCustomField, retireCustomField, updateCustomField, useCustomFields } from '../../data/custom-fields/custom-fields';
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

function FieldModal({ entity, field, onClose }: { entity: CustomFieldEntity; field: CustomField | null | undefined; onClose(): void }) {
  const change = useProcessChange();
  const [key, setKey] = useState(field?.key ?? '');
  const [label, setLabel] = useState(field?.label ?? '');
  const [type, setType] = useState<string>(field?.type ?? 'text');
  const [options, setOptions] = useState<string[]>(field?.options ?? []);
  const [position, setPosition] = useState<number | string>(field?.position ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = async () => {
    setErrors({});
    const body = {
      label: label.trim(),
      ...(type === 'select' ? { options } : {}),
      ...(position !== '' ? { position: Number(position) } : {}),
    };
    try {
      if (field) await updateCustomField(field.id, body);
      else await createCustomField({ ...body, entity, key: key.trim(), type: type as CustomField['type'] });
      await change.run(async () => null, `${body.label} saved`);
      onClose();
    } catch (error) {
      if (isApiError(error) && error.fields.length > 0) setErrors(Object.fromEntries(error.fields.map((f) => [f.field.replace(/\.\d+$/, ''), f.message])));
      else setErrors({ form: errorMessage(error) });
    }
  };

  return (
    <Modal opened onClose={onClose} title={field ? `Change ${field.label}` : `New ${entity} field`}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <TextInput label="Label" required value={label} onChange={(e) => setLabel(e.currentTarget.value)} error={errors.label} />
          {!field && (
            <>
              <TextInput
                label="Key"
                description="Used in the API and CSV as custom.<key>: lower case letters, digits and _; never reused"
                required
                value={key}
                onChange={(e) => setKey(e.currentTarget.value)}
                error={errors.key}
              />
              <Select label="Type" data={TYPES} value={type} onChange={(v) => setType(v ?? 'text')} allowDeselect={false} />
            </>
          )}
          {type === 'select' && <TagsInput label="Options" description="Press Enter after each" value={options} onChange={setOptions} error={errors.options} />}
          <NumberInput label="Position" description={`Order on the ${entity} form`} min={0} value={position} onChange={setPosition} />
          {errors.form && (
            <Text c="red" size="sm" role="alert">
              {errors.form}
            </Text>
          )}
          <FormFooter submitLabel="Save" onCancel={onClose} />
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
