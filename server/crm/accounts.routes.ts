import { Type } from 'typebox';
import { Account, AccountCreate, AccountListQuery, AccountPatch } from '../../api/accounts.js';
import { IdParams, Page } from '../../api/common.js';
import { ctxOf } from '../http/auth-hook.js';
import { type App, responses } from '../http/types.js';
import { createAccount, deleteAccount, getAccount, listAccounts, updateAccountById } from './accounts.service.js';

export function registerAccountRoutes(app: App): void {
  const tags = ['accounts'];
  app.get(
    '/api/v1/accounts',
    {
      schema: { tags, summary: 'Accounts you can see, filtered, sorted and paged', querystring: AccountListQuery, response: responses({ 200: Page(Account) }) },
    },
    async (req) => listAccounts(ctxOf(req), req.query),
  );
  app.get('/api/v1/accounts/:id', { schema: { tags, params: IdParams, response: responses({ 200: Account }) } }, async (req) =>
    getAccount(ctxOf(req), req.params.id),
  );
  app.post('/api/v1/accounts', { schema: { tags, body: AccountCreate, response: responses({ 201: Account }) } }, async (req, reply) =>
    reply.status(201).send(await createAccount(ctxOf(req), req.body)),
  );
  app.patch(
    '/api/v1/accounts/:id',
    {
      schema: {
        tags,
        summary: 'Change fields; send the version you read (409 if stale)',
        params: IdParams,
        body: AccountPatch,
        response: responses({ 200: Account }),
      },
    },
    async (req) => updateAccountById(ctxOf(req), req.params.id, req.body),
  );
  app.delete('/api/v1/accounts/:id', { schema: { tags, params: IdParams, response: responses({ 204: Type.Null() }) } }, async (req, reply) => {
    await deleteAccount(ctxOf(req), req.params.id);
    return reply.status(204).send(null);
  });
}
