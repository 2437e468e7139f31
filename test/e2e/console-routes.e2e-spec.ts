import { RunningAmiflow, startAmiflow } from '../support/amiflow-processes';
import { ApiClient, ApiResponse } from '../support/api-client';
import { eventually, LifecycleHarness } from '../support/lifecycle-harness';
import { openCampaignWithDrafts } from '../support/open-campaign';
import { tokenFor } from '../support/tokens';

const run = Date.now().toString(36);
const campaignId = `ami-console-${run}`;
const drafting = `cnp-brouillon-${run}`;
const submitting = `cnp-depose-${run}`;
const TEMPORAL_UI_URL = 'http://127.0.0.1:8233';
const DAY = 86_400_000;

interface DossierItem {
  organisationId: string;
  nextDueAt: string | null;
  nextDueKind: string | null;
  late: boolean;
}
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

function ok<T>(response: ApiResponse): T {
  if (response.status !== 200) {
    throw new Error(`Expected 200, got ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body as T;
}

describe('the routes the console reads, over HTTP', () => {
  let amiflow: RunningAmiflow;
  let harness: LifecycleHarness;
  let operator: ApiClient;
  let admin: ApiClient;
  let deadline: string;

  const list = async (query: string) =>
    ok<Page<DossierItem>>(await operator.call('GET', `/campaigns/${campaignId}/dossiers?${query}`));
  const idsIn = async (query: string) =>
    (await list(query)).items.map((item) => item.organisationId).sort();

  beforeAll(async () => {
    amiflow = await startAmiflow({ env: { TEMPORAL_UI_URL } });
    harness = await LifecycleHarness.open();
    operator = new ApiClient(amiflow.apiUrl, await tokenFor('operator'));
    admin = new ApiClient(amiflow.apiUrl, await tokenFor('admin'));
    await openCampaignWithDrafts(harness, operator, campaignId, [drafting, submitting]);
    deadline = (await harness.dossierSnapshot(campaignId, drafting)).terms.submissionDeadline;
    const organisation = new ApiClient(
      amiflow.apiUrl,
      await tokenFor('organisation', { organisationId: submitting }),
    );
    ok(await organisation.call('POST', `/campaigns/${campaignId}/dossiers/${submitting}/submit`));
    // Not in the directory: the automatic check leaves it to an operator.
    await eventually('the eligibility check', async () =>
      (await harness.dossierState(campaignId, submitting)) === 'NEEDS_REVIEW' ? true : undefined,
    );
  }, 120_000);

  afterAll(async () => {
    await amiflow?.stop();
    await harness?.close();
  });

  it('lists each tab’s dossiers, with what falls due next on each', async () => {
    expect(await idsIn('tab=to-process')).toEqual([submitting]);
    expect(await idsIn('tab=awaiting-organisation')).toEqual([drafting]);
    expect(await idsIn('tab=processed')).toEqual([]);
    const [draft] = (await list(`tab=awaiting-organisation`)).items;
    // Created a moment ago, a week before its deadline: its J-1 reminder comes first.
    expect(draft).toEqual(expect.objectContaining({ nextDueKind: 'REMINDER', late: false }));
    expect(Date.parse(draft.nextDueAt ?? '')).toBeLessThan(Date.parse(deadline));
    expect(await idsIn(`dueBefore=${encodeURIComponent(deadline)}`)).toEqual([drafting]);
    expect(await idsIn('lateOnly=true')).toEqual([]);
  });

  it('counts the dossiers per tab and per state', async () => {
    expect(ok(await operator.call('GET', `/campaigns/${campaignId}/dossier-counts`))).toEqual({
      tabs: { toProcess: 1, awaitingOrganisation: 1, processed: 0, all: 2 },
      byStatus: { DRAFT: 1, NEEDS_REVIEW: 1 },
    });
  });

  it('pages a sort by its cursor, and refuses a cursor of another sort', async () => {
    const first = await list('sort=nextDueAt&limit=1');
    expect(first.items.map((item) => item.organisationId)).toEqual([drafting]);
    const second = await list(`sort=nextDueAt&limit=1&cursor=${first.nextCursor}`);
    expect(second).toEqual({
      items: [expect.objectContaining({ organisationId: submitting, nextDueAt: null })],
      nextCursor: null,
    });
    const elsewhere = await operator.call(
      'GET',
      `/campaigns/${campaignId}/dossiers?sort=organisationName&limit=1&cursor=${first.nextCursor}`,
    );
    expect(elsewhere.status).toBe(400);
  });

  it('moves a dossier to its organisation when a clarification is asked, and shows it due', async () => {
    const dueAt = new Date(Date.now() + 2 * DAY).toISOString();
    ok(
      await operator.call(
        'POST',
        `/campaigns/${campaignId}/dossiers/${submitting}/clarifications`,
        { clarificationId: 'precisions-1', question: 'Combien de membres ?', dueAt },
      ),
    );
    expect(await idsIn('tab=awaiting-organisation')).toEqual([drafting, submitting].sort());
    const due = ok<
      Page<{
        organisationId: string;
        kind: string;
        dueAt: string;
        late: boolean;
        msLeft: number;
        label: string;
      }>
    >(await operator.call('GET', `/campaigns/${campaignId}/due?days=7`));
    const clarification = due.items.find((item) => item.kind === 'CLARIFICATION');
    expect(clarification).toEqual(
      expect.objectContaining({
        organisationId: submitting,
        dueAt,
        late: false,
        label: 'Réponse à la demande de précisions',
      }),
    );
    expect(due.items.find((item) => item.kind === 'DEADLINE')).toEqual(
      expect.objectContaining({ organisationId: drafting, dueAt: deadline }),
    );
    const left = due.items.map((item) => item.msLeft);
    expect(left).toEqual([...left].sort((a, b) => a - b));
    // One day ahead: neither the deadline nor the clarification yet.
    const tomorrow = ok<Page<{ kind: string }>>(
      await operator.call('GET', `/campaigns/${campaignId}/due?days=1`),
    );
    expect(tomorrow.items.map((item) => item.kind)).not.toContain('DEADLINE');
    expect(tomorrow.items.map((item) => item.kind)).not.toContain('CLARIFICATION');
  });

  it('lists the mails about a dossier from the delivery ledger', async () => {
    const deliveries = await eventually('the mail of the submission', async () => {
      const body = ok<{
        items: {
          kind: string;
          recipient: string;
          address: string | null;
          status: string;
          attempts: number;
        }[];
      }>(await operator.call('GET', `/campaigns/${campaignId}/dossiers/${submitting}/deliveries`));
      return body.items.length > 0 ? body.items : undefined;
    });
    for (const delivery of deliveries) {
      expect(['SENT', 'NO_ADDRESS', 'FAILED', 'DROPPED']).toContain(delivery.status);
      expect(delivery.attempts).toBeGreaterThanOrEqual(1);
      // The address the ledger records beside whom it was for: none when the directory had none.
      expect(delivery).toHaveProperty('address');
      if (delivery.status === 'NO_ADDRESS') expect(delivery.address).toBeNull();
      if (delivery.status === 'SENT') expect(delivery.address).toMatch(/@/);
    }
    const missing = await operator.call(
      'GET',
      `/campaigns/${campaignId}/dossiers/cnp-inconnu-${run}/deliveries`,
    );
    expect(missing.status).toBe(404);
  });

  it('tells what the workflow waits for, and links it in the Temporal UI', async () => {
    const workflow = ok<{
      workflowId: string;
      runId: string;
      status: string;
      waitingFor: { kind: string; at: string; label: string }[];
      pendingActivities: unknown[];
      temporalUiUrl: string;
    }>(await operator.call('GET', `/campaigns/${campaignId}/dossiers/${drafting}/workflow`));
    expect(workflow.workflowId).toBe(`dossier/${campaignId}/${drafting}`);
    expect(workflow.status).toBe('RUNNING');
    expect(workflow.waitingFor).toContainEqual({
      kind: 'DEADLINE',
      at: deadline,
      label: 'Date limite de dépôt',
    });
    expect(workflow.pendingActivities).toEqual(expect.any(Array));
    expect(workflow.temporalUiUrl).toBe(
      `${TEMPORAL_UI_URL}/namespaces/${harness.config.temporal.namespace}/workflows/${encodeURIComponent(workflow.workflowId)}/${workflow.runId}/history`,
    );
  });

  it('sums up the alerts of the campaign', async () => {
    expect(ok(await operator.call('GET', `/campaigns/${campaignId}/alerts`))).toEqual({
      failedDeliveries: 0,
      waitingOnOperator: 0,
      stuckWorkflows: [],
    });
  });

  it('raises a dossier workflow terminated outside amiflow as an alert, and shows it ended', async () => {
    const workflowId = `dossier/${campaignId}/${drafting}`;
    await harness.client.workflow.getHandle(workflowId).terminate('test: an operator’s mistake');
    const stuck = await eventually('the terminated workflow among the alerts', async () => {
      const alerts = ok<{ stuckWorkflows: { workflowId: string }[] }>(
        await operator.call('GET', `/campaigns/${campaignId}/alerts`),
      );
      return alerts.stuckWorkflows.length > 0 ? alerts.stuckWorkflows : undefined;
    });
    expect(stuck).toEqual([
      { workflowId, organisationId: drafting, reason: 'TERMINATED', since: expect.any(String) },
    ]);
    const workflow = ok(
      await operator.call('GET', `/campaigns/${campaignId}/dossiers/${drafting}/workflow`),
    );
    expect(workflow).toEqual(expect.objectContaining({ status: 'TERMINATED', waitingFor: [] }));
  });

  it('keeps each user’s saved views to that user, and checks their query as the list does', async () => {
    const view = {
      name: 'À traiter, en retard',
      campaignId,
      query: 'tab=to-process&lateOnly=true&sort=nextDueAt',
      columns: ['etat', 'echeance'],
    };
    expect(ok(await operator.call('PUT', '/me/views/en-retard', view))).toEqual(
      expect.objectContaining({ viewId: 'en-retard', ...view }),
    );
    // Columns are optional: without them, the console's default (an empty list).
    const withoutColumns = { name: view.name, campaignId, query: view.query };
    expect(ok(await operator.call('PUT', '/me/views/sans-colonnes', withoutColumns))).toEqual(
      expect.objectContaining({ viewId: 'sans-colonnes', columns: [] }),
    );
    expect((await operator.call('DELETE', '/me/views/sans-colonnes')).status).toBe(204);
    for (const columns of ['etat', ['État'], Array.from({ length: 21 }, (_, i) => `c${i}`)]) {
      const refused = await operator.call('PUT', '/me/views/mauvaise', { ...view, columns });
      expect([refused.status, (refused.body as { code: string }).code]).toEqual([
        400,
        'VALIDATION_FAILED',
      ]);
    }
    expect(ok(await operator.call('GET', '/me/views'))).toEqual({
      items: [expect.objectContaining({ viewId: 'en-retard', name: view.name })],
    });
    expect(ok(await admin.call('GET', '/me/views'))).toEqual({ items: [] });
    expect((await admin.call('DELETE', '/me/views/en-retard')).status).toBe(404);
    for (const query of ['tab=nope', 'sort=nextDueAt&sort=status', 'cursor=abc', 'inconnu=1']) {
      const refused = await operator.call('PUT', '/me/views/mauvaise', { ...view, query });
      expect([refused.status, (refused.body as { code: string }).code]).toEqual([
        400,
        'VALIDATION_FAILED',
      ]);
      // The list refuses the same query with the same code (a bad cursor included).
      const listed = await operator.call('GET', `/campaigns/${campaignId}/dossiers?${query}`);
      expect(listed).toMatchObject({
        status: 400,
        body: { code: 'VALIDATION_FAILED', details: expect.arrayContaining([expect.any(String)]) },
      });
    }
    expect((await operator.call('DELETE', '/me/views/en-retard')).status).toBe(204);
    expect(ok(await operator.call('GET', '/me/views'))).toEqual({ items: [] });
  });

  it('refuses an organisation on every route of the console', async () => {
    const organisation = new ApiClient(
      amiflow.apiUrl,
      await tokenFor('organisation', { organisationId: drafting }),
    );
    for (const path of [
      `/campaigns/${campaignId}/dossier-counts`,
      `/campaigns/${campaignId}/due`,
      `/campaigns/${campaignId}/alerts`,
      `/campaigns/${campaignId}/dossiers/${drafting}/deliveries`,
      `/campaigns/${campaignId}/dossiers/${drafting}/workflow`,
      '/me/views',
    ]) {
      expect([path, (await organisation.call('GET', path)).status]).toEqual([path, 403]);
    }
  });
});
