// Activities from CSV. Waits for the activities service: imports write only through services.
import { ruleViolation } from '../../errors.js';
import type { Planner } from './import-row.js';

export const planActivities: Planner = async () => {
  throw ruleViolation('Importing activities is not available yet');
};
