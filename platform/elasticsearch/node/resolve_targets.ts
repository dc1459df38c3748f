/**
 * Target resolution (spec §2): comma lists, `_all`/`*`, wildcards over index and alias names with the
 * hidden rules (incl. the leading-dot rule), `-` exclusions after a wildcard, and indices options.
 * Pure: works over a `TargetCatalog` snapshot of the cluster metadata.
 */
import { illegalArgument, indexNotFound } from '../errors';
import { isWildcard, simpleMatch } from './wildcard';
import { resolveDateMathName } from './date_math_names';

export interface TargetCatalog {
  hasIndex(name: string): boolean;
  isHiddenIndex(name: string): boolean;
  indexNames(): readonly string[];
  hasAlias(name: string): boolean;
  isHiddenAlias(name: string): boolean;
  aliasNames(): readonly string[];
  /** Indices the alias points at, in name order. */
  aliasIndices(alias: string): readonly string[];
}

export interface ExpandWildcards {
  open: boolean;
  closed: boolean;
  hidden: boolean;
}

export interface IndicesOptions {
  ignoreUnavailable: boolean;
  allowNoIndices: boolean;
  expandWildcards: ExpandWildcards;
}

export const SEARCH_DEFAULT_OPTIONS: IndicesOptions = {
  ignoreUnavailable: false,
  allowNoIndices: true,
  expandWildcards: { open: true, closed: false, hidden: false },
};

/** Parses `expand_wildcards` (`open,hidden`, `all`, `none`). */
export function parseExpandWildcards(value: string): ExpandWildcards {
  const out: ExpandWildcards = { open: false, closed: false, hidden: false };
  for (const part of value.split(',').map((s) => s.trim()).filter(Boolean)) {
    switch (part) {
      case 'open':
        out.open = true;
        break;
      case 'closed':
        out.closed = true;
        break;
      case 'hidden':
        out.hidden = true;
        break;
      case 'all':
        out.open = out.closed = out.hidden = true;
        break;
      case 'none':
        break;
      default:
        throw illegalArgument(`No enum constant org.elasticsearch.action.support.IndicesOptions.WildcardStates.${part.toUpperCase()}`);
    }
  }
  return out;
}

/** How each concrete index was reached: directly by name, and/or through these aliases. */
export interface ResolvedIndex {
  index: string;
  direct: boolean;
  aliases: string[];
}

function visible(name: string, hidden: boolean, pattern: string, expand: ExpandWildcards): boolean {
  if (!expand.open) return false;
  if (!hidden) return true;
  return expand.hidden || (pattern.startsWith('.') && name.startsWith('.'));
}

export function splitExpression(expression: string | readonly string[] | undefined): string[] {
  if (expression === undefined) return [];
  const parts = typeof expression === 'string' ? expression.split(',') : expression.flatMap((e) => e.split(','));
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

export function isAllExpression(parts: readonly string[]): boolean {
  return parts.length === 0 || (parts.length === 1 && (parts[0] === '_all' || parts[0] === '*'));
}

/**
 * Resolves an expression to concrete indices, in first-seen order without duplicates.
 * Throws 404 index_not_found_exception per the options.
 */
export function resolveTargets(
  expression: string | readonly string[] | undefined,
  options: IndicesOptions,
  catalog: TargetCatalog,
): ResolvedIndex[] {
  const parts = splitExpression(expression);
  const names = new Map<string, true>();
  const patterns = isAllExpression(parts) ? ['*'] : parts;
  let seenWildcard = false;
  const now = Date.now();
  for (const raw of patterns) {
    let expr = raw;
    let exclude = false;
    if (expr.startsWith('-') && seenWildcard) {
      exclude = true;
      expr = expr.slice(1);
    }
    expr = resolveDateMathName(expr, now);
    if (expr === '_all') expr = '*';
    if (isWildcard(expr)) {
      seenWildcard = true;
      const matched: string[] = [];
      for (const index of catalog.indexNames()) {
        if (simpleMatch(expr, index) && visible(index, catalog.isHiddenIndex(index), expr, options.expandWildcards)) matched.push(index);
      }
      for (const alias of catalog.aliasNames()) {
        if (simpleMatch(expr, alias) && visible(alias, catalog.isHiddenAlias(alias), expr, options.expandWildcards)) matched.push(alias);
      }
      if (exclude) {
        for (const m of matched) names.delete(m);
        // An exclusion pattern may also name things that are only matched without the hidden rule.
        for (const n of [...names.keys()]) if (simpleMatch(expr, n)) names.delete(n);
      } else {
        if (matched.length === 0 && !options.allowNoIndices) throw indexNotFound(raw);
        for (const m of matched) names.set(m, true);
      }
      continue;
    }
    if (exclude) {
      names.delete(expr);
      continue;
    }
    if (catalog.hasIndex(expr) || catalog.hasAlias(expr)) {
      names.set(expr, true);
    } else if (!options.ignoreUnavailable) {
      throw indexNotFound(expr);
    }
  }
  const resolved = new Map<string, ResolvedIndex>();
  const add = (index: string, via: string | undefined): void => {
    let entry = resolved.get(index);
    if (!entry) {
      entry = { index, direct: false, aliases: [] };
      resolved.set(index, entry);
    }
    if (via === undefined) entry.direct = true;
    else if (!entry.aliases.includes(via)) entry.aliases.push(via);
  };
  for (const name of names.keys()) {
    if (catalog.hasIndex(name)) add(name, undefined);
    else for (const index of catalog.aliasIndices(name)) add(index, name);
  }
  if (resolved.size === 0 && !options.allowNoIndices) {
    throw indexNotFound(parts.length === 0 ? '_all' : parts.join(','));
  }
  return [...resolved.values()];
}

/** For DELETE /{index}: concrete names only (aliases and wildcards rejected per destructive_requires_name). */
export function resolveForDelete(
  expression: string,
  options: IndicesOptions,
  catalog: TargetCatalog,
): string[] {
  const parts = splitExpression(expression);
  if (parts.some((p) => p === '_all' || isWildcard(p))) {
    throw illegalArgument('Wildcard expressions or all indices are not allowed');
  }
  const out: string[] = [];
  for (const p of parts) {
    if (catalog.hasIndex(p)) {
      if (!out.includes(p)) out.push(p);
    } else if (catalog.hasAlias(p)) {
      throw illegalArgument(
        `The provided expression [${p}] matches an alias, specify the corresponding concrete indices instead.`,
      );
    } else if (!options.ignoreUnavailable) {
      throw indexNotFound(p);
    }
  }
  if (out.length === 0 && !options.allowNoIndices) throw indexNotFound(expression);
  return out;
}

