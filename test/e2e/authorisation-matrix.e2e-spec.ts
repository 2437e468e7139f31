import { RunningAmiflow, startAmiflow } from '../support/amiflow-processes';
import { ApiClient, ApiResponse } from '../support/api-client';
import { LifecycleHarness } from '../support/lifecycle-harness';
import { openCampaignWithDrafts } from '../support/open-campaign';
import { tokenFor } from '../support/tokens';

type Role = 'admin' | 'operator' | 'organisation';
type Access = 'public' | readonly Role[];

const ALL: readonly Role[] = ['admin', 'operator', 'organisation'];
const STAFF: readonly Role[] = ['admin', 'operator'];
const ADMIN: readonly Role[] = ['admin'];
const ORGANISATION: readonly Role[] = ['organisation'];
const DOSSIER = '/campaigns/{campaignId}/dossiers/{organisationId}';

/**
 * Who may call what: the policy, written down once. The test checks that this table names every
 * route the API documents, so a new route cannot escape the matrix.
 */
const POLICY: Readonly<Record<string, Access>> = {
  'GET /health': 'public',
  'GET /health/live': 'public',
  'GET /health/ready': 'public',
  'GET /metrics': ADMIN,
  'GET /auth/sign-in-options': 'public',
  'POST /auth/development-token': 'public',
  'POST /campaigns': ADMIN,
  'GET /campaigns': ALL,
  'GET /campaigns/{campaignId}': ALL,
  'POST /campaigns/{campaignId}/publish': ADMIN,
  'POST /campaigns/{campaignId}/calendar-changes': ADMIN,
  'POST /campaigns/{campaignId}/cancel': ADMIN,
  'POST /campaigns/{campaignId}/close': ADMIN,
  'GET /campaigns/{campaignId}/meeting/registrations': STAFF,
  'PUT /campaigns/{campaignId}/meeting/registrations/{organisationId}': ALL,
  'DELETE /campaigns/{campaignId}/meeting/registrations/{organisationId}': ALL,
  'GET /campaigns/{campaignId}/deliveries/failures': STAFF,
  'GET /campaigns/{campaignId}/synthesis': STAFF,
  'GET /campaigns/{campaignId}/synthesis/report.pdf': STAFF,
  'GET /campaigns/{campaignId}/synthesis/report.xlsx': STAFF,
  'GET /campaigns/{campaignId}/synthesis/tables/{table}': STAFF,
  'GET /organisations': STAFF,
  'GET /organisations/{organisationId}': ALL,
  'PUT /organisations/{organisationId}': ADMIN,
  'POST /campaigns/{campaignId}/dossiers': ALL,
  'GET /campaigns/{campaignId}/dossiers': ALL,
  [`GET ${DOSSIER}`]: ALL,
  [`GET ${DOSSIER}/events`]: ALL,
  [`GET ${DOSSIER}/answers`]: ALL,
  [`PUT ${DOSSIER}/answers`]: ORGANISATION,
  [`POST ${DOSSIER}/submit`]: ORGANISATION,
  [`POST ${DOSSIER}/withdraw`]: ORGANISATION,
  [`PUT ${DOSSIER}/unavailability`]: ORGANISATION,
  [`POST ${DOSSIER}/clarifications/{clarificationId}/answer`]: ORGANISATION,
  [`POST ${DOSSIER}/eligibility-override`]: STAFF,
  [`POST ${DOSSIER}/clarifications`]: STAFF,
  [`POST ${DOSSIER}/screening-result`]: STAFF,
  [`PUT ${DOSSIER}/consultation`]: STAFF,
  [`POST ${DOSSIER}/consultation/cancel`]: STAFF,
  [`POST ${DOSSIER}/consultation/outcome`]: STAFF,
  [`POST ${DOSSIER}/follow-ups`]: STAFF,
  [`POST ${DOSSIER}/follow-ups/{followUpId}/complete`]: STAFF,
  [`POST ${DOSSIER}/close`]: STAFF,
  [`GET ${DOSSIER}/themes`]: STAFF,
  [`POST ${DOSSIER}/themes/tags`]: STAFF,
  [`DELETE ${DOSSIER}/themes/tags/{tagId}`]: STAFF,
  [`POST ${DOSSIER}/themes/suggestions/accept`]: STAFF,
  [`POST ${DOSSIER}/themes/suggestions/reject`]: STAFF,
  'GET /campaigns/{campaignId}/dossier-counts': STAFF,
  'GET /campaigns/{campaignId}/due': STAFF,
  'GET /campaigns/{campaignId}/alerts': STAFF,
  [`GET ${DOSSIER}/deliveries`]: STAFF,
  [`GET ${DOSSIER}/workflow`]: STAFF,
  'GET /me/views': STAFF,
  'PUT /me/views/{viewId}': STAFF,
  'DELETE /me/views/{viewId}': STAFF,
  [`GET ${DOSSIER}/reviews`]: STAFF,
  [`POST ${DOSSIER}/reviewers`]: STAFF,
  [`PUT ${DOSSIER}/reviews/mine`]: STAFF,
  [`POST ${DOSSIER}/conflicts-of-interest`]: STAFF,
  'POST /campaigns/{campaignId}/reviewer-assignments': STAFF,
  'PUT /campaigns/{campaignId}/evaluation-grid': ADMIN,
  'GET /me/review-queue': STAFF,
};

