import { expect, it } from 'vitest';
import type { LeadStatus } from '../../../api/leads.js';
import { canMove } from '../../alignment/lifecycle.js';
import { LEAD_STATUSES, leadSteps, parseLeadStatus } from './lead-import-rules.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 15, 11);

it('reads the status words of Salesforce, HubSpot and Furrow without case or punctuation', () => {
  expect(parseLeadStatus('Open - Not Contacted')).toBe('mql');
  expect(parseLeadStatus('working – contacted')).toBe('accepted');
  expect(parseLeadStatus('Closed - Converted')).toBe('converted');
  expect(parseLeadStatus('CLOSED - NOT CONVERTED')).toBe('rejected');
  expect(parseLeadStatus('Marketing Qualified Lead')).toBe('mql');
  expect(parseLeadStatus('salesqualifiedlead')).toBe('sql');
  expect(parseLeadStatus('Customer')).toBe('converted');
  expect(parseLeadStatus('Other')).toBe('recycled');
  for (const status of LEAD_STATUSES) expect(parseLeadStatus(status)).toBe(status);
  expect(parseLeadStatus('Sleeping')).toBeNull();
});

it('dates each step by its column, else by the step before, along the lifecycle', () => {
  expect(leadSteps('converted', { createdAt: T0, sqlAt: T0 + 10 * DAY, convertedAt: T0 + 20 * DAY })).toEqual({
    problem: null,
    steps: [
      { to: 'new', at: T0 },
      { to: 'mql', at: T0 },
      { to: 'accepted', at: T0 },
      { to: 'sql', at: T0 + 10 * DAY },
      { to: 'converted', at: T0 + 20 * DAY },
    ],
  });
  // Every step of these paths is a move the lifecycle allows, and the path ends at the status.
  const statuses: LeadStatus[] = ['new', 'mql', 'accepted', 'sql', 'converted', 'rejected'];
  for (const status of statuses) {
    const { steps } = leadSteps(status, { createdAt: T0, acceptedAt: T0 + DAY });
    const moves = steps.slice(1).map((s, i) => canMove((steps[i] as { to: LeadStatus }).to, s.to));
    expect(moves.every(Boolean), status).toBe(true);
    expect(steps.at(-1)?.to).toBe(status);
  }
  // Dates beyond the status are left aside: the status is where the lead is now.
  expect(leadSteps('mql', { createdAt: T0, mqlAt: T0 + DAY, sqlAt: T0 + 2 * DAY }).steps.map((s) => s.to)).toEqual(['new', 'mql']);
  // A recycled lead goes as far as its dates show.
  expect(leadSteps('recycled', { createdAt: T0 }).steps.map((s) => s.to)).toEqual(['new', 'recycled']);
  expect(leadSteps('recycled', { createdAt: T0, sqlAt: T0 + DAY, closedAt: T0 + 2 * DAY }).steps).toEqual([
    { to: 'new', at: T0 },
    { to: 'mql', at: T0 },
    { to: 'accepted', at: T0 },
    { to: 'sql', at: T0 + DAY },
    { to: 'recycled', at: T0 + 2 * DAY },
  ]);
});

it('names the column of a date that lies before the step it follows', () => {
  expect(leadSteps('converted', { createdAt: T0, convertedAt: T0 - DAY })).toEqual({
    steps: [],
    problem: { field: 'convertedAt', message: 'lies before the created date (2026-01-15)' },
  });
  expect(leadSteps('sql', { createdAt: T0, mqlAt: T0 + 5 * DAY, sqlAt: T0 + 2 * DAY }).problem).toEqual({
    field: 'sqlAt',
    message: 'lies before the MQL date (2026-01-20)',
  });
});
