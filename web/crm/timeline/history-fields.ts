// How a history row reads: field names people know, values formatted like the rest of the app.
import { formatCalendarDate, formatMoney } from '../../app/format';

const LABELS: Record<string, string> = {
  name: 'Name',
  amount: 'Amount',
  currency: 'Currency',
  close_date: 'Close date',
  owner_id: 'Owner',
  stage_id: 'Stage',
  status: 'Status',
  lost_reason: 'Lost reason',
  account_id: 'Account',
  contact_id: 'Contact',
  source: 'Source',
  campaign: 'Campaign',
  next_step: 'Next step',
  external_id: 'External id',
  domain: 'Domain',
  industry: 'Industry',
  size: 'Employees',
  country: 'Country',
  shared: 'Shared',
  first_name: 'First name',
  last_name: 'Last name',
  email: 'Email',
  phone: 'Phone',
  title: 'Title',
  deleted: 'Deleted',
};

const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export function fieldLabel(field: string): string {
  if (field.startsWith('custom.'))
    return field
      .slice(7)
      .replace(/_/g, ' ')
      .replace(/^./, (c) => c.toUpperCase());
  return LABELS[snake(field)] ?? field.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

/** One side of a change; `label` is the server's readable name where the raw value is an id. */
export function fieldValue(field: string, raw: string | null, label: string | null, currency: string | null): string {
  if (label) return label;
  if (raw === null || raw === '') return '—';
  switch (snake(field)) {
    case 'amount':
      return currency && /^\d+$/.test(raw) ? formatMoney(Number(raw), currency) : raw;
    case 'close_date':
      return formatCalendarDate(raw);
    case 'shared':
    case 'deleted':
      return raw === '1' || raw === 'true' ? 'Yes' : 'No';
    case 'status':
      return raw.charAt(0).toUpperCase() + raw.slice(1);
    default:
      return raw;
  }
}

export const isStageField = (field: string) => snake(field) === 'stage_id';
