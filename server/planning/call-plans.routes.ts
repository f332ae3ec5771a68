import { Type } from 'typebox';
import {
  CallPlan,
  CallPlanCreate,
  CallPlanDebriefPut,
  CallPlanList,
  CallPlanListQuery,
  CallPlanPatch,
  CallPlanReview,
  CallPlanTemplate,
  CallPlanTemplatePut,
  MeetingTypeParams,
} from '../../api/call-plans.js';
import { IdParams } from '../../api/common.js';
import { PlannedMeetings, PlannedMeetingsQuery } from '../../api/planned-meetings.js';
import { ctxOf } from '../http/auth-hook.js';
import { type App, responses } from '../http/types.js';
import { createCallPlan, getCallPlan, listCallPlans, reviewCallPlan, updateCallPlan } from './call-plans.service.js';
import { debriefCallPlan } from './debrief.service.js';
import { listPlannedMeetings } from './meetings.service.js';
import { listTemplates, putTemplate } from './templates.service.js';

export function registerCallPlanRoutes(app: App): void {
  const tags = ['call plans'];
  app.get(
    '/api/v1/call-plans',
    {
      schema: {
        tags,
        summary: 'Call plans you can see, by deal, meeting, owner or status; latest meeting first',
        querystring: CallPlanListQuery,
        response: responses({ 200: CallPlanList }),
      },
    },
    async (req) => listCallPlans(ctxOf(req), req.query),
  );
  app.get('/api/v1/call-plans/:id', { schema: { tags, params: IdParams, response: responses({ 200: CallPlan }) } }, async (req) =>
    getCallPlan(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/v1/call-plans',
    {
      schema: {
        tags,
        summary: "Plan a meeting on a deal; left-out parts start from the meeting type's template and the deal's qualification gaps",
        body: CallPlanCreate,
        response: responses({ 201: CallPlan }),
      },
    },
    async (req, reply) => reply.status(201).send(await createCallPlan(ctxOf(req), req.body)),
  );
  app.patch(
    '/api/v1/call-plans/:id',
    {
      schema: {
        tags,
        summary: 'Edit the plan or mark it ready; editing a reviewed plan sends it back to ready. Send the version you read (409 if stale)',
        params: IdParams,
        body: CallPlanPatch,
        response: responses({ 200: CallPlan }),
      },
    },
    async (req) => updateCallPlan(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/call-plans/:id/review',
    {
      schema: {
        tags,
        summary: "A manager of the plan's owner reviews a ready plan, with a comment",
        params: IdParams,
        body: CallPlanReview,
        response: responses({ 200: CallPlan }),
      },
    },
    async (req) => reviewCallPlan(ctxOf(req), req.params.id, req.body),
  );
  app.put(
    '/api/v1/call-plans/:id/debrief',
    {
      schema: {
        tags,
        summary: "Debrief after the meeting: objective met, commitment secured, what was learned, and the deal's qualification updated in the same step",
        params: IdParams,
        body: CallPlanDebriefPut,
        response: responses({ 200: CallPlan }),
      },
    },
    async (req) => debriefCallPlan(ctxOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/v1/call-plan-templates',
    { schema: { tags, summary: 'The template of each meeting type', response: responses({ 200: Type.Object({ items: Type.Array(CallPlanTemplate) }) }) } },
    async (req) => ({ items: await listTemplates(ctxOf(req)) }),
  );
  app.put(
    '/api/v1/call-plan-templates/:meetingType',
    {
      schema: {
        tags,
        summary: "Admins edit a meeting type's template (version 0 the first time)",
        params: MeetingTypeParams,
        body: CallPlanTemplatePut,
        response: responses({ 200: CallPlanTemplate }),
      },
    },
    async (req) => putTemplate(ctxOf(req), req.params.meetingType, req.body),
  );
  app.get(
    '/api/v1/planned-meetings',
    {
      schema: {
        tags,
        summary: 'Meetings in a window (default: the next 7 days from today) with their plan state and reminders',
        querystring: PlannedMeetingsQuery,
        response: responses({ 200: PlannedMeetings }),
      },
    },
    async (req) => listPlannedMeetings(ctxOf(req), req.query),
  );
}
