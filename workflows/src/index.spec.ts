import {
  CAMPAIGN_WORKFLOW_TYPE,
  CampaignLifecycleWorkflow,
  DOSSIER_WORKFLOW_TYPE,
  DossierLifecycleWorkflow,
} from '@amiflow/contracts';
import * as workflows from './index';

describe('workflow bundle entry point', () => {
  it('exports the dossier workflow under the type name clients start it by', () => {
    expect(Object.keys(workflows)).toContain(DOSSIER_WORKFLOW_TYPE);
  });

  it('exports the campaign workflow under the type name clients start it by', () => {
    expect(Object.keys(workflows)).toContain(CAMPAIGN_WORKFLOW_TYPE);
  });
});

// Clients start the workflows by the signatures the contracts declare, without seeing their
// code: the type-check (tsc -p tsconfig.json) proves the functions have them.
const startedAsDeclared: [DossierLifecycleWorkflow, CampaignLifecycleWorkflow] = [
  workflows.dossierLifecycle,
  workflows.campaignLifecycle,
];
describe('workflow signatures', () => {
  it('are the ones the clients start them by', () => {
    expect(startedAsDeclared.map((workflow) => workflow.name)).toEqual([
      DOSSIER_WORKFLOW_TYPE,
      CAMPAIGN_WORKFLOW_TYPE,
    ]);
  });
});
