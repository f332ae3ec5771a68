import { Type } from 'typebox';
import { IdParams, Page } from '../../api/common.js';
import { VersionBody } from '../../api/lead-agreements.js';
import {
  Lead,
  LeadAssign,
  LeadBehaviours,
  LeadConversion,
  LeadConvert,
  LeadCreate,
  LeadIntakeResult,
  LeadListQuery,
  LeadPatch,
  LeadReject,
  LeadTouch,
  LeadTransition,
} from '../../api/leads.js';
import { ctxOf } from '../http/auth-hook.js';
import { type App, responses } from '../http/types.js';
import { convertLead } from './lead-convert.service.js';
import { intakeLead } from './lead-intake.service.js';
import { acceptLead, addLeadBehaviours, assignLead, claim, qualifyLead, recycleLead, rejectLead, touchLead } from './lead-work.service.js';
import { deleteLead, getLead, leadHistory, listLeads, updateLeadById } from './leads.service.js';

export function registerLeadRoutes(app: App): void {
  const tags = ['leads'];
  app.get(
    '/api/v1/leads',
    { schema: { tags, summary: 'Leads you can see (queue=mine: your open work)', querystring: LeadListQuery, response: responses({ 200: Page(Lead) }) } },
    async (req) => listLeads(ctxOf(req), req.query),
  );
  app.get('/api/v1/leads/:id', { schema: { tags, params: IdParams, response: responses({ 200: Lead }) } }, async (req) => getLead(ctxOf(req), req.params.id));
  app.get(
    '/api/v1/leads/:id/history',
    {
      schema: {
        tags,
        summary: 'Every status change, oldest first',
        params: IdParams,
        response: responses({ 200: Type.Object({ items: Type.Array(LeadTransition) }) }),
      },
    },
    async (req) => ({ items: await leadHistory(ctxOf(req), req.params.id) }),
  );
  app.post(
    '/api/v1/leads',
    {
      schema: {
        tags,
        summary:
          'Lead intake: scored under the agreement in force, routed when it is an MQL; an open lead with the same email takes the behaviours instead (200, merged)',
        body: LeadCreate,
        response: responses({ 200: LeadIntakeResult, 201: LeadIntakeResult }),
      },
    },
    async (req, reply) => {
      const result = await intakeLead(ctxOf(req), req.body, { via: 'api' });
      return reply.status(result.merged ? 200 : 201).send(result);
    },
  );
  app.patch('/api/v1/leads/:id', { schema: { tags, params: IdParams, body: LeadPatch, response: responses({ 200: Lead }) } }, async (req) =>
    updateLeadById(ctxOf(req), req.params.id, req.body),
  );
  app.delete('/api/v1/leads/:id', { schema: { tags, params: IdParams, response: responses({ 204: Type.Null() }) } }, async (req, reply) => {
    await deleteLead(ctxOf(req), req.params.id);
    return reply.status(204).send(null);
  });
  const versioned = (path: string, summary: string, fn: (ctx: ReturnType<typeof ctxOf>, id: string, version: number) => Promise<Lead>) =>
    app.post(`/api/v1/leads/:id/${path}`, { schema: { tags, summary, params: IdParams, body: VersionBody, response: responses({ 200: Lead }) } }, async (req) =>
      fn(ctxOf(req), req.params.id, req.body.version),
    );
  versioned('accept', 'Accept the MQL (SAL); stops the accept clock', acceptLead);
  versioned('qualify', 'Sales-qualified (SQL) under the agreement’s definition', qualifyLead);
  versioned('recycle', 'Back to marketing for nurturing', recycleLead);
  app.post(
    '/api/v1/leads/:id/reject',
    {
      schema: {
        tags,
        summary: 'Reject with a reason from the agreement’s list (marketing sees it)',
        params: IdParams,
        body: LeadReject,
        response: responses({ 200: Lead }),
      },
    },
    async (req) => rejectLead(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/leads/:id/claim',
    {
      schema: {
        tags,
        summary: 'Take an unclaimed lead of your team; exactly one of concurrent claims wins (409 for the rest)',
        params: IdParams,
        body: Type.Object({}, { additionalProperties: false }),
        response: responses({ 200: Lead }),
      },
    },
    async (req) => claim(ctxOf(req), req.params.id),
  );
  app.post('/api/v1/leads/:id/assign', { schema: { tags, params: IdParams, body: LeadAssign, response: responses({ 200: Lead }) } }, async (req) =>
    assignLead(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/leads/:id/touches',
    {
      schema: {
        tags,
        summary: 'A human touch (call, email, meeting); the first stops the touch clock',
        params: IdParams,
        body: LeadTouch,
        response: responses({ 200: Lead }),
      },
    },
    async (req) => touchLead(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/leads/:id/behaviours',
    {
      schema: {
        tags,
        summary: 'Behaviour from marketing tools; rescored, may become an MQL',
        params: IdParams,
        body: LeadBehaviours,
        response: responses({ 200: Lead }),
      },
    },
    async (req) => addLeadBehaviours(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/leads/:id/convert',
    {
      schema: {
        tags,
        summary: 'Convert an SQL into account, contact and deal (one transaction)',
        params: IdParams,
        body: LeadConvert,
        response: responses({ 200: LeadConversion }),
      },
    },
    async (req) => convertLead(ctxOf(req), req.params.id, req.body),
  );
}
