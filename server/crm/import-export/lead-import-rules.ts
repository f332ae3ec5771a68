// How a lead export of another CRM becomes Furrow's lead lifecycle: its status words (Salesforce's
// Lead Status, HubSpot's Lifecycle Stage) onto new → MQL → accepted → SQL → converted, rejected or
// recycled, and its dates onto the history steps, so the funnel of a past year reads as it happened.
// Pure.
import type { LeadStatus } from '../../../api/leads.js';
import { canMove } from '../../alignment/lifecycle.js';

export const LEAD_STATUSES: readonly LeadStatus[] = ['new', 'mql', 'accepted', 'rejected', 'sql', 'converted', 'recycled'];

const key = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Status words of the standard exports (compared without case, spacing or punctuation). */
const WORDS: Record<string, LeadStatus> = {
  // Salesforce's default Lead Status picklist, and its common variants.
  'open not contacted': 'mql',
  'working contacted': 'accepted',
  'closed converted': 'converted',
  'closed not converted': 'rejected',
  working: 'accepted',
  contacted: 'accepted',
  nurturing: 'recycled',
  nurture: 'recycled',
  qualified: 'sql',
  unqualified: 'rejected',
  disqualified: 'rejected',
  // HubSpot's lifecycle stages, by label and by internal value.
  subscriber: 'new',
  lead: 'new',
  'marketing qualified lead': 'mql',
  marketingqualifiedlead: 'mql',
  'sales accepted lead': 'accepted',
  salesacceptedlead: 'accepted',
  'sales qualified lead': 'sql',
  salesqualifiedlead: 'sql',
  opportunity: 'converted',
  customer: 'converted',
  evangelist: 'converted',
  other: 'recycled',
  // Furrow's own words.
  new: 'new',
  open: 'new',
  mql: 'mql',
  sal: 'accepted',
  accepted: 'accepted',
  sql: 'sql',
  rejected: 'rejected',
  converted: 'converted',
  recycled: 'recycled',
};

/** The Furrow status a file's status word means; null when it is not one Furrow knows. */
export function parseLeadStatus(text: string): LeadStatus | null {
  return WORDS[key(text)] ?? null;
}

/** The dates a row gives for its lifecycle steps (any may be missing). */
export interface LeadDates {
  createdAt: number;
  mqlAt?: number | undefined;
  acceptedAt?: number | undefined;
  sqlAt?: number | undefined;
  convertedAt?: number | undefined;
  /** When it was rejected or recycled. */
  closedAt?: number | undefined;
}

export interface LeadStep {
  to: LeadStatus;
  at: number;
}

/** The date field that dates each step. */
export const STEP_FIELD: Record<LeadStatus, keyof LeadDates> = {
  new: 'createdAt',
  mql: 'mqlAt',
  accepted: 'acceptedAt',
  sql: 'sqlAt',
  converted: 'convertedAt',
  rejected: 'closedAt',
  recycled: 'closedAt',
};

const FORWARD: readonly LeadStatus[] = ['new', 'mql', 'accepted', 'sql', 'converted'];

/**
 * The history steps that lead to `status`, each dated by its own column or, when the file has none,
 * by the step before it (the earliest it can have happened). A rejected lead was an MQL (and
 * accepted when the file dates that); a recycled one went as far as its dates show. Dates beyond
 * the status are not used: the status is where the lead is now. `problem` names the column of a
 * date that lies before the step it follows.
 */
export function leadSteps(status: LeadStatus, dates: LeadDates): { steps: LeadStep[]; problem: { field: keyof LeadDates; message: string } | null } {
  let path: LeadStatus[];
  if (status === 'rejected') path = dates.acceptedAt !== undefined ? ['new', 'mql', 'accepted', 'rejected'] : ['new', 'mql', 'rejected'];
  else if (status === 'recycled') {
    const reached = dates.sqlAt !== undefined ? 3 : dates.acceptedAt !== undefined ? 2 : dates.mqlAt !== undefined ? 1 : 0;
    path = [...FORWARD.slice(0, reached + 1), 'recycled'];
  } else path = FORWARD.slice(0, FORWARD.indexOf(status) + 1);

  const steps: LeadStep[] = [];
  let previous: { at: number; field: keyof LeadDates } = { at: dates.createdAt, field: 'createdAt' };
  for (const to of path) {
    const field = STEP_FIELD[to];
    const given = dates[field];
    if (given !== undefined && given < previous.at) {
      return { steps: [], problem: { field, message: `lies before the ${LABEL[previous.field]} (${new Date(previous.at).toISOString().slice(0, 10)})` } };
    }
    const at = given ?? previous.at;
    steps.push({ to, at });
    previous = given !== undefined ? { at, field } : previous;
  }
  return { steps, problem: null };
}

