/** Connector service errors: each carries the HTTP status and a code the routes answer with. */
export class ActionsError extends Error {
  constructor(
    readonly statusCode: 400 | 403 | 404 | 409,
    readonly code: string,
    message: string,
    readonly details?: Array<{ path: string; message: string }>,
  ) {
    super(message);
    this.name = 'ActionsError';
  }
}

export const connectorNotFound = (id: string, spaceId: string) =>
  new ActionsError(404, 'connector_not_found', `Connector ${id} not found in space ${spaceId}`);

export const preconfiguredReadOnly = (id: string, verb: 'update' | 'delete') =>
  new ActionsError(400, 'preconfigured_connector', `Preconfigured connector ${id} is not allowed to ${verb}.`);

export const connectorConflict = (message: string) => new ActionsError(409, 'connector_conflict', message);

export const connectorMissingSecrets = (id: string, name: string) =>
  new ActionsError(
    400,
    'connector_missing_secrets',
    `Connector "${name}" (${id}) has missing or unreadable secrets; edit it and enter the API key again`,
  );

export const invalidConnector = (message: string, details: Array<{ path: string; message: string }>) =>
  new ActionsError(400, 'invalid_connector', message, details);
