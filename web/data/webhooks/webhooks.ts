// Outgoing webhooks: the endpoints, adding one (its signing secret comes back once), revoking, and
// each endpoint's delivery log. Keys start with 'webhook-' so a write refreshes the endpoints and
// every page of every log.
import { type QueryClient, useQuery } from '@tanstack/react-query';
import type { WebhookDeliveryPage, WebhookEndpoint, WebhookEndpointCreate, WebhookEndpointCreated } from '../../../api/webhooks';
import { api } from '../../app/api';

const endpointPath = (id: string) => `/api/v1/webhook-endpoints/${encodeURIComponent(id)}`;

export function useWebhookEndpoints() {
  return useQuery({
    queryKey: ['webhook-endpoints'],
    queryFn: ({ signal }) => api.get<{ items: WebhookEndpoint[] }>('/api/v1/webhook-endpoints', undefined, { signal }).then((r) => r.items),
  });
}

/** One page of what was sent to an endpoint; polled while a delivery is pending, as the job runner retries it on its own. */
export function useWebhookDeliveries(endpointId: string, cursor: string | undefined) {
  return useQuery({
    queryKey: ['webhook-deliveries', endpointId, cursor],
    queryFn: ({ signal }) => api.get<WebhookDeliveryPage>(`${endpointPath(endpointId)}/deliveries`, { cursor, limit: 50 }, { signal }),
    refetchInterval: (q) => (q.state.data?.items.some((d) => d.status === 'pending') ? 5000 : false),
  });
}

export const createWebhookEndpoint = (body: WebhookEndpointCreate) => api.post<WebhookEndpointCreated>('/api/v1/webhook-endpoints', body);
/** Carries the version the admin saw: a revoke of an endpoint changed meanwhile answers 409 stale. */
export const revokeWebhookEndpoint = (endpoint: WebhookEndpoint) =>
  api.post<WebhookEndpoint>(`${endpointPath(endpoint.id)}/revoke`, { version: endpoint.version });

export const refreshWebhooks = (queryClient: QueryClient) =>
  Promise.all([queryClient.invalidateQueries({ queryKey: ['webhook-endpoints'] }), queryClient.invalidateQueries({ queryKey: ['webhook-deliveries'] })]);
