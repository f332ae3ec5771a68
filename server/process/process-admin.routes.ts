// The process an admin defines: pipelines, ordered stages, exit criteria, deal custom fields and
// the version history. Reads are open to sales roles; every write is admin-only and versioned.
import { Type } from 'typebox';
import { IdParams } from '../../api/common.js';
import {
  CustomField,
  CustomFieldCreate,
  CustomFieldList,
  CustomFieldListQuery,
  CustomFieldPatch,
  ExitCriterionCreate,
  ExitCriterionPatch,
  Pipeline,
  PipelineCreate,
  PipelinePatch,
  ProcessDefinition,
  ProcessVersionDetail,
  ProcessVersionList,
  StageCreate,
  StageOrder,
  StagePatch,
  VersionedAction,
} from '../../api/pipelines.js';
import { ctxOf } from '../http/auth-hook.js';
import { type App, responses } from '../http/types.js';
import { addCriterion, archiveCriterion, patchCriterion } from './criteria-admin.service.js';
import { archiveField, createField, listDealFields, listFields, patchField } from './custom-fields.service.js';
import { addStage, archivePipeline, archiveStage, createPipeline, patchPipeline, patchStage, reorderStages } from './process-admin.service.js';
import { getProcess, getVersion, listVersions } from './process-definition.service.js';

