// Retention of the audit log: a nightly system-wide purge of entries older than AUDIT_RETENTION_DAYS.
import { defineJob, defineSchedule } from '../jobs/job.js';
import { purgeExpiredAudit } from './audit.service.js';

export const purgeAuditJob = defineJob<Record<string, never>>({
  name: 'ops.purge-audit-log',
  description: 'Removes audit entries older than the retention period',
  retryLimit: 2,
  handler: async (job) => {
    const removed = await purgeExpiredAudit(job.db, job.now(), job.config.auditRetentionDays);
    if (removed > 0) job.log(`purged ${removed} audit entries older than ${job.config.auditRetentionDays} days`);
  },
});

export const purgeAuditSchedule = defineSchedule({ job: purgeAuditJob, cron: '41 3 * * *', scope: 'system' });
