// The audited actions are the API contract's closed list (api/audit.ts); the server adds the type
// guard it checks stored rows with.
import { AUDIT_ACTIONS } from '../../api/audit.js';

export { AUDIT_ACTIONS };

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
