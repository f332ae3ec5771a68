// Contacts from CSV. Waits for the contacts service: imports write only through services.
import { ruleViolation } from '../../errors.js';
import type { Planner } from './import-row.js';

export const planContacts: Planner = async () => {
  throw ruleViolation('Importing contacts is not available yet');
};
