/**
 * Monaco and monaco-yaml, configured once per page. The two workers are separate esbuild entries
 * (scripts/build_browser.ts) served from /bundles/workers; `getWorker` maps monaco-yaml's `yaml` label to its worker.
 */
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js';
import 'monaco-editor/esm/vs/editor/editor.all.js';
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js';
import { configureMonacoYaml, type MonacoYaml } from 'monaco-yaml';

export { monaco };

export const SCHEMA_URI = 'inmemory://workflows/schema.json';

let yaml: MonacoYaml | undefined;
let legacyWorkersSupported = false;

/** What monaco-yaml (through monaco-worker-manager) passes: a label and the data its worker starts with. */
interface LabelledWorkerOptions {
  label?: string;
  moduleId?: string;
  createData?: unknown;
  host?: Record<string, (...args: unknown[]) => unknown>;
  keepIdleModels?: boolean;
  worker?: Worker | Promise<Worker>;
}

/**
 * `editor.api` of monaco 0.54 only accepts `createWebWorker({worker})`; the full `editor.main` bundle also accepts the
 * labelled form monaco-yaml uses. We load the small API, so we add that form: the worker comes from
 * MonacoEnvironment.getWorker(label), gets a first message that boots it and then its create data.
 */
function supportLabelledWorkers(): void {
  if (legacyWorkersSupported) return;
  legacyWorkersSupported = true;
  const create = monaco.editor.createWebWorker;
  const labelled = (options: LabelledWorkerOptions) => {
    if (options.worker) return create({ worker: options.worker, host: options.host, keepIdleModels: options.keepIdleModels });
    const environment = globalThis.MonacoEnvironment;
    if (!environment?.getWorker) throw new Error('MonacoEnvironment.getWorker is not set up');
    const worker = Promise.resolve(environment.getWorker('workerMain.js', options.label ?? 'editorWorkerService')).then((w) => {
      w.postMessage('boot');
      w.postMessage(options.createData);
      return w;
    });
    return create({ worker, host: options.host, keepIdleModels: options.keepIdleModels });
  };
  Object.assign(monaco.editor, { createWebWorker: labelled });
}

export function setupMonacoEnvironment(workersUrl: string): void {
  globalThis.MonacoEnvironment = {
    getWorker(_workerId: string, label: string) {
      const file = label === 'yaml' ? 'yaml.worker.js' : 'editor.worker.js';
      return new Worker(`${workersUrl}/${file}`, { name: label });
    },
  };
  supportLabelledWorkers();
}

/** Points monaco-yaml at the workflow JSON Schema (validate, completion, hover). */
export function configureWorkflowSchema(schema: Record<string, unknown> | undefined): void {
  const options = {
    schemas: schema ? [{ uri: SCHEMA_URI, fileMatch: ['*'], schema }] : [],
    validate: true,
    completion: true,
    hover: true,
    enableSchemaRequest: false,
  };
  if (yaml) yaml.update(options);
  else yaml = configureMonacoYaml(monaco, options);
}
