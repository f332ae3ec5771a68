// The lead agreement's versions: the list (newest first), one version (a lead's page names the one
// it was qualified under), a new draft, a draft's terms as the editor saves them, and the two-sided
// approval steps. Every write refreshes ['lead-agreements'].
import { type QueryClient, useQuery } from '@tanstack/react-query';
import type { AgreementTerms, LeadAgreement, LeadAgreementCreate, LeadAgreementList, VersionBody } from '../../../api/lead-agreements';
import { api } from '../../app/api';

const KEY = ['lead-agreements'];
const id = encodeURIComponent;

export function useAgreements() {
  return useQuery({ queryKey: KEY, queryFn: () => api.get<LeadAgreementList>('/api/v1/lead-agreements') });
}

export function useAgreement(agreementId: string | null) {
  return useQuery({
    queryKey: ['lead-agreement', agreementId],
    queryFn: () => api.get<LeadAgreement>(`/api/v1/lead-agreements/${id(agreementId as string)}`),
    enabled: agreementId !== null,
  });
}

export const createAgreement = (body: LeadAgreementCreate) => api.post<LeadAgreement>('/api/v1/lead-agreements', body);

export const saveAgreementDraft = (agreementId: string, body: { version: number; terms: AgreementTerms }) =>
  api.patch<LeadAgreement>(`/api/v1/lead-agreements/${id(agreementId)}`, body);

/** Propose a draft, take a proposal back, or approve it for your side. */
export const stepAgreement = (agreementId: string, step: 'propose' | 'withdraw' | 'approve', body: VersionBody) =>
  api.post<LeadAgreement>(`/api/v1/lead-agreements/${id(agreementId)}/${step}`, body);

export const refreshAgreements = (queryClient: QueryClient) => queryClient.invalidateQueries({ queryKey: KEY });
