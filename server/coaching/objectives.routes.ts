// Coaching objectives with verified effect.
import { CoachingObjective, ObjectiveCreate, ObjectiveList, ObjectiveListQuery, ObjectivePatch } from '../../api/coaching-objectives.js';
import { IdParams } from '../../api/common.js';
import { ctxOf } from '../http/auth-hook.js';
import { type App, responses } from '../http/types.js';
import { createObjective, getObjective, listObjectives, patchObjective } from './objectives.service.js';

export function registerObjectiveRoutes(app: App): void {
  const tags = ['coaching'];
  app.get(
    '/api/v1/coaching-objectives',
    {
      schema: {
        tags,
        summary: 'Coaching objectives you may see, each with its status and, once reviewed, the verified effect',
        querystring: ObjectiveListQuery,
        response: responses({ 200: ObjectiveList }),
      },
    },
    async (req) => listObjectives(ctxOf(req), req.query),
  );
  app.post(
    '/api/v1/coaching-objectives',
    {
      schema: {
        tags,
        summary: 'Set an objective for someone you coach: skill, KPI, target and review date (the baseline is taken now)',
        body: ObjectiveCreate,
        response: responses({ 201: CoachingObjective }),
      },
    },
    async (req, reply) => reply.code(201).send(await createObjective(ctxOf(req), req.body)),
  );
  app.get(
    '/api/v1/coaching-objectives/:id',
    { schema: { tags, summary: 'A coaching objective', params: IdParams, response: responses({ 200: CoachingObjective }) } },
    async (req) => getObjective(ctxOf(req), req.params.id),
  );
  app.patch(
    '/api/v1/coaching-objectives/:id',
    {
      schema: {
        tags,
        summary: 'Change an objective’s target, review date or note, or archive it (send the version you read)',
        params: IdParams,
        body: ObjectivePatch,
        response: responses({ 200: CoachingObjective }),
      },
    },
    async (req) => patchObjective(ctxOf(req), req.params.id, req.body),
  );
}
