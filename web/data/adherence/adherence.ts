// How the process is followed: the adherence report and its drill-downs (moves, deals), the gate
// calibration (do the exit criteria predict a win?) and a manager's review of an override. Every
// key starts with 'process', so a process change or a review refreshes them all.
import { keepPreviousData, type QueryClient, useQuery } from '@tanstack/react-query';
import type { AdherenceDealPage, AdherenceMovePage, AdherenceReport } from '../../../api/adherence';
import type { Calibration, CalibrationDealPage } from '../../../api/gate-calibration';
import type { OverrideReview, OverrideReviewPut } from '../../../api/override-reviews';
import { api } from '../../app/api';

/** A screen's filters as the URL holds them (sent as the query string). */
type Params = Record<string, string | number | null | undefined>;

export function useAdherence(params: Params) {
  return useQuery({
    queryKey: ['process', 'adherence', params],
    queryFn: ({ signal }) => api.get<AdherenceReport>('/api/v1/process/adherence', params, { signal }),
    placeholderData: keepPreviousData,
    enabled: Boolean(params.from && params.to),
  });
}

export function useAdherenceMoves(params: Params) {
  return useQuery({
    queryKey: ['process', 'moves', params],
    queryFn: ({ signal }) => api.get<AdherenceMovePage>('/api/v1/process/adherence/moves', params, { signal }),
    placeholderData: keepPreviousData,
    enabled: Boolean(params.from && params.to),
  });
}

export function useAdherenceDeals(params: Params) {
  return useQuery({
    queryKey: ['process', 'deals', params],
    queryFn: ({ signal }) => api.get<AdherenceDealPage>('/api/v1/process/adherence/deals', params, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCalibration(params: Params) {
  return useQuery({
    queryKey: ['process', 'calibration', params],
    queryFn: ({ signal }) => api.get<Calibration>('/api/v1/process/calibration', params, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCalibrationDeals(params: Params) {
  return useQuery({
    queryKey: ['process', 'calibration-deals', params],
    queryFn: ({ signal }) => api.get<CalibrationDealPage>('/api/v1/process/calibration/deals', params, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** A manager's verdict on an override (the first one, or a change carrying the version read). */
export const reviewOverride = (moveId: string, body: OverrideReviewPut) =>
  api.put<OverrideReview>(`/api/v1/stage-moves/${encodeURIComponent(moveId)}/review`, body);

/** After a review: the deal's timeline and the process screens show the verdict. */
export const refreshOverrideReviews = (queryClient: QueryClient) =>
  Promise.all([queryClient.invalidateQueries({ queryKey: ['timeline'] }), queryClient.invalidateQueries({ queryKey: ['process'] })]);
