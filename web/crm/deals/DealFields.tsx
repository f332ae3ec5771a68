import { NumberInput, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import type { UseFormReturnType } from '@mantine/form';
import { minorDigits } from '../../../lib/money';
import { useSession } from '../../app/session';
import { CURRENCIES } from '../../settings/choices';
import { AccountSelect } from '../pickers/AccountSelect';
import { ContactSelect } from '../pickers/ContactSelect';
import { useAssignableOwners } from '../shared/people';
import type { DealValues } from './deal-form';

interface Props {
  form: UseFormReturnType<DealValues>;
  accountLabel?: string | null;
  contactLabel?: string | null;
}

export function DealFields({ form, accountLabel, contactLabel }: Props) {
  const owners = useAssignableOwners();
  const { user } = useSession();
  const values = form.getValues();
  const currencies = CURRENCIES.includes(values.currency) ? CURRENCIES : [values.currency, ...CURRENCIES];
  return (
    <>
      <TextInput label="Deal name" required data-autofocus placeholder="What they buy, e.g. Acme — 200 seats" {...form.getInputProps('name')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <AccountSelect
          label="Account"
          value={values.accountId}
          valueLabel={accountLabel}
          onChange={(v) => {
            form.setFieldValue('accountId', v);
            // A contact of another account would be refused; let the person pick again.
            if (v !== values.accountId) form.setFieldValue('contactId', null);
          }}
          error={form.errors.accountId}
        />
        <ContactSelect
          label="Contact"
          value={values.contactId}
          valueLabel={contactLabel}
          accountId={values.accountId}
          onChange={(v) => form.setFieldValue('contactId', v)}
          error={form.errors.contactId}
        />
        <NumberInput
          label="Amount"
          required
          min={0}
          decimalScale={minorDigits(values.currency)}
          thousandSeparator
          leftSection={<span style={{ fontSize: 12, fontWeight: 600 }}>{values.currency}</span>}
          leftSectionWidth={48}
          {...form.getInputProps('amount')}
        />
        <Select label="Currency" data={currencies} searchable allowDeselect={false} {...form.getInputProps('currency')} />
        <DateInput label="Expected close date" required valueFormat="D MMM YYYY" placeholder="Pick a date" clearable {...form.getInputProps('closeDate')} />
        <Select label="Owner" data={owners} allowDeselect={false} disabled={user.role === 'rep'} {...form.getInputProps('ownerId')} />
        <TextInput label="Source" placeholder="Inbound, referral, outbound…" {...form.getInputProps('source')} />
        <TextInput label="Campaign" {...form.getInputProps('campaign')} />
      </SimpleGrid>
      <Textarea label="Next step" autosize minRows={2} placeholder="The next thing that moves this deal, with a date" {...form.getInputProps('nextStep')} />
    </>
  );
}
