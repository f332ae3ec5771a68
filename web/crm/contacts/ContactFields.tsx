import { Select, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useSession } from '../../app/session';
import { AccountSelect } from '../pickers/AccountSelect';
import { CustomFieldInputs } from '../shared/CustomFieldInputs';
import { useAssignableOwners } from '../shared/people';
import type { ContactValues } from './contact-form';

export function ContactFields({ form, accountLabel }: { form: UseFormReturnType<ContactValues>; accountLabel?: string | null }) {
  const owners = useAssignableOwners();
  const { user } = useSession();
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="First name" required data-autofocus autoComplete="off" {...form.getInputProps('firstName')} />
        <TextInput label="Last name" required autoComplete="off" {...form.getInputProps('lastName')} />
        <TextInput label="Job title" {...form.getInputProps('title')} />
        <AccountSelect
          label="Account"
          value={form.getValues().accountId}
          valueLabel={accountLabel}
          onChange={(v) => form.setFieldValue('accountId', v)}
          error={form.errors.accountId}
        />
        <TextInput label="Email" type="email" autoComplete="off" {...form.getInputProps('email')} />
        <TextInput label="Phone" type="tel" autoComplete="off" {...form.getInputProps('phone')} />
        <Select label="Owner" data={owners} allowDeselect={false} disabled={user.role === 'rep'} {...form.getInputProps('ownerId')} />
      </SimpleGrid>
      <CustomFieldInputs
        entity="contact"
        values={form.values.custom}
        errors={form.errors}
        onChange={(key, value) => form.setFieldValue('custom', { ...form.values.custom, [key]: value })}
      />
    </>
  );
}
