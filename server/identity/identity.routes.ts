// Users, teams, API tokens, invitations and workspace settings.
import { Type } from 'typebox';
import { IdParams } from '../../api/common.js';
import {
  ApiToken,
  ApiTokenCreate,
  ApiTokenCreated,
  Invitation,
  InvitationCreate,
  InvitationCreated,
  Team,
  TeamCreate,
  TeamPatch,
  User,
  UserCreate,
  UserPatch,
  Workspace,
  WorkspacePatch,
} from '../../api/identity.js';
import { PeopleImportBody, PeopleImportResult } from '../../api/people.js';
import { ctxOf } from '../http/auth-hook.js';
import { type App, responses } from '../http/types.js';
import { createInvitation, listInvitations, revokeInvitation } from './invitations.service.js';
import { importPeople } from './people-import.service.js';
import { createTeam, deleteTeam, listTeams, patchTeam } from './teams.service.js';
import { createToken, listTokens, revokeToken } from './tokens.service.js';
import { createUser, getUser, listUsers, patchUser } from './users.service.js';
import { getWorkspace, patchWorkspace } from './workspaces.service.js';

export function registerIdentityRoutes(app: App): void {
  app.get(
    '/api/v1/users',
    { schema: { tags: ['users'], summary: 'Users of the workspace', response: responses({ 200: Type.Object({ items: Type.Array(User) }) }) } },
    async (req) => ({
      items: await listUsers(ctxOf(req)),
    }),
  );
  app.get('/api/v1/users/:id', { schema: { tags: ['users'], params: IdParams, response: responses({ 200: User }) } }, async (req) =>
    getUser(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/v1/users',
    { schema: { tags: ['users'], summary: 'Add a user (admin)', body: UserCreate, response: responses({ 201: User }) } },
    async (req, reply) => reply.status(201).send(await createUser(ctxOf(req), req.body)),
  );
  app.patch(
    '/api/v1/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Change a user (admin; yourself: name and password)',
        params: IdParams,
        body: UserPatch,
        response: responses({ 200: User }),
      },
    },
    async (req) => patchUser(ctxOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/teams',
    { schema: { tags: ['teams'], summary: 'Teams (nested by parentId)', response: responses({ 200: Type.Object({ items: Type.Array(Team) }) }) } },
    async (req) => ({
      items: await listTeams(ctxOf(req)),
    }),
  );
  app.post('/api/v1/teams', { schema: { tags: ['teams'], body: TeamCreate, response: responses({ 201: Team }) } }, async (req, reply) =>
    reply.status(201).send(await createTeam(ctxOf(req), req.body)),
  );
  app.patch('/api/v1/teams/:id', { schema: { tags: ['teams'], params: IdParams, body: TeamPatch, response: responses({ 200: Team }) } }, async (req) =>
    patchTeam(ctxOf(req), req.params.id, req.body),
  );
  app.delete('/api/v1/teams/:id', { schema: { tags: ['teams'], params: IdParams, response: responses({ 204: Type.Null() }) } }, async (req, reply) => {
    await deleteTeam(ctxOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  app.get(
    '/api/v1/api-tokens',
    { schema: { tags: ['api tokens'], summary: 'Your API tokens', response: responses({ 200: Type.Object({ items: Type.Array(ApiToken) }) }) } },
    async (req) => ({
      items: await listTokens(ctxOf(req)),
    }),
  );
  app.post(
    '/api/v1/api-tokens',
    {
      schema: {
        tags: ['api tokens'],
        summary: 'Create a token that acts as you; the secret is shown once',
        body: ApiTokenCreate,
        response: responses({ 201: ApiTokenCreated }),
      },
    },
    async (req, reply) => reply.status(201).send(await createToken(ctxOf(req), req.body.name)),
  );
  app.delete(
    '/api/v1/api-tokens/:id',
    { schema: { tags: ['api tokens'], params: IdParams, response: responses({ 204: Type.Null() }) } },
    async (req, reply) => {
      await revokeToken(ctxOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/invitations',
    { schema: { tags: ['users'], response: responses({ 200: Type.Object({ items: Type.Array(Invitation) }) }) } },
    async (req) => ({
      items: await listInvitations(ctxOf(req)),
    }),
  );
  app.post(
    '/api/v1/invitations',
    { schema: { tags: ['users'], summary: 'Invite a user (admin)', body: InvitationCreate, response: responses({ 201: InvitationCreated }) } },
    async (req, reply) => reply.status(201).send(await createInvitation(ctxOf(req), req.body)),
  );
  app.delete('/api/v1/invitations/:id', { schema: { tags: ['users'], params: IdParams, response: responses({ 204: Type.Null() }) } }, async (req, reply) => {
    await revokeInvitation(ctxOf(req), req.params.id);
    return reply.status(204).send(null);
  });

  app.get('/api/v1/workspace', { schema: { tags: ['workspace'], response: responses({ 200: Workspace }) } }, async (req) => getWorkspace(ctxOf(req)));
  app.patch(
    '/api/v1/workspace',
    { schema: { tags: ['workspace'], summary: 'Workspace settings (admin)', body: WorkspacePatch, response: responses({ 200: Workspace }) } },
    async (req) => patchWorkspace(ctxOf(req), req.body),
  );
  app.post(
    '/api/v1/people/import',
    {
      schema: {
        tags: ['users'],
        summary: 'Users and teams from a CSV (admin): name, email, role, team, parent team, manager; all rows or none, re-runnable',
        description: 'A dry run answers 200 with every problem by line; a refused import answers 422 rule_violation with the same report in details.',
        body: PeopleImportBody,
        response: responses({ 200: PeopleImportResult }),
      },
      bodyLimit: 6 * 1024 * 1024,
      config: { textCheckedByRoute: ['csv'] },
    },
    async (req) => importPeople(ctxOf(req), req.body),
  );
}
