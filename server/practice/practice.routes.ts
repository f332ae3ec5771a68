import { Type } from 'typebox';
import { Certification, CertificationCreate, CertificationList, CertificationQuery, ReadinessQuery, ReadinessReport } from '../../api/certifications.js';
import { IdParams } from '../../api/common.js';
import { Attempt, AttemptCreate, AttemptList, AttemptListQuery, AttemptScore } from '../../api/practice-attempts.js';
import { Scenario, ScenarioCreate, ScenarioList, ScenarioPatch } from '../../api/practice-scenarios.js';
import { ctxOf } from '../http/auth-hook.js';
import { type App, responses } from '../http/types.js';
import { createAttempt, getAttempt, listAttempts, scoreAttempt } from './attempts.service.js';
import { grantCertification, listCertifications, readinessReport } from './certification.service.js';
import { openRecording, uploadRecording } from './recordings.service.js';
import { createScenario, getScenario, listScenarios, patchScenario } from './scenarios.service.js';

export function registerPracticeRoutes(app: App): void {
  const tags = ['practice'];
  app.get('/api/v1/practice-scenarios', { schema: { tags, summary: 'The scenario library', response: responses({ 200: ScenarioList }) } }, async (req) => ({
    items: await listScenarios(ctxOf(req)),
  }));
  app.get('/api/v1/practice-scenarios/:id', { schema: { tags, params: IdParams, response: responses({ 200: Scenario }) } }, async (req) =>
    getScenario(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/v1/practice-scenarios',
    { schema: { tags, summary: 'Managers and admins add a scenario', body: ScenarioCreate, response: responses({ 201: Scenario }) } },
    async (req, reply) => reply.status(201).send(await createScenario(ctxOf(req), req.body)),
  );
  app.patch(
    '/api/v1/practice-scenarios/:id',
    {
      schema: {
        tags,
        summary: 'Edit or archive a scenario (send the version you read)',
        params: IdParams,
        body: ScenarioPatch,
        response: responses({ 200: Scenario }),
      },
    },
    async (req) => patchScenario(ctxOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/practice-attempts',
    {
      schema: {
        tags,
        summary: 'Attempts you can see: your own, your team’s, and those you partner on',
        querystring: AttemptListQuery,
        response: responses({ 200: AttemptList }),
      },
    },
    async (req) => listAttempts(ctxOf(req), req.query),
  );
  app.get('/api/v1/practice-attempts/:id', { schema: { tags, params: IdParams, response: responses({ 200: Attempt }) } }, async (req) =>
    getAttempt(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/v1/practice-attempts',
    { schema: { tags, summary: 'Start a role-play (with a partner) or a recorded pitch', body: AttemptCreate, response: responses({ 201: Attempt }) } },
    async (req, reply) => reply.status(201).send(await createAttempt(ctxOf(req), req.body)),
  );
  app.post(
    '/api/v1/practice-attempts/:id/score',
    {
      schema: {
        tags,
        summary: 'The partner or a reviewer scores every rubric skill 1–5, with feedback',
        params: IdParams,
        body: AttemptScore,
        response: responses({ 200: Attempt }),
      },
    },
    async (req) => scoreAttempt(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/practice-attempts/:id/recording',
    {
      schema: {
        tags,
        summary: 'Upload the recorded pitch (multipart field "file": webm, ogg, wav, mp4 or mpeg audio, up to PRACTICE_MAX_UPLOAD_MB)',
        consumes: ['multipart/form-data'],
        params: IdParams,
        // Read as a stream by the handler, so the body schema only documents the form: no `type`
        // (the parser leaves no body to validate) and so no `properties` either (Ajv's strictTypes
        // warns about properties without a type).
        body: Type.Unsafe<unknown>({ description: 'multipart/form-data with the audio in the binary field "file"' }),
        response: responses({ 200: Attempt }),
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      let file: Awaited<ReturnType<typeof req.file>>;
      try {
        file = req.isMultipart() ? await req.file({ limits: { fileSize: ctx.config.practiceMaxUploadBytes, files: 1 } }) : undefined;
      } catch {
        file = undefined;
      }
      return uploadRecording(ctx, req.params.id, file ? { stream: file.file, mimetype: file.mimetype } : undefined);
    },
  );
  app.get(
    '/api/v1/practice-attempts/:id/recording',
    {
      schema: {
        tags,
        summary: 'Stream the recording: only the rep and the attempt’s reviewers',
        params: IdParams,
        response: responses({ 200: Type.Unknown() }),
      },
    },
    async (req, reply) => {
      const { stream, contentType, bytes } = await openRecording(ctxOf(req), req.params.id);
      return reply.header('content-type', contentType).header('content-length', bytes).header('cache-control', 'private, no-store').send(stream);
    },
  );

  app.get(
    '/api/v1/practice-readiness',
    {
      schema: {
        tags,
        summary: 'Readiness of each visible rep on each scenario, recency-weighted; the formula is in the answer',
        querystring: ReadinessQuery,
        response: responses({ 200: ReadinessReport }),
      },
    },
    async (req) => readinessReport(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/certifications',
    { schema: { tags, summary: 'Certifications you can see', querystring: CertificationQuery, response: responses({ 200: CertificationList }) } },
    async (req) => listCertifications(ctxOf(req), req.query),
  );
  app.post(
    '/api/v1/certifications',
    {
      schema: {
        tags,
        summary: 'A manager of the rep (or an admin) certifies them on a scenario; it expires',
        body: CertificationCreate,
        response: responses({ 201: Certification }),
      },
    },
    async (req, reply) => reply.status(201).send(await grantCertification(ctxOf(req), req.body)),
  );
}
