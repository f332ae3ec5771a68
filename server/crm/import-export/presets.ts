// Column names of the standard exports of Salesforce (report exports with labels, Data Loader /
// weekly export with API names), HubSpot (property labels) and Pipedrive ("Entity - Field"
// headers, old and current spellings), mapped to Furrow fields. Headers compare without case.
// The furrow preset is our own export's header row, so an export always imports back.
import type { ImportEntity, ImportPreset } from '../../../api/imports.js';
import { FIELDS } from './fields.js';

type HeaderMap = Record<string, string>;

/** Expands { field: [header, …] } into { header: field }. */
function headers(byField: Record<string, readonly string[]>): HeaderMap {
  const map: HeaderMap = {};
  for (const [field, names] of Object.entries(byField)) for (const name of names) map[name] = field;
  return map;
}

const SALESFORCE: Record<ImportEntity, HeaderMap> = {
  accounts: headers({
    externalId: ['Account ID', 'Id'],
    name: ['Account Name', 'Name'],
    domain: ['Website'],
    industry: ['Industry'],
    size: ['Employees', 'NumberOfEmployees'],
    country: ['Billing Country', 'BillingCountry'],
    owner: ['Account Owner'],
    createdAt: ['Created Date', 'CreatedDate'],
  }),
  contacts: headers({
    externalId: ['Contact ID', 'Id'],
    firstName: ['First Name', 'FirstName'],
    lastName: ['Last Name', 'LastName'],
    email: ['Email'],
    phone: ['Phone'],
    title: ['Title'],
    account: ['Account Name'],
    accountExternalId: ['Account ID', 'AccountId'],
    owner: ['Contact Owner'],
    createdAt: ['Created Date', 'CreatedDate'],
  }),
  deals: headers({
    externalId: ['Opportunity ID', 'Id'],
    name: ['Opportunity Name', 'Name'],
    account: ['Account Name'],
    accountExternalId: ['Account ID', 'AccountId'],
    amount: ['Amount'],
    currency: ['Amount Currency', 'Opportunity Currency', 'CurrencyIsoCode'],
    closeDate: ['Close Date', 'CloseDate'],
    stage: ['Stage', 'StageName'],
    owner: ['Opportunity Owner'],
    createdAt: ['Created Date', 'CreatedDate'],
    source: ['Lead Source', 'LeadSource'],
    campaign: ['Primary Campaign Source'],
    nextStep: ['Next Step', 'NextStep'],
    lostReason: ['Loss Reason', 'Closed Lost Reason'],
  }),
  // The Lead report export (labels) and Data Loader / weekly export (API names). Salesforce keeps no
  // MQL or SQL date of its own; the usual custom fields' labels are listed.
  leads: headers({
    externalId: ['Lead ID', 'Id'],
    firstName: ['First Name', 'FirstName'],
    lastName: ['Last Name', 'LastName'],
    email: ['Email'],
    company: ['Company', 'Company / Account'],
    domain: ['Website'],
    title: ['Title'],
    industry: ['Industry'],
    companySize: ['No. of Employees', 'Employees', 'NumberOfEmployees'],
    country: ['Country', 'Country (Address)'],
    source: ['Lead Source', 'LeadSource'],
    campaign: ['Campaign', 'Campaign Name', 'Primary Campaign Source'],
    owner: ['Lead Owner'],
    status: ['Lead Status', 'Status'],
    rejectionReason: ['Unqualified Reason', 'Disqualified Reason'],
    createdAt: ['Created Date', 'CreatedDate'],
    mqlAt: ['MQL Date'],
    acceptedAt: ['SAL Date', 'Accepted Date'],
    sqlAt: ['SQL Date'],
    convertedAt: ['Converted Date', 'ConvertedDate'],
    closedAt: ['Last Modified Date', 'LastModifiedDate'],
    dealExternalId: ['Converted Opportunity ID', 'ConvertedOpportunityId'],
    deal: ['Converted Opportunity', 'Converted Opportunity Name'],
  }),
  activities: headers({
    externalId: ['Activity ID', 'Id'],
    subject: ['Subject'],
    type: ['Type', 'Task Subtype', 'TaskSubtype', 'Task/Event'],
    occurredAt: ['Date', 'Due Date', 'ActivityDate', 'Start', 'StartDateTime'],
    owner: ['Assigned', 'Assigned To'],
    body: ['Comments', 'Full Comments', 'Description'],
    completed: ['Status'],
    durationMinutes: ['Duration', 'DurationInMinutes'],
    account: ['Company / Account', 'Account Name'],
    contact: ['Contact', 'Contact Name'],
    deal: ['Opportunity', 'Opportunity Name'],
    createdAt: ['Created Date', 'CreatedDate'],
  }),
};

