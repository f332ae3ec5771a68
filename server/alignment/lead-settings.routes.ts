import { LeadSettings, LeadSettingsPut } from '../../api/lead-settings.js';
import { ctxOf } from '../http/auth-hook.js';
import { type App, responses } from '../http/types.js';
import { getLeadSettings, putLeadSettings } from './lead-settings.service.js';

export function registerLeadSettingsRoutes(app: App): void {
  const tags = ['leads'];
  app.get(
    '/api/v1/lead-settings',
    { schema: { tags, summary: 'Routing, business hours and reassignment on SLA breach', response: responses({ 200: LeadSettings }) } },
    async (req) => getLeadSettings(ctxOf(req)),
  );
  app.put(
    '/api/v1/lead-settings',
    { schema: { tags, summary: 'Admin only; send the version you read', body: LeadSettingsPut, response: responses({ 200: LeadSettings }) } },
    async (req) => putLeadSettings(ctxOf(req), req.body),
  );
}
