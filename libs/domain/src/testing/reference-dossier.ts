import { DossierEvent } from '../dossier/dossier.events';
import { decideDossier, evolveDossier } from '../dossier/dossier.decider';
import { Dossier, DossierState, initialDossierState, isDossier } from '../dossier/dossier.state';
import * as referenceDossierSteps from './reference-dossier-steps';
import { DossierStep } from './reference-dossier-terms';

// One dossier of the reference campaign (2019), the CNP de radiologie's, told step by step: the
// story the specs of a dossier's work and schedule start from. Deadline « avant le 15 novembre »
// = 15 Nov 00:00 Paris = 14 Nov 23:00 UTC. The steps stand in reference-dossier-steps.ts, one
// named export each (a spec imports those it tells its story with); here, all of them at once.

export type { DossierStep } from './reference-dossier-terms';
export { referenceDossierTerms, referenceOperator } from './reference-dossier-terms';

/** Every step of the reference dossier, by name. */
export { referenceDossierSteps };

/** The dossier these steps leave, each command decided at its instant. */
export function dossierAfter(...steps: DossierStep[]): Dossier {
  const events = steps.reduce<DossierEvent[]>((past, [command, at]) => {
    const state: DossierState = past.reduce(evolveDossier, initialDossierState);
    return [...past, ...decideDossier(command, state, new Date(at))];
  }, []);
  const dossier = events.reduce(evolveDossier, initialDossierState);
  if (!isDossier(dossier)) throw new Error('No dossier after these steps.');
  return dossier;
}
