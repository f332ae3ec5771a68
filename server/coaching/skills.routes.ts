// The skill model: GET the current (or a given) version, PUT a new version (admin).
import { SkillModel, SkillModelPut, SkillModelVersionQuery } from '../../api/coaching-skills.js';
import { ctxOf } from '../http/auth-hook.js';
import { type App, responses } from '../http/types.js';
import { getSkillModel, putSkillModel } from './skills.service.js';

export function registerSkillRoutes(app: App): void {
  const tags = ['coaching'];
  app.get(
    '/api/v1/skill-model',
    {
      schema: {
        tags,
        summary: 'The skill model (skills with their rubric levels); the current version unless one is named',
        querystring: SkillModelVersionQuery,
        response: responses({ 200: SkillModel }),
      },
    },
    async (req) => getSkillModel(ctxOf(req), req.query.version),
  );
  app.put(
    '/api/v1/skill-model',
    {
      schema: {
        tags,
        summary: 'Replace the skill model with a new version (admin); send the version you edited',
        body: SkillModelPut,
        response: responses({ 200: SkillModel }),
      },
    },
    async (req) => putSkillModel(ctxOf(req), req.body),
  );
}
