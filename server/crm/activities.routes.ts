import { Type } from 'typebox';
import { Activity, ActivityCreate, ActivityListQuery, ActivityPatch } from '../../api/activities.js';
import { IdParams, Page } from '../../api/common.js';
import { ctxOf } from '../http/auth-hook.js';
import { type App, responses } from '../http/types.js';
import { createActivity, deleteActivity, getActivity, listActivities, updateActivityById } from './activities.service.js';

export function registerActivityRoutes(app: App): void {
  const tags = ['activities'];
  app.get(
    '/api/v1/activities',
    {
      schema: {
        tags,
        summary: 'Activities you can see, filtered, sorted (newest first by default) and paged',
        querystring: ActivityListQuery,
        response: responses({ 200: Page(Activity) }),
      },
    },
    async (req) => listActivities(ctxOf(req), req.query),
  );
  app.get('/api/v1/activities/:id', { schema: { tags, params: IdParams, response: responses({ 200: Activity }) } }, async (req) =>
    getActivity(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/v1/activities',
    {
      schema: {
        tags,
        summary: 'Log or schedule an activity; a deal brings its account (and contact) along',
        body: ActivityCreate,
        response: responses({ 201: Activity }),
      },
    },
    async (req, reply) => reply.status(201).send(await createActivity(ctxOf(req), req.body)),
  );
  app.patch(
    '/api/v1/activities/:id',
    {
      schema: {
        tags,
        summary: 'Change fields; send the version you read (409 if stale)',
        params: IdParams,
        body: ActivityPatch,
        response: responses({ 200: Activity }),
      },
    },
    async (req) => updateActivityById(ctxOf(req), req.params.id, req.body),
  );
  app.delete('/api/v1/activities/:id', { schema: { tags, params: IdParams, response: responses({ 204: Type.Null() }) } }, async (req, reply) => {
    await deleteActivity(ctxOf(req), req.params.id);
    return reply.status(204).send(null);
  });
}
