// Test fixtures of alignment (test-only): agreement terms and putting an agreement in force.
import { expect } from 'vitest';
import type { AgreementTerms } from '../../api/lead-agreements.js';
import type { TestUser, TestWorkspace } from '../test/test-env.js';

export const TERMS: AgreementTerms = {
  fit: [
    { id: 'software', label: 'Software company', field: 'industry', values: ['Software'], points: 30 },
    { id: 'mid', label: '50–2000 employees', field: 'companySize', min: 50, max: 2000, points: 20 },
    { id: 'leader', label: 'Sales leader', field: 'title', values: ['vp', 'head of sales', 'cso'], points: 10 },
  ],
  behaviours: [
    { id: 'demo', label: 'Asked for a demo', event: 'demo_request', points: 40 },
    { id: 'pricing', label: 'Visited pricing', event: 'pricing_page', points: 5, maxTimes: 2 },
  ],
  mqlThreshold: 60,
  salDefinition: 'A real person at a company that fits, reachable',
  sqlDefinition: 'Budget, need and a next meeting agreed',
  rejectionReasons: ['Not a fit', 'Duplicate', 'Student or job seeker', 'Unreachable'],
  sla: { acceptWithinHours: 4, firstTouchWithinHours: 1, attempts: 3, attemptsWithinDays: 5 },
  commitments: [{ segment: 'mid', mqlsPerMonth: 40 }],
};

/** Drafts, proposes and has both sides approve; returns the agreement in force. */
export async function agreementInForce(w: TestWorkspace, marketing: TestUser, terms: AgreementTerms = TERMS): Promise<{ id: string; number: number }> {
  const draft = await w.as(marketing).post('/api/v1/lead-agreements', { terms });
  expect(draft.status, JSON.stringify(draft.body)).toBe(201);
  const proposed = await w.as(marketing).post(`/api/v1/lead-agreements/${draft.body.id}/propose`, { version: draft.body.version });
  const approved = await w.as(marketing).post(`/api/v1/lead-agreements/${draft.body.id}/approve`, { version: proposed.body.version });
  const inForce = await w.as(w.admin).post(`/api/v1/lead-agreements/${draft.body.id}/approve`, { version: approved.body.version });
  expect(inForce.body.status, JSON.stringify(inForce.body)).toBe('in_force');
  return { id: inForce.body.id, number: inForce.body.number };
}

export const HOT_LEAD = {
  email: 'dana@acme-soft.example',
  firstName: 'Dana',
  lastName: 'Buyer',
  company: 'Acme Soft',
  title: 'VP Sales',
  industry: 'Software',
  companySize: 300,
  behaviours: [{ event: 'demo_request' }],
};
