// Activities: writes and what a write refreshes. Lists go through records.ts#useList.
import type { QueryClient } from '@tanstack/react-query';
import type { ActivityCreate, ActivityPatch } from '../../../api/activities';
import { createRecord, fetchRecord, patchRecord, refreshRecords } from '../records';

export const fetchActivity = (id: string) => fetchRecord('activities', id);
export const createActivity = (body: ActivityCreate) => createRecord('activities', body);
export const updateActivity = (id: string, body: ActivityPatch) => patchRecord('activities', id, body);
export const refreshActivities = (queryClient: QueryClient) => refreshRecords(queryClient, 'activities');
