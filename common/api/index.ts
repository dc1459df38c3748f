/** Assistant HTTP API schemas and types (the chat request lives in `./chat`). */
export * from './primitives';
export * from './conversations';
export * from './prompts';
export * from './anonymization_fields';
export * from './knowledge_base';
export * from './connectors';
export * from './capabilities';
export * from './privileges';
export * from './routes';
