import { describe, expect, it } from 'vitest';
import type { LeadStatus } from '../../../api/leads.js';
import { canMove } from '../../alignment/lifecycle.js';
import { advanceSteps, LEAD_STATUSES, leadSteps, parseLeadStatus, whyLeftAsItIs } from './lead-import-rules.js';

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

describe('a re-imported row against the lead Furrow has', () => {
  const dates = { createdAt: T0, mqlAt: T0 + DAY, sqlAt: T0 + 30 * DAY };
  const file = leadSteps('sql', dates).steps;

  it('advances from where Furrow is, with the file’s dates; an undated step takes Furrow’s last instant', () => {
    expect(advanceSteps('mql', T0 + 2 * DAY, file, dates)).toEqual({
      problem: null,
      steps: [
        { to: 'accepted', at: T0 + 2 * DAY },
        { to: 'sql', at: T0 + 30 * DAY },
      ],
    });
    const rejected = leadSteps('rejected', { createdAt: T0, closedAt: T0 + 9 * DAY });
    expect(advanceSteps('accepted', T0 + 3 * DAY, rejected.steps, { createdAt: T0, closedAt: T0 + 9 * DAY }).steps).toEqual([
      { to: 'rejected', at: T0 + 9 * DAY },
    ]);
  });

  it('leaves a lead that is level with the file, ahead of it, or on another branch as it is', () => {
    expect(advanceSteps('sql', T0 + 30 * DAY, file, dates).steps).toEqual([]);
    expect(advanceSteps('converted', T0 + 40 * DAY, file, dates).steps).toEqual([]);
    expect(advanceSteps('rejected', T0 + 2 * DAY, file, dates).steps).toEqual([]);
    expect(advanceSteps('recycled', T0 + 2 * DAY, leadSteps('mql', dates).steps, dates).steps).toEqual([]);
  });

  it('says why a row that moves nothing was left alone: behind, a road Furrow ended, or another branch', () => {
    expect(whyLeftAsItIs('sql', 'sql')).toBeNull();
    expect(whyLeftAsItIs('sql', 'accepted')).toContain('the file is behind');
    expect(whyLeftAsItIs('rejected', 'mql')).toContain('the file is behind');
    expect(whyLeftAsItIs('converted', 'rejected')).toContain('a converted lead is not moved by a file');
    expect(whyLeftAsItIs('recycled', 'mql')).toContain('the file is behind');
    expect(whyLeftAsItIs('recycled', 'converted')).toContain('a recycled lead qualifies again on new behaviour');
    expect(whyLeftAsItIs('rejected', 'sql')).toBe(
      "Furrow has the lead as rejected, the file as an SQL: the lifecycle does not lead from rejected to an SQL, so Furrow's history stands",
    );
  });

  it('explains every row it leaves alone except the ones level with Furrow', () => {
    for (const current of LEAD_STATUSES) {
      for (const target of LEAD_STATUSES) {
        const steps = leadSteps(target, { createdAt: T0 }).steps;
        if (advanceSteps(current, T0, steps, { createdAt: T0 }).steps.length > 0) continue;
        expect(whyLeftAsItIs(current, target) === null, `${current} ← ${target}`).toBe(current === target);
      }
    }
  });

  it('names the column of a step the file dates before Furrow’s last one', () => {
    expect(advanceSteps('accepted', T0 + 31 * DAY, file, dates)).toEqual({
      steps: [],
      problem: { field: 'sqlAt', message: "lies before the lead's last step in Furrow (2026-02-15)" },
    });
  });

  it('always walks the lifecycle from Furrow’s status and never dates a step before Furrow’s history', () => {
    for (const current of LEAD_STATUSES) {
      for (const target of LEAD_STATUSES) {
        for (const latest of [T0, T0 + 5 * DAY, T0 + 60 * DAY]) {
          const path = leadSteps(target, { createdAt: T0, acceptedAt: T0 + 2 * DAY, closedAt: T0 + 50 * DAY });
          const { steps, problem } = advanceSteps(current, latest, path.steps, { createdAt: T0, acceptedAt: T0 + 2 * DAY, closedAt: T0 + 50 * DAY });
          let from = current;
          for (const s of steps) {
            expect(canMove(from, s.to), `${current} → ${target}: ${from} → ${s.to}`).toBe(true);
            expect(s.at).toBeGreaterThanOrEqual(latest);
            from = s.to;
          }
          if (problem) expect(steps).toEqual([]);
        }
      }
    }
  });
});
