import type { Role } from '../../api/common';

export const ROLE_LABEL: Record<Role, string> = { admin: 'Admin', manager: 'Manager', rep: 'Sales rep', marketing: 'Marketing', coach: 'Coach (outside)' };
export const ROLE_OPTIONS = (Object.keys(ROLE_LABEL) as Role[]).map((r) => ({ value: r, label: ROLE_LABEL[r] }));
