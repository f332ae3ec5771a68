// Leads as sales works them: the queues, one lead with its history, and the lifecycle's steps
// (claim, accept, reject, touch, qualify, recycle, convert). Keys: ['leads', view] for the lists,
// ['lead', id] for one lead and its history, so a step refreshes the lead's page with one key.
import { type QueryClient, useQuery } from '@tanstack/react-query';
import type { VersionBody } from '../../../api/lead-agreements';
import type { Lead, LeadConversion, LeadConvert, LeadListQuery, LeadReject, LeadTouch, LeadTransition } from '../../../api/leads';
import { api } from '../../app/api';

const id = encodeURIComponent;

/** A queue (`view` names it in the key: mine, open, all) and the query that reads it. */
export function useLeads(view: string, query: LeadListQuery) {
  return useQuery({ queryKey: ['leads', view], queryFn: () => api.get<{ items: Lead[] }>('/api/v1/leads', query) });
}

export function useLead(leadId: string) {
  return useQuery({ queryKey: ['lead', leadId], queryFn: () => api.get<Lead>(`/api/v1/leads/${id(leadId)}`) });
}

export function useLeadHistory(leadId: string) {
  return useQuery({
    queryKey: ['lead', leadId, 'history'],
    queryFn: () => api.get<{ items: LeadTransition[] }>(`/api/v1/leads/${id(leadId)}/history`),
  });
}

/** A lifecycle step and the body the server asks for it. */
export type LeadStep =
  | { path: 'claim' }
  | { path: 'accept' | 'qualify' | 'recycle'; body: VersionBody }
  | { path: 'reject'; body: LeadReject }
  | { path: 'touches'; body: LeadTouch };

/** A step answers with the lead; converting also names the account, contact and deal it made. */
export function stepLead(leadId: string, step: LeadStep | { path: 'convert'; body: LeadConvert }): Promise<Lead | LeadConversion> {
  return api.post<Lead | LeadConversion>(`/api/v1/leads/${id(leadId)}/${step.path}`, 'body' in step ? step.body : undefined);
}

export const refreshLead = (queryClient: QueryClient, leadId: string) => queryClient.invalidateQueries({ queryKey: ['lead', leadId] });
