// The workspace's lead settings (routing rules, business hours, SLA reassignment): one versioned
// record that several forms each save a part of, so a save sends the parts it leaves as loaded.
import { type QueryClient, useQuery } from '@tanstack/react-query';
import type { LeadSettings, LeadSettingsPut } from '../../../api/lead-settings';
import { api } from '../../app/api';

const KEY = ['lead-settings'];

export function useLeadSettings() {
  return useQuery({ queryKey: KEY, queryFn: () => api.get<LeadSettings>('/api/v1/lead-settings') });
}

export const saveLeadSettings = (body: LeadSettingsPut) => api.put<LeadSettings>('/api/v1/lead-settings', body);

/** A save's answer is the settings now: every form on the page reads it at once. */
export const showLeadSettings = (queryClient: QueryClient, saved: LeadSettings) => queryClient.setQueryData(KEY, saved);

/** Another admin saved meanwhile: read theirs and answer it. */
export async function reloadLeadSettings(queryClient: QueryClient): Promise<LeadSettings | undefined> {
  await queryClient.invalidateQueries({ queryKey: KEY });
  return queryClient.getQueryData<LeadSettings>(KEY);
}
