import { type Contact, ContactCreate } from '../../../api/contacts';
import { schemaErrors } from '../../components/schema-errors';
import { type CustomFormValues, customBody, customChanged, customFormValues, describeCustom } from '../shared/custom-values';

export interface ContactValues extends Record<string, unknown> {
  firstName: string;
  lastName: string;
  title: string;
  email: string;
  phone: string;
  accountId: string | null;
  ownerId: string;
  custom: CustomFormValues;
}

export const CONTACT_LABELS = {
  firstName: 'First name',
  lastName: 'Last name',
  title: 'Job title',
  email: 'Email',
  phone: 'Phone',
  accountId: 'Account',
  ownerId: 'Owner',
  custom: 'Custom fields',
} as const satisfies Record<keyof ContactValues & string, string>;

export const CONTACT_FIELDS = Object.keys(CONTACT_LABELS);

export function contactValues(c: Contact | null, defaults: { ownerId: string; accountId?: string | null }): ContactValues {
  return {
    firstName: c?.firstName ?? '',
    lastName: c?.lastName ?? '',
    title: c?.title ?? '',
    email: c?.email ?? '',
    phone: c?.phone ?? '',
    accountId: c ? c.accountId : (defaults.accountId ?? null),
    ownerId: c?.ownerId ?? defaults.ownerId,
    custom: customFormValues(c?.custom),
  };
}

const text = (s: string) => (s.trim() === '' ? null : s.trim());

export function contactBody(v: ContactValues): ContactCreate {
  return {
    firstName: v.firstName,
    lastName: v.lastName,
    title: text(v.title),
    email: text(v.email),
    phone: text(v.phone),
    accountId: v.accountId,
    ownerId: v.ownerId,
    custom: customBody(v.custom),
  };
}

export function contactPatch(v: ContactValues, base: ContactValues): Partial<ContactCreate> {
  const { custom: _custom, ...next } = contactBody(v);
  const before = contactBody(base);
  const custom = customChanged(v.custom, base.custom);
  return {
    ...Object.fromEntries(Object.entries(next).filter(([k, value]) => JSON.stringify(value) !== JSON.stringify(before[k as keyof ContactCreate]))),
    ...(custom && { custom }),
  };
}

export const validateContact = (v: ContactValues) => schemaErrors(ContactCreate, contactBody(v));

export function describeContact(c: Contact, field: keyof ContactValues & string): string {
  if (field === 'ownerId') return c.ownerName;
  if (field === 'accountId') return c.accountName ?? '—';
  if (field === 'custom') return describeCustom(c.custom);
  const value = c[field as keyof Contact];
  return value === null || value === undefined || value === '' ? '—' : String(value);
}
