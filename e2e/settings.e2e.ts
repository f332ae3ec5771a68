// The admin's own settings writes, each through the web data layer's one write path: a token is
// created (its secret shown once) and revoked; a team is created, renamed and deleted, and a
// rename that lost a race shows the other admin's change and loads it; a user is disabled; another
// admin's workspace change meanwhile opens the conflict dialog and is merged with this admin's edit.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { createOrg, type Org, startServer, type TestServer } from './support/server.js';
import { signInAs } from './support/sign-in.js';

let server: TestServer;
let org: Org;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  org = await createOrg(server);
  browser = await launchBrowser();
  page = await signInAs(browser, server, org.admin);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('settings', () => {
  it('creates an API token, shows its secret once, and revokes it', async () => {
    await page.goto(`${server.url}/settings/api-tokens`);
    await page.getByRole('heading', { level: 1, name: 'API tokens' }).waitFor();
    const form = page.getByRole('form', { name: 'Create a token' });
    await form.getByRole('textbox', { name: 'Token name' }).fill('Marketing automation');
    await form.getByRole('button', { name: 'Create token' }).click();
    await expect.poll(async () => (await page.getByTestId('secret').textContent())?.trim() ?? '').toMatch(/^fw_/);
    const row = page.getByRole('row', { name: /Marketing automation/ });
    await row.getByRole('button', { name: 'Revoke' }).click();
    await page.getByText('Token Marketing automation revoked').waitFor();
    await row.getByText('Revoked').waitFor();
  });

  it('creates, renames and deletes a team; a rename that lost a race loads the other admin’s', async () => {
    await page.goto(`${server.url}/settings/teams`);
    await page.getByRole('heading', { level: 1, name: 'Teams' }).waitFor();
    await page.getByRole('button', { name: 'New team' }).first().click();
    const create = page.getByRole('dialog', { name: 'New team' });
    await create.getByRole('textbox', { name: 'Name' }).fill('North');
    await create.getByRole('button', { name: 'Create team' }).click();
    await page.getByText('Team North created').waitFor();

    await page.getByRole('button', { name: 'North', exact: true }).click();
    const edit = page.getByRole('dialog', { name: 'Edit North' });
    await edit.getByRole('textbox', { name: 'Name' }).fill('North Star');
    await edit.getByRole('button', { name: 'Save' }).click();
    // The dialog closes once the save is in; the toast text alone could be an earlier save's.
    await edit.waitFor({ state: 'hidden' });
    await page.getByText('Team saved').first().waitFor();
    await page.getByRole('button', { name: 'North Star', exact: true }).waitFor();

    // Another admin renames it while this one has it open: the save shows their change, and loads it.
    await page.getByRole('button', { name: 'North Star', exact: true }).click();
    const stale = page.getByRole('dialog', { name: 'Edit North Star' });
    await stale.getByRole('textbox', { name: 'Name' }).waitFor();
    const teams = await org.adminApi.get<{ items: { id: string; name: string; version: number }[] }>('/api/v1/teams');
    const north = teams.items.find((t) => t.name === 'North Star');
    await org.adminApi.patch(`/api/v1/teams/${north?.id}`, { version: north?.version, name: 'North Pole' });
    await stale.getByRole('textbox', { name: 'Name' }).fill('North Wind');
    await stale.getByRole('button', { name: 'Save' }).click();
    const conflict = page.getByRole('dialog', { name: 'This team was changed while you were editing' });
    await expect.poll(async () => (await conflict.getByRole('row', { name: /Name/ }).textContent()) ?? '').toContain('North Pole');
    await conflict.getByRole('button', { name: 'Load their version, keep my other edits' }).click();
    await expect(stale.getByRole('textbox', { name: 'Name' }).inputValue()).resolves.toBe('North Pole');
    await stale.getByRole('button', { name: 'Save' }).click();
    await stale.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'North Pole', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Delete North Pole' }).click();
    await page.getByText('Team North Pole deleted').waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'North Pole', exact: true }).count()).toBe(0);
  });

  it('disables a user', async () => {
    await page.goto(`${server.url}/settings/users`);
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await page.getByRole('button', { name: `Edit ${org.repB.name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Edit ${org.repB.name}` });
    await dialog.getByRole('switch', { name: 'Disabled' }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(`${org.repB.name} saved`).first().waitFor();
    await page
      .getByRole('row', { name: new RegExp(org.repB.name) })
      .getByText('Disabled')
      .waitFor();
  });

  it('merges another admin’s workspace change with this admin’s edit', async () => {
    await page.goto(`${server.url}/settings/workspace`);
    await page.getByRole('heading', { level: 1, name: 'Workspace' }).waitFor();
    const form = page.getByRole('form', { name: 'Workspace settings' });
    await form.getByRole('textbox', { name: 'Workspace name' }).waitFor();

    const workspace = await org.adminApi.get<{ version: number }>('/api/v1/workspace');
    await org.adminApi.patch('/api/v1/workspace', { version: workspace.version, currency: 'USD' });

    await form.getByRole('textbox', { name: 'Workspace name' }).fill('Acme Sales Europe');
    await form.getByRole('button', { name: 'Save' }).click();
    const dialog = page.getByRole('dialog', { name: 'This workspace was changed while you were editing' });
    await expect.poll(async () => (await dialog.getByRole('row', { name: /Currency/ }).textContent()) ?? '').toContain('USD');
    await dialog.getByRole('button', { name: 'Load their version, keep my other edits' }).click();
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Workspace settings saved').waitFor();
    const saved = await org.adminApi.get<{ name: string; currency: string }>('/api/v1/workspace');
    expect(saved).toMatchObject({ name: 'Acme Sales Europe', currency: 'USD' });
  });
});
