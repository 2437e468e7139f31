import { SetMetadata } from '@nestjs/common';
import { Role } from './principal';

export const PUBLIC_ROUTE = 'amiflow:public';
export const ALLOWED_ROLES = 'amiflow:roles';

/** A route anyone may call without a token (health probes, the API's documentation). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/**
 * The roles that may call a route. A route that declares neither this nor `Public` is refused to
 * everyone: forgetting to declare access closes a route rather than opening it.
 */
export const Roles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);
