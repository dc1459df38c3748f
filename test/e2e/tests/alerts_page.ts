/** Login, the seeded alerts in the table, an alert flyout, notes, status, and the README screenshot. */
import path from 'node:path';
import fs from 'node:fs';
import type { E2eTest } from '../types';

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export const alertsPageTests: E2eTest[] = [
  {
    name: 'shows the login page when logged out and rejects a wrong password',
    async run({ product, page }) {
      await page.goto(`${product.url}/`);
      await page.getByTestId('loginUsername').waitFor({ timeout: 60_000 });
      await page.getByTestId('loginUsername').fill(product.username);
      await page.getByTestId('loginPassword').fill('wrong-password');
      await page.getByTestId('loginSubmit').click();
      await page.getByTestId('loginErrorMessage').waitFor({ timeout: 15_000 });
    },
  },
  {
    name: 'logs in and lands on the Alerts page with the seeded alerts',
    async run({ product, page }) {
      await page.getByTestId('loginPassword').fill(product.password);
      await page.getByTestId('loginSubmit').click();
      await page.waitForURL(/\/app\/security\/alerts/, { timeout: 60_000 });
      await page.locator('.alertsTableRow').first().waitFor({ timeout: 60_000 });
      const rows = await page.locator('.alertsTableRow').count();
      assert(rows === 25, `expected a full first page of 25 alerts, got ${rows}`);
      const count = (await page.getByTestId('alertsCount').innerText()).replace(/[^0-9]/g, '');
      assert(Number(count) > 100, `expected hundreds of open alerts, the page says ${count}`);
      await page.getByTestId('kbnSideNav').getByText('Alerts').waitFor();
      await page.getByTestId('kbnSideNav').getByText('Stack Management').waitFor();
    },
  },
  {
    name: 'filters by free text and takes the README screenshot',
    async run({ page, repoRoot }) {
      await page.getByTestId('alertsSearchBar').fill('Lateral Movement via PsExec');
      await page.getByTestId('alertsSearchBar').press('Enter');
      await page.waitForFunction(() => document.querySelectorAll('.alertsTableRow').length === 1, undefined, { timeout: 30_000 });
      await page.getByTestId('alertsSearchBar').fill('');
      await page.getByTestId('alertsSearchBar').press('Enter');
      await page.waitForFunction(() => document.querySelectorAll('.alertsTableRow').length === 25, undefined, { timeout: 30_000 });
      fs.mkdirSync(path.join(repoRoot, 'docs'), { recursive: true });
      await page.screenshot({ path: path.join(repoRoot, 'docs', 'alerts_page.png') });
    },
  },
  {
    name: 'opens an alert flyout with overview, all fields, notes and status actions',
    async run({ page }) {
      const ruleName = (await page.locator('.alertsTableRow').first().getByTestId('alertRuleName').innerText()).trim();
      await page.getByTestId('alertTimestampLink').first().click();
      await page.getByTestId('alertFlyout').waitFor({ timeout: 30_000 });
      const title = (await page.getByTestId('alertFlyoutTitle').innerText()).trim();
      assert(ruleName.includes(title), `flyout title "${title}" does not match the row's rule "${ruleName}"`);
      await page.getByTestId('alertOverview').waitFor();
      await page.getByTestId('alertFlyoutTab-table').click();
      await page.getByTestId('alertFieldsTable').getByText('@timestamp', { exact: true }).first().waitFor();
      await page.getByTestId('alertFlyoutTab-notes').click();
      await page.getByTestId('alertNoteInput').fill('Checked by **e2e**');
      await page.getByTestId('alertAddNote').click();
      await page.getByTestId('alertNote').locator('strong', { hasText: 'e2e' }).waitFor({ timeout: 15_000 });
      await page.getByTestId('alertStatusActions').click();
      await page.getByTestId('acknowledgedAlertStatus').click();
      await page.getByTestId('alertFlyout').getByTestId('alertStatusBadge').getByText('acknowledged').waitFor({ timeout: 15_000 });
    },
  },
];
