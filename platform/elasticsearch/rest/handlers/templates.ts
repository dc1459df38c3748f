/** `_index_template`, `_component_template`, `_index_template/_simulate_index`. */
import { nestSettings, parseComponentTemplate, parseIndexTemplate, type RawSettings } from '../../node';
import type { RestRequest, RestResponse } from '../types';

export async function putIndexTemplate(req: RestRequest): Promise<RestResponse> {
  const template = parseIndexTemplate(req.body());
  req.node.putIndexTemplate(req.pathParams.name, template, req.params.bool('create', false));
  await req.node.durable();
  return { status: 200, body: { acknowledged: true } };
}

export function getIndexTemplate(req: RestRequest): RestResponse {
  return { status: 200, body: { index_templates: req.node.getIndexTemplates(req.pathParams.name) } };
}

export function indexTemplateExists(req: RestRequest): RestResponse {
  try {
    return { status: req.node.getIndexTemplates(req.pathParams.name).length > 0 ? 200 : 404 };
  } catch {
    return { status: 404 };
  }
}

export async function deleteIndexTemplate(req: RestRequest): Promise<RestResponse> {
  req.node.deleteIndexTemplates(req.pathParams.name);
  await req.node.durable();
  return { status: 200, body: { acknowledged: true } };
}

export async function putComponentTemplate(req: RestRequest): Promise<RestResponse> {
  const template = parseComponentTemplate(req.body());
  req.node.putComponentTemplate(req.pathParams.name, template, req.params.bool('create', false));
  await req.node.durable();
  return { status: 200, body: { acknowledged: true } };
}

export function getComponentTemplate(req: RestRequest): RestResponse {
  return { status: 200, body: { component_templates: req.node.getComponentTemplates(req.pathParams.name) } };
}

export function componentTemplateExists(req: RestRequest): RestResponse {
  try {
    return { status: req.node.getComponentTemplates(req.pathParams.name).length > 0 ? 200 : 404 };
  } catch {
    return { status: 404 };
  }
}

export async function deleteComponentTemplate(req: RestRequest): Promise<RestResponse> {
  req.node.deleteComponentTemplates(req.pathParams.name);
  await req.node.durable();
  return { status: 200, body: { acknowledged: true } };
}

export function simulateIndex(req: RestRequest): RestResponse {
  const result = req.node.simulateIndex(req.pathParams.name);
  // No matching template: Elasticsearch answers an empty object.
  if (result.template === undefined) return { status: 200, body: {} };
  const template = result.template as { settings: RawSettings; mappings: unknown; aliases: unknown };
  return {
    status: 200,
    body: {
      template: { settings: nestSettings(template.settings), mappings: template.mappings, aliases: template.aliases },
      overlapping: result.overlapping,
    },
  };
}
