// The lead agreement's versions: a draft's terms as the editor saves them.
import type { QueryClient } from '@tanstack/react-query';
import type { AgreementTerms, LeadAgreement } from '../../../api/lead-agreements';
import { api } from '../../app/api';

export const saveAgreementDraft = (id: string, body: { version: number; terms: AgreementTerms }) =>
  api.patch<LeadAgreement>(`/api/v1/lead-agreements/${id}`, body);

export const refreshAgreements = (queryClient: QueryClient) => queryClient.invalidateQueries({ queryKey: ['lead-agreements'] });
