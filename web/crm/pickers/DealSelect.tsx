import type { SelectProps } from '@mantine/core';
import type { Deal } from '../../../api/deals';
import { RecordSelect } from './RecordSelect';

const toOption = (d: Deal) => ({ value: d.id, label: d.accountName ? `${d.name} · ${d.accountName}` : d.name });

interface Props extends Omit<SelectProps, 'data' | 'value' | 'onChange'> {
  value: string | null;
  valueLabel?: string | null;
  onChange(value: string | null, label: string | null): void;
}

export function DealSelect(props: Props) {
  return <RecordSelect entity="deals" toOption={toOption} placeholder="Search deals" params={{ status: 'open' }} {...props} />;
}
