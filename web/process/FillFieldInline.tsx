// A required field the gate is waiting for, filled right where the checklist shows it: one small
// versioned save of the deal, then the gate is asked again.
import { Button, Group, NumberInput, Select, Switch, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Deal } from '../../api/deals';
import { isApiError } from '../app/api';
import { majorToMinor, toCalendarDate } from '../app/format';
import { errorMessage } from '../components/ErrorState';
import { AccountSelect } from '../crm/pickers/AccountSelect';
import { ContactSelect } from '../crm/pickers/ContactSelect';
import { showDeal, updateDeal } from '../data/deals/deals';
import { useDealFields } from '../data/pipelines/pipelines';

type Value = string | number | boolean | null;

function patchOf(field: string, value: Value, deal: Deal): Record<string, unknown> {
  if (field.startsWith('custom.')) return { custom: { [field.slice(7)]: value } };
  if (field === 'amount') return { amount: majorToMinor(value as number, deal.currency) ?? 0 };
  return { [field]: value };
}

export function FillFieldInline({ deal, field, label }: { deal: Deal; field: string; label: string }) {
  const queryClient = useQueryClient();
  const fields = useDealFields();
  const [value, setValue] = useState<Value>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const custom = field.startsWith('custom.') ? fields.data?.find((f) => `custom.${f.key}` === field) : undefined;
  const common = { size: 'xs' as const, 'aria-label': label, error: problem, style: { flex: '1 1 180px' } };

  const save = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const saved = await updateDeal(deal.id, { version: deal.version, ...patchOf(field, value, deal) });
      showDeal(queryClient, saved);
      // The deal's version moved on: cached copies must be read again before anyone moves it, so
      // the board is dropped rather than shown stale while it reloads.
      queryClient.removeQueries({ queryKey: ['board'] });
      await Promise.all([queryClient.invalidateQueries({ queryKey: ['deals'] }), queryClient.invalidateQueries({ queryKey: ['timeline', 'deals', deal.id] })]);
      setValue(null);
    } catch (error) {
      if (isApiError(error) && error.code === 'stale') {
        setProblem('Someone changed this deal meanwhile; it was reloaded. Fill it in again.');
        await queryClient.invalidateQueries({ queryKey: ['deals', 'one', deal.id] });
      } else {
        setProblem(isApiError(error) && error.fields[0] ? error.fields[0].message : errorMessage(error));
      }
    } finally {
      setBusy(false);
    }
  };

  let input: React.ReactNode;
  const type = custom?.type ?? (field === 'amount' ? 'number' : field === 'closeDate' ? 'date' : 'text');
  if (field === 'accountId') {
    input = <AccountSelect {...common} value={(value as string) ?? null} onChange={(v) => setValue(v)} />;
  } else if (field === 'contactId') {
    input = <ContactSelect {...common} accountId={deal.accountId} value={(value as string) ?? null} onChange={(v) => setValue(v)} />;
  } else if (type === 'number') {
    input = <NumberInput {...common} value={(value as number) ?? ''} onChange={(v) => setValue(typeof v === 'number' ? v : null)} min={0} />;
  } else if (type === 'date') {
    input = (
      <DateInput
        {...common}
        valueFormat="D MMM YYYY"
        value={value ? new Date(`${value}T00:00:00`) : null}
        onChange={(d) => setValue(d === null ? null : typeof d === 'string' ? (d as string).slice(0, 10) : toCalendarDate(d as Date))}
      />
    );
  } else if (type === 'boolean') {
    input = <Switch {...common} label="Yes" checked={value === true} onChange={(e) => setValue(e.currentTarget.checked)} />;
  } else if (type === 'select') {
    input = <Select {...common} data={custom?.options ?? []} value={(value as string) ?? null} onChange={setValue} />;
  } else {
    input = <TextInput {...common} value={(value as string) ?? ''} onChange={(e) => setValue(e.currentTarget.value)} placeholder={label} />;
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Group gap={6} mt={4} align="flex-start" wrap="wrap">
        {input}
        <Button type="submit" size="xs" variant="light" loading={busy} disabled={value === null || value === ''}>
          Save
        </Button>
      </Group>
    </form>
  );
}
