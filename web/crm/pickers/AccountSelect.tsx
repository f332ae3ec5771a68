import type { SelectProps } from '@mantine/core';
import type { Account } from '../../../api/accounts';
import { RecordSelect } from './RecordSelect';

const toOption = (a: Account) => ({ value: a.id, label: a.domain ? `${a.name} (${a.domain})` : a.name });

interface Props extends Omit<SelectProps, 'data' | 'value' | 'onChange'> {
  value: string | null;
  valueLabel?: string | null;
  onChange(value: string | null, label: string | null): void;
}

export function AccountSelect(props: Props) {
  return <RecordSelect entity="accounts" toOption={toOption} placeholder="Search accounts" {...props} />;
}
