/** `top_hits`: the best hits per bucket; sorting and hit rendering come from the search layer (AggContext). */
import { illegalArgument, unsupported } from '../errors';
import { checkKeys, intParam, objectBody } from './params';
import type { AggDefinition, Aggregator, TopHitsRequest } from './types';

const UNSUPPORTED: Record<string, string> = { highlight: 'other', explain: 'other', script_fields: 'script' };

export const topHitsAgg: AggDefinition = {
  acceptsSubAggs: false,
  parse(name, json, _ctx): TopHitsRequest {
    const body = objectBody('top_hits', name, json);
    for (const [k, v] of Object.entries(body)) {
      const feature = UNSUPPORTED[k];
      if (feature !== undefined && !(k === 'explain' && v === false)) throw unsupported(feature, `[${k}] in top_hits`);
    }
    checkKeys('top_hits', body, ['from', 'size', 'sort', '_source', 'version', 'seq_no_primary_term', 'track_scores', 'stored_fields', 'docvalue_fields', 'fields', 'explain']);
    const from = intParam('top_hits', body, 'from', 0);
    const size = intParam('top_hits', body, 'size', 3);
    if (from < 0) throw illegalArgument(`[from] parameter cannot be negative but was [${from}]`);
    if (size < 0) throw illegalArgument(`[size] parameter cannot be negative, found [${size}]`);
    return { name, from, size, body };
  },
  check(spec, view) {
    const r = spec.params as TopHitsRequest;
    const max = view.settings.maxInnerResultWindow;
    if (r.from + r.size > max) {
      throw illegalArgument(
        `Top hits result window is too large, the top hits aggregator [${r.name}]'s from + size must be less than or equal to: [${max}] but was [${r.from + r.size}]. This limit can be set by changing the [index.max_inner_result_window] index level setting.`,
      );
    }
  },
  create(spec, ctx): Aggregator {
    const collector = ctx.topHits(spec.params as TopHitsRequest);
    return {
      typedKey: () => 'top_hits',
      collect: (view, batch) => collector.collect(view, batch),
      build: () => collector.build(),
    };
  },
};
