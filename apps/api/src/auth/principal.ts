import type { Actor } from '@amiflow/contracts';

export const ROLES = ['admin', 'operator', 'organisation'] as const;
export type Role = (typeof ROLES)[number];

/** Who a verified bearer token speaks for. */
export interface Principal {
  /** The token's subject: a person at the ministry, or the account of an organisation. */
  readonly subject: string;
  readonly role: Role;
  /** Only for the organisation role: the one organisation whose dossiers it may see. */
  readonly organisationId?: string;
}

/** The actor recorded on the events a principal's request causes. */
export function actorOf(principal: Principal): Actor {
  return principal.role === 'organisation'
    ? { id: principal.organisationId ?? principal.subject, role: 'organisation' }
    : { id: principal.subject, role: principal.role };
}
