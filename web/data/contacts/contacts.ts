// Contacts: one record, its writes and what a write refreshes. Lists go through records.ts#useList.
import type { QueryClient } from '@tanstack/react-query';
import type { ContactCreate, ContactPatch } from '../../../api/contacts';
import { createRecord, fetchRecord, patchRecord, refreshRecords, useRecord } from '../records';

export const useContact = (id: string | null | undefined) => useRecord('contacts', id);
export const fetchContact = (id: string) => fetchRecord('contacts', id);
export const createContact = (body: ContactCreate) => createRecord('contacts', body);
export const updateContact = (id: string, body: ContactPatch) => patchRecord('contacts', id, body);
/** A contact counts on its account too. */
export const refreshContacts = (queryClient: QueryClient) => refreshRecords(queryClient, 'contacts', 'accounts');
