/** `[/{index}]/_mget`: documents in request order; per-document errors do not fail the request. */
import { EsError, parsingException, validationFailed } from '../../errors';
import type { RestRequest, RestResponse } from '../types';
import { isObject, sourceFilterFromParams } from './common';
import { getReply } from './documents';

interface DocRequest {
  index: string | undefined;
  id: string | undefined;
  sourceFilter: unknown;
  routing?: string;
}

function parseDocs(body: unknown, defaultIndex: string | undefined, urlFilter: unknown, storedFields: boolean): DocRequest[] {
  if (!isObject(body)) throw validationFailed(['no documents to get']);
  const fallbackFilter = urlFilter === undefined && storedFields ? false : urlFilter;
  const docs: DocRequest[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (key === 'docs') {
      if (!Array.isArray(value)) throw parsingException(`docs array element should include an object`);
      for (const d of value) {
        if (!isObject(d)) throw parsingException('docs array element should include an object');
        const doc: DocRequest = { index: defaultIndex, id: undefined, sourceFilter: fallbackFilter };
        for (const [k, v] of Object.entries(d)) {
          switch (k) {
            case '_index':
              doc.index = String(v);
              break;
            case '_id':
              doc.id = String(v);
              break;
            case '_source':
              doc.sourceFilter = v;
              break;
            case 'routing':
            case '_routing':
              doc.routing = String(v);
              break;
            case 'stored_fields':
              if (doc.sourceFilter === undefined) doc.sourceFilter = false;
              break;
            case '_type':
            case 'version':
            case 'version_type':
              break;
            default:
              throw parsingException(`Unknown key for a ${typeof v === 'string' ? 'VALUE_STRING' : 'START_OBJECT'} in [${k}].`);
          }
        }
        docs.push(doc);
      }
    } else if (key === 'ids') {
      if (!Array.isArray(value)) throw parsingException('ids array element should only contain ids');
      for (const id of value) docs.push({ index: defaultIndex, id: String(id), sourceFilter: fallbackFilter });
    } else {
      throw parsingException(`Unknown key for a ${Array.isArray(value) ? 'START_ARRAY' : 'START_OBJECT'} in [${key}].`);
    }
  }
  const problems: string[] = [];
  docs.forEach((d, i) => {
    if (d.index === undefined) problems.push(`index is missing for doc ${i}`);
    if (d.id === undefined) problems.push(`id is missing for doc ${i}`);
  });
  if (docs.length === 0) problems.push('no documents to get');
  if (problems.length > 0) throw validationFailed(problems);
  return docs;
}

export function mget(req: RestRequest): RestResponse {
  const realtime = req.params.bool('realtime', true);
  const refresh = req.params.bool('refresh', false);
  const docs = parseDocs(req.body(), req.pathParams.index, sourceFilterFromParams(req.params), req.params.has('stored_fields'));
  const out: unknown[] = [];
  const refreshed = new Set<string>();
  for (const d of docs) {
    const index = d.index ?? '';
    const id = d.id ?? '';
    try {
      const state = req.node.readIndex(index);
      if (refresh && !refreshed.has(state.name)) {
        req.node.refreshState(state);
        refreshed.add(state.name);
      }
      out.push(getReply(state, id, realtime, d.sourceFilter, req).body);
    } catch (e) {
      if (!(e instanceof EsError)) throw e;
      out.push({ _index: index, _id: id, error: e.toBody().error });
    }
  }
  return { status: 200, body: { docs: out } };
}
