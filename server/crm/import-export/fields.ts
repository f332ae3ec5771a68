// The fields a CSV column can be mapped to, per entity. The labels are also the headers of
// Furrow's own export, so an exported file maps itself on the way back in.
// Deals also take a column per custom field of the workspace (custom.<key>, or its label).
import type { ImportEntity } from '../../../api/imports.js';
import { normaliseHeader } from '../../../lib/csv.js';
import type { Resource } from '../../identity/policy.js';
import type { CustomFieldDef } from '../custom-values.js';

export type FieldKind = 'text' | 'date' | 'instant' | 'money' | 'integer' | 'boolean' | 'currency' | 'duration' | 'time' | 'owner' | 'link' | 'custom';

export interface FieldDef {
  key: string;
  label: string;
  /** A column for it must be mapped. */
  required: boolean;
  kind: FieldKind;
  /** Longest accepted text, from the API contract. */
  max?: number;
  /** A workspace-defined deal field (kind 'custom'); its values follow the field's type. */
  custom?: CustomFieldDef;
}

export const CUSTOM_PREFIX = 'custom.';

/** Longest custom text value, as in the API contract. */
export const CUSTOM_TEXT_MAX = 2000;

const f = (key: string, label: string, kind: FieldKind, options: { required?: boolean; max?: number } = {}): FieldDef => ({
  key,
  label,
  kind,
  required: options.required ?? false,
  ...(options.max !== undefined && { max: options.max }),
});

