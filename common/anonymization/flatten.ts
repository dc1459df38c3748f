import type { FlatDocument } from './types';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Flattens a document to dotted paths with string values: `{host:{name:'a'}}` and `{'host.name':'a'}` give the
 * same path; arrays (also of objects) contribute every element; null/undefined are dropped.
 */
export function flattenDocument(doc: unknown): FlatDocument {
  const out: FlatDocument = {};
  const add = (path: string, value: string) => {
    (out[path] ??= []).push(value);
  };
  const walk = (value: unknown, path: string) => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) {
      for (const item of value) walk(item, path);
      return;
    }
    if (isPlainObject(value)) {
      for (const [key, child] of Object.entries(value)) walk(child, path === '' ? key : `${path}.${key}`);
      return;
    }
    if (path === '') return;
    if (typeof value === 'string') add(path, value);
    else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') add(path, String(value));
    else add(path, JSON.stringify(value) ?? '');
  };
  walk(doc, '');
  return out;
}
