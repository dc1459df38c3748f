/** Types shared by the REST server and its handlers. */
import type { EsNode } from '../node';
import type { QueryParams } from './params';

export interface ServerInfo {
  version: string;
  nodeName: string;
  clusterName: string;
}

export interface RestRequest {
  method: string;
  /** Path without the query string, e.g. `/my-index/_doc/1`. */
  path: string;
  pathParams: Record<string, string>;
  params: QueryParams;
  /** Decoded body text ('' when none). */
  bodyText: string;
  /** Parsed JSON body (undefined when empty); throws x_content_parse_exception on malformed JSON. */
  body(): unknown;
  headers: Record<string, string | string[] | undefined>;
  node: EsNode;
  info: ServerInfo;
}

export interface RestResponse {
  status: number;
  body?: unknown;
}

export type RestHandler = (request: RestRequest) => RestResponse | Promise<RestResponse>;
