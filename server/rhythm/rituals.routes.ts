// Rituals of the operating rhythm, their occurrences (completion, agenda) and the default rhythm.
import { Deleted, IdParams } from '../../api/common.js';
import {
  Agenda,
  Occurrence,
  OccurrenceComplete,
  OccurrenceList,
  OccurrenceListQuery,
  ProposalAccept,
  ProposalQuery,
  Ritual,
  RitualCreate,
  RitualList,
  RitualListQuery,
  RitualPatch,
  RitualProposals,
} from '../../api/rituals.js';
import { ctxOf } from '../http/auth-hook.js';
import { type App, responses } from '../http/types.js';
import { occurrenceAgenda } from './ritual-agenda.service.js';
import { completeOccurrence, getOccurrence, listOccurrences } from './ritual-occurrences.service.js';
import { acceptProposals, createRitual, deleteRitual, getRitual, listRituals, patchRitual, ritualProposals } from './rituals.service.js';

export function registerRitualRoutes(app: App): void {
  const tags = ['rhythm'];
  app.get(
    '/api/v1/rituals',
    {
      schema: {
        tags,
        summary: 'Rituals you may see: your teams’ (manager), all (admin), the ones you own or attend',
        querystring: RitualListQuery,
        response: responses({ 200: RitualList }),
      },
    },
    async (req) => listRituals(ctxOf(req), req.query),
  );
  app.post(
    '/api/v1/rituals',
    {
      schema: {
        tags,
        summary: 'Create a ritual for a team you manage (RRULE on the workspace’s wall clock)',
        body: RitualCreate,
        response: responses({ 201: Ritual }),
      },
    },
    async (req, reply) => reply.code(201).send(await createRitual(ctxOf(req), req.body)),
  );
  app.get(
    '/api/v1/ritual-proposals',
    {
      schema: {
        tags,
        summary: 'The default rhythm proposed for a team, less what it keeps already',
        querystring: ProposalQuery,
        response: responses({ 200: RitualProposals }),
      },
    },
    async (req) => ritualProposals(ctxOf(req), req.query.teamId),
  );
  app.post(
    '/api/v1/ritual-proposals/accept',
    { schema: { tags, summary: 'Create the chosen proposed rituals, all or none', body: ProposalAccept, response: responses({ 201: RitualList }) } },
    async (req, reply) => reply.code(201).send(await acceptProposals(ctxOf(req), req.body)),
  );
  app.get(
    '/api/v1/ritual-occurrences',
    {
      schema: {
        tags,
        summary: 'Occurrences of the rituals you may see in a window',
        querystring: OccurrenceListQuery,
        response: responses({ 200: OccurrenceList }),
      },
    },
    async (req) => listOccurrences(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/ritual-occurrences/:id',
    { schema: { tags, summary: 'An occurrence', params: IdParams, response: responses({ 200: Occurrence }) } },
    async (req) => getOccurrence(ctxOf(req), req.params.id),
  );
  app.get(
    '/api/v1/ritual-occurrences/:id/agenda',
    { schema: { tags, summary: 'The occurrence’s agenda, prepared from live data for its kind', params: IdParams, response: responses({ 200: Agenda }) } },
    async (req) => occurrenceAgenda(ctxOf(req), req.params.id),
  );
  app.put(
    '/api/v1/ritual-occurrences/:id/completion',
    {
      schema: {
        tags,
        summary: 'Record whether the occurrence was held (and when) or skipped, with notes (owner or the team’s manager)',
        params: IdParams,
        body: OccurrenceComplete,
        response: responses({ 200: Occurrence }),
      },
    },
    async (req) => completeOccurrence(ctxOf(req), req.params.id, req.body),
  );
  app.get('/api/v1/rituals/:id', { schema: { tags, summary: 'A ritual', params: IdParams, response: responses({ 200: Ritual }) } }, async (req) =>
    getRitual(ctxOf(req), req.params.id),
  );
  app.patch(
    '/api/v1/rituals/:id',
    {
      schema: {
        tags,
        summary: 'Change a ritual; a new recurrence applies to future occurrences only',
        params: IdParams,
        body: RitualPatch,
        response: responses({ 200: Ritual }),
      },
    },
    async (req) => patchRitual(ctxOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/v1/rituals/:id',
    { schema: { tags, summary: 'Delete a ritual (its held occurrences stay in the history)', params: IdParams, response: responses({ 200: Deleted }) } },
    async (req) => {
      await deleteRitual(ctxOf(req), req.params.id);
      return { id: req.params.id, deleted: true as const };
    },
  );
}
