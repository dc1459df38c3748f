/**
 * The assistant settings page end to end (§2): every tab edits and saves, the saved values are there after a
 * reload, and each tab is photographed at 1440×900 into docs/assistant_settings_<tab>.png. The Conversations tab's
 * Streaming switch is also checked where it matters: the flyout then asks for `stream:false`.
 */
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { E2eContext, E2eTest } from '../types';

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

const API = '/api/security_ai_assistant';
const APP = '/app/management/securityAiAssistantManagement';

async function openTab(ctx: E2eContext, tab: string, testSubj: string): Promise<Locator> {
  await ctx.page.setViewportSize({ width: 1440, height: 900 });
  await ctx.page.goto(`${ctx.product.url}${APP}?tab=${tab}`);
  const root = ctx.page.getByTestId(testSubj);
  await root.waitFor({ timeout: 60_000 });
  return root;
}

async function screenshot(ctx: E2eContext, tab: string): Promise<void> {
  await ctx.page.screenshot({ path: path.join(ctx.repoRoot, 'docs', `assistant_settings_${tab}.png`) });
}

/** Clicks a row action: inline when EUI shows it, else through the row's collapsed "All actions" menu. */
async function rowAction(page: Page, row: Locator, testSubj: string): Promise<void> {
  await row.hover();
  const inline = row.getByTestId(testSubj);
  if ((await inline.count()) > 0 && (await inline.first().isVisible())) {
    await inline.first().click();
    return;
  }
  await row.getByTestId('euiCollapsedItemActionsButton').click();
  await page.locator(`.euiContextMenuPanel [data-test-subj="${testSubj}"]`).click();
}

/** Save (N) on a tab's sticky bar, then the bar goes away once the one `_bulk_action` succeeded. */
async function saveBar(page: Page, expectedCount: number): Promise<void> {
  const save = page.getByTestId('settingsSave');
  await save.waitFor({ timeout: 10_000 });
  const label = await save.innerText();
  assert(label.includes(`Save (${expectedCount})`), `the save bar says "${label}", expected Save (${expectedCount})`);
  await save.click();
  await page.getByTestId('settingsSaveBar').waitFor({ state: 'detached', timeout: 30_000 });
}

const rowWith = (root: Locator, text: string) => root.locator('tr.euiTableRow').filter({ hasText: text });

/** EuiFieldSearch searches on key up: type, then Enter. */
async function search(tab: Locator, text: string): Promise<void> {
  const field = tab.getByTestId('anonymizationSearch');
  await field.fill(text);
  await field.press('Enter');
}

/** Waits for a form flyout to close; if a toast explains why it did not, that is the error. */
async function closedOrToast(page: Page, form: Locator): Promise<void> {
  try {
    await form.waitFor({ state: 'detached', timeout: 30_000 });
  } catch (error) {
    const toasts = await page.locator('.euiToast').allInnerTexts();
    throw new Error(`${(error as Error).message.split('\n')[0]}; toasts: ${toasts.join(' | ') || 'none'}`);
  }
}

async function switchState(locator: Locator): Promise<boolean> {
  return (await locator.getAttribute('aria-checked')) === 'true';
}

