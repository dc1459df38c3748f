/**
 * AI triage end to end (issue 6/8): the preinstalled `security.alert.validation` workflow run from the Workflows UI on
 * a ransomware alert, then the alert's note, tags and Triage tab (verdict, narrative, related-alert graph) in the
 * alerts app, "Run triage" from the flyout with progress and a live table refresh, and bulk "Run triage" on two rows.
 * The fake LLM answers the workflow's verdict schema per alert. Screenshots: docs/workflows_triage_run.png and
 * docs/triage_graph.png (1440×900).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { FakeLlm, RecordedRequest } from '../../fake_llm';
import { FAKE_LLM_ANSWER, type RunningProduct } from '../product';
import type { E2eTest } from '../types';

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

const TAG = 'workflow.security.alert.validation';
const SEED_RULE = 'Ransomware - Mass File Rename';
const TRIAGE_TAB = 'alertFlyoutTab-ext:securityAiAssistant:triage';
const BULK_ACTION = 'alertsBulkAction-securityAiAssistant:runTriage';
const SCREENSHOT_VIEWPORT = { width: 1440, height: 900 };

interface Verdict {
  classification: 'true_positive' | 'false_positive' | 'inconclusive';
  confidence_score: number;
  rationale: string;
  contributing_factors: string[];
  related_alert_ids: string[];
}

const RANSOMWARE_VERDICT: Verdict = {
  classification: 'true_positive',
  confidence_score: 0.93,
  rationale: 'Mass renames to an unknown extension on the file server right after shadow copies were deleted there: ransomware encryption.',
  contributing_factors: ['shadow copies deleted on the same host', 'payload pulled from another host over the admin share'],
  related_alert_ids: [],
};

/** What the fake LLM answers per seed alert id (the default for any other alert is RANSOMWARE_VERDICT). */
const scripted = new Map<string, { verdict: Verdict; delayMs?: number }>();
/** Seed alert ids of the verdict requests, in arrival order. */
const asked: string[] = [];
/** Related alert ids each default verdict cited, by seed alert id. */
const cited = new Map<string, string[]>();
/** State shared by the tests of this file, in order. */
const state: { seedId?: string; hostName?: string; relatedId?: string } = {};

/**
 * The seed alert of a verdict request: the `ai.agent` step attaches it as `{alert: "<json>", attachmentLabel}` in an
 * `<attachment type="security.alert">` block of the last user message.
 */
function userText(request: RecordedRequest): string {
  const messages = (request.body as { messages?: Array<{ role?: string; content?: unknown }> } | undefined)?.messages ?? [];
  const user = [...messages].reverse().find((m) => m.role === 'user');
  return typeof user?.content === 'string' ? user.content : JSON.stringify(user?.content ?? '');
}

function seedAlertId(request: RecordedRequest): string | undefined {
  const text = userText(request);
  const block = /<attachment id="[^"]*" type="security\.alert">\n([\s\S]*?)\n<\/attachment>/.exec(text)?.[1];
  if (!block) return undefined;
  try {
    const data = JSON.parse(block) as { alert?: unknown };
    const alert = typeof data.alert === 'string' ? (JSON.parse(data.alert) as { _id?: unknown }) : (data.alert as { _id?: unknown } | undefined);
    return typeof alert?._id === 'string' ? alert._id : undefined;
  } catch {
    return undefined;
  }
}

