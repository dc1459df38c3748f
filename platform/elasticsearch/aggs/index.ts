/** Aggregations (§8): parse once, validate per index, collect across indices, render the reduced result. */
import { dateHistogramAgg } from './date_histogram';
import { filterAgg, filtersAgg } from './filters';
import { avgAgg, cardinalityAgg, maxAgg, minAgg, statsAgg, sumAgg, valueCountAgg } from './metrics';
import { termsAgg } from './terms';
import { topHitsAgg } from './top_hits';
import { registerAggregation } from './tree';

registerAggregation('terms', termsAgg);
registerAggregation('min', minAgg);
registerAggregation('max', maxAgg);
registerAggregation('sum', sumAgg);
registerAggregation('avg', avgAgg);
registerAggregation('stats', statsAgg);
registerAggregation('value_count', valueCountAgg);
registerAggregation('cardinality', cardinalityAgg);
registerAggregation('date_histogram', dateHistogramAgg);
registerAggregation('filter', filterAgg);
registerAggregation('filters', filtersAgg);
registerAggregation('top_hits', topHitsAgg);

export { AggTree, checkAggregations, parseAggregations } from './tree';
export type { AggContext, AggSpec, DocBatch, TopHitsCollector, TopHitsRequest } from './types';
export { decimalFormat } from './decimal_format';
