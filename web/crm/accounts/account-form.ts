import { type Account, AccountCreate } from '../../../api/accounts';
import { schemaErrors } from '../../components/schema-errors';
import { type CustomFormValues, customBody, customChanged, customFormValues, describeCustom } from '../shared/custom-values';

export interface AccountValues extends Record<string, unknown> {
  name: string;
  domain: string;
  industry: string;
  size: number | string;
  country: string;
  ownerId: string;
  shared: boolean;
  custom: CustomFormValues;
}

export const ACCOUNT_LABELS = {
  name: 'Name',
  domain: 'Website domain',
  industry: 'Industry',
  size: 'Employees',
  country: 'Country',
  ownerId: 'Owner',
  shared: 'Shared with every rep',
  custom: 'Custom fields',
} as const satisfies Record<keyof AccountValues & string, string>;

export const ACCOUNT_FIELDS = Object.keys(ACCOUNT_LABELS);

export function accountValues(a: Account | null, ownerId: string): AccountValues {
  return {
    name: a?.name ?? '',
    domain: a?.domain ?? '',
    industry: a?.industry ?? '',
    size: a?.size ?? '',
    country: a?.country ?? '',
    ownerId: a?.ownerId ?? ownerId,
    shared: a?.shared ?? false,
    custom: customFormValues(a?.custom),
  };
}

const text = (s: string) => (s.trim() === '' ? null : s.trim());

export function accountBody(v: AccountValues): AccountCreate {
  return {
    name: v.name,
    domain: text(v.domain),
    industry: text(v.industry),
    size: v.size === '' ? null : Number(v.size),
    country: text(v.country),
    ownerId: v.ownerId,
    shared: v.shared,
    custom: customBody(v.custom),
  };
}

/** Only what changed, so a save never overwrites a field the person did not touch. */
export function accountPatch(v: AccountValues, base: AccountValues): Partial<AccountCreate> {
  const { custom: _custom, ...next } = accountBody(v);
  const before = accountBody(base);
  const custom = customChanged(v.custom, base.custom);
  return {
    ...Object.fromEntries(Object.entries(next).filter(([k, value]) => JSON.stringify(value) !== JSON.stringify(before[k as keyof AccountCreate]))),
    ...(custom && { custom }),
  };
}

export const validateAccount = (v: AccountValues) => schemaErrors(AccountCreate, accountBody(v));

export function describeAccount(a: Account, field: keyof AccountValues & string): string {
  switch (field) {
    case 'ownerId':
      return a.ownerName;
    case 'shared':
      return a.shared ? 'Yes' : 'No';
    case 'custom':
      return describeCustom(a.custom);
    default: {
      const value = a[field as keyof Account];
      return value === null || value === undefined || value === '' ? '—' : String(value);
    }
  }
}
