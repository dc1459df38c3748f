/** The AI assistant: Ctrl+; flyout, a streamed answer from the fake LLM, "Chat" from an alert, settings tabs, screenshot. */
import fs from 'node:fs';
import path from 'node:path';
import { FAKE_LLM_ANSWER } from '../product';
import type { E2eTest } from '../types';

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

const ANSWER_TEXT = FAKE_LLM_ANSWER.replace(/\*\*/g, '');
const SETTINGS_TABS = ['conversations', 'connectors', 'system_prompts', 'quick_prompts', 'anonymization', 'knowledge_base'];

export const assistantTests: E2eTest[] = [
  {
    name: 'Ctrl+; opens the assistant flyout with the fake connector ready',
    async run({ product, page }) {
      await page.goto(`${product.url}/app/security/alerts`);
      await page.locator('.alertsTableRow').first().waitFor({ timeout: 60_000 });
      const chunksBefore = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
      const pressed = Date.now();
      await page.keyboard.press('Control+;');
      await page.getByTestId('assistantFlyout').waitFor({ timeout: 15_000 });
      await page.getByTestId('assistantComposer').waitFor({ timeout: 15_000 });
      const interactiveMs = Date.now() - pressed;
      await page.getByTestId('assistantWelcomeW5').waitFor({ timeout: 15_000 });
      const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
      const flyoutChunks = fetched.filter((name) => !chunksBefore.includes(name) && name.includes('/bundles/') && name.endsWith('.js'));
      assert(flyoutChunks.length > 0, 'the flyout code was not a lazy chunk: no bundle was fetched when it opened');
      process.stdout.write(`    shortcut → interactive flyout: ${interactiveMs} ms; lazy chunks fetched on first open: ${flyoutChunks.map((n) => n.split('/').pop()).join(', ')}\n`);
      const connector = await page.getByTestId('assistantConnectorSelected').innerText();
      assert(connector.includes('Fake LLM'), `expected the Fake LLM connector to be selected, got "${connector}"`);
    },
  },
  {
    name: 'sends a message and shows the streamed answer',
    async run({ product, page }) {
      const before = product.fakeLlm?.chatRequests().length ?? 0;
      await page.getByTestId('assistantComposer').fill('Which alerts matter most today?');
      await page.getByTestId('assistantComposer').press('Enter');
      await page.getByTestId('assistantMessage').getByText('suspicious PowerShell').waitFor({ timeout: 60_000 });
      const text = await page.getByTestId('assistantMessage').last().innerText();
      assert(text.includes(ANSWER_TEXT), `the answer "${text}" is not the fake LLM's`);
      assert((product.fakeLlm?.chatRequests().length ?? 0) > before, 'the fake LLM received no request');
      await page.getByTestId('assistantUserMessage').getByText('Which alerts matter most today?').waitFor();
      await page.getByTestId('assistantHistoryItem').first().waitFor({ timeout: 15_000 });
      await page.keyboard.press('Control+;');
      await page.getByTestId('assistantFlyout').waitFor({ state: 'detached', timeout: 15_000 });
    },
  },
  {
    name: 'opens an alert, clicks Chat, sees the alert context and sends it',
    async run({ product, page, repoRoot }) {
      await page.getByTestId('alertTimestampLink').first().click();
      await page.getByTestId('alertFlyout').waitFor({ timeout: 30_000 });
      await page.getByTestId('assistantAlertChat').click();
      await page.getByTestId('assistantFlyout').waitFor({ timeout: 15_000 });
      const pill = page.locator('[data-test-subj^="assistantSelectedContext-alert-"]');
      await pill.waitFor({ timeout: 15_000 });
      assert((await pill.innerText()).includes('Selected alert'), 'the alert context is not shown');
      const prompt = await page.getByTestId('assistantComposer').inputValue();
      assert(prompt.includes('triage summary'), `expected the suggested prompt in the composer, got "${prompt}"`);
      const before = product.fakeLlm?.chatRequests().length ?? 0;
      await page.getByTestId('assistantSend').click();
      await page.getByTestId('assistantMessage').getByText('suspicious PowerShell').first().waitFor({ timeout: 60_000 });
      const requests = (await product.fakeLlm?.waitForChatRequests(before + 1, 30_000)) ?? [];
      const sent = JSON.stringify(requests.slice(before).map((r) => r.body));
      assert(sent.includes('<context'), 'the alert context did not reach the LLM');
      fs.mkdirSync(path.join(repoRoot, 'docs'), { recursive: true });
      await page.screenshot({ path: path.join(repoRoot, 'docs', 'assistant_flyout.png') });
      await page.keyboard.press('Control+;');
      await page.getByTestId('assistantFlyout').waitFor({ state: 'detached', timeout: 15_000 });
    },
  },
  {
    name: 'shows every tab of the assistant settings page',
    async run({ product, page }) {
      await page.goto(`${product.url}/app/management/securityAiAssistantManagement`);
      await page.getByTestId('assistantSettingsPage').waitFor({ timeout: 60_000 });
      for (const tab of SETTINGS_TABS) {
        await page.getByTestId(`settingsTab-${tab}`).click();
        await page.waitForURL(new RegExp(`tab=${tab}`), { timeout: 10_000 });
      }
      await page.getByTestId('settingsTab-connectors').click();
      await page.getByTestId('settingsConnectorsTab').getByText('Fake LLM').waitFor({ timeout: 15_000 });
      await page.getByTestId('settingsTab-conversations').click();
      await page.getByTestId('conversationsTableTitle').first().waitFor({ timeout: 15_000 });
      await page.getByTestId('settingsTab-anonymization').click();
      await page.getByTestId('anonymizationStats').waitFor({ timeout: 15_000 });
    },
  },
];
