import { Type } from 'typebox';
import { Campaign, CampaignCreate, CampaignList, CampaignPatch } from '../../api/campaigns.js';
import { IdParams } from '../../api/common.js';
import { ctxOf } from '../http/auth-hook.js';
import { type App, responses } from '../http/types.js';
import { createCampaign, deleteCampaign, getCampaign, listCampaigns, updateCampaignById } from './campaigns.service.js';

export function registerCampaignRoutes(app: App): void {
  const tags = ['campaigns'];
  app.get('/api/v1/campaigns', { schema: { tags, response: responses({ 200: CampaignList }) } }, async (req) => ({ items: await listCampaigns(ctxOf(req)) }));
  app.get('/api/v1/campaigns/:id', { schema: { tags, params: IdParams, response: responses({ 200: Campaign }) } }, async (req) =>
    getCampaign(ctxOf(req), req.params.id),
  );
  app.post('/api/v1/campaigns', { schema: { tags, body: CampaignCreate, response: responses({ 201: Campaign }) } }, async (req, reply) =>
    reply.status(201).send(await createCampaign(ctxOf(req), req.body)),
  );
  app.patch('/api/v1/campaigns/:id', { schema: { tags, params: IdParams, body: CampaignPatch, response: responses({ 200: Campaign }) } }, async (req) =>
    updateCampaignById(ctxOf(req), req.params.id, req.body),
  );
  app.delete('/api/v1/campaigns/:id', { schema: { tags, params: IdParams, response: responses({ 204: Type.Null() }) } }, async (req, reply) => {
    await deleteCampaign(ctxOf(req), req.params.id);
    return reply.status(204).send(null);
  });
}
