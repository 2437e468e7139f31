import { Actor } from '../shared/actor';

/**
 * The people the tests act as, one set for every tier: a ministry administrator, an instructeur,
 * and any organisation by its id. Their ids show in stored events and in mails, so a test that
 * reads one reads the same everywhere.
 */
export const testActors = {
  admin: { id: 'admin-dgos', role: 'admin' },
  operator: { id: 'instructeur-1', role: 'operator' },
  organisation: (organisationId: string): Actor => ({ id: organisationId, role: 'organisation' }),
} as const satisfies Record<string, Actor | ((id: string) => Actor)>;