export function registerProcessAdminRoutes(app: App): void {
  const tags = ['process'];
  const ok = responses({ 200: ProcessDefinition });

  app.get(
    '/api/v1/pipelines/:id/process',
    {
      schema: {
        tags,
        summary: 'A pipeline’s stages with guidance and exit criteria, its current version and the fields a criterion can require',
        params: IdParams,
        response: ok,
      },
    },
    async (req) => getProcess(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/v1/pipelines',
    {
      schema: {
        tags,
        summary: 'Create a pipeline (admin): the default stages, or a copy of another pipeline with its criteria',
        body: PipelineCreate,
        response: responses({ 201: ProcessDefinition }),
      },
    },
    async (req, reply) => reply.status(201).send(await createPipeline(ctxOf(req), req.body)),
  );
  app.patch(
    '/api/v1/pipelines/:id',
    {
      schema: {
        tags,
        summary: 'Rename a pipeline or make it the default (admin)',
        params: IdParams,
        body: PipelinePatch,
        response: responses({ 200: Pipeline }),
      },
    },
    async (req) => patchPipeline(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/pipelines/:id/archive',
    {
      schema: {
        tags,
        summary: 'Archive a pipeline without open deals (admin)',
        params: IdParams,
        body: VersionedAction,
        response: responses({ 204: Type.Null() }),
      },
    },
    async (req, reply) => {
      await archivePipeline(ctxOf(req), req.params.id, req.body);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/v1/pipelines/:id/versions',
    { schema: { tags, summary: 'Process versions of a pipeline, newest first', params: IdParams, response: responses({ 200: ProcessVersionList }) } },
    async (req) => ({ items: await listVersions(ctxOf(req), req.params.id) }),
  );
  app.get(
    '/api/v1/process-versions/:id',
    {
      schema: {
        tags,
        summary: 'One process version with its snapshot of stages and criteria',
        params: IdParams,
        response: responses({ 200: ProcessVersionDetail }),
      },
    },
    async (req) => getVersion(ctxOf(req), req.params.id),
  );

  app.post(
    '/api/v1/pipelines/:id/stages',
    {
      schema: {
        tags,
        summary: 'Add a stage (admin; new process version)',
        params: IdParams,
        body: StageCreate,
        response: responses({ 201: ProcessDefinition }),
      },
    },
    async (req, reply) => reply.status(201).send(await addStage(ctxOf(req), req.params.id, req.body)),
  );
  app.put(
    '/api/v1/pipelines/:id/stage-order',
    { schema: { tags, summary: 'Reorder the stages (admin; new process version)', params: IdParams, body: StageOrder, response: ok } },
    async (req) => reorderStages(ctxOf(req), req.params.id, req.body),
  );
  app.patch(
    '/api/v1/stages/:id',
    { schema: { tags, summary: 'Change a stage (admin; new process version)', params: IdParams, body: StagePatch, response: ok } },
    async (req) => patchStage(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/stages/:id/archive',
    { schema: { tags, summary: 'Retire a stage no deal is in (admin; new process version)', params: IdParams, body: VersionedAction, response: ok } },
    async (req) => archiveStage(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/stages/:id/criteria',
    {
      schema: {
        tags,
        summary: 'Add an exit criterion to a stage (admin; new process version)',
        params: IdParams,
        body: ExitCriterionCreate,
        response: responses({ 201: ProcessDefinition }),
      },
    },
    async (req, reply) => reply.status(201).send(await addCriterion(ctxOf(req), req.params.id, req.body)),
  );
  app.patch(
    '/api/v1/exit-criteria/:id',
    { schema: { tags, summary: 'Change an exit criterion (admin; new process version)', params: IdParams, body: ExitCriterionPatch, response: ok } },
    async (req) => patchCriterion(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/exit-criteria/:id/archive',
    { schema: { tags, summary: 'Remove an exit criterion (admin; new process version)', params: IdParams, body: VersionedAction, response: ok } },
    async (req) => archiveCriterion(ctxOf(req), req.params.id, req.body),
  );

  app.get('/api/v1/deal-fields', { schema: { tags, summary: 'Custom fields of deals', response: responses({ 200: CustomFieldList }) } }, async (req) => ({
    items: await listDealFields(ctxOf(req)),
  }));
  app.post(
    '/api/v1/deal-fields',
    { schema: { tags, summary: 'Define a custom field on deals (admin)', body: CustomFieldCreate, response: responses({ 201: CustomField }) } },
    async (req, reply) => reply.status(201).send(await createField(ctxOf(req), { ...req.body, entity: 'deal' })),
  );
  app.patch(
    '/api/v1/deal-fields/:id',
    {
      schema: {
        tags,
        summary: 'Change a deal field’s label, options or position (admin)',
        params: IdParams,
        body: CustomFieldPatch,
        response: responses({ 200: CustomField }),
      },
    },
    async (req) => patchField(ctxOf(req), 'deal', req.params.id, req.body),
  );
  app.delete(
    '/api/v1/deal-fields/:id',
    {
      schema: {
        tags,
        summary: 'Retire a deal field no exit criterion requires (admin); its values stay in history',
        params: IdParams,
        response: responses({ 204: Type.Null() }),
      },
    },
    async (req, reply) => {
      await archiveField(ctxOf(req), 'deal', req.params.id);
      return reply.status(204).send(null);
    },
  );
  // The same definitions for any kind of record: deals, accounts, contacts.
  app.get(
    '/api/v1/custom-fields',
    { schema: { tags, summary: 'Custom fields of one kind of record', querystring: CustomFieldListQuery, response: responses({ 200: CustomFieldList }) } },
    async (req) => ({ items: await listFields(ctxOf(req), req.query.entity) }),
  );
  app.post(
    '/api/v1/custom-fields',
    {
      schema: {
        tags,
        summary: 'Define a custom field on deals, accounts or contacts (admin; entity defaults to deal)',
        body: CustomFieldCreate,
        response: responses({ 201: CustomField }),
      },
    },
    async (req, reply) => reply.status(201).send(await createField(ctxOf(req), req.body)),
  );
  app.patch(
    '/api/v1/custom-fields/:id',
    {
      schema: {
        tags,
        summary: 'Change a custom field’s label, options or position (admin)',
        params: IdParams,
        body: CustomFieldPatch,
        response: responses({ 200: CustomField }),
      },
    },
    async (req) => patchField(ctxOf(req), null, req.params.id, req.body),
  );
  app.delete(
    '/api/v1/custom-fields/:id',
    { schema: { tags, summary: 'Retire a custom field (admin); its values stay in history', params: IdParams, response: responses({ 204: Type.Null() }) } },
    async (req, reply) => {
      await archiveField(ctxOf(req), null, req.params.id);
      return reply.status(204).send(null);
    },
  );
}
