// Rituals: the recurring meetings, their occurrences' agendas and completions, and the rhythm Furrow
// suggests for a team. Query keys start with 'rituals', so any change refreshes the list, the
// proposals and the open agenda at once.
import { type QueryClient, useQuery } from '@tanstack/react-query';
import type { Agenda, Occurrence, OccurrenceComplete, ProposalAccept, Ritual, RitualCreate, RitualPatch, RitualProposals } from '../../../api/rituals';
import { api } from '../../app/api';

export function useRituals() {
  return useQuery({
    queryKey: ['rituals'],
    queryFn: ({ signal }) => api.get<{ items: Ritual[] }>('/api/v1/rituals', undefined, { signal }).then((r) => r.items),
  });
}

export function useRitual(id: string | undefined) {
  return useQuery({
    queryKey: ['rituals', id],
    queryFn: ({ signal }) => api.get<Ritual>(`/api/v1/rituals/${encodeURIComponent(id ?? '')}`, undefined, { signal }),
  });
}

export function useRitualAgenda(occurrenceId: string | undefined) {
  return useQuery({
    queryKey: ['rituals', 'agenda', occurrenceId],
    queryFn: ({ signal }) => api.get<Agenda>(`/api/v1/ritual-occurrences/${encodeURIComponent(occurrenceId ?? '')}/agenda`, undefined, { signal }),
  });
}

/** The default rhythm for a team, less the kinds it already keeps. */
export function useRitualProposals(teamId: string) {
  return useQuery({
    queryKey: ['rituals', 'proposals', teamId],
    queryFn: ({ signal }) => api.get<RitualProposals>('/api/v1/ritual-proposals', { teamId }, { signal }),
  });
}

export const createRitual = (body: RitualCreate) => api.post<Ritual>('/api/v1/rituals', body);
export const updateRitual = (id: string, body: RitualPatch) => api.patch<Ritual>(`/api/v1/rituals/${encodeURIComponent(id)}`, body);
export const deleteRitual = (id: string) => api.delete(`/api/v1/rituals/${encodeURIComponent(id)}`);
export const acceptProposals = (body: ProposalAccept) => api.post<{ items: Ritual[] }>('/api/v1/ritual-proposals/accept', body);
/** Held, skipped, or back to scheduled (an undo). */
export const completeOccurrence = (id: string, body: OccurrenceComplete) =>
  api.put<Occurrence>(`/api/v1/ritual-occurrences/${encodeURIComponent(id)}/completion`, body);

export const refreshRituals = (queryClient: QueryClient) => queryClient.invalidateQueries({ queryKey: ['rituals'] });
