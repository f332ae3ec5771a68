// Coaching relationships with their cadence status; explicit ones are set by an admin.
import { CoachingRelationship, RelationshipCreate, RelationshipList, RelationshipListQuery, RelationshipPatch } from '../../api/coaching-relationships.js';
import { Deleted, IdParams } from '../../api/common.js';
import { ctxOf } from '../http/auth-hook.js';
import { type App, responses } from '../http/types.js';
import { createRelationship, endRelationship, listRelationships, patchRelationship } from './relationships.service.js';

export function registerRelationshipRoutes(app: App): void {
  const tags = ['coaching'];
  app.get(
    '/api/v1/coaching-relationships',
    {
      schema: {
        tags,
        summary: 'Coaching relationships you may see (defaults from the team tree and explicit ones) with cadence status',
        querystring: RelationshipListQuery,
        response: responses({ 200: RelationshipList }),
      },
    },
    async (req) => listRelationships(ctxOf(req), req.query),
  );
  app.post(
    '/api/v1/coaching-relationships',
    {
      schema: {
        tags,
        summary: 'Add an explicit coaching relationship (admin): an outside coach, the CSO’s coach, another cadence',
        body: RelationshipCreate,
        response: responses({ 201: CoachingRelationship }),
      },
    },
    async (req, reply) => reply.code(201).send(await createRelationship(ctxOf(req), req.body)),
  );
  app.patch(
    '/api/v1/coaching-relationships/:id',
    {
      schema: {
        tags,
        summary: 'Change an explicit relationship’s cadence or note (admin)',
        params: IdParams,
        body: RelationshipPatch,
        response: responses({ 200: CoachingRelationship }),
      },
    },
    async (req) => patchRelationship(ctxOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/v1/coaching-relationships/:id',
    {
      schema: {
        tags,
        summary: 'End an explicit relationship (admin); a default pair returns to its default cadence',
        params: IdParams,
        response: responses({ 200: Deleted }),
      },
    },
    async (req) => {
      await endRelationship(ctxOf(req), req.params.id);
      return { id: req.params.id, deleted: true as const };
    },
  );
}
