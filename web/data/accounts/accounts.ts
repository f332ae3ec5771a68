// Accounts: one record, its writes and what a write refreshes. Lists go through records.ts#useList.
import type { QueryClient } from '@tanstack/react-query';
import type { AccountCreate, AccountPatch } from '../../../api/accounts';
import { createRecord, fetchRecord, patchRecord, refreshRecords, useRecord } from '../records';

export const useAccount = (id: string | null | undefined) => useRecord('accounts', id);
export const fetchAccount = (id: string) => fetchRecord('accounts', id);
export const createAccount = (body: AccountCreate) => createRecord('accounts', body);
export const updateAccount = (id: string, body: AccountPatch) => patchRecord('accounts', id, body);
export const refreshAccounts = (queryClient: QueryClient) => refreshRecords(queryClient, 'accounts');
