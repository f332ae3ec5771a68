// The fields a CSV column can be mapped to, per entity. The labels are also the headers of
// Furrow's own export, so an exported file maps itself on the way back in.
// Deals, accounts and contacts also take a column per custom field of the workspace (custom.<key>, or its label).
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

type Spec = readonly [label: string, kind: FieldKind, max?: number];

/**
 * Every built-in field once, by key: its label (the export header), its kind and the longest text
 * the API takes. An entity lists the keys it has; a key means the same in every entity.
 */
const SPECS = {
  id: ['Id', 'text', 64],
  name: ['Name', 'text', 200],
  firstName: ['First Name', 'text', 100],
  lastName: ['Last Name', 'text', 100],
  fullName: ['Full Name', 'text', 201],
  email: ['Email', 'text', 254],
  phone: ['Phone', 'text', 50],
  title: ['Title', 'text', 120],
  company: ['Company', 'text', 200],
  domain: ['Domain', 'text', 200],
  industry: ['Industry', 'text', 100],
  size: ['Size', 'integer'],
  companySize: ['Company Size', 'integer'],
  country: ['Country', 'text', 100],
  segment: ['Segment', 'text', 60],
  owner: ['Owner', 'owner'],
  shared: ['Shared', 'boolean'],
  accountId: ['Account Id', 'link'],
  account: ['Account', 'link'],
  accountExternalId: ['Account External ID', 'link'],
  contactId: ['Contact Id', 'link'],
  contact: ['Contact', 'link'],
  dealId: ['Deal Id', 'link'],
  deal: ['Deal', 'link'],
  dealExternalId: ['Deal External ID', 'link'],
  pipeline: ['Pipeline', 'text'],
  stage: ['Stage', 'text'],
  status: ['Status', 'text'],
  amount: ['Amount', 'money'],
  currency: ['Currency', 'currency'],
  closeDate: ['Close Date', 'date'],
  closedAt: ['Closed At', 'instant'],
  lostReason: ['Lost Reason', 'text', 200],
  rejectionReason: ['Rejection Reason', 'text', 200],
  source: ['Source', 'text', 100],
  campaign: ['Campaign', 'text', 200],
  nextStep: ['Next Step', 'text', 500],
  mqlAt: ['MQL At', 'instant'],
  acceptedAt: ['Accepted At', 'instant'],
  sqlAt: ['SQL At', 'instant'],
  convertedAt: ['Converted At', 'instant'],
  type: ['Type', 'text'],
  subject: ['Subject', 'text', 300],
  body: ['Body', 'text', 20_000],
  occurredAt: ['Occurred At', 'instant'],
  occurredTime: ['Time', 'time'],
  durationMinutes: ['Duration Minutes', 'duration'],
  completed: ['Completed', 'boolean'],
  externalId: ['External ID', 'text', 200],
  createdAt: ['Created At', 'instant'],
} satisfies Record<string, Spec>;

type FieldKey = keyof typeof SPECS;

/** The fields a file must map, in whichever entity has them. */
const REQUIRED: ReadonlySet<FieldKey> = new Set(['name', 'closeDate', 'type', 'subject', 'occurredAt']);

/** The words of a space-separated list, as a union: each must be a FieldKey (see fieldsNamed). */
type Words<S extends string> = S extends `${infer Word} ${infer Rest}` ? Word | Words<Rest> : S;

/**
 * An entity's fields in column order, named in one line of keys (a key that is not in SPECS does
 * not compile); `own` gives a key another meaning in this entity alone.
 */
function fieldsNamed<S extends string>(
  keys: S & (Words<S> extends FieldKey ? unknown : never),
  own: Partial<Record<FieldKey, Spec>> = {},
): readonly FieldDef[] {
  return (keys.split(' ') as FieldKey[]).map((key) => {
    const [label, kind, max]: Spec = own[key] ?? SPECS[key];
    return { key, label, kind, required: REQUIRED.has(key), ...(max !== undefined && { max }) };
  });
}

export const FIELDS: Record<ImportEntity, readonly FieldDef[]> = {
  accounts: fieldsNamed('id name domain industry size country owner shared externalId createdAt'),
  contacts: fieldsNamed('id firstName lastName fullName email phone title accountId account accountExternalId owner externalId createdAt'),
  deals: fieldsNamed(
    'id name accountId account accountExternalId contactId contact owner pipeline stage status amount currency closeDate closedAt lostReason source campaign nextStep externalId createdAt',
  ),
  // Marketing's lead history from another CRM: the lifecycle status and the date of each step. A
  // lead's campaign is one Furrow has (matched by name), where a deal's is the file's text. The deal
  // a converted lead became: by Furrow id, by the other CRM's opportunity id, or by name.
  leads: fieldsNamed(
    'firstName lastName email company domain title industry companySize country segment source campaign owner status rejectionReason createdAt mqlAt acceptedAt sqlAt convertedAt closedAt externalId dealId dealExternalId deal',
    { campaign: ['Campaign', 'link'] },
  ),
  activities: fieldsNamed(
    'id type subject body occurredAt occurredTime durationMinutes completed dealId deal dealExternalId contactId contact accountId account owner externalId createdAt',
  ),
};

/**
 * The policy row that says who may import an entity: the entity's own create reach, except for
 * leads, which only marketing and admins bring in (a rep may create a lead, not import a year of them).
 */
export function importResource(entity: ImportEntity): Resource {
  return entity === 'leads' ? 'lead_imports' : entity;
}

/** The kind of custom field an entity's records carry; null for entities without custom fields. */
export const CUSTOM_ENTITY = { deals: 'deal', accounts: 'account', contacts: 'contact', activities: null, leads: null } as const satisfies Record<
  ImportEntity,
  string | null
>;

/**
 * The fields of an entity in this workspace: the built-in ones, then (deals, accounts, contacts) one
 * per custom field, keyed custom.<key> and labelled with the admin's label.
 */
export function fieldsOf(entity: ImportEntity, custom: readonly CustomFieldDef[]): readonly FieldDef[] {
  if (CUSTOM_ENTITY[entity] === null || custom.length === 0) return FIELDS[entity];
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
