// Delivering one webhook, as a background job: retried with exponential backoff by the job runner,
// each attempt recorded on the delivery row the admin reads in Settings. Idempotent: a delivery that
// already succeeded (the job ran twice) is not sent again, and receivers deduplicate by webhook-id.
import { backoffDelay, defineJob } from '../jobs/job.js';
import { sendWebhook } from './webhook-send.js';
import { signatureHeaders } from './webhook-signing.js';
import { findDeliveryRow, findEndpointRow, updateDeliveryRow } from './webhooks.repo.js';

const TIMEOUT_MS = 10_000;

export const deliverWebhookJob = defineJob<{ deliveryId: string }>({
  name: 'ops.deliver-webhook',
  description: 'Delivers one signed event to a webhook endpoint',
  // 1 + 7 attempts over about 1 h 4 min (30 s, 1, 2, 4, 8, 16, 32 min).
  retryLimit: 7,
  backoff: { delayMs: 30_000, exponential: true, maxDelayMs: 3600_000 },
  leaseMs: 60_000,
  handler: async (job) => {
    const d = await findDeliveryRow(job.db, job.payload.deliveryId);
    if (d?.status !== 'pending') return;
    const endpoint = await findEndpointRow(job.db, d.workspace_id, d.endpoint_id);
    const now = job.now();
    if (!endpoint || endpoint.revoked_at !== null) {
      await updateDeliveryRow(job.db, d.id, { status: 'failed', last_error: 'endpoint revoked', next_attempt_at: null, updated_at: now });
      return;
    }
    const body = d.payload;
    const headers = signatureHeaders(endpoint.secret, d.id, Math.floor(now / 1000), body);
    const result = await sendWebhook(endpoint.url, headers, body, { allowPrivate: job.config.webhookAllowPrivate, timeoutMs: TIMEOUT_MS });
    const attempts = d.attempts + 1;
    const at = job.now();
    if (result.ok) {
      await updateDeliveryRow(job.db, d.id, {
        status: 'succeeded',
        attempts,
        response_code: result.status,
        last_error: null,
        next_attempt_at: null,
        delivered_at: at,
        updated_at: at,
      });
      return;
    }
    const last = result.permanent || job.attempt >= job.maxAttempts;
    await updateDeliveryRow(job.db, d.id, {
      status: last ? 'failed' : 'pending',
      attempts,
      response_code: result.status,
      last_error: result.error.slice(0, 500),
      next_attempt_at: last ? null : at + backoffDelay(deliverWebhookJob.backoff, job.attempt),
      updated_at: at,
    });
    // Throwing hands the retry to the runner (same backoff as next_attempt_at above).
    if (!last) throw new Error(`webhook ${d.id}: ${result.error}`);
  },
});
