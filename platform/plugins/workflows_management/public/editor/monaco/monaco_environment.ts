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

export function setupMonacoEnvironment(workersUrl: string): void {
  globalThis.MonacoEnvironment = {
    getWorker(_workerId: string, label: string) {
      const file = label === 'yaml' ? 'yaml.worker.js' : 'editor.worker.js';
      return new Worker(`${workersUrl}/${file}`, { name: label });
    },
  };
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
