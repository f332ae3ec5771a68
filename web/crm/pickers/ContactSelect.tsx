import type { SelectProps } from '@mantine/core';
import type { Contact } from '../../../api/contacts';
import { RecordSelect } from './RecordSelect';

export const contactName = (c: Pick<Contact, 'firstName' | 'lastName'>) => `${c.firstName} ${c.lastName}`.trim();
const toOption = (c: Contact) => ({ value: c.id, label: c.accountName ? `${contactName(c)} · ${c.accountName}` : contactName(c) });

interface Props extends Omit<SelectProps, 'data' | 'value' | 'onChange'> {
  value: string | null;
  valueLabel?: string | null;
  /** Only this account's contacts. */
  accountId?: string | null;
  onChange(value: string | null, label: string | null): void;
}

export function ContactSelect({ accountId, ...props }: Props) {
  return <RecordSelect entity="contacts" toOption={toOption} placeholder="Search contacts" params={accountId ? { accountId } : {}} {...props} />;
}
