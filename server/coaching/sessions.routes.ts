// Coaching sessions and their action items.
import {
  ActionItem,
  ActionItemInput,
  ActionItemList,
  ActionItemListQuery,
  ActionItemPatch,
  CoachingSession,
  SessionCreate,
  SessionList,
  SessionListQuery,
  SessionPatch,
} from '../../api/coaching-sessions.js';
import { Deleted, IdParams } from '../../api/common.js';
import { ctxOf } from '../http/auth-hook.js';
import { type App, responses } from '../http/types.js';
import { addActionItem, listActionItems, patchActionItem } from './action-items.service.js';
import { createSession, deleteSession, getSession, listSessions, patchSession } from './sessions.service.js';

export function registerSessionRoutes(app: App): void {
  const tags = ['coaching'];
  app.get(
    '/api/v1/coaching-sessions',
    {
      schema: {
        tags,
        summary: 'Coaching sessions you may see; private notes only for their coach',
        querystring: SessionListQuery,
        response: responses({ 200: SessionList }),
      },
    },
    async (req) => listSessions(ctxOf(req), req.query),
  );
  app.post(
    '/api/v1/coaching-sessions',
    {
      schema: {
        tags,
        summary: 'Schedule (or record) a session with someone you coach, with its skills, deals and action items',
        body: SessionCreate,
        response: responses({ 201: CoachingSession }),
      },
    },
    async (req, reply) => reply.code(201).send(await createSession(ctxOf(req), req.body)),
  );
  app.get(
    '/api/v1/coaching-sessions/:id',
    { schema: { tags, summary: 'A coaching session', params: IdParams, response: responses({ 200: CoachingSession }) } },
    async (req) => getSession(ctxOf(req), req.params.id),
  );
  app.patch(
    '/api/v1/coaching-sessions/:id',
    {
      schema: {
        tags,
        summary: 'Change a session (its coach or an admin): held date, agenda, notes, skills, deals',
        params: IdParams,
        body: SessionPatch,
        response: responses({ 200: CoachingSession }),
      },
    },
    async (req) => patchSession(ctxOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/v1/coaching-sessions/:id',
    { schema: { tags, summary: 'Cancel a session (its coach or an admin)', params: IdParams, response: responses({ 200: Deleted }) } },
    async (req) => {
      await deleteSession(ctxOf(req), req.params.id);
      return { id: req.params.id, deleted: true as const };
    },
  );
  app.post(
    '/api/v1/coaching-sessions/:id/action-items',
    {
      schema: {
        tags,
        summary: 'Add an action item to a session (owner: the coach or the coachee)',
        params: IdParams,
        body: ActionItemInput,
        response: responses({ 201: ActionItem }),
      },
    },
    async (req, reply) => reply.code(201).send(await addActionItem(ctxOf(req), req.params.id, req.body)),
  );
  app.get(
    '/api/v1/action-items',
    {
      schema: {
        tags,
        summary: 'Coaching action items you may see (yours, your coachees’)',
        querystring: ActionItemListQuery,
        response: responses({ 200: ActionItemList }),
      },
    },
    async (req) => listActionItems(ctxOf(req), req.query),
  );
  app.patch(
    '/api/v1/action-items/:id',
    {
      schema: {
        tags,
        summary: 'Tick off (owner or coach) or edit (coach) an action item',
        params: IdParams,
        body: ActionItemPatch,
        response: responses({ 200: ActionItem }),
      },
    },
    async (req) => patchActionItem(ctxOf(req), req.params.id, req.body),
  );
}
