// One quota in the grid. An admin clicks it to edit it in a small box over the cell (the grid keeps
// its layout, the box stays on screen): Enter saves, Escape cancels, an empty amount removes the
// quota. A 409 (another admin saved first) shows what changed and loads it.
import { ActionIcon, Group, NumberInput, Popover, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { Quota } from '../../api/measurement-targets';
import { QuotaPatch } from '../../api/measurement-targets';
import { minorDigits } from '../../lib/money';
import { isApiError } from '../app/api';
import { formatMoney, majorToMinor, minorToMajor } from '../app/format';
import { schemaErrors } from '../components/schema-errors';
import { createQuota, fetchQuota, patchQuota, type QuotaScope, refreshQuotas, removeQuota } from '../data/quotas/quotas';
import { useWrite } from '../data/write';

interface Props {
  quota: Quota | undefined;
  scope: QuotaScope;
  periodKey: string;
  periodLabel: string;
  currency: string;
  editable: boolean;
  /** Amounts shortened (€1.2M) where columns are narrow; the full amount is in the label. */
  compact?: boolean;
  /** Whether this cell's editor is open: the grid opens one at a time. */
  editing: boolean;
  onEditing(open: boolean): void;
}

interface Values extends Record<string, unknown> {
  amount: number | string;
}

const valuesOf = (q: Quota | null, currency: string): Values => ({ amount: q ? minorToMajor(q.amount, currency) : '' });

function QuotaEditor({
  quota,
  scope,
  periodKey,
  periodLabel,
  currency,
  onDone,
}: Omit<Props, 'editable' | 'compact' | 'editing' | 'onEditing'> & { onDone(): void }) {
  const [base, setBase] = useState<Quota | null>(quota ?? null);
  const form = useForm<Values>({
    initialValues: valuesOf(base, currency),
    validateInputOnChange: true,
    validate: (v) => (v.amount === '' ? {} : schemaErrors(QuotaPatch, { version: base?.version ?? 1, amount: majorToMinor(v.amount, currency) })),
  });
  const amountOf = (v: Values) => (v.amount === '' ? null : majorToMinor(v.amount, currency));
  const write = useWrite<Values, unknown, Values, Quota | null>({
    request: async (v) => {
      const amount = amountOf(v);
      try {
        if (amount === null) {
          if (base) await removeQuota(base);
        } else if (base) {
          if (amount !== base.amount) await patchQuota(base, amount);
        } else await createQuota(scope, periodKey, amount);
      } catch (error) {
        if (!(isApiError(error) && error.status === 404)) throw error;
        // Removed meanwhile: start again from what is there now.
        setBase(await fetchQuota(scope, periodKey));
        throw new Error('This quota was removed meanwhile. Save again to set it anew.');
      }
    },
    refresh: refreshQuotas,
    success: (_, v) => {
      const amount = amountOf(v);
      return amount === null ? `Quota removed: ${scope.name}, ${periodLabel}` : `Quota set: ${scope.name}, ${periodLabel} ${formatMoney(amount, currency)}`;
    },
    onSuccess: onDone,
    form: { form, fields: ['amount'], rename: { 'items.0.amount': 'amount' } },
    conflict: {
      noun: 'quota',
      base,
      setBase,
      fetchLatest: () => fetchQuota(scope, periodKey),
      valuesOf: (q) => valuesOf(q, currency),
      labels: { amount: `${scope.name}, ${periodLabel}` },
      describe: (q) => (q ? formatMoney(q.amount, currency) : 'no quota'),
    },
  });
  const submit = form.onSubmit(write.save);

  const label = `Quota for ${scope.name}, ${periodLabel}`;
  return (
    <form onSubmit={submit} noValidate aria-label={label}>
      <Group gap={4} wrap="nowrap" justify="flex-end">
        <NumberInput
          aria-label={label}
          size="xs"
          w={130}
          min={0}
          decimalScale={minorDigits(currency)}
          thousandSeparator
          hideControls
          placeholder="No quota"
          // The person just asked to edit this cell.
          autoFocus
          onKeyDown={(e) => {
            if (e.key === 'Escape') onDone();
          }}
          {...form.getInputProps('amount')}
          error={form.errors.amount ?? write.problem ?? undefined}
        />
        <ActionIcon type="submit" size="sm" variant="light" aria-label={`Save ${label}`} loading={form.submitting}>
          <IconCheck size={14} aria-hidden />
        </ActionIcon>
        <ActionIcon size="sm" variant="subtle" color="gray" aria-label="Cancel" onClick={onDone}>
          <IconX size={14} aria-hidden />
        </ActionIcon>
      </Group>
      {write.dialog}
    </form>
  );
}

export function QuotaCell(props: Props) {
  const { quota, scope, periodLabel, currency, editable, compact = false, editing, onEditing } = props;
  const full = quota ? formatMoney(quota.amount, currency) : '—';
  const text = quota ? formatMoney(quota.amount, currency, { compact }) : '—';
  if (!editable)
    return (
      <Text size="sm" c={quota ? undefined : 'dimmed'} title={compact && quota ? full : undefined}>
        {text}
      </Text>
    );
  return (
    // Escape is the amount field's (and the stale dialog's); a click elsewhere keeps what is typed.
    <Popover opened={editing} position="bottom-end" withArrow shadow="md" trapFocus returnFocus closeOnEscape={false} closeOnClickOutside={false} withinPortal>
      <Popover.Target>
        <Tooltip label={quota ? `${full}: click to change` : 'Click to set'} openDelay={500} disabled={editing}>
          <UnstyledButton
            onClick={() => onEditing(!editing)}
            aria-label={`${quota ? `Change quota ${full}` : 'Set quota'} for ${scope.name}, ${periodLabel}`}
            aria-expanded={editing}
            px={compact ? 4 : 6}
            py={2}
            style={{
              borderRadius: 4,
              border: `1px ${editing ? 'solid var(--mantine-color-furrow-6)' : 'dashed var(--mantine-color-gray-4)'}`,
              minWidth: compact ? 54 : 90,
              textAlign: 'right',
            }}
          >
            <Text size="sm" c={quota ? undefined : 'dimmed'} span>
              {quota ? text : 'Set'}
            </Text>
          </UnstyledButton>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown p="xs">{editing && <QuotaEditor {...props} onDone={() => onEditing(false)} />}</Popover.Dropdown>
    </Popover>
  );
}
