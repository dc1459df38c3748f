/**
 * The Workflows app end to end: create a workflow, see a validation marker for invalid YAML, fix and save it with
 * Ctrl+S, test-run it on a seeded alert through the Run dialog's Alert tab, and watch the steps complete in the
 * execution detail (screenshot docs/workflows_execution.png).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { E2eTest } from '../types';

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

const VALID_YAML = `version: "1"
name: E2E alert triage
description: Created by the browser test
enabled: true
tags: [e2e]
triggers:
  - type: manual
  - type: alert
steps:
  - name: count_alerts
    type: data.set
    with:
      total: "{{ event.alerts | size }}"
  - name: each_alert
    type: foreach
    foreach: "{{ event.alerts | json }}"
    steps:
      - name: log_alert
        type: console
        with:
          message: "Alert {{ foreach.item._id }} from {{ event.rule.name }}"
  - name: done
    type: console
    with:
      message: "Checked {{ steps.count_alerts.output.total }} alerts"
`;

const INVALID_YAML = VALID_YAML.replace('type: data.set', 'type: not.a.real.step');

/** Replaces the Monaco buffer with a paste (typing would be re-indented line by line by the editor). */
async function setEditorText(page: Page, text: string): Promise<void> {
  await page.locator('[data-test-subj="workflowYamlEditor"] .view-lines').click();
  await page.keyboard.press('Control+A');
  await page.locator('[data-test-subj="workflowYamlEditor"] textarea').evaluate((textarea, value) => {
    const data = new DataTransfer();
    data.setData('text/plain', value);
    textarea.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

export const workflowsTests: E2eTest[] = [
  {
    name: 'workflows: creates a workflow, shows a validation marker for invalid YAML, fixes and saves it',
    async run({ product, page }) {
      await page.goto(`${product.url}/app/workflows`);
      await page.getByTestId('workflowsApp').waitFor({ timeout: 60_000 });
      await page.getByTestId('createWorkflowButton').first().click();
      await page.waitForURL(/\/app\/workflows\/create/, { timeout: 15_000 });
      await page.locator('[data-test-subj="workflowYamlEditor"] .monaco-editor').waitFor({ timeout: 60_000 });

      await setEditorText(page, INVALID_YAML);
      // The /validate marker (owner "workflows") is drawn as a squiggle and listed in the problems panel.
      await page.locator('[data-test-subj="workflowYamlEditor"] .squiggly-error').first().waitFor({ timeout: 30_000 });
      // The panel lists it and jumps to it.
      const problem = page.locator('[data-test-subj="workflowProblem"][data-severity="error"]', { hasText: 'not.a.real.step' }).first();
      await problem.waitFor({ timeout: 15_000 });
      await problem.click();

      await setEditorText(page, VALID_YAML);
      await page.waitForFunction(() => document.querySelector('[data-test-subj="workflowErrorCount"]')?.textContent === '0', undefined, { timeout: 30_000 });
      await page.getByTestId('workflowEditorTitle').getByText('E2E alert triage').waitFor({ timeout: 15_000 });

      await page.locator('[data-test-subj="workflowYamlEditor"] .view-lines').click();
      await page.keyboard.press('Control+s');
      await page.waitForURL(/\/app\/workflows\/(?!create)[^/?]+/, { timeout: 30_000 });
      await page.waitForFunction(() => !document.querySelector('[data-test-subj="workflowUnsavedBadge"]'), undefined, { timeout: 15_000 });
      assert((await page.getByTestId('workflowSavedInvalidCallout').count()) === 0, 'a valid workflow was reported as saved invalid');
    },
  },
  {
    name: 'workflows: test-runs the workflow on an alert from the Alert tab and watches the steps complete',
    async run({ page, repoRoot }) {
      await page.getByTestId('runWorkflowButton').click();
      const modal = page.getByTestId('runWorkflowModal');
      await modal.waitFor({ timeout: 15_000 });
      await modal.getByTestId('runTab-alert').click();
      // The default range is the last 24 hours; the seeded alerts are relative to the product's start.
      const firstRow = modal.getByTestId('alertPickerRow').first();
      await firstRow.waitFor({ timeout: 30_000 });
      await firstRow.getByRole('checkbox').check();
      await modal.getByTestId('alertPickerSummary').getByText('1 alert selected', { exact: false }).waitFor({ timeout: 10_000 });
      await modal.getByTestId('runWorkflowSubmit').click();

      await page.waitForURL(/executionId=/, { timeout: 30_000 });
      await page.locator('[data-test-subj="executionDetail"][data-status="completed"]').waitFor({ timeout: 90_000 });
      for (const step of ['count_alerts', 'each_alert', 'log_alert', 'done']) {
        const node = page.getByTestId(`stepTreeNode-${step}`).first();
        await node.waitFor({ timeout: 15_000 });
        const status = await node.getAttribute('data-status');
        assert(status === 'completed', `step ${step} is ${status}, expected completed`);
      }
      await page.getByTestId('stepTreeScope-iteration').first().waitFor();
      await page.getByTestId('testRunBadge').first().waitFor();

      await page.getByTestId('stepTreeNode-done').click();
      await page.getByTestId('stepRecordTab-output').click();
      const output = await page.getByTestId('stepRecordOutput').innerText();
      assert(output.includes('Checked 1 alerts'), `unexpected output of step done: ${output}`);
      assert((await page.getByTestId('stepOutputPath').innerText()).trim() === 'steps.done.output', 'the output path is not shown');

      await page.getByTestId('stepTreeNode-log_alert').first().click();
      await page.getByTestId('stepRecordTab-logs').click();
      await page.getByTestId('executionLogs').getByText(/Log from step log_alert/).first().waitFor({ timeout: 15_000 });

      fs.mkdirSync(path.join(repoRoot, 'docs'), { recursive: true });
      await page.screenshot({ path: path.join(repoRoot, 'docs', 'workflows_execution.png') });
    },
  },
  {
    name: 'workflows: the list shows the saved workflow',
    async run({ product, page }) {
      await page.goto(`${product.url}/app/workflows`);
      const row = page.getByTestId('workflowRow').filter({ hasText: 'E2E alert triage' }).first();
      await row.waitFor({ timeout: 30_000 });
      await row.getByTestId('triggerIcon-alert').waitFor();
    },
  },
];
