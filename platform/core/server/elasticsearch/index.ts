export { ElasticsearchService, READY_TIMEOUT_MS } from './elasticsearch_service';
export type { ElasticsearchServiceStart, ScopedClusterClient } from './elasticsearch_service';
