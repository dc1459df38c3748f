/**
 * Per-context anonymization end to end (§1.4, §5.7, AN-T1/AN-T2): "Chat" on an alert, open the context's editor,
 * anonymize one more field, send; the fake LLM must see a token instead of the value, the answer it writes with
 * that token shows the original, and "Show anonymized values" (Alt+A) shows the token again.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { RecordedRequest } from '../../fake_llm';
import { FAKE_LLM_ANSWER } from '../product';
import type { E2eTest } from '../types';

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Anonymized here: allowed but sent in clear by the default (Balanced) policy, and on every alert. */
const FIELD = 'kibana.alert.rule.name';
const TOKEN = '[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}';
const API = '/api/security_ai_assistant';

/** The token a `<context>` CSV line gives a field (`field,<token>`), as the model sees it. */
function tokenOf(request: RecordedRequest, field: string): string | undefined {
  const text = JSON.stringify(request.body);
  return new RegExp(`${field.replace(/\./g, '\\.')},(${TOKEN})`, 'i').exec(text)?.[1];
}

/** The JSON-escaped, lower-cased form of a value, as it would appear inside a serialized request body. */
const jsonNeedle = (value: string) => JSON.stringify(value).slice(1, -1).toLowerCase();

async function lastConversationMessages(page: Page): Promise<Array<{ role: string; content: string }>> {
  return page.evaluate(async (api) => {
    const res = await fetch(`${api}/current_user/conversations/_find?per_page=1&sort_field=updated_at&sort_order=desc&fields=messages&fields=id`, {
      headers: { 'elastic-api-version': '2023-10-31' },
    });
    const body = (await res.json()) as { data: Array<{ messages?: Array<{ role: string; content: string }> }> };
    return body.data[0]?.messages ?? [];
  }, API);
}

export const assistantAnonymizationTests: E2eTest[] = [
  {
    name: 'anonymizes one more field of an alert context: the LLM sees a token, the UI shows the value, Alt+A shows the token',
    async run({ product, page, repoRoot }) {
      const llm = product.fakeLlm;
      assert(llm, 'run.ts started no fake LLM');
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.goto(`${product.url}/app/security/alerts`);
      await page.locator('.alertsTableRow').first().waitFor({ timeout: 60_000 });
      await page.getByTestId('alertTimestampLink').first().click();
      await page.getByTestId('alertFlyout').waitFor({ timeout: 30_000 });
      await page.getByTestId('assistantAlertChat').click();
      await page.getByTestId('assistantFlyout').waitFor({ timeout: 30_000 });

      const pill = page.locator('[data-test-subj^="assistantSelectedContext-alert-"]');
      await pill.waitFor({ timeout: 15_000 });
      assert((await pill.innerText()).includes('Selected alert'), 'the alert context pill is not shown');
      await pill.locator('.euiAccordion__button').first().click();
      const editor = page.getByTestId('contextAnonymizationEditor');
      await editor.waitFor({ timeout: 30_000 });
      const anonymizedBefore = Number(await editor.getByTestId('contextStatAnonymized').locator('.euiStat__title').innerText());

      await editor.getByTestId('contextSearch').fill(FIELD);
      const toggle = editor.getByTestId(`contextAnonymized-${FIELD}`);
      await toggle.waitFor({ timeout: 10_000 });
      assert((await toggle.getAttribute('aria-checked')) === 'false', `${FIELD} is already anonymized by the policy`);
      const row = editor.locator('tr', { has: page.getByTestId(`contextAnonymized-${FIELD}`) });
      const value = (await row.locator('td').last().innerText()).split('\n')[0].trim();
      assert(value.length >= 3, `${FIELD} has no usable value in this alert ("${value}")`);
      await toggle.click();
      assert((await toggle.getAttribute('aria-checked')) === 'true', `${FIELD} did not switch to anonymized`);
      const anonymizedAfter = Number(await editor.getByTestId('contextStatAnonymized').locator('.euiStat__title').innerText());
      assert(anonymizedAfter === anonymizedBefore + 1, `the Anonymized count went from ${anonymizedBefore} to ${anonymizedAfter}, expected +1`);
      fs.mkdirSync(path.join(repoRoot, 'docs'), { recursive: true });
      await page.screenshot({ path: path.join(repoRoot, 'docs', 'assistant_flyout_context.png') });

      // The model answers with the tokens it was given, the way a real one would quote them.
      const before = llm.chatRequests().length;
      llm.setHandler((request) => {
        const rule = tokenOf(request, FIELD);
        const host = tokenOf(request, 'host.name');
        if (!rule) return { content: FAKE_LLM_ANSWER, chunkSize: 6 };
        return { content: `Rule ${rule} fired on host ${host ?? 'unknown'}; isolate it first.`, chunkSize: 7 };
      });
      try {
        await page.getByTestId('assistantSend').click();
        const answer = page.getByTestId('assistantMessage').filter({ hasText: 'isolate it first' }).last();
        await answer.waitFor({ timeout: 90_000 });
        const requests = llm.chatRequests().slice(before);
        assert(requests.length > 0, 'the fake LLM received no request');
        const withContext = requests.find((r) => tokenOf(r, FIELD) !== undefined);
        assert(withContext, `no request carried a token for ${FIELD}: ${JSON.stringify(requests.map((r) => r.body)).slice(0, 600)}`);
        const token = tokenOf(withContext, FIELD) ?? '';
        for (const r of requests) {
          assert(!JSON.stringify(r.body).toLowerCase().includes(jsonNeedle(value)), `request ${r.seq} sent the raw ${FIELD} value "${value}"`);
        }

        // Display: the original value restored in the answer; the token never shows.
        const shown = await answer.innerText();
        assert(shown.includes(value), `the answer shows "${shown}", without the original value "${value}"`);
        assert(!shown.includes(token), 'the answer shows the token while "Show anonymized values" is off');

        // Alt+A: tokens instead of values (display only), then back.
        await page.getByTestId('assistantComposer').focus();
        await page.keyboard.press('Alt+a');
        await answer.getByText(token).waitFor({ timeout: 10_000 });
        assert(!(await answer.innerText()).includes(value), 'with "Show anonymized values" on, the original value is still shown');
        await page.getByTestId('assistantMoreMenu').click();
        const menuSwitch = page.getByTestId('assistantShowAnonymized');
        assert((await menuSwitch.getAttribute('aria-checked')) === 'true', 'the menu switch does not reflect Alt+A');
        await menuSwitch.click();
        await page.keyboard.press('Escape');
        await answer.getByText(value, { exact: false }).first().waitFor({ timeout: 10_000 });

        // AN-6 / AN-T2: stored tokenized, the value nowhere in the stored messages.
        const stored = await lastConversationMessages(page);
        assert(stored.some((m) => m.role === 'assistant' && m.content.includes(token)), 'the stored answer does not hold the token');
        assert(!JSON.stringify(stored).toLowerCase().includes(jsonNeedle(value)), 'a stored message holds the raw value');
      } finally {
        llm.setHandler(() => ({ content: FAKE_LLM_ANSWER, chunkSize: 6 }));
      }
      await page.keyboard.press('Control+;');
      await page.getByTestId('assistantFlyout').waitFor({ state: 'detached', timeout: 15_000 });
    },
  },
];
