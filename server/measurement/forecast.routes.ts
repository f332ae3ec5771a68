// The forecast: a person's deals by category and their calls, roll-ups for managers and the CSO,
// submissions, per-deal category overrides by the owner, and accuracy after the period.
import { Type } from 'typebox';
import { Id } from '../../api/common.js';
import {
  AccuracyQuery,
  DealCategorySet,
  ForecastAccuracy,
  ForecastCategory,
  ForecastQuery,
  ForecastView,
  Submission,
  SubmissionCreate,
  SubmissionList,
  SubmissionListQuery,
} from '../../api/measurement-forecast.js';
import { ctxOf } from '../http/auth-hook.js';
import { type App, responses } from '../http/types.js';
import { forecastView, setDealCategory, submissionsOf, submitForecast } from './forecast.service.js';
import { forecastAccuracy } from './forecast-accuracy.service.js';

export function registerForecastRoutes(app: App): void {
  const tags = ['forecast'];
  app.get(
    '/api/v1/forecast',
    {
      schema: {
        tags,
        summary: 'A person’s forecast for a period: deals by category, suggested call, their calls, and for a manager or the CSO the roll-up of their teams',
        querystring: ForecastQuery,
        response: responses({ 200: ForecastView }),
      },
    },
    async (req) => forecastView(ctxOf(req), req.query),
  );
  app.post(
    '/api/v1/forecast/submissions',
    {
      schema: {
        tags,
        summary:
          'Make this week’s call for a period: a rep for their deals, a manager for their teams (the roll-up is kept beside it), the CSO for the workspace',
        body: SubmissionCreate,
        response: responses({ 201: Submission }),
      },
    },
    async (req, reply) => reply.status(201).send(await submitForecast(ctxOf(req), req.body)),
  );
  app.get(
    '/api/v1/forecast/submissions',
    {
      schema: {
        tags,
        summary: 'Every call for a period you may see, newest first',
        querystring: SubmissionListQuery,
        response: responses({ 200: SubmissionList }),
      },
    },
    async (req) => submissionsOf(ctxOf(req), req.query),
  );
  app.put(
    '/api/v1/forecast/deals/:id',
    {
      schema: {
        tags,
        summary: 'The deal owner’s forecast category for an open deal (null: back to its stage’s); kept in the deal’s history',
        params: Type.Object({ id: Id }),
        body: DealCategorySet,
        response: responses({ 200: Type.Object({ dealId: Id, category: Type.Union([ForecastCategory, Type.Null()]) }) }),
      },
    },
    async (req) => setDealCategory(ctxOf(req), req.params.id, req.body.category),
  );
  app.get(
    '/api/v1/forecast/accuracy',
    {
      schema: {
        tags,
        summary: 'After the period closes: accuracy and bias of each person’s call per submission week, and each rep’s commit conversion',
        querystring: AccuracyQuery,
        response: responses({ 200: ForecastAccuracy }),
      },
    },
    async (req) => forecastAccuracy(ctxOf(req), req.query),
  );
}