const HUBSPOT: Record<ImportEntity, HeaderMap> = {
  accounts: headers({
    externalId: ['Record ID', 'Company ID'],
    name: ['Company name'],
    domain: ['Company Domain Name', 'Website URL'],
    industry: ['Industry'],
    size: ['Number of Employees'],
    country: ['Country/Region', 'Country'],
    owner: ['Company owner'],
    createdAt: ['Create Date'],
  }),
  contacts: headers({
    externalId: ['Record ID', 'Contact ID'],
    firstName: ['First Name'],
    lastName: ['Last Name'],
    email: ['Email'],
    phone: ['Phone Number'],
    title: ['Job Title'],
    account: ['Associated Company', 'Company Name'],
    owner: ['Contact owner'],
    createdAt: ['Create Date'],
  }),
  deals: headers({
    externalId: ['Record ID', 'Deal ID'],
    name: ['Deal Name'],
    amount: ['Amount'],
    currency: ['Currency', 'Deal currency code'],
    closeDate: ['Close Date'],
    stage: ['Deal Stage'],
    pipeline: ['Pipeline'],
    owner: ['Deal owner'],
    createdAt: ['Create Date'],
    lostReason: ['Closed Lost Reason'],
    account: ['Associated Company'],
    contact: ['Associated Contact'],
    source: ['Original Source Type', 'Original Traffic Source'],
  }),
  // The contacts (or leads) export: lifecycle stage and the "Became a … Date" of each stage.
  leads: headers({
    externalId: ['Record ID', 'Contact ID'],
    firstName: ['First Name'],
    lastName: ['Last Name'],
    email: ['Email'],
    company: ['Company Name'],
    domain: ['Website URL', 'Company Domain Name'],
    title: ['Job Title'],
    industry: ['Industry'],
    companySize: ['Number of Employees'],
    country: ['Country/Region', 'Country'],
    source: ['Original Source', 'Original Source Type', 'Original Traffic Source'],
    campaign: ['Campaign'],
    owner: ['Contact owner', 'Lead owner'],
    status: ['Lifecycle Stage'],
    createdAt: ['Create Date'],
    mqlAt: ['Became a Marketing Qualified Lead Date'],
    acceptedAt: ['Became a Sales Accepted Lead Date'],
    sqlAt: ['Became a Sales Qualified Lead Date'],
    convertedAt: ['Became an Opportunity Date', 'Became a Customer Date'],
    closedAt: ['Became an Other Lifecycle Date', 'Last Modified Date'],
    dealExternalId: ['Associated Deal IDs', 'Associated Deal ID'],
    deal: ['Associated Deal'],
  }),
  activities: headers({
    externalId: ['Record ID', 'Activity ID'],
    type: ['Activity type', 'Activity Type'],
    occurredAt: ['Activity date', 'Meeting start time', 'Due date'],
    owner: ['Activity assigned to', 'Assigned to'],
    subject: ['Subject', 'Call Title', 'Meeting name', 'Task Title', 'Email subject'],
    body: ['Call notes', 'Meeting description', 'Note body', 'Notes', 'Email body', 'Body preview'],
    completed: ['Task status'],
    deal: ['Associated Deal'],
    contact: ['Associated Contact'],
    account: ['Associated Company'],
    createdAt: ['Create Date'],
  }),
};