async function api<T>(page: Page, method: string, route: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, route, body }) => {
      const res = await fetch(route, {
        method,
        headers: { 'kbn-xsrf': 'e2e', 'content-type': 'application/json', 'elastic-api-version': '2023-10-31' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${method} ${route} → ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    },
    { method, route, body },
  ) as Promise<T>;
}

const CONVERSATION = 'E2E settings chat';

export const assistantSettingsTests: E2eTest[] = [
  {
    name: 'settings › Conversations: edit title and system prompt, switch streaming off, save; kept after reload; the flyout then sends stream:false',
    async run(ctx) {
      const { page } = ctx;
      await page.goto(`${ctx.product.url}/app/security/alerts`);
      await page.locator('.alertsTableRow').first().waitFor({ timeout: 60_000 });
      await api(page, 'POST', `${API}/current_user/conversations`, { title: CONVERSATION });
      let tab = await openTab(ctx, 'conversations', 'settingsConversationsTab');
      await tab.getByTestId('conversationsTableTitle').filter({ hasText: CONVERSATION }).first().click();
      const form = page.getByTestId('conversationEditFlyout');
      await form.waitFor();
      await form.getByTestId('conversationEditTitle').fill(`${CONVERSATION} (renamed)`);
      await form.getByTestId('conversationEditSystemPrompt').selectOption({ label: 'Detailed system prompt' });
      await form.getByTestId('conversationEditConnector').selectOption({ label: 'Fake LLM' });
      await form.getByTestId('conversationEditSubmit').click();
      await form.waitFor({ state: 'detached' });
      const streaming = tab.getByTestId('conversationsStreaming');
      assert(await switchState(streaming), 'streaming should be on by default');
      await streaming.click();
      await screenshot(ctx, 'conversations');
      await saveBar(page, 2);

      await page.reload();
      tab = page.getByTestId('settingsConversationsTab');
      await tab.waitFor({ timeout: 60_000 });
      const row = rowWith(tab, `${CONVERSATION} (renamed)`);
      await row.waitFor({ timeout: 15_000 });
      const rowText = await row.innerText();
      assert(rowText.includes('Detailed system prompt'), `the system prompt was not saved: "${rowText}"`);
      assert(rowText.includes('Fake LLM') && rowText.includes('fake-model'), `connector/model not saved: "${rowText}"`);
      assert(!(await switchState(tab.getByTestId('conversationsStreaming'))), 'streaming is back on after the reload');

      // The flyout honours it: one JSON answer (stream:false), shown whole.
      await page.keyboard.press('Control+;');
      await page.getByTestId('assistantFlyout').waitFor({ timeout: 30_000 });
      await page.getByTestId('assistantNewChat').click();
      const request = page.waitForRequest((r) => r.url().includes('/chat/complete') && r.method() === 'POST', { timeout: 30_000 });
      await page.getByTestId('assistantComposer').fill('Is streaming off now?');
      await page.getByTestId('assistantComposer').press('Enter');
      const sent = await request;
      const body = sent.postDataJSON() as { stream?: boolean; conversationId?: string };
      assert(body.stream === false, `the flyout sent stream=${String(body.stream)} with streaming off`);
      const response = await sent.response();
      assert(response && (response.headers()['content-type'] ?? '').includes('application/json'), 'the non-streamed answer is not JSON');
      await page.getByTestId('assistantMessage').getByText('suspicious PowerShell').first().waitFor({ timeout: 60_000 });
      await page.getByTestId('assistantUserMessage').getByText('Is streaming off now?').waitFor();
      await page.keyboard.press('Control+;');
      await page.getByTestId('assistantFlyout').waitFor({ state: 'detached', timeout: 15_000 });

      // Back on, so later tests stream again.
      tab = page.getByTestId('settingsConversationsTab');
      await tab.getByTestId('conversationsStreaming').click();
      await saveBar(page, 1);
    },
  },
  {
    name: 'settings › Connectors: create one for the fake LLM, test it, set it as default; kept after reload',
    async run(ctx) {
      const { page } = ctx;
      const llm = ctx.product.fakeLlm;
      assert(llm, 'run.ts started no fake LLM');
      let tab = await openTab(ctx, 'connectors', 'settingsConnectorsTab');
      await tab.getByTestId('settingsAddConnector').click();
      const form = page.getByTestId('connectorFormFlyout');
      await form.getByTestId('connectorKind').selectOption('other');
      await form.getByTestId('connectorName').fill('E2E local model');
      // A bare base URL: the form adds /v1/chat/completions, and says so.
      await form.getByTestId('connectorUrl').fill(llm.url);
      await form.getByText(`${llm.url}/v1/chat/completions`).waitFor();
      await form.getByTestId('connectorModel').fill('fake-model');
      await form.getByTestId('connectorSave').click();
      await closedOrToast(page, form);
      let row = rowWith(tab, 'E2E local model');
      await row.waitFor({ timeout: 15_000 });

      const before = llm.chatRequests().length;
      await rowAction(page, row, 'connectorTest');
      await page.getByText(/Connector works \(\d+ ms/).first().waitFor({ timeout: 60_000 });
      assert(llm.chatRequests().length > before, 'Test did not reach the fake LLM');
      assert((await row.innerText()).includes('Ready'), 'the tested connector is not Ready');

      await rowAction(page, row, 'connectorSetDefault');
      await row.getByText('★').waitFor({ timeout: 15_000 });
      await screenshot(ctx, 'connectors');

      await page.reload();
      tab = page.getByTestId('settingsConnectorsTab');
      row = rowWith(tab, 'E2E local model');
      await row.waitFor({ timeout: 60_000 });
      const text = await row.innerText();
      assert(text.includes('★') && text.includes('fake-model') && text.includes('Other'), `after reload the connector row is "${text}"`);
      assert(!(await rowWith(tab, 'Fake LLM').innerText()).includes('★'), 'two connectors are marked default');

      // Leave the preconfigured connector as the default for the tests that follow.
      await rowAction(page, rowWith(tab, 'Fake LLM'), 'connectorSetDefault');
      await rowWith(tab, 'Fake LLM').getByText('★').waitFor({ timeout: 15_000 });
    },
  },
  {
    name: 'settings › System prompts: create one, save, edit it, save; kept after reload',
    async run(ctx) {
      const { page } = ctx;
      let tab = await openTab(ctx, 'system_prompts', 'settingsPromptsTab-system');
      await tab.getByTestId('settingsAddPrompt').click();
      let form = page.getByTestId('promptFormFlyout');
      await form.getByTestId('promptName').fill('E2E numbered');
      await form.getByTestId('promptContent').fill('Answer as a numbered list.');
      await form.getByTestId('promptFormSubmit').click();
      await form.waitFor({ state: 'detached' });
      await saveBar(page, 1);
      const row = rowWith(tab, 'E2E numbered');
      await row.waitFor({ timeout: 15_000 });

      await rowAction(page, row, 'promptEdit');
      form = page.getByTestId('promptFormFlyout');
      await form.getByTestId('promptContent').fill('Answer as a numbered list, most urgent first.');
      await form.getByTestId('promptFormSubmit').click();
      await form.waitFor({ state: 'detached' });
      await screenshot(ctx, 'system_prompts');
      await saveBar(page, 1);

      await page.reload();
      tab = page.getByTestId('settingsPromptsTab-system');
      await rowWith(tab, 'E2E numbered').waitFor({ timeout: 60_000 });
      await rowAction(page, rowWith(tab, 'E2E numbered'), 'promptEdit');
      form = page.getByTestId('promptFormFlyout');
      const content = await form.getByTestId('promptContent').inputValue();
      assert(content === 'Answer as a numbered list, most urgent first.', `after reload the prompt reads "${content}"`);
      await page.keyboard.press('Escape');
      await form.waitFor({ state: 'detached' });
    },
  },
  {
    name: 'settings › Quick prompts: name, text, contexts and colour saved; kept after reload',
    async run(ctx) {
      const { page } = ctx;
      let tab = await openTab(ctx, 'quick_prompts', 'settingsPromptsTab-quick');
      await tab.getByTestId('settingsAddPrompt').click();
      let form = page.getByTestId('promptFormFlyout');
      await form.getByTestId('promptName').fill('E2E escalate');
      await form.getByTestId('promptContent').fill('Draft an escalation note for the on-call lead.');
      const contexts = form.getByTestId('promptContexts');
      await contexts.locator('input').fill('alert');
      await page.locator('[role="option"]').filter({ hasText: /^alert$/ }).first().click();
      // EuiColorPicker puts its test subject next to its own (`euiColorPickerAnchor promptColor`).
      const colour = form.locator('[data-test-subj~="promptColor"]');
      await colour.fill('#1EA593');
      await form.getByTestId('promptFormSubmit').click();
      await form.waitFor({ state: 'detached' });
      await screenshot(ctx, 'quick_prompts');
      await saveBar(page, 1);

      await page.reload();
      tab = page.getByTestId('settingsPromptsTab-quick');
      const row = rowWith(tab, 'E2E escalate');
      await row.waitFor({ timeout: 60_000 });
      assert((await row.innerText()).includes('alert'), `the contexts column says "${await row.innerText()}"`);
      await rowAction(page, row, 'promptEdit');
      form = page.getByTestId('promptFormFlyout');
      assert((await form.getByTestId('promptContent').inputValue()) === 'Draft an escalation note for the on-call lead.', 'the prompt text was not kept');
      const savedColour = (await form.locator('[data-test-subj~="promptColor"]').inputValue()).toUpperCase();
      assert(savedColour === '#1EA593', `the colour was not kept: ${savedColour}`);
      await page.keyboard.press('Escape');
      await form.waitFor({ state: 'detached' });
    },
  },
  {
    name: 'settings › Anonymization: search, toggle allowed/anonymized, select all across pages + bulk, save; kept after reload; reset to defaults',
    async run(ctx) {
      const { page } = ctx;
      let tab = await openTab(ctx, 'anonymization', 'settingsAnonymizationTab');
      const stats = tab.getByTestId('anonymizationStats');
      await stats.waitFor({ timeout: 15_000 });
      const initialStats = await stats.innerText();

      await search(tab, 'host.name');
      const hostAnonymized = tab.getByTestId('anonAnonymized-host.name');
      await hostAnonymized.waitFor({ timeout: 15_000 });
      assert(await switchState(hostAnonymized), 'host.name is anonymized by default');
      await hostAnonymized.click();
      await search(tab, 'destination.ip');
      const destAllowed = tab.getByTestId('anonAllowed-destination.ip');
      await destAllowed.waitFor({ timeout: 15_000 });
      await destAllowed.click();

      // More process.* fields than one page holds: "Select all N" takes every page.
      await search(tab, 'process.');
      const selectAll = tab.getByTestId('anonymizationSelectAll');
      await page.waitForFunction(() => /Select all (\d+)/.test(document.querySelector('[data-test-subj="anonymizationSelectAll"]')?.textContent ?? '') && Number(/Select all (\d+)/.exec(document.querySelector('[data-test-subj="anonymizationSelectAll"]')?.textContent ?? '')?.[1]) > 20, undefined, { timeout: 15_000 });
      const total = Number(/Select all (\d+)/.exec(await selectAll.innerText())?.[1]);
      await selectAll.click();
      await tab.getByTestId('anonymizationAllSelected').getByText(`All ${total} fields selected`).waitFor({ timeout: 15_000 });
      await tab.getByTestId('anonymizationBulk-anonymize').click();
      await screenshot(ctx, 'anonymization');
      const label = await page.getByTestId('settingsSave').innerText();
      const count = Number(/Save \((\d+)\)/.exec(label)?.[1]);
      assert(count >= 3 && count <= total + 2, `unexpected pending change count "${label}" for ${total} process fields`);
      await saveBar(page, count);
      await page.waitForFunction((before) => document.querySelector('[data-test-subj="anonymizationStats"]')?.textContent !== before, initialStats, { timeout: 15_000 });
      const savedStats = await stats.innerText();

      await page.reload();
      tab = page.getByTestId('settingsAnonymizationTab');
      await tab.getByTestId('anonymizationStats').waitFor({ timeout: 60_000 });
      assert((await tab.getByTestId('anonymizationStats').innerText()) === savedStats, 'the stats changed across the reload');
      await search(tab, 'host.name');
      await tab.getByTestId('anonAnonymized-host.name').waitFor({ timeout: 15_000 });
      assert(!(await switchState(tab.getByTestId('anonAnonymized-host.name'))), 'host.name is anonymized again after the reload');
      await search(tab, 'destination.ip');
      await tab.getByTestId('anonAllowed-destination.ip').waitFor({ timeout: 15_000 });
      assert(!(await switchState(tab.getByTestId('anonAllowed-destination.ip'))), 'destination.ip is allowed again after the reload');
      await search(tab, 'process.command_line');
      await tab.getByTestId('anonAnonymized-process.command_line').waitFor({ timeout: 15_000 });
      assert(await switchState(tab.getByTestId('anonAnonymized-process.command_line')), 'the bulk Anonymize was not kept');

      await tab.getByTestId('anonymizationResetBalanced').click();
      await page.getByTestId('confirmModalConfirmButton').click();
      await page.waitForFunction((expected) => document.querySelector('[data-test-subj="anonymizationStats"]')?.textContent === expected, initialStats, { timeout: 30_000 });
    },
  },
  {
    name: 'settings › Knowledge base: a required, shared document; made private (confirmed) gives a private copy; kept after reload',
    async run(ctx) {
      const { page } = ctx;
      let tab = await openTab(ctx, 'knowledge_base', 'settingsKnowledgeBaseTab');
      await tab.getByTestId('kbAddDocument').click();
      let form = page.getByTestId('kbEntryFlyout');
      await form.getByTestId('kbEntryName').fill('E2E runbook');
      await form.getByTestId('kbEntryText').fill('Isolate a host with the EDR before reimaging it.');
      await form.getByTestId('kbEntryRequired').click();
      await form.getByTestId('kbEntrySharing').getByText('Everyone in this space').click();
      await form.getByTestId('kbEntrySave').click();
      await closedOrToast(page, form);
      const shared = rowWith(tab, 'E2E runbook');
      await shared.waitFor({ timeout: 15_000 });
      const sharedText = await shared.innerText();
      assert(sharedText.includes('Everyone in this space') && sharedText.includes('Yes'), `the new entry reads "${sharedText}"`);

      await rowAction(page, shared, 'kbEntryEdit');
      form = page.getByTestId('kbEntryFlyout');
      await form.getByTestId('kbEntrySharing').getByText('Private to me').click();
      await form.getByTestId('kbEntrySave').click();
      await page.getByTestId('kbMakePrivateConfirm').waitFor({ timeout: 10_000 });
      await page.getByTestId('kbMakePrivateConfirm').getByTestId('confirmModalConfirmButton').click();
      await closedOrToast(page, form);

      await page.reload();
      tab = page.getByTestId('settingsKnowledgeBaseTab');
      await rowWith(tab, 'E2E runbook').first().waitFor({ timeout: 60_000 });
      const rows = await rowWith(tab, 'E2E runbook').allInnerTexts();
      assert(rows.length === 2, `expected the shared entry and its private copy, got ${rows.length}: ${rows.join(' | ')}`);
      assert(rows.some((r) => r.includes('Private to me') && r.includes('Yes')), 'no private, required copy');
      assert(rows.some((r) => r.includes('Everyone in this space')), 'the shared entry is gone');
      await screenshot(ctx, 'knowledge_base');
    },
  },
];