const LABEL: Record<keyof LeadDates, string> = {
  createdAt: 'created date',
  mqlAt: 'MQL date',
  acceptedAt: 'accepted date',
  sqlAt: 'SQL date',
  convertedAt: 'converted date',
  closedAt: 'closing date',
};

/**
 * What a file row does to a lead Furrow already has (status `current`, last history row at
 * `latestAt`): the file's steps past the last one Furrow's status shares with them, through the
 * lifecycle. Empty when the file is not ahead: a status behind Furrow's, or on a branch the
 * lifecycle cannot reach from it, is left as it is (Furrow's history wins, the lead never goes
 * back). A converted or recycled lead is not moved by a file: recycling ends a road, and a
 * recycled lead qualifies again on new behaviour, not on an old export's dates. Each step keeps the
 * file's date but cannot precede Furrow's history: an undated step takes the lead's last instant,
 * a date the file gives that lies before it is that column's problem.
 */
export function advanceSteps(
  current: LeadStatus,
  latestAt: number,
  fileSteps: readonly LeadStep[],
  dates: LeadDates,
): { steps: LeadStep[]; problem: { field: keyof LeadDates; message: string } | null } {
  if (current === 'converted' || current === 'recycled') return { steps: [], problem: null };
  const from = fileSteps.findIndex((s, i) => i > 0 && canMove(current, s.to));
  if (from < 0) return { steps: [], problem: null };
  const steps: LeadStep[] = [];
  for (const step of fileSteps.slice(from)) {
    const field = STEP_FIELD[step.to];
    if (step.at >= latestAt) steps.push(step);
    else if (dates[field] === step.at) {
      return { steps: [], problem: { field, message: `lies before the lead's last step in Furrow (${new Date(latestAt).toISOString().slice(0, 10)})` } };
    } else steps.push({ to: step.to, at: latestAt });
  }
  return { steps, problem: null };
}

const STATUS_WORD: Record<LeadStatus, string> = {
  new: 'new',
  mql: 'an MQL',
  accepted: 'accepted (SAL)',
  rejected: 'rejected',
  sql: 'an SQL',
  converted: 'converted',
  recycled: 'recycled',
};

/** The statuses a lead passes through on its way to each status (the recycled road excepted). */
const BEFORE: Record<LeadStatus, readonly LeadStatus[]> = {
  new: [],
  mql: ['new'],
  accepted: ['new', 'mql'],
  rejected: ['new', 'mql', 'accepted'],
  sql: ['new', 'mql', 'accepted'],
  converted: ['new', 'mql', 'accepted', 'sql'],
  recycled: ['new', 'mql', 'accepted', 'rejected', 'sql'],
};

/**
 * Why a re-imported row moved nothing (advanceSteps gave no step), for the import report: the
 * importer otherwise reads "unchanged" as "the file was ignored". Null when the file has the lead
 * where Furrow has it, so there is nothing to explain.
 */
export function whyLeftAsItIs(current: LeadStatus, fileStatus: LeadStatus): string | null {
  if (current === fileStatus) return null;
  const furrow = `Furrow has the lead as ${STATUS_WORD[current]}, the file as ${STATUS_WORD[fileStatus]}`;
  if (BEFORE[current].includes(fileStatus)) return `${furrow}: the file is behind, and a lead is never moved back (it was worked in Furrow since)`;
  if (current === 'converted') return `${furrow}: a converted lead is not moved by a file`;
  if (current === 'recycled') return `${furrow}: a recycled lead qualifies again on new behaviour, not on an export's dates`;
  return `${furrow}: the lifecycle does not lead from ${STATUS_WORD[current]} to ${STATUS_WORD[fileStatus]}, so Furrow's history stands`;
}
