// Email through a real SMTP conversation: smtp-server on loopback receives, mailparser reads.
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobRunner } from '../jobs/runner.js';
import { createTestEnv, type TestEnv, testEngines } from '../test/test-env.js';
import { notificationEmailJob } from './email.jobs.js';

interface Received {
  to: string;
  subject: string;
  text: string;
  html: string;
  unsubscribe: string;
}

for (const engine of testEngines()) {
  describe(`notification email [${engine}]`, () => {
    let env: TestEnv & { close(): Promise<void> };
    let server: SMTPServer;
    const inbox: Received[] = [];
    let refuseNext = 0;

    beforeAll(async () => {
      server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        onRcptTo(_address, _session, callback) {
          if (refuseNext > 0) {
            refuseNext--;
            return callback(new Error('451 try again later'));
          }
          callback();
        },
        onData(stream, _session, callback) {
          simpleParser(stream)
            .then((mail) => {
              inbox.push({
                to: (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.text ?? '',
                subject: mail.subject ?? '',
                text: mail.text ?? '',
                html: String(mail.html),
                unsubscribe: mail.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? '',
              });
              callback();
            })
            .catch(callback);
        },
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const port = (server.server.address() as AddressInfo).port;
      env = await createTestEnv(engine, {
        config: {
          smtp: { transport: { host: '127.0.0.1', port, secure: false }, from: 'Furrow <furrow@example.test>', linkSecret: 'k'.repeat(40) },
          publicUrl: 'https://crm.example.test',
        },
      });
    });
    afterAll(async () => {
      await env?.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    // Only the email job: on PostgreSQL every test file shares one database, and other files' jobs
    // (webhook deliveries, schedules) would change what runDue counts.
    const runner = () => createJobRunner({ database: env.database, config: env.config, now: () => env.clock.now, jobs: [notificationEmailJob] });

    it('delivers plain text and HTML with the link and a working unsubscribe link, retrying a refusing server', async () => {
      const w = await env.workspace();
      const manager = await w.user('manager', { name: 'Mona Manager' });
      const rep = await w.user('rep', { name: 'Remy Rep', teamId: await w.team('Field', { managerId: manager.id }) });
      const created = await w.as(manager).post('/api/v1/deals', { name: 'Umbrella expansion', amount: 1000, closeDate: '2027-01-31', ownerId: rep.id });
      expect(created.status).toBe(201);
      // Queued in the deal's transaction, sent by the runner, not by the request.
      expect(inbox.filter((m) => m.to.includes(rep.email))).toEqual([]);

      refuseNext = 1;
      expect(await runner().runDue()).toMatchObject({ failed: 1 });
      expect(inbox.filter((m) => m.to.includes(rep.email))).toEqual([]);
      env.clock.now += 60_000; // the first retry's backoff
      expect(await runner().runDue()).toMatchObject({ ran: 1, failed: 0 });

      const mails = inbox.filter((m) => m.to.includes(rep.email));
      expect(mails).toHaveLength(1);
      const mail = mails[0] as Received;
      expect(mail.subject).toBe('Mona Manager assigned Umbrella expansion to you');
      expect(mail.text).toContain(`https://crm.example.test/deals/${created.body.id}`);
      expect(mail.html).toContain(`href="https://crm.example.test/deals/${created.body.id}"`);
      const link = /Stop these emails: (\S+)/.exec(mail.text)?.[1] as string;
      expect(link).toMatch(/^https:\/\/crm\.example\.test\/api\/v1\/notifications\/unsubscribe\?token=/);
      expect(mail.unsubscribe).toContain(link);

      // No session needed: GET asks, POST (the button, or a mail client's one-click) turns it off.
      const path = link.replace('https://crm.example.test', '');
      const ask = await env.anonymous().get(path);
      expect(ask.status).toBe(200);
      expect(String(ask.body)).toContain('Stop these emails');
      const done = await env.app.inject({
        method: 'POST',
        url: path,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      });
      expect(done.statusCode).toBe(200);
      const prefs = (await w.as(rep).get('/api/v1/notifications/preferences')).body;
      expect(prefs.emailConfigured).toBe(true);
      expect(prefs.items.find((p: { kind: string }) => p.kind === 'crm.deal-assigned')).toMatchObject({ inApp: true, email: false });
      // A tampered token changes nothing.
      const tampered = await env.app.inject({ method: 'POST', url: `${path.slice(0, -3)}xyz` });
      expect(tampered.statusCode).toBe(400);

      // Unsubscribed: the next assignment stays in the app only.
      await w.as(manager).post('/api/v1/deals', { name: 'Second deal', amount: 1000, closeDate: '2027-01-31', ownerId: rep.id });
      await runner().runDue();
      expect(inbox.filter((m) => m.to.includes(rep.email))).toHaveLength(1);
      expect((await w.as(rep).get('/api/v1/notifications/unread-count')).body.unread).toBe(2);
    });
  });
}
