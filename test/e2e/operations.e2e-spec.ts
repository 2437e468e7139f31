import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { openCampaignDefinition } from '@amiflow/domain/testing';
import { EventStore, readModelProjections } from '@amiflow/persistence';
import { openTestDataSource, seedOpenCampaign } from '@amiflow/persistence/testing';
import { DataSource } from 'typeorm';
import { freePort, RunningAmiflow, startAmiflow } from '../support/amiflow-processes';
import { ApiClient, ApiResponse } from '../support/api-client';
import { eventually } from '../support/eventually';
import { tokenFor } from '../support/tokens';

const run = Date.now().toString(36);
const campaign = `ami-ops-${run}`;
const RATE_LIMIT = 40;
const scrapeToken = randomBytes(32).toString('base64url');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface LogLine {
  readonly level: string;
  readonly context?: string;
  readonly message: unknown;
}

describe('operating the API: headers, limits, idempotency, metrics, probes and logs', () => {
  let amiflow: RunningAmiflow;
  let dataSource: DataSource;
  let workerMetricsUrl: string;
  let operator: ApiClient;
  let admin: ApiClient;
  let anonymous: ApiClient;

  const draft = (organisationId: string) => ({
    organisationId,
    organisationName: `Organisation ${organisationId}`,
    organisationType: 'CNP',
  });
  const createDraft = (body: unknown, headers: Record<string, string> = {}, as = operator) =>
    as.call('POST', `/campaigns/${campaign}/dossiers`, body, headers);
  const eventsOf = (organisationId: string) =>
    dataSource.query<{ type: string; correlation: string }[]>(
      `SELECT type, metadata->>'correlationId' AS correlation FROM events WHERE stream_id = $1`,
      [`dossier/${campaign}/${organisationId}`],
    );
  // Both processes' output, one JSON object per line (LOG_FORMAT=json).
  const logLines = (): LogLine[] =>
    amiflow
      .output()
      .split('\n')
      .flatMap((line) => {
        try {
          return [JSON.parse(line) as LogLine];
        } catch {
          return [];
        }
      });
  /** A line of the processes' log, within 10 s; on timeout the error shows the whole output. */
  const logLine = (what: string, find: () => LogLine | undefined): Promise<LogLine> =>
    eventually(
      what,
      () => Promise.resolve(find()),
      10_000,
      () => amiflow.output(),
    );

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    const store = new EventStore(dataSource, readModelProjections);
    await seedOpenCampaign(store, campaign, openCampaignDefinition(new Date()));
    const workerMetricsPort = await freePort();
    workerMetricsUrl = `http://127.0.0.1:${workerMetricsPort}/metrics`;
    amiflow = await startAmiflow({
      env: {
        RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
        METRICS_TOKEN: scrapeToken,
        WORKER_METRICS_ADDRESS: `127.0.0.1:${workerMetricsPort}`,
        LOG_LEVEL: 'log',
        LOG_FORMAT: 'json',
      },
    });
    anonymous = new ApiClient(amiflow.apiUrl);
    operator = anonymous.as(await tokenFor('operator'));
    admin = anonymous.as(await tokenFor('admin'));
  }, 90_000);

  afterAll(async () => {
    await amiflow?.stop();
    await dataSource?.destroy();
  });

  describe('security headers', () => {
    it.each([
      ['a JSON answer', '/health/live'],
      ['a refusal', `/campaigns/${campaign}/dossiers`],
      ['an unknown route', '/nowhere'],
    ])('come with %s, with a policy that loads nothing', async (_, path) => {
      const { headers } = await anonymous.call('GET', path);
      expect(headers.get('content-security-policy')).toBe(
        "default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'",
      );
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('x-frame-options')).toBe('DENY');
      expect(headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
      expect(headers.get('referrer-policy')).toBe('no-referrer');
      expect(headers.get('cross-origin-resource-policy')).toBe('same-origin');
    });

    it('let the OpenAPI page load its own scripts and styles, and it has no inline script', async () => {
      const page = await anonymous.call('GET', '/api/docs');
      expect(page.status).toBe(200);
      const policy = page.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("style-src 'self' 'unsafe-inline'");
      expect(policy).not.toContain('unsafe-eval');
      const scripts = [...String(page.body).matchAll(/<script([^>]*)>/g)].map((match) => match[1]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const attributes of scripts) {
        const src = /src="([^"]+)"/.exec(attributes)?.[1];
        expect(src).toBeDefined();
        const asset = await fetch(new URL(src as string, `${amiflow.apiUrl}/api/docs`));
        expect(asset.status).toBe(200);
        expect(asset.headers.get('content-type')).toMatch(/javascript/);
      }
    });
  });

  describe('the console under /console/', () => {
    it('is served with a policy of its own: its files, its one inline script by its hash, no eval', async () => {
      // A screen's path gets the application's page, which the router then shows.
      const page = await fetch(`${amiflow.apiUrl}/console/campagnes/une-campagne?etat=DRAFT`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('cache-control')).toBe('no-cache');
      const policy = page.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("default-src 'self'");
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("connect-src 'self'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).not.toContain('unsafe-eval');
      const html = await page.text();
      // The inline script that sends the campaign page's requests early: allowed by its hash alone
      // (the whole directive: no 'unsafe-inline' for scripts).
      const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1]);
      expect(inline).toHaveLength(1);
      const hash = createHash('sha256').update(inline[0], 'utf8').digest('base64');
      expect(policy).toContain(`script-src 'self' 'sha256-${hash}';`);
      const scripts = [...html.matchAll(/<script([^>]*)>/g)]
        .map((match) => match[1])
        .filter((attributes) => attributes !== '');
      expect(scripts.length).toBeGreaterThan(0);
      for (const attributes of scripts) {
        const src = /src="([^"]+)"/.exec(attributes)?.[1] as string;
        expect(src).toMatch(/^\/console\/assets\//);
        const asset = await fetch(new URL(src, amiflow.apiUrl));
        expect(asset.status).toBe(200);
        expect(asset.headers.get('content-type')).toMatch(/javascript/);
        expect(asset.headers.get('cache-control')).toContain('immutable');
        expect(asset.headers.get('content-security-policy')).toContain("script-src 'self'");
        // Read to its end: a response left unread keeps its connection busy.
        await asset.arrayBuffer();
      }
      // The rest of the API keeps its policy that loads nothing.
      const api = await anonymous.call('GET', '/health/live');
      expect(api.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
    });

    it('tells the sign-in page how to sign in, and gives development tokens the API accepts', async () => {
      const options = await anonymous.call('GET', '/auth/sign-in-options');
      expect(options.status).toBe(200);
      expect(options.body).toMatchObject({ development: true, oidc: null });
      expect((options.body as { organisations: unknown[] }).organisations.length).toBeGreaterThan(
        0,
      );

      const refused = await anonymous.call('POST', '/auth/development-token', {
        role: 'organisation',
      });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        message: 'organisationId est requis pour le rôle organisation, et pour lui seul.',
      });
      expect(
        (await anonymous.call('POST', '/auth/development-token', { role: 'root' })).status,
      ).toBe(400);

      const minted = await anonymous.call('POST', '/auth/development-token', {
        role: 'organisation',
        organisationId: 'cnp-console',
      });
      expect(minted.status).toBe(200);
      const { token, expiresAt } = minted.body as { token: string; expiresAt: string };
      const lifetime = Date.parse(expiresAt) - Date.now();
      expect(lifetime).toBeGreaterThan(55 * 60_000);
      expect(lifetime).toBeLessThanOrEqual(60 * 60_000);
      const asOrganisation = new ApiClient(amiflow.apiUrl, token);
      expect((await asOrganisation.call('GET', `/campaigns/${campaign}/dossiers`)).status).toBe(
        200,
      );
      // An organisation's token, however obtained, is refused the operators' routes.
      expect((await asOrganisation.call('GET', '/organisations')).status).toBe(403);
    });
  });

  describe('health probes', () => {
    it('says the process is alive without asking its dependencies', async () => {
      expect(await anonymous.call('GET', '/health/live')).toMatchObject({
        status: 200,
        body: { status: 'up', uptimeSeconds: expect.any(Number) },
      });
    });

    it.each(['/health/ready', '/health'])(
      'says %s when the database and Temporal answer',
      async (path) => {
        expect(await anonymous.call('GET', path)).toMatchObject({
          status: 200,
          body: {
            status: 'up',
            checks: { database: { status: 'up' }, temporal: { status: 'up' } },
          },
        });
      },
    );
  });

  describe('correlation id', () => {
    it('follows the caller’s id into the response, the event, the API log and the worker log', async () => {
      const organisationId = `cnp-correlation-${run}`;
      const correlationId = `ops-e2e-${run}`;
      const created = await createDraft(draft(organisationId), {
        'x-correlation-id': correlationId,
      });
      expect(created.status).toBe(201);
      expect(created.headers.get('x-correlation-id')).toBe(correlationId);
      expect(await eventsOf(organisationId)).toEqual([
        { type: 'DossierDraftCreated', correlation: correlationId },
      ]);

      const requestLine = await logLine('the API request log line', () =>
        logLines().find(
          (line) =>
            line.context === 'HttpRequest' &&
            (line.message as { correlationId?: string }).correlationId === correlationId,
        ),
      );
      expect(requestLine).toMatchObject({
        level: 'log',
        message: {
          msg: 'request',
          method: 'POST',
          route: '/campaigns/:campaignId/dossiers',
          statusCode: 201,
          durationMs: expect.any(Number),
          principal: { subject: 'operator-test', role: 'operator' },
        },
      });
      expect(JSON.stringify(requestLine)).not.toMatch(/Bearer|eyJ/);

      const activityLine = await logLine('a worker log line with the correlation id', () =>
        logLines().find(
          (line) =>
            line.context === 'Temporal' &&
            (line.message as { correlationId?: string }).correlationId === correlationId,
        ),
      );
      expect(activityLine.message).toMatchObject({
        msg: 'Activity succeeded',
        activityType: 'appendEvents',
        workflowId: `dossier/${campaign}/${organisationId}`,
      });
    });

    it.each([
      ['no id', {}],
      ['an id with spaces', { 'x-correlation-id': 'not a sane id' }],
      ['an id of 129 characters', { 'x-correlation-id': 'x'.repeat(129) }],
    ])('gives a request with %s a new UUID', async (_, headers) => {
      const { headers: answer } = await anonymous.call('GET', '/health/live', undefined, headers);
      expect(answer.get('x-correlation-id')).toMatch(UUID);
    });
  });

  describe('Idempotency-Key on POST /campaigns/:campaignId/dossiers', () => {
    const bodyOf = (response: ApiResponse) => response.body;

    it('replays the first response to a repeat with the same key and body, creating once', async () => {
      const organisationId = `cnp-idem-replay-${run}`;
      const key = randomUUID();
      const first = await createDraft(draft(organisationId), { 'idempotency-key': key });
      const repeat = await createDraft(draft(organisationId), { 'idempotency-key': key });

      expect(first.status).toBe(201);
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      expect(repeat.status).toBe(201);
      expect(repeat.headers.get('idempotent-replayed')).toBe('true');
      expect(repeat.headers.get('content-type')).toMatch(/^application\/json/);
      expect(bodyOf(repeat)).toEqual(bodyOf(first));
      expect(await eventsOf(organisationId)).toHaveLength(1);
    });

    it('treats the same body with its keys in another order as the same request', async () => {
      const organisationId = `cnp-idem-order-${run}`;
      const key = randomUUID();
      const { organisationType, organisationName } = draft(organisationId);
      await createDraft(draft(organisationId), { 'idempotency-key': key });
      const repeat = await createDraft(
        JSON.stringify({ organisationType, organisationName, organisationId }),
        { 'idempotency-key': key },
      );
      expect(repeat.status).toBe(201);
      expect(repeat.headers.get('idempotent-replayed')).toBe('true');
    });

    it('refuses the same key with another body: 422 IDEMPOTENCY_KEY_REUSED, nothing created', async () => {
      const key = randomUUID();
      await createDraft(draft(`cnp-idem-a-${run}`), { 'idempotency-key': key });
      const reused = await createDraft(draft(`cnp-idem-b-${run}`), { 'idempotency-key': key });
      expect(reused).toMatchObject({
        status: 422,
        body: {
          statusCode: 422,
          code: 'IDEMPOTENCY_KEY_REUSED',
          message: expect.any(String),
        },
      });
      expect(await eventsOf(`cnp-idem-b-${run}`)).toEqual([]);
    });

    it('refuses a repeat while the first request is in flight: 409 IDEMPOTENCY_KEY_IN_USE', async () => {
      const organisationId = `cnp-idem-flight-${run}`;
      const key = randomUUID();
      expect((await createDraft(draft(organisationId), { 'idempotency-key': key })).status).toBe(
        201,
      );
      // Put its record back as it was while the request ran: claimed, not answered yet.
      await dataSource.query(
        `UPDATE idempotency_keys
            SET status_code = NULL, content_type = NULL, response_body = NULL,
                completed_at = NULL, claimed_at = now()
          WHERE idempotency_key = $1`,
        [key],
      );
      expect(await createDraft(draft(organisationId), { 'idempotency-key': key })).toMatchObject({
        status: 409,
        body: { statusCode: 409, code: 'IDEMPOTENCY_KEY_IN_USE', message: expect.any(String) },
      });
      expect(await eventsOf(organisationId)).toHaveLength(1);
    });

    it('lets simultaneous repeats create one dossier, each answered with it or told to wait', async () => {
      const organisationId = `cnp-idem-race-${run}`;
      const key = randomUUID();
      const responses = await Promise.all(
        Array.from({ length: 4 }, () =>
          createDraft(draft(organisationId), { 'idempotency-key': key }),
        ),
      );
      const fresh = responses.filter(
        (response) =>
          response.status === 201 && response.headers.get('idempotent-replayed') === null,
      );
      expect(fresh).toHaveLength(1);
      for (const response of responses) {
        if (response.status === 201) expect(response.body).toEqual(fresh[0].body);
        else expect(response.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_IN_USE' });
      }
      expect(await eventsOf(organisationId)).toHaveLength(1);
    });

    it('replays a refusal too (4xx), not only a success', async () => {
      const organisationId = `cnp-idem-conflict-${run}`;
      await createDraft(draft(organisationId));
      const key = randomUUID();
      const refused = await createDraft(draft(organisationId), { 'idempotency-key': key });
      const repeat = await createDraft(draft(organisationId), { 'idempotency-key': key });
      expect(refused).toMatchObject({ status: 409, body: { code: 'DOSSIER_ALREADY_EXISTS' } });
      expect(repeat.status).toBe(409);
      expect(repeat.body).toEqual(refused.body);
      expect(repeat.headers.get('idempotent-replayed')).toBe('true');
    });

    it('keeps each caller’s keys apart', async () => {
      const organisationId = `cnp-idem-callers-${run}`;
      const key = randomUUID();
      await createDraft(draft(organisationId), { 'idempotency-key': key });
      const other = await createDraft(draft(organisationId), { 'idempotency-key': key }, admin);
      expect(other.headers.get('idempotent-replayed')).toBeNull();
      expect(other.body).toMatchObject({ code: 'DOSSIER_ALREADY_EXISTS' });
    });

    it('runs every request without the header, as before', async () => {
      const organisationId = `cnp-idem-none-${run}`;
      expect((await createDraft(draft(organisationId))).status).toBe(201);
      const again = await createDraft(draft(organisationId));
      expect(again).toMatchObject({ status: 409, body: { code: 'DOSSIER_ALREADY_EXISTS' } });
      expect(again.headers.get('idempotent-replayed')).toBeNull();
    });

    it.each([
      ['too long', 'k'.repeat(129)],
      ['with a slash', 'a/b'],
    ])('refuses a key %s with 400 INVALID_IDEMPOTENCY_KEY', async (_, key) => {
      const organisationId = `cnp-idem-bad-${run}`;
      expect(await createDraft(draft(organisationId), { 'idempotency-key': key })).toMatchObject({
        status: 400,
        body: { statusCode: 400, code: 'INVALID_IDEMPOTENCY_KEY', message: expect.any(String) },
      });
      expect(await eventsOf(organisationId)).toEqual([]);
    });
  });

  describe('metrics', () => {
    it('are refused without a token (401), and to an operator (403), in the error shape', async () => {
      expect(await anonymous.call('GET', '/metrics')).toMatchObject({
        status: 401,
        body: { statusCode: 401, code: 'UNAUTHENTICATED' },
      });
      expect(await operator.call('GET', '/metrics')).toMatchObject({
        status: 403,
        body: { statusCode: 403, code: 'FORBIDDEN' },
      });
      const wrongScrapeToken = anonymous.as(randomBytes(32).toString('base64url'));
      expect((await wrongScrapeToken.call('GET', '/metrics')).status).toBe(401);
    });

    it('give an admin the process metrics and the request histogram by route pattern', async () => {
      await createDraft(draft(`cnp-metrics-${run}`));
      const { status, headers, body } = await admin.call('GET', '/metrics');
      expect(status).toBe(200);
      expect(headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = String(body);
      expect(text).toContain('process_cpu_user_seconds_total');
      expect(text).toMatch(
        /http_request_duration_seconds_bucket\{le="[^"]+",method="POST",route="\/campaigns\/:campaignId\/dossiers",status_code="201"\}/,
      );
      expect(text).toContain('route="(unmatched)"');
      expect(text).not.toContain(`route="/campaigns/${campaign}`);
    });

    it('are given to a scraper with the METRICS_TOKEN', async () => {
      const scraper = anonymous.as(scrapeToken);
      const { status, body } = await scraper.call('GET', '/metrics');
      expect(status).toBe(200);
      expect(String(body)).toContain('http_request_duration_seconds_count');
    });

    it('of the Temporal worker are served at WORKER_METRICS_ADDRESS', async () => {
      // The exporter starts with the runtime; the worker's series appear once it polls.
      const body = await eventually(
        'the worker metrics',
        async () => {
          const text = await fetch(workerMetricsUrl).then(
            (response) => response.text(),
            () => '',
          );
          return text.includes('temporal_') ? text : undefined;
        },
        10_000,
      );
      expect(body).toMatch(/^temporal_\w+/m);
    });
  });

  describe('rate limit', () => {
    it(`answers 429 with Retry-After beyond ${RATE_LIMIT} requests a minute, per token subject`, async () => {
      const organisationId = `cnp-rate-${run}`;
      const client = anonymous.as(await tokenFor('organisation', { organisationId }));
      const path = `/campaigns/${campaign}/dossiers`;
      for (let request = 1; request <= RATE_LIMIT; request++) {
        const { status } = await client.call('GET', path);
        expect(status).toBe(200);
      }
      const limited = await client.call('GET', path);
      expect(limited).toMatchObject({
        status: 429,
        body: { statusCode: 429, code: 'TOO_MANY_REQUESTS', message: expect.any(String) },
      });
      expect(Object.keys(limited.body as object).sort()).toEqual(['code', 'message', 'statusCode']);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(limited.headers.get('x-correlation-id')).toMatch(UUID);

      // Another caller still gets through; so do health probes.
      expect((await operator.call('GET', path)).status).toBe(200);
      expect((await client.call('GET', '/health/live')).status).toBe(200);
    });

    it('never limits the health probes', async () => {
      for (let request = 0; request < RATE_LIMIT + 5; request++) {
        expect((await anonymous.call('GET', '/health/live')).status).toBe(200);
      }
    });
  });

  // Each process has 15 s to exit after SIGINT before stopProcess kills it (exit code null, a
  // failure here); jest's default 5 s would cut that grace short on a loaded machine, where the
  // worker's drain of its Temporal polls takes longer: the bound is the helper's, not jest's.
  it('stops cleanly on Ctrl-C', async () => {
    const codes = await amiflow.stop();
    // What the processes said last, should one not have exited cleanly.
    const said = codes.api === 0 && codes.worker === 0 ? '' : amiflow.output().slice(-4000);
    expect({ ...codes, said }).toEqual({ api: 0, worker: 0, said: '' });
  }, 20_000);
});
