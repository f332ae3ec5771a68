// Sends one notification by email (nodemailer, through the job queue so a mail server outage is
// retried with backoff). Idempotent: a notification already emailed is not sent again; the rare
// crash between sending and recording it may send it twice (at-least-once).
import nodemailer from 'nodemailer';
import type { Config } from '../config.js';
import { systemActorFor } from '../identity/auth.service.js';
import { defineJob } from '../jobs/job.js';
import { escapeHtml } from './html.js';
import { kindById } from './kinds.js';
import { findNotification, markEmailed, preferencesOf } from './notifications.repo.js';
import { renderForRecipient } from './render.js';
import { unsubscribeToken } from './unsubscribe-token.js';

export const notificationEmailJob = defineJob<{ notificationId: string }>({
  name: 'notifications.email',
  description: 'Sends one notification by email',
  retryLimit: 6,
  backoff: { delayMs: 60_000, exponential: true, maxDelayMs: 3600_000 },
  leaseMs: 2 * 60_000,
  handler: async (job) => {
    const smtp = job.config.smtp;
    const row = await findNotification(job.db, job.payload.notificationId);
    if (!smtp || !row || row.emailed_at !== null) return;
    const kind = kindById(row.kind);
    const actor = await systemActorFor(job.db, row.workspace_id, row.recipient_id);
    if (!kind || !actor) return;
    // They may have turned email off (or unsubscribed) since it was queued.
    const pref = (await preferencesOf(job.db, row.workspace_id, row.recipient_id)).find((p) => p.kind === kind.id);
    if (pref ? pref.email !== 1 : !kind.defaults.email) return;

    const ctx = { db: job.db, dialect: job.dialect, actor, now: job.now, config: job.config, memo: new Map() };
    const [item] = await renderForRecipient(ctx, [row]);
    if (!item) return;
    const base = baseUrl(job.config);
    const unsubscribeUrl = `${base}/api/v1/notifications/unsubscribe?token=${unsubscribeToken(smtp.linkSecret, { workspaceId: row.workspace_id, userId: row.recipient_id, kind: kind.id })}`;
    const mail = notificationEmail({
      title: item.title,
      link: item.record ? `${base}${item.record.path}` : null,
      label: kind.label,
      unsubscribeUrl,
      settingsUrl: `${base}/settings/notifications`,
    });
    const transport = nodemailer.createTransport(smtp.transport);
    try {
      await transport.sendMail({
        from: smtp.from,
        to: actor.email,
        subject: item.title,
        text: mail.text,
        html: mail.html,
        headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      });
    } finally {
      transport.close();
    }
    await markEmailed(job.db, row.id, job.now());
  },
});

function baseUrl(config: Config): string {
  return config.publicUrl ?? `http://localhost:${config.port}`;
}

/** Plain text and HTML of one notification email. Pure. */
export function notificationEmail(input: { title: string; link: string | null; label: string; unsubscribeUrl: string; settingsUrl: string }): {
  text: string;
  html: string;
} {
  const text = [
    input.title,
    '',
    input.link ? `Open it in Furrow: ${input.link}` : 'Open Furrow to see your notifications.',
    '',
    '—',
    `You get this because "${input.label}" is on for email.`,
    `Stop these emails: ${input.unsubscribeUrl}`,
    `All notification settings: ${input.settingsUrl}`,
  ].join('\n');
  const html = `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">
<p style="font-size:16px">${escapeHtml(input.title)}</p>
${input.link ? `<p><a href="${escapeHtml(input.link)}">Open it in Furrow</a></p>` : '<p>Open Furrow to see your notifications.</p>'}
<hr><p style="color:#555;font-size:13px">You get this because “${escapeHtml(input.label)}” is on for email.
<a href="${escapeHtml(input.unsubscribeUrl)}">Stop these emails</a> · <a href="${escapeHtml(input.settingsUrl)}">All notification settings</a></p>
</body></html>`;
  return { text, html };
}