const PIPEDRIVE: Record<ImportEntity, HeaderMap> = {
  accounts: headers({
    externalId: ['Organization - ID', 'Organization - Pipedrive System ID'],
    name: ['Organization - Name'],
    domain: ['Organization - Website'],
    industry: ['Organization - Industry'],
    size: ['Organization - Number of employees', 'Organization - Employee count'],
    country: ['Organization - Address - Country of Address', 'Organization - Country'],
    owner: ['Organization - Owner'],
    createdAt: ['Organization - Organization created', 'Organization - Creation date', 'Organization - Add time'],
  }),
  contacts: headers({
    externalId: ['Person - ID', 'Person - Pipedrive System ID'],
    fullName: ['Person - Name'],
    firstName: ['Person - First name'],
    lastName: ['Person - Last name'],
    email: ['Person - Email', 'Person - Email - Work', 'Person - Email (Work)', 'Person - Email - Other', 'Person - Email - Home'],
    phone: ['Person - Phone', 'Person - Phone - Work', 'Person - Phone (Work)', 'Person - Phone - Mobile', 'Person - Phone - Other'],
    title: ['Person - Job title'],
    account: ['Person - Organization', 'Organization name', 'Organization'],
    owner: ['Person - Owner'],
    createdAt: ['Person - Person created', 'Person - Creation date', 'Person - Add time'],
  }),
  deals: headers({
    externalId: ['Deal - ID', 'Deal - Pipedrive System ID'],
    name: ['Deal - Title'],
    amount: ['Deal - Value'],
    currency: ['Deal - Currency', 'Deal - Currency of value', 'Deal - Currency of Value'],
    account: ['Deal - Organization', 'Organization'],
    contact: ['Deal - Contact person', 'Contact person'],
    owner: ['Deal - Owner'],
    pipeline: ['Deal - Pipeline'],
    stage: ['Deal - Stage', 'Deal - Stage (pipeline)'],
    status: ['Deal - Status'],
    closeDate: ['Deal - Expected close date'],
    closedAt: ['Deal - Won time', 'Deal - Lost time', 'Deal - Closed on', 'Deal - Close time', 'Deal - Deal closed on'],
    lostReason: ['Deal - Lost reason'],
    createdAt: ['Deal - Deal created', 'Deal - Creation date', 'Deal - Add time'],
    source: ['Deal - Source', 'Deal - Lead Source', 'Deal - Source channel'],
  }),
  // Pipedrive's leads inbox has no lifecycle export; its people go in as contacts.
  leads: {},
  activities: headers({
    externalId: ['Activity - ID', 'Activity - Pipedrive System ID'],
    subject: ['Activity - Subject'],
    type: ['Activity - Type'],
    occurredAt: ['Activity - Due date'],
    occurredTime: ['Activity - Due time'],
    durationMinutes: ['Activity - Duration'],
    completed: ['Activity - Done'],
    body: ['Activity - Note'],
    owner: ['Activity - Assigned to user', 'Activity - Owner'],
    deal: ['Activity - Deal', 'Deal'],
    account: ['Activity - Organization', 'Organization'],
    contact: ['Activity - Contact person', 'Contact person'],
    createdAt: ['Activity - Creation date', 'Activity - Add time'],
  }),
};

const FURROW = Object.fromEntries(Object.entries(FIELDS).map(([entity, defs]) => [entity, Object.fromEntries(defs.map((d) => [d.label, d.key]))])) as Record<
  ImportEntity,
  HeaderMap
>;

export const PRESETS: Record<ImportPreset, Record<ImportEntity, HeaderMap>> = {
  furrow: FURROW,
  salesforce: SALESFORCE,
  hubspot: HUBSPOT,
  pipedrive: PIPEDRIVE,
};

export const PRESET_NAMES = Object.keys(PRESETS) as ImportPreset[];