/** Ids of the prompt's "Related alerts" lines (`<id> [rule, severity, time] …`), the only ones a verdict may cite. */
function relatedIdsInPrompt(request: RecordedRequest): string[] {
  const section = /## Related alerts[^\n]*\n([\s\S]*?)<\/untrusted_alert_data>/.exec(userText(request))?.[1] ?? '';
  return [...section.matchAll(/^(\S+) \[/gm)].map((m) => m[1]);
}

function scriptVerdicts(llm: FakeLlm): void {
  llm.setHandler((request) => {
    const format = (request.body as { response_format?: { type?: string } } | undefined)?.response_format?.type;
    const id = seedAlertId(request);
    // Chat turns (other tests) keep the default answer; verdict requests carry the alert (and, natively, a JSON schema).
    if (format !== 'json_schema' && !id) return { content: FAKE_LLM_ANSWER, chunkSize: 6 };
    if (id) asked.push(id);
    const entry = id ? scripted.get(id) : undefined;
    // The ransomware verdict cites two of the related alerts the prompt offers.
    const verdict = entry?.verdict ?? { ...RANSOMWARE_VERDICT, related_alert_ids: relatedIdsInPrompt(request).slice(0, 2) };
    if (id && !entry) cited.set(id, verdict.related_alert_ids);
    return { json: verdict, ...(entry?.delayMs ? { delayBeforeFirstByteMs: entry.delayMs } : {}) };
  });
}

async function screenshot(page: Page, repoRoot: string, name: string, frame?: () => Promise<void>): Promise<void> {
  const before = page.viewportSize();
  await page.setViewportSize(SCREENSHOT_VIEWPORT);
  // Let EUI and React Flow re-layout (the graph re-fits its resized pane).
  await page.waitForTimeout(500);
  if (frame) {
    await frame();
    await page.waitForTimeout(300);
  }
  fs.mkdirSync(path.join(repoRoot, 'docs'), { recursive: true });
  await page.screenshot({ path: path.join(repoRoot, 'docs', name) });
  if (before) await page.setViewportSize(before);
}

/** One alert's source through the alerts API (same session as the browser). */
async function fetchAlert(page: Page, product: RunningProduct, id: string): Promise<Record<string, unknown>> {
  const res = await page.request.post(`${product.url}/api/detection_engine/signals/search`, {
    headers: { 'kbn-xsrf': 'e2e' },
    data: { query: { ids: { values: [id] } }, size: 1 },
  });
  assert(res.ok(), `alert ${id}: signals/search answered ${res.status()}`);
  const body = (await res.json()) as { hits: { hits: Array<{ _source: Record<string, unknown> }> } };
  const source = body.hits.hits[0]?._source;
  assert(source, `alert ${id} not found`);
  return source;
}

const hostNameOf = (source: Record<string, unknown>): string | undefined => {
  const flat = source['host.name'];
  if (typeof flat === 'string') return flat;
  const host = source.host as { name?: unknown } | undefined;
  return typeof host?.name === 'string' ? host.name : undefined;
};

/** The alert ids of the execution's event (`context.inputs.event`: `alerts` once resolved, else `alertIds`). */
async function executionAlertIds(page: Page, product: RunningProduct, executionId: string): Promise<string[]> {
  const res = await page.request.get(`${product.url}/api/workflows/executions/${encodeURIComponent(executionId)}`);
  assert(res.ok(), `execution ${executionId}: ${res.status()}`);
  type AlertEvent = { alerts?: Array<{ _id?: string }>; alertIds?: Array<{ _id?: string }> };
  const detail = (await res.json()) as { context?: { inputs?: { event?: AlertEvent } } };
  const event = detail.context?.inputs?.event;
  return (event?.alerts ?? event?.alertIds ?? []).map((a) => a._id).filter((id): id is string => typeof id === 'string');
}

const row = (page: Page, id: string) => page.getByTestId(`alertRow-${id}`);
const rowTags = (page: Page, id: string) => row(page, id).getByTestId('alertWorkflowTags');

async function searchTable(page: Page, text: string): Promise<void> {
  await page.getByTestId('alertsSearchBar').fill(text);
  await page.getByTestId('alertsSearchBar').press('Enter');
}

async function textOf(locator: Locator): Promise<string> {
  return (await locator.innerText()).trim();
}

export const triageTests: E2eTest[] = [
  {
    name: 'triage: runs the preinstalled security.alert.validation workflow from the Workflows UI on a ransomware alert',
    async run({ product, page, repoRoot }) {
      assert(product.fakeLlm, 'run.ts started no fake LLM');
      scriptVerdicts(product.fakeLlm);
      await page.goto(`${product.url}/app/workflows`);
      const workflowRow = page.getByTestId('workflowRow').filter({ hasText: 'security.alert.validation' }).first();
      await workflowRow.waitFor({ timeout: 60_000 });
      await workflowRow.getByTestId('triggerIcon-alert').waitFor();
      await workflowRow.getByTestId('runWorkflowAction').click();

      const modal = page.getByTestId('runWorkflowModal');
      await modal.waitFor({ timeout: 15_000 });
      // An alert-only workflow opens straight on the alert picker; narrow it to the scenario's ransomware rule.
      await modal.getByTestId('alertPickerKql').fill(`kibana.alert.rule.name : "${SEED_RULE}"`);
      await modal.getByTestId('alertPickerKql').press('Enter');
      await page.waitForFunction(
        (rule) => {
          const rows = [...document.querySelectorAll('[data-test-subj="alertPickerRow"]')];
          return rows.length > 0 && rows.every((r) => r.textContent?.includes(rule));
        },
        SEED_RULE,
        { timeout: 30_000 },
      );
      await modal.getByTestId('alertPickerRow').first().getByRole('checkbox').check();
      await modal.getByTestId('alertPickerSummary').getByText('1 alert selected', { exact: false }).waitFor({ timeout: 10_000 });
      const started = Date.now();
      await modal.getByTestId('runWorkflowSubmit').click();

      await page.waitForURL(/executionId=/, { timeout: 30_000 });
      const executionId = new URL(page.url()).searchParams.get('executionId');
      assert(executionId, 'no execution id in the URL');
      await page.locator('[data-test-subj="executionDetail"][data-status="completed"]').waitFor({ timeout: 120_000 });
      process.stdout.write(`    workflow run on 1 alert: completed in the execution view after ${Date.now() - started} ms\n`);

      const [seedId] = await executionAlertIds(page, product, executionId);
      assert(seedId, 'the execution names no alert');
      state.seedId = seedId;
      assert(asked.includes(seedId), `the fake LLM was not asked for a verdict on ${seedId} (asked: ${asked.join(', ') || 'none'})`);

      for (const step of ['get_related_alerts', 'render_narratives', 'run_agent', 'validate_verdict', 'update_tags', 'add_verdict_note']) {
        const node = page.getByTestId(`stepTreeNode-${step}`).first();
        await node.waitFor({ timeout: 15_000 });
        const status = await node.getAttribute('data-status');
        assert(status === 'completed', `step ${step} is ${status}, expected completed`);
      }
      await page.getByTestId('stepTreeNode-validate_verdict').first().click();
      await page.getByTestId('stepRecordTab-output').click();
      const output = await page.getByTestId('stepRecordOutput').innerText();
      assert(output.includes('true_positive') && output.includes('0.93'), `validate_verdict output does not hold the verdict: ${output.slice(0, 400)}`);
      await screenshot(page, repoRoot, 'workflows_triage_run.png');
    },
  },
  {
    name: 'triage: the alert shows the verdict note, the workflow tags and the Triage tab with a drawn graph',
    async run({ product, page, repoRoot }) {
      const seedId = state.seedId;
      assert(seedId, 'the workflow run test did not pick an alert');
      const hostName = hostNameOf(await fetchAlert(page, product, seedId));
      assert(hostName, `alert ${seedId} has no host.name`);
      state.hostName = hostName;

      await page.goto(`${product.url}/app/security/alerts`);
      await page.locator('.alertsTableRow').first().waitFor({ timeout: 60_000 });
      // Every alert of the ransomware host: the seed and the chain around it.
      await searchTable(page, hostName);
      await row(page, seedId).waitFor({ timeout: 30_000 });
      const tagsCell = await textOf(rowTags(page, seedId));
      assert(tagsCell.includes(`${TAG}.output.classification.true_positive`), `the table row's tags are "${tagsCell}"`);

      await row(page, seedId).getByTestId('alertTimestampLink').click();
      const flyout = page.getByTestId('alertFlyout');
      await flyout.getByTestId('alertFlyoutTitle').getByText(SEED_RULE).waitFor({ timeout: 30_000 });
      const tags = flyout.getByTestId('alertTags');
      for (const tag of [TAG, `${TAG}.output.classification.true_positive`, `${TAG}.output.confidence_score.`]) {
        await tags.getByText(tag, { exact: !tag.endsWith('.') }).first().waitFor({ timeout: 10_000 });
      }

      await page.getByTestId('alertFlyoutTab-notes').click();
      const note = page.getByTestId('alertNote').filter({ hasText: 'Automated Alert Analysis' }).first();
      await note.waitFor({ timeout: 15_000 });
      const noteText = await note.innerText();
      assert(noteText.includes('true_positive') && noteText.includes('93%'), `the verdict note lacks the verdict: ${noteText.slice(0, 400)}`);
      assert(noteText.includes('shadow copies were deleted'), 'the verdict note lacks the rationale');
      const citedIds = cited.get(seedId) ?? [];
      assert(citedIds.length > 0, 'the prompt listed no related alerts to cite');
      for (const id of citedIds) assert(noteText.includes(id), `the verdict note does not list the cited related alert ${id}`);

      await page.getByTestId(TRIAGE_TAB).click();
      assert((await textOf(page.getByTestId('triageClassification'))) === 'true_positive', 'the Triage tab does not show the classification');
      assert((await textOf(page.getByTestId('triageConfidence'))) === 'Confidence 93%', 'the Triage tab does not show the confidence');
      assert((await textOf(page.getByTestId('triageRationale'))).includes('ransomware encryption'), 'the Triage tab does not show the rationale');
      assert((await textOf(page.getByTestId('triageNarrative'))).length > 20, 'the narrative is empty');

      const graph = page.getByTestId('triageRelatedGraph');
      await graph.locator('.react-flow__node').nth(1).waitFor({ timeout: 30_000 });
      const nodes = await graph.locator('.react-flow__node').count();
      await graph.locator('.react-flow__node.triageGraphSeed').waitFor();
      // SVG text has no innerText.
      const labels = (await graph.locator('.react-flow__edge-text').allTextContents()).filter((t) => t.includes('='));
      assert(labels.length > 0, 'no edge carries a matched-entity label');
      const colours = await graph.locator('.react-flow__node').evaluateAll((els) => [...new Set(els.map((e) => (e as HTMLElement).style.background))]);
      process.stdout.write(`    graph of ${seedId}: ${nodes} nodes, ${labels.length} labelled edges (e.g. "${labels[0]}"), ${colours.length} severity colours\n`);
      // The whole graph, with as much of the verdict above it as fits.
      await screenshot(page, repoRoot, 'triage_graph.png', () => graph.evaluate((el) => el.scrollIntoView({ block: 'end' })));
    },
  },
  {
    name: 'triage: a graph node opens that alert; Run triage shows progress, the verdict and updates the table row live',
    async run({ page }) {
      const seedId = state.seedId;
      assert(seedId, 'no seed alert');
      const graph = page.getByTestId('triageRelatedGraph');
      const nodeIds = await graph.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
      const rowIds = await page.locator('.alertsTableRow').evaluateAll((els) => els.map((e) => (e.getAttribute('data-test-subj') ?? '').replace(/^alertRow-/, '')));
      // A related alert that is also on screen in the table, so its row can be watched.
      const relatedId = nodeIds.find((id) => id !== seedId && rowIds.includes(id));
      assert(relatedId, `no related alert of the graph (${nodeIds.join(', ')}) is in the table (${rowIds.join(', ')})`);
      state.relatedId = relatedId;
      const relatedRule = await textOf(row(page, relatedId).getByTestId('alertRuleName'));

      await graph.locator(`.react-flow__node[data-id="${relatedId}"]`).click();
      await page.waitForURL(new RegExp(`alertId=${relatedId}`), { timeout: 15_000 });
      await page.getByTestId('alertFlyoutTitle').getByText(relatedRule, { exact: true }).waitFor({ timeout: 15_000 });
      await page.getByTestId('triageNotTriaged').waitFor({ timeout: 15_000 });
      assert(!(await textOf(rowTags(page, relatedId))).includes(TAG), 'the related alert was already triaged');

      // A slow model keeps the run going long enough to watch its progress.
      scripted.set(relatedId, {
        verdict: { classification: 'true_positive', confidence_score: 0.88, rationale: 'Part of the same ransomware chain on the file server.', contributing_factors: ['same host as the mass renames'], related_alert_ids: [] },
        delayMs: 3000,
      });
      const started = Date.now();
      await page.getByTestId('runTriageButton').click();
      const progress = page.getByTestId('runTriageProgress');
      await progress.waitFor({ timeout: 15_000 });
      // Live progress: completed steps and the one running now (the slow model holds it at run_agent).
      const progressHandle = await page.waitForFunction(
        () => {
          const text = document.querySelector('[data-test-subj="runTriageProgress"]')?.textContent ?? '';
          return /[1-9]\d* steps completed · \w+/.test(text) ? text : false;
        },
        undefined,
        { timeout: 30_000 },
      );
      const progressText = String(await progressHandle.jsonValue());
      await page.getByTestId('runTriageDone').waitFor({ timeout: 120_000 });
      const runMs = Date.now() - started;
      assert((await textOf(page.getByTestId('triageClassification'))) === 'true_positive', 'the Triage tab did not reload the new verdict');
      assert((await textOf(page.getByTestId('triageConfidence'))) === 'Confidence 88%', 'the Triage tab shows a stale confidence');
      // No reload: the flyout header and the table row pick up the workflow's tags on their own.
      const refreshed = Date.now();
      await page.getByTestId('alertTags').getByText(`${TAG}.output.classification.true_positive`, { exact: true }).waitFor({ timeout: 10_000 });
      await page.waitForFunction(
        ({ id, tag }) => document.querySelector(`[data-test-subj="alertRow-${id}"] [data-test-subj="alertWorkflowTags"]`)?.textContent?.includes(tag),
        { id: relatedId, tag: `${TAG}.output.classification.true_positive` },
        { timeout: 10_000 },
      );
      process.stdout.write(`    Run triage from the flyout: progress "${progressText}", done after ${runMs} ms, table row updated ${Date.now() - refreshed} ms later\n`);
    },
  },
  {
    name: 'triage: bulk Run triage on two selected rows tags one and auto-closes the other without a reload',
    async run({ product, page }) {
      await page.getByTestId('alertFlyoutClose').click();
      await page.getByTestId('alertFlyout').waitFor({ state: 'detached', timeout: 15_000 });
      const candidates = await page.locator('.alertsTableRow').evaluateAll(
        (els, tag) =>
          els
            .filter((e) => !(e.querySelector('[data-test-subj="alertWorkflowTags"]')?.textContent ?? '').includes(tag))
            .map((e) => (e.getAttribute('data-test-subj') ?? '').replace(/^alertRow-/, '')),
        TAG,
      );
      assert(candidates.length >= 2, `fewer than two untriaged rows on screen: ${candidates.join(', ')}`);
      const [closeId, keepId] = candidates;
      scripted.set(closeId, {
        verdict: { classification: 'false_positive', confidence_score: 0.95, rationale: 'Scheduled maintenance by the backup service account.', contributing_factors: ['known maintenance window'], related_alert_ids: [] },
      });
      scripted.set(keepId, {
        verdict: { classification: 'true_positive', confidence_score: 0.7, rationale: 'Consistent with the ransomware chain on this host.', contributing_factors: ['same host'], related_alert_ids: [] },
      });
      const askedBefore = asked.length;
      for (const id of [closeId, keepId]) await row(page, id).getByRole('checkbox').check();
      await page.getByTestId('alertsSelectedCount').getByText('2 selected').waitFor({ timeout: 10_000 });
      const started = Date.now();
      await page.getByTestId(BULK_ACTION).click();
      await page.getByTestId('bulkTriageStarted').waitFor({ timeout: 15_000 });
      await page.getByTestId('alertsBulkToolbar').waitFor({ state: 'detached', timeout: 10_000 });

      // No reload: the confident false positive is closed by the workflow and leaves the open-alerts table, the
      // other row shows its new tags, and a toast says the run finished.
      await row(page, closeId).waitFor({ state: 'detached', timeout: 120_000 });
      await page.waitForFunction(
        ({ id, tag }) => document.querySelector(`[data-test-subj="alertRow-${id}"] [data-test-subj="alertWorkflowTags"]`)?.textContent?.includes(tag),
        { id: keepId, tag: `${TAG}.output.classification.true_positive` },
        { timeout: 10_000 },
      );
      await page.getByTestId('bulkTriageFinished').waitFor({ timeout: 10_000 });
      const bulkMs = Date.now() - started;
      const askedNow = asked.slice(askedBefore);
      assert(askedNow.includes(closeId) && askedNow.includes(keepId), `the bulk run asked for ${askedNow.join(', ')}`);
      const closed = await fetchAlert(page, product, closeId);
      const status = (closed['kibana.alert.workflow_status'] ?? (closed.kibana as { alert?: { workflow_status?: unknown } } | undefined)?.alert?.workflow_status) as unknown;
      assert(status === 'closed', `the false positive is ${String(status)}, expected closed`);
      process.stdout.write(`    bulk Run triage on 2 alerts: table refreshed ${bulkMs} ms after the click\n`);
      scripted.clear();
    },
  },
];
