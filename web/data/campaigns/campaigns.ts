// Campaigns: the list (with each campaign's lead count) and marketing's writes.
import { type QueryClient, useQuery } from '@tanstack/react-query';
import type { Campaign, CampaignCreate, CampaignPatch } from '../../../api/campaigns';
import { api } from '../../app/api';

const KEY = ['campaigns'];

export function useCampaigns() {
  return useQuery({ queryKey: KEY, queryFn: () => api.get<{ items: Campaign[] }>('/api/v1/campaigns').then((r) => r.items) });
}

export const createCampaign = (body: CampaignCreate) => api.post<Campaign>('/api/v1/campaigns', body);

export const updateCampaign = (id: string, body: CampaignPatch) => api.patch<Campaign>(`/api/v1/campaigns/${id}`, body);

export const refreshCampaigns = (queryClient: QueryClient) => queryClient.invalidateQueries({ queryKey: KEY });

/** One campaign, for a lead's page: the follow-up plan its rep works to. */
export function useCampaign(id: string | null) {
  return useQuery({
    queryKey: [...KEY, id],
    queryFn: () => api.get<Campaign>(`/api/v1/campaigns/${id}`),
    enabled: id !== null,
  });
}
