import { type Deal, DealCreate } from '../../../api/deals';
import { formatCalendarDate, formatMoney, majorToMinor, minorToMajor } from '../../app/format';
import { schemaErrors } from '../../components/schema-errors';

export interface DealValues extends Record<string, unknown> {
  name: string;
  accountId: string | null;
  contactId: string | null;
  ownerId: string;
  /** Major units, as a person types it (1,250.50); sent as minor units. */
  amount: number | string;
  currency: string;
  closeDate: string | null;
  source: string;
  campaign: string;
  nextStep: string;
}

export const DEAL_LABELS = {
  name: 'Deal name',
  accountId: 'Account',
  contactId: 'Contact',
  ownerId: 'Owner',
  amount: 'Amount',
  currency: 'Currency',
  closeDate: 'Expected close date',
  source: 'Source',
  campaign: 'Campaign',
  nextStep: 'Next step',
} as const satisfies Record<keyof DealValues & string, string>;

export const DEAL_FIELDS = Object.keys(DEAL_LABELS);

export interface DealDefaults {
  ownerId: string;
  currency: string;
  accountId?: string | null;
  contactId?: string | null;
}

export function dealValues(d: Deal | null, defaults: DealDefaults): DealValues {
  return {
    name: d?.name ?? '',
    accountId: d ? d.accountId : (defaults.accountId ?? null),
    contactId: d ? d.contactId : (defaults.contactId ?? null),
    ownerId: d?.ownerId ?? defaults.ownerId,
    amount: d ? minorToMajor(d.amount, d.currency) : '',
    currency: d?.currency ?? defaults.currency,
    closeDate: d?.closeDate ?? null,
    source: d?.source ?? '',
    campaign: d?.campaign ?? '',
    nextStep: d?.nextStep ?? '',
  };
}

const text = (s: string) => (s.trim() === '' ? null : s.trim());

export function dealBody(v: DealValues): DealCreate {
  const amount = v.amount === '' ? undefined : (majorToMinor(v.amount, v.currency) ?? undefined);
  return {
    name: v.name,
    accountId: v.accountId,
    contactId: v.contactId,
    ownerId: v.ownerId,
    ...(amount === undefined ? {} : { amount }),
    currency: v.currency,
    ...(v.closeDate ? { closeDate: v.closeDate } : {}),
    source: text(v.source),
    campaign: text(v.campaign),
    nextStep: text(v.nextStep),
  } as DealCreate;
}

export function dealPatch(v: DealValues, base: DealValues): Partial<DealCreate> {
  const next = dealBody(v) as unknown as Record<string, unknown>;
  const before = dealBody(base) as unknown as Record<string, unknown>;
  return Object.fromEntries(Object.entries(next).filter(([k, value]) => JSON.stringify(value) !== JSON.stringify(before[k])));
}

export const validateDeal = (v: DealValues) => schemaErrors(DealCreate, dealBody(v));

export function describeDeal(d: Deal, field: keyof DealValues & string): string {
  switch (field) {
    case 'ownerId':
      return d.ownerName;
    case 'accountId':
      return d.accountName ?? '—';
    case 'contactId':
      return d.contactName ?? '—';
    case 'amount':
      return formatMoney(d.amount, d.currency);
    case 'closeDate':
      return formatCalendarDate(d.closeDate);
    default: {
      const value = d[field as keyof Deal];
      return value === null || value === undefined || value === '' ? '—' : String(value);
    }
  }
}
