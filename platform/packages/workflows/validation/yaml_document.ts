import { isMap, isNode, isPair, isScalar, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { WorkflowDiagnostic } from '../definition';

/** Workflow YAML above this size is rejected before parsing (workflow-engine §1.5). */
export const MAX_WORKFLOW_YAML_BYTES = 1024 * 1024;

export type DiagnosticPath = Array<string | number>;
export interface Position {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

const STANDARD_TAGS = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((name) => `tag:yaml.org,2002:${name}`),
);

/** A parsed YAML document plus position lookups for diagnostics (1-based lines and columns). */
export class WorkflowYamlDocument {
  readonly lineCounter = new LineCounter();
  readonly doc: Document.Parsed;

  constructor(readonly source: string) {
    this.doc = parseDocument(source, { lineCounter: this.lineCounter, prettyErrors: false, uniqueKeys: true });
  }

  positionOfOffsets(start: number, end: number): Position {
    const from = this.lineCounter.linePos(start);
    const to = this.lineCounter.linePos(Math.max(end, start));
    return { line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
  }

  private nodePosition(node: Node): Position | undefined {
    if (!node.range) return undefined;
    return this.positionOfOffsets(node.range[0], node.range[1]);
  }

  /**
   * The position of the node at `path`; when it does not exist (a missing key), the nearest existing ancestor.
   * With `key: true`, the position of the map key itself (for unknown-key warnings).
   */
  positionOf(path: DiagnosticPath, options: { key?: boolean } = {}): Position {
    if (options.key && path.length > 0) {
      const parent = this.doc.getIn(path.slice(0, -1), true);
      const last = path[path.length - 1];
      if (isMap(parent)) {
        const pair = parent.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === last);
        if (pair && isNode(pair.key)) {
          const position = this.nodePosition(pair.key);
          if (position) return position;
        }
      }
    }
    for (let length = path.length; length >= 0; length--) {
      const node = length === 0 ? this.doc.contents : this.doc.getIn(path.slice(0, length), true);
      if (isNode(node)) {
        const position = this.nodePosition(node);
        if (position) return position;
      }
    }
    return { line: 1, column: 1, endLine: 1, endColumn: 1 };
  }

  /** Some parser errors span one character; widen them to the word they point at (e.g. a duplicate key). */
  private tokenEnd(start: number, end: number): number {
    if (end - start > 1) return end;
    let offset = start;
    while (offset < this.source.length && !/[\s:,[\]{}]/.test(this.source[offset])) offset++;
    return Math.max(offset, end);
  }

  /** `doc.errors` plus custom tags, as `yaml-syntax` diagnostics. */
  syntaxDiagnostics(): WorkflowDiagnostic[] {
    const diagnostics: WorkflowDiagnostic[] = this.doc.errors.map((error) => ({
      severity: 'error',
      code: 'yaml-syntax',
      message: error.code === 'DUPLICATE_KEY' ? 'Map keys must be unique.' : firstLine(error.message),
      path: [],
      ...this.positionOfOffsets(error.pos[0], this.tokenEnd(error.pos[0], error.pos[1])),
    }));
    visit(this.doc, {
      Node: (_key, node) => {
        if (node.tag && !STANDARD_TAGS.has(node.tag)) {
          diagnostics.push({
            severity: 'error',
            code: 'yaml-syntax',
            message: `Custom YAML tags are not supported: ${node.tag}`,
            path: [],
            ...(this.nodePosition(node) ?? { line: 1, column: 1, endLine: 1, endColumn: 1 }),
          });
        }
      },
    });
    return diagnostics;
  }
}

const firstLine = (message: string): string => message.split('\n')[0];