const CALLERS = [
  'admin',
  'operator',
  'organisation A, its own',
  "organisation A, B's",
  'no token',
  'expired token',
  'wrong signature',
] as const;
type Caller = (typeof CALLERS)[number];

const run = Date.now().toString(36);
const campaignId = `ami-matrix-${run}`;
const organisationA = `cnp-a-${run}`;
const organisationB = `cnp-b-${run}`;

describe('authorisation matrix: every route × every kind of caller', () => {
  let amiflow: RunningAmiflow;
  let harness: LifecycleHarness;
  let documented: Map<string, { takesBody: boolean }>;
  const tokens = new Map<Caller, string | undefined>();

  beforeAll(async () => {
    amiflow = await startAmiflow();
    harness = await LifecycleHarness.open();
    await openCampaignWithDrafts(
      harness,
      new ApiClient(amiflow.apiUrl, await tokenFor('operator')),
      campaignId,
      [organisationA, organisationB],
    );
    tokens.set('admin', await tokenFor('admin'));
    tokens.set('operator', await tokenFor('operator'));
    tokens.set(
      'organisation A, its own',
      await tokenFor('organisation', { organisationId: organisationA }),
    );
    tokens.set("organisation A, B's", tokens.get('organisation A, its own'));
    tokens.set('no token', undefined);
    tokens.set('expired token', await tokenFor('admin', { expiresIn: -60 }));
    tokens.set(
      'wrong signature',
      await tokenFor('admin', { secret: 'not-the-key-of-this-api-but-long-enough-anyway' }),
    );

    const document = await new ApiClient(amiflow.apiUrl).call('GET', '/api/docs-json');
    documented = new Map();
    const paths = (
      document.body as { paths: Record<string, Record<string, { requestBody?: unknown }>> }
    ).paths;
    for (const [path, operations] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        documented.set(`${method.toUpperCase()} ${path}`, { takesBody: !!operation.requestBody });
      }
    }
  }, 120_000);

  afterAll(async () => {
    await amiflow?.stop();
    await harness?.close();
  });

  it('has a row for every documented route, and documents every row', () => {
    expect([...documented.keys()].sort()).toEqual(Object.keys(POLICY).sort());
  });

  const cells = Object.entries(POLICY).flatMap(([route, access]) =>
    CALLERS.map((caller) => [route, caller, access] as const),
  );

  it.each(cells)('%s as %s', async (route, caller, access) => {
    const [method, template] = route.split(' ');
    const onB = caller === "organisation A, B's";
    const path = template
      .replace('{campaignId}', campaignId)
      .replace('{organisationId}', onB ? organisationB : organisationA)
      .replace('{clarificationId}', 'precisions-1')
      .replace('{followUpId}', 'suivi-1')
      .replace('{tagId}', 'tag-1')
      .replace('{table}', 'themes-professions')
      .replace('{viewId}', 'vue-1');
    const takesBody = documented.get(route)?.takesBody ?? false;
    // A body no route accepts: a caller the guard lets through meets the validation (400) and
    // changes nothing, so the matrix can run every cell against the same campaign.
    const body = takesBody ? { notAField: true } : undefined;
    const response = await new ApiClient(amiflow.apiUrl, tokens.get(caller)).call(
      method,
      path,
      body,
    );

    expect(response.status).toBeLessThan(500);
    const expected = expectation(access, caller, template.includes('{organisationId}'), takesBody);
    if (expected === 'through') {
      expect([401, 403]).not.toContain(response.status);
    } else {
      expect(response.status).toBe(expected);
    }
    if (response.status >= 400) expectErrorShape(response);
    if (response.status === 401)
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });
});

/** What a cell must answer: a status, or 'through' when any outcome but 401/403 is right. */
function expectation(
  access: Access,
  caller: Caller,
  aboutAnOrganisation: boolean,
  takesBody: boolean,
): number | 'through' {
  if (access === 'public') return 'through';
  if (caller === 'no token' || caller === 'expired token' || caller === 'wrong signature') {
    return 401;
  }
  const role: Role = caller.startsWith('organisation') ? 'organisation' : (caller as Role);
  if (!access.includes(role)) return 403;
  if (caller === "organisation A, B's" && aboutAnOrganisation) return 404;
  return takesBody ? 400 : 'through';
}

function expectErrorShape(response: ApiResponse): void {
  expect(response.body).toEqual(
    expect.objectContaining({
      statusCode: response.status,
      code: expect.stringMatching(/^[A-Z_]+$/),
      message: expect.any(String),
    }),
  );
}
