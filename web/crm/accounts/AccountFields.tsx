import { NumberInput, Select, SimpleGrid, Switch, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useSession } from '../../app/session';
import { CustomFieldInputs } from '../shared/CustomFieldInputs';
import { useAssignableOwners } from '../shared/people';
import type { AccountValues } from './account-form';

export function AccountFields({ form }: { form: UseFormReturnType<AccountValues> }) {
  const owners = useAssignableOwners();
  const { user } = useSession();
  return (
    <>
      <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Website domain" placeholder="example.com" {...form.getInputProps('domain')} />
        <TextInput label="Industry" {...form.getInputProps('industry')} />
        <NumberInput label="Employees" min={0} allowDecimal={false} thousandSeparator {...form.getInputProps('size')} />
        <TextInput label="Country" {...form.getInputProps('country')} />
        <Select label="Owner" data={owners} allowDeselect={false} disabled={user.role === 'rep'} {...form.getInputProps('ownerId')} />
      </SimpleGrid>
      <Switch
        label="Shared with every rep"
        description="For key accounts several reps sell into; everyone can then see it"
        {...form.getInputProps('shared', { type: 'checkbox' })}
      />
      <CustomFieldInputs
        entity="account"
        values={form.values.custom}
        errors={form.errors}
        onChange={(key, value) => form.setFieldValue('custom', { ...form.values.custom, [key]: value })}
      />
    </>
  );
}
