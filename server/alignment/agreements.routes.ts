import { IdParams } from '../../api/common.js';
import { LeadAgreement, LeadAgreementCreate, LeadAgreementList, LeadAgreementPatch, VersionBody } from '../../api/lead-agreements.js';
import { ctxOf } from '../http/auth-hook.js';
import { type App, responses } from '../http/types.js';
import {
  approveAgreement,
  createAgreement,
  getAgreement,
  listAgreements,
  proposeAgreement,
  updateAgreementById,
  withdrawAgreement,
} from './agreements.service.js';

export function registerAgreementRoutes(app: App): void {
  const tags = ['lead agreement'];
  app.get(
    '/api/v1/lead-agreements',
    { schema: { tags, summary: 'Every version of the lead agreement, newest first', response: responses({ 200: LeadAgreementList }) } },
    async (req) => ({ items: await listAgreements(ctxOf(req)) }),
  );
  app.get('/api/v1/lead-agreements/:id', { schema: { tags, params: IdParams, response: responses({ 200: LeadAgreement }) } }, async (req) =>
    getAgreement(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/v1/lead-agreements',
    { schema: { tags, summary: 'Draft a new version', body: LeadAgreementCreate, response: responses({ 201: LeadAgreement }) } },
    async (req, reply) => reply.status(201).send(await createAgreement(ctxOf(req), req.body)),
  );
  app.patch(
    '/api/v1/lead-agreements/:id',
    { schema: { tags, summary: 'Edit a draft (409 if stale)', params: IdParams, body: LeadAgreementPatch, response: responses({ 200: LeadAgreement }) } },
    async (req) => updateAgreementById(ctxOf(req), req.params.id, req.body),
  );
  const action = (path: string, summary: string, fn: typeof proposeAgreement) =>
    app.post(
      `/api/v1/lead-agreements/:id/${path}`,
      { schema: { tags, summary, params: IdParams, body: VersionBody, response: responses({ 200: LeadAgreement }) } },
      async (req) => fn(ctxOf(req), req.params.id, req.body.version),
    );
  action('propose', 'Propose a draft for approval by both sides', proposeAgreement);
  action('withdraw', 'Take a proposal back to draft (approvals drop)', withdrawAgreement);
  action(
    'approve',
    'Approve for your side (admin/manager: sales; marketing: marketing). The second side to approve puts it in force and supersedes the previous version',
    approveAgreement,
  );
}
