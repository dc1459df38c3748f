/** The Kibana version this host presents; it matches the embedded engine's Elasticsearch version. */
export const KIBANA_VERSION = '9.0.0';
