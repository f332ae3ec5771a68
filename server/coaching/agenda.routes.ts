// The prepared agenda of the next session with a coachee.
import { Agenda, AgendaQuery } from '../../api/coaching-agenda.js';
import { ctxOf } from '../http/auth-hook.js';
import { type App, responses } from '../http/types.js';
import { prepareAgenda } from './agenda.service.js';

export function registerAgendaRoutes(app: App): void {
  app.get(
    '/api/v1/coaching-agenda',
    {
      schema: {
        tags: ['coaching'],
        summary: 'The next session’s agenda for a coachee, from live data: focus metric and trend, deals at risk, overdue actions, last notes',
        querystring: AgendaQuery,
        response: responses({ 200: Agenda }),
      },
    },
    async (req) => prepareAgenda(ctxOf(req), req.query.coacheeId),
  );
}
