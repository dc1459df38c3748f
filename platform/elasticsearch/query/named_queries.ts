/** Named clauses (`_name`) of a query tree, for `matched_queries` in hits. */
import type { QueryNode } from './ast';
import { queryName } from './parse';

export function namedQueries(root: QueryNode | undefined): { name: string; node: QueryNode }[] {
  const out: { name: string; node: QueryNode }[] = [];
  const walk = (node: QueryNode): void => {
    const name = queryName(node);
    if (name !== undefined) out.push({ name, node });
    switch (node.kind) {
      case 'bool':
        [...node.must, ...node.filter, ...node.should, ...node.mustNot].forEach(walk);
        break;
      case 'constant_score':
        walk(node.filter);
        break;
      case 'dis_max':
        node.queries.forEach(walk);
        break;
      case 'boosting':
        walk(node.positive);
        walk(node.negative);
        break;
      default:
        break;
    }
  };
  if (root) walk(root);
  return out;
}
