// Practice's reads and writes (writes go through web/data/write.tsx#useWrite): the scenario
// library, attempts (start, score, upload a recorded pitch), readiness and certification. Query
// keys start with 'practice', so one refresh after a save updates the whole page.
import { type QueryClient, useQuery } from '@tanstack/react-query';
import type { CertificationCreate, ReadinessReport } from '../../../api/certifications';
import type { Attempt, AttemptCreate, AttemptScore } from '../../../api/practice-attempts';
import type { Scenario, ScenarioCreate, ScenarioPatch } from '../../../api/practice-scenarios';
import { api, currentCsrfToken } from '../../app/api';

const scenarioPath = (id: string) => `/api/v1/practice-scenarios/${encodeURIComponent(id)}`;
const attemptPath = (id: string) => `/api/v1/practice-attempts/${encodeURIComponent(id)}`;

export function useScenarios() {
  return useQuery({
    queryKey: ['practice-scenarios'],
    queryFn: ({ signal }) => api.get<{ items: Scenario[] }>('/api/v1/practice-scenarios', undefined, { signal }).then((r) => r.items),
  });
}

export const fetchScenario = (id: string) => api.get<Scenario>(scenarioPath(id));

export function useAttempts() {
  return useQuery({
    queryKey: ['practice-attempts'],
    queryFn: ({ signal }) => api.get<{ items: Attempt[] }>('/api/v1/practice-attempts', undefined, { signal }).then((r) => r.items),
  });
}

export function useReadiness() {
  return useQuery({ queryKey: ['practice-readiness'], queryFn: ({ signal }) => api.get<ReadinessReport>('/api/v1/practice-readiness', undefined, { signal }) });
}

export const createScenario = (body: ScenarioCreate) => api.post<Scenario>('/api/v1/practice-scenarios', body);
export const patchScenario = (id: string, body: ScenarioPatch) => api.patch<Scenario>(scenarioPath(id), body);
export const startAttempt = (body: AttemptCreate) => api.post<Attempt>('/api/v1/practice-attempts', body);
export const scoreAttempt = (id: string, body: AttemptScore) => api.post<Attempt>(`${attemptPath(id)}/score`, body);
export const certify = (body: CertificationCreate) => api.post('/api/v1/certifications', body);

/**
 * A recorded pitch: a multipart upload, so it bypasses the JSON client but sends its CSRF token.
 * Throws an Error with the server's message when the upload is refused.
 */
export async function uploadRecording(attemptId: string, file: Blob): Promise<void> {
  const form = new FormData();
  form.append('file', file, 'pitch.webm');
  const csrf = currentCsrfToken();
  const res = await fetch(`${attemptPath(attemptId)}/recording`, {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
    headers: csrf ? { 'x-csrf-token': csrf } : {},
  });
  if (!res.ok) {
    const body = await res.json().catch(() => null);
    throw new Error(body?.error?.message ?? `Upload failed (${res.status})`);
  }
}

/** After any practice write: scenarios, attempts and readiness read fresh. */
export const refreshPractice = (queryClient: QueryClient) =>
  Promise.all(['practice-scenarios', 'practice-attempts', 'practice-readiness'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
