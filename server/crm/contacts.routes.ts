import { Type } from 'typebox';
import { IdParams, Page } from '../../api/common.js';
import { Contact, ContactCreate, ContactListQuery, ContactPatch } from '../../api/contacts.js';
import { ctxOf } from '../http/auth-hook.js';
import { type App, responses } from '../http/types.js';
import { createContact, deleteContact, getContact, listContacts, updateContactById } from './contacts.service.js';

export function registerContactRoutes(app: App): void {
  const tags = ['contacts'];
  app.get(
    '/api/v1/contacts',
    {
      schema: { tags, summary: 'Contacts you can see, filtered, sorted and paged', querystring: ContactListQuery, response: responses({ 200: Page(Contact) }) },
    },
    async (req) => listContacts(ctxOf(req), req.query),
  );
  app.get('/api/v1/contacts/:id', { schema: { tags, params: IdParams, response: responses({ 200: Contact }) } }, async (req) =>
    getContact(ctxOf(req), req.params.id),
  );
  app.post('/api/v1/contacts', { schema: { tags, body: ContactCreate, response: responses({ 201: Contact }) } }, async (req, reply) =>
    reply.status(201).send(await createContact(ctxOf(req), req.body)),
  );
  app.patch(
    '/api/v1/contacts/:id',
    {
      schema: {
        tags,
        summary: 'Change fields; send the version you read (409 if stale)',
        params: IdParams,
        body: ContactPatch,
        response: responses({ 200: Contact }),
      },
    },
    async (req) => updateContactById(ctxOf(req), req.params.id, req.body),
  );
  app.delete('/api/v1/contacts/:id', { schema: { tags, params: IdParams, response: responses({ 204: Type.Null() }) } }, async (req, reply) => {
    await deleteContact(ctxOf(req), req.params.id);
    return reply.status(204).send(null);
  });
}
