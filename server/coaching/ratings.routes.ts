// Skill ratings and the skill profile.
import { RatingCreate, SkillProfile, SkillRating, UserParams } from '../../api/coaching-ratings.js';
import { ctxOf } from '../http/auth-hook.js';
import { type App, responses } from '../http/types.js';
import { rateSkill, skillProfile } from './ratings.service.js';

export function registerRatingRoutes(app: App): void {
  const tags = ['coaching'];
  app.post(
    '/api/v1/skill-ratings',
    {
      schema: {
        tags,
        summary: 'Rate a skill of someone you coach (recorded with the skill-model version)',
        body: RatingCreate,
        response: responses({ 201: SkillRating }),
      },
    },
    async (req, reply) => reply.code(201).send(await rateSkill(ctxOf(req), req.body)),
  );
  app.get(
    '/api/v1/skill-profiles/:userId',
    {
      schema: {
        tags,
        summary: 'A person’s skill profile: latest level per skill with its history',
        params: UserParams,
        response: responses({ 200: SkillProfile }),
      },
    },
    async (req) => skillProfile(ctxOf(req), req.params.userId),
  );
}
