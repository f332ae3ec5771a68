// What the import page offers: the record kinds (leads too), the presets of other CRMs' exports and the date
// orders, and when a file is big enough to run as a background job.
import type { ImportDateFormat, ImportEntity, ImportPreset } from '../../../api/imports';
import type { Resource } from '../../app/permissions';

/** Files with more data lines than this run as a background job, so the page can show progress. */
const BACKGROUND_FROM_LINES = 200;

export const runsInBackground = (csv: string) => {
  let n = 0;
  for (let i = csv.indexOf('\n'); i !== -1 && n <= BACKGROUND_FROM_LINES; i = csv.indexOf('\n', i + 1)) n++;
  return n > BACKGROUND_FROM_LINES;
};

export const ENTITIES: { value: ImportEntity; label: string }[] = [
  { value: 'accounts', label: 'Accounts' },
  { value: 'contacts', label: 'Contacts' },
  { value: 'deals', label: 'Deals' },
  { value: 'activities', label: 'Activities' },
  { value: 'leads', label: 'Leads' },
];

/** Who may import each kind (web/app/permissions.ts): leads by marketing and admins, the rest by whoever may create them. */
export const importResource = (entity: ImportEntity): Resource => (entity === 'leads' ? 'lead_imports' : entity);
/** Users and teams: the admin's own import (api/people.ts), listed with the records. */
export const PEOPLE = { value: 'people', label: 'People (users and teams)' } as const;
export type Choice = ImportEntity | 'people';

export const isChoice = (v: string | null | undefined): v is Choice => v === PEOPLE.value || ENTITIES.some((e) => e.value === v);

export const PRESETS: { value: ImportPreset | 'auto'; label: string }[] = [
  { value: 'auto', label: 'Detect automatically' },
  { value: 'furrow', label: 'Furrow export' },
  { value: 'salesforce', label: 'Salesforce' },
  { value: 'hubspot', label: 'HubSpot' },
  { value: 'pipedrive', label: 'Pipedrive' },
];

export const DATE_FORMATS: { value: ImportDateFormat | 'auto'; label: string }[] = [
  { value: 'auto', label: 'Tell from the file' },
  { value: 'DD/MM/YYYY', label: 'Day first: DD/MM/YYYY' },
  { value: 'MM/DD/YYYY', label: 'Month first: MM/DD/YYYY' },
];
