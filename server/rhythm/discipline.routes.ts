// The discipline index and cramming by quarter, for the Year page.
import { Type } from 'typebox';
import { CrammingByQuarter, DisciplineHeadline, DisciplineIndex, DisciplineQuery, YearQuery } from '../../api/discipline.js';
import { ctxOf } from '../http/auth-hook.js';
import { type App, responses } from '../http/types.js';
import { crammingFor, disciplineHeadlineFor, disciplineIndexFor } from './discipline.service.js';

export function registerDisciplineRoutes(app: App): void {
  const tags = ['rhythm'];
  app.get(
    '/api/v1/discipline-index',
    {
      schema: {
        tags,
        summary:
          'The discipline index per week or month of a fiscal year: a 0–100 score per discipline and overall, per team (and the workspace for an admin), a team’s people, one person (userId), or a rep’s own, with weights, inputs, fading and below start; with headline=true only each scope’s headline (DisciplineHeadline)',
        querystring: DisciplineQuery,
        // The headline first: it carries `headline: true`, which the full index never matches.
        response: responses({ 200: Type.Union([DisciplineHeadline, DisciplineIndex]) }),
      },
    },
    async (req) => (req.query.headline ? disciplineHeadlineFor(ctxOf(req), req.query) : disciplineIndexFor(ctxOf(req), req.query)),
  );
  app.get(
    '/api/v1/cramming',
    {
      schema: {
        tags,
        summary: 'The cramming index by fiscal quarter over three years, per team (and the workspace for an admin)',
        querystring: YearQuery,
        response: responses({ 200: CrammingByQuarter }),
      },
    },
    async (req) => crammingFor(ctxOf(req), req.query),
  );
}
