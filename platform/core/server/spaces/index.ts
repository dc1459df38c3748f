export { createSpacesService, DEFAULT_SPACE, spacePrefix } from './spaces_service';
export type { Space, SpacesServiceStart } from './spaces_service';
