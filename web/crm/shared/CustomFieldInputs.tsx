// The inputs of a record's custom fields, one per field the admin defined for its kind, typed as
// the field is (text, number, date, yes/no, a choice); errors come back from the server as custom.<key>.
import { NumberInput, Select, SimpleGrid, Switch, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import type { ReactNode } from 'react';
import type { CustomField, CustomFieldEntity } from '../../../api/pipelines';
import { useCustomFields } from '../../data/custom-fields/custom-fields';
import type { CustomFormValues } from './custom-values';

interface Props {
  entity: CustomFieldEntity;
  values: CustomFormValues;
  errors: Record<string, ReactNode>;
  onChange(key: string, value: CustomFormValues[string]): void;
}

function FieldInput({
  field,
  value,
  error,
  onChange,
}: {
  field: CustomField;
  value: CustomFormValues[string] | undefined;
  error: ReactNode;
  onChange: Props['onChange'];
}) {
  const common = { label: field.label, error };
  switch (field.type) {
    case 'number':
      return <NumberInput {...common} value={typeof value === 'number' || typeof value === 'string' ? value : ''} onChange={(v) => onChange(field.key, v)} />;
    case 'date':
      return (
        <DateInput
          {...common}
          valueFormat="D MMM YYYY"
          placeholder="Pick a date"
          clearable
          value={typeof value === 'string' && value !== '' ? value : null}
          onChange={(v) => onChange(field.key, v)}
        />
      );
    case 'boolean':
      return <Switch {...common} mt="lg" checked={value === true} onChange={(e) => onChange(field.key, e.currentTarget.checked)} />;
    case 'select':
      return (
        <Select {...common} data={field.options ?? []} clearable value={typeof value === 'string' ? value : null} onChange={(v) => onChange(field.key, v)} />
      );
    default:
      return (
        <TextInput
          {...common}
          maxLength={2000}
          value={typeof value === 'string' ? value : value == null ? '' : String(value)}
          onChange={(e) => onChange(field.key, e.currentTarget.value)}
        />
      );
  }
}

export function CustomFieldInputs({ entity, values, errors, onChange }: Props) {
  const fields = useCustomFields(entity);
  if (!fields.data || fields.data.length === 0) return null;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {fields.data.map((f) => (
        <FieldInput key={f.id} field={f} value={values[f.key]} error={errors[`custom.${f.key}`]} onChange={onChange} />
      ))}
    </SimpleGrid>
  );
}
