import { DOSSIER_WORKFLOW_TYPE } from '@amiflow/contracts';
import * as workflows from './index';

describe('workflow bundle entry point', () => {
  it('exports the dossier workflow under the type name clients start it by', () => {
    expect(Object.keys(workflows)).toContain(DOSSIER_WORKFLOW_TYPE);
  });
});
