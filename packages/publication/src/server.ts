// Entry `@foederal/publication/server`: helpers for a server that implements the registry
// contract (route matching, allowed methods, request validation). Kept out of the root entry, which
// clients and web pages import (issue 20).
export { routePattern, matchRoute, allowedMethods, validateRequest } from './contract/server.js';
export type { RouteMatch, IncomingRequest, ValidRequest, InvalidRequest } from './contract/server.js';