export const FIELDS: Record<ImportEntity, readonly FieldDef[]> = {
  accounts: [
    f('id', 'Id', 'text', { max: 64 }),
    f('name', 'Name', 'text', { required: true, max: 200 }),
    f('domain', 'Domain', 'text', { max: 200 }),
    f('industry', 'Industry', 'text', { max: 100 }),
    f('size', 'Size', 'integer'),
    f('country', 'Country', 'text', { max: 100 }),
    f('owner', 'Owner', 'owner'),
    f('shared', 'Shared', 'boolean'),
    f('externalId', 'External ID', 'text', { max: 200 }),
    f('createdAt', 'Created At', 'instant'),
  ],
  contacts: [
    f('id', 'Id', 'text', { max: 64 }),
    f('firstName', 'First Name', 'text', { max: 100 }),
    f('lastName', 'Last Name', 'text', { max: 100 }),
    f('fullName', 'Full Name', 'text', { max: 201 }),
    f('email', 'Email', 'text', { max: 254 }),
    f('phone', 'Phone', 'text', { max: 50 }),
    f('title', 'Title', 'text', { max: 120 }),
    f('accountId', 'Account Id', 'link'),
    f('account', 'Account', 'link'),
    f('accountExternalId', 'Account External ID', 'link'),
    f('owner', 'Owner', 'owner'),
    f('externalId', 'External ID', 'text', { max: 200 }),
    f('createdAt', 'Created At', 'instant'),
  ],
  deals: [
    f('id', 'Id', 'text', { max: 64 }),
    f('name', 'Name', 'text', { required: true, max: 200 }),
    f('accountId', 'Account Id', 'link'),
    f('account', 'Account', 'link'),
    f('accountExternalId', 'Account External ID', 'link'),
    f('contactId', 'Contact Id', 'link'),
    f('contact', 'Contact', 'link'),
    f('owner', 'Owner', 'owner'),
    f('pipeline', 'Pipeline', 'text'),
    f('stage', 'Stage', 'text'),
    f('status', 'Status', 'text'),
    f('amount', 'Amount', 'money'),
    f('currency', 'Currency', 'currency'),
    f('closeDate', 'Close Date', 'date', { required: true }),
    f('closedAt', 'Closed At', 'instant'),
    f('lostReason', 'Lost Reason', 'text', { max: 200 }),
    f('source', 'Source', 'text', { max: 100 }),
    f('campaign', 'Campaign', 'text', { max: 200 }),
    f('nextStep', 'Next Step', 'text', { max: 500 }),
    f('externalId', 'External ID', 'text', { max: 200 }),
    f('createdAt', 'Created At', 'instant'),
  ],
  // Marketing's lead history from another CRM: the lifecycle status and the date of each step.
  leads: [
    f('firstName', 'First Name', 'text', { max: 100 }),
    f('lastName', 'Last Name', 'text', { max: 100 }),
    f('email', 'Email', 'text', { max: 254 }),
    f('company', 'Company', 'text', { max: 200 }),
    f('domain', 'Domain', 'text', { max: 200 }),
    f('title', 'Title', 'text', { max: 120 }),
    f('industry', 'Industry', 'text', { max: 100 }),
    f('companySize', 'Company Size', 'integer'),
    f('country', 'Country', 'text', { max: 100 }),
    f('segment', 'Segment', 'text', { max: 60 }),
    f('source', 'Source', 'text', { max: 100 }),
    f('campaign', 'Campaign', 'link'),
    f('owner', 'Owner', 'owner'),
    f('status', 'Status', 'text'),
    f('rejectionReason', 'Rejection Reason', 'text', { max: 200 }),
    f('createdAt', 'Created At', 'instant'),
    f('mqlAt', 'MQL At', 'instant'),
    f('acceptedAt', 'Accepted At', 'instant'),
    f('sqlAt', 'SQL At', 'instant'),
    f('convertedAt', 'Converted At', 'instant'),
    f('closedAt', 'Closed At', 'instant'),
    f('externalId', 'External ID', 'text', { max: 200 }),
    // The deal a converted lead became: by Furrow id, by the other CRM's opportunity id, or by name.
    f('dealId', 'Deal Id', 'link'),
    f('dealExternalId', 'Deal External ID', 'link'),
    f('deal', 'Deal', 'link'),
  ],
  activities: [
    f('id', 'Id', 'text', { max: 64 }),
    f('type', 'Type', 'text', { required: true }),
    f('subject', 'Subject', 'text', { required: true, max: 300 }),
    f('body', 'Body', 'text', { max: 20_000 }),
    f('occurredAt', 'Occurred At', 'instant', { required: true }),
    f('occurredTime', 'Time', 'time'),
    f('durationMinutes', 'Duration Minutes', 'duration'),
    f('completed', 'Completed', 'boolean'),
    f('dealId', 'Deal Id', 'link'),
    f('deal', 'Deal', 'link'),
    f('dealExternalId', 'Deal External ID', 'link'),
    f('contactId', 'Contact Id', 'link'),
    f('contact', 'Contact', 'link'),
    f('accountId', 'Account Id', 'link'),
    f('account', 'Account', 'link'),
    f('owner', 'Owner', 'owner'),
    f('externalId', 'External ID', 'text', { max: 200 }),
    f('createdAt', 'Created At', 'instant'),
  ],
};

/**
 * The policy row that says who may import an entity: the entity's own create reach, except for
 * leads, which only marketing and admins bring in (a rep may create a lead, not import a year of them).
 */
export function importResource(entity: ImportEntity): Resource {
  return entity === 'leads' ? 'lead_imports' : entity;
}

/**
 * The fields of an entity in this workspace: the built-in ones, then (deals only) one per custom
 * field, keyed custom.<key> and labelled with the admin's label.
 */
export function fieldsOf(entity: ImportEntity, custom: readonly CustomFieldDef[]): readonly FieldDef[] {
  if (entity !== 'deals' || custom.length === 0) return FIELDS[entity];
  return [...FIELDS[entity], ...custom.map((d): FieldDef => ({ key: `${CUSTOM_PREFIX}${d.key}`, label: d.label, kind: 'custom', required: false, custom: d }))];
}

/**
 * The export header of a custom field: its label, unless that label could also be read as another
 * column (a built-in field's key or label, another custom field's label); then custom.<key>, which
 * always maps back to it.
 */
export function columnHeader(field: FieldDef, fields: readonly FieldDef[]): string {
  if (!field.custom) return field.label;
  const label = normaliseHeader(field.label);
  const clash = fields.some((other) => other !== field && (normaliseHeader(other.key) === label || normaliseHeader(other.label) === label));
  return clash || label === '' ? field.key : field.label;
}
