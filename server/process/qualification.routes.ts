// Qualification frameworks (built in and custom) and the scores of a deal on them.
import { Type } from 'typebox';
import { IdParams } from '../../api/common.js';
import { VersionedAction } from '../../api/pipelines.js';
import {
  DealFrameworkParams,
  DealQualification,
  DealQualificationPut,
  QualificationFramework,
  QualificationFrameworkCreate,
  QualificationFrameworkList,
  QualificationFrameworkPatch,
} from '../../api/qualification.js';
import { ctxOf } from '../http/auth-hook.js';
import { type App, responses } from '../http/types.js';
import { getDealQualification, putDealQualification } from './deal-qualification.service.js';
import { archiveFramework, createFramework, listFrameworks, patchFramework } from './qualification.service.js';

export function registerQualificationRoutes(app: App): void {
  const tags = ['qualification'];
  app.get(
    '/api/v1/qualification-frameworks',
    { schema: { tags, summary: 'Qualification frameworks: MEDDPICC, BANT, SPICED and custom ones', response: responses({ 200: QualificationFrameworkList }) } },
    async (req) => ({ items: await listFrameworks(ctxOf(req)) }),
  );
  app.post(
    '/api/v1/qualification-frameworks',
    {
      schema: { tags, summary: 'Create a custom framework (admin)', body: QualificationFrameworkCreate, response: responses({ 201: QualificationFramework }) },
    },
    async (req, reply) => reply.status(201).send(await createFramework(ctxOf(req), req.body)),
  );
  app.patch(
    '/api/v1/qualification-frameworks/:id',
    {
      schema: {
        tags,
        summary: 'Change a custom framework (admin)',
        params: IdParams,
        body: QualificationFrameworkPatch,
        response: responses({ 200: QualificationFramework }),
      },
    },
    async (req) => patchFramework(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/qualification-frameworks/:id/archive',
    {
      schema: {
        tags,
        summary: 'Retire a custom framework no exit criterion uses (admin); version is the framework’s',
        params: IdParams,
        body: VersionedAction,
        response: responses({ 204: Type.Null() }),
      },
    },
    async (req, reply) => {
      await archiveFramework(ctxOf(req), req.params.id, req.body.version);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/v1/deals/:id/qualification',
    { schema: { tags, summary: 'The deal’s scores on every framework, with totals', params: IdParams, response: responses({ 200: DealQualification }) } },
    async (req) => getDealQualification(ctxOf(req), req.params.id),
  );
  app.put(
    '/api/v1/deals/:id/qualification/:frameworkId',
    {
      schema: {
        tags,
        summary: 'Score elements 0–3 with evidence (null clears); versioned per deal and framework',
        params: DealFrameworkParams,
        body: DealQualificationPut,
        response: responses({ 200: DealQualification }),
      },
    },
    async (req) => putDealQualification(ctxOf(req), req.params.id, req.params.frameworkId, req.body),
  );
}
