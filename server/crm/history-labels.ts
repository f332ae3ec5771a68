// Pure: how a history row's field and values read for a person. The timeline sends these, so every
// client shows the same words and none has to know the storage keys.

const FIELD_LABELS: Record<string, string> = {
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
  deal_id: 'Deal',
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

const humanise = (key: string) => key.replace(/[_.]/g, ' ').replace(/^./, (c) => c.toUpperCase());

/** A core column's or custom field's name; `customLabels` holds the workspace's custom field labels by key. */
export function coreFieldLabel(column: string, customLabels: ReadonlyMap<string, string>): string {
  if (column.startsWith('custom.')) {
    const key = column.slice('custom.'.length);
    return customLabels.get(key) ?? humanise(key);
  }
  return FIELD_LABELS[column] ?? humanise(column);
}

/** A checklist row holds the item's label when ticked and null when not: it reads as the tick. */
export const checklistValueLabel = (value: string | null) => (value === null ? 'Not done' : 'Done');

/** A qualification row holds "<score>" or "<score> — <evidence>" (scores are 0–3). */
export function qualificationValueLabel(value: string | null): string {
  if (value === null) return 'Not scored';
  const m = /^(\d+)(?: — ([\s\S]*))?$/.exec(value);
  if (!m) return value;
  return m[2] ? `${m[1]} of 3 — ${m[2]}` : `${m[1]} of 3`;
}
