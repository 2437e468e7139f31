import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { RunningAmiflow, startAmiflow } from '../support/amiflow-processes';
import { ApiClient } from '../support/api-client';
import { LifecycleHarness } from '../support/lifecycle-harness';
import { openCampaignWithDrafts } from '../support/open-campaign';
import { TestRole, tokenFor } from '../support/tokens';

/** Requests per route; with every documented route, several thousand in all. */
const RUNS_PER_ROUTE = 100;

const run = Date.now().toString(36);
const campaignId = `ami-fuzz-${run}`;
const organisationA = `cnp-a-${run}`;

interface Operation {
  readonly method: string;
  readonly path: string;
  readonly takesBody: boolean;
  readonly queryNames: string[];
  readonly bodyNames: string[];
}

/** A value of any JSON type, biased towards the edges validators must hold. */
const anyJson = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(null, '', ' ', -1, 0, 1e308, true, [], {}, 'x'.repeat(300_000)),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constantFrom(
    '2019-13-45T25:61:00Z',
    '2019-02-30T00:00:00Z',
    '2019-W44-2',
    '../../etc',
    '<script>',
    "'; DROP TABLE events; --",
    'nul\u0000inside',
  ),
);

/** A path segment: sane keys that name nothing, and garbage. */
const segment = fc.oneof(
  fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}[a-z0-9]$/).map((key) => `${key}-${run}`),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }),
  fc.constantFrom('%00', '..', 'A'.repeat(500), '__proto__', 'constructor', 'nul\u0000inside'),
);

function body(operation: Operation) {
  const named = fc.dictionary(fc.constantFrom(...operation.bodyNames, 'unexpected'), anyJson, {
    maxKeys: operation.bodyNames.length + 1,
  });
  return fc.oneof(
    { arbitrary: named, weight: 3 },
    { arbitrary: anyJson.map((value) => JSON.stringify(value) ?? 'null'), weight: 1 },
    { arbitrary: fc.string({ maxLength: 200 }), weight: 1 },
    { arbitrary: fc.constant('{"answers": {"a": '), weight: 1 },
  );
}

function query(operation: Operation) {
  return fc.dictionary(
    fc.constantFrom(...operation.queryNames, 'limit', 'cursor', 'x'),
    fc.oneof(fc.string(), fc.integer().map(String), craftedCursor),
    {
      maxKeys: 4,
    },
  );
}

/** Cursors that decode, holding what the database would refuse. */
const craftedCursor = fc
  .constantFrom<unknown[]>(
    ['1', 'cnp-a'],
    ['2019-02-30T00:00:00Z', 'cnp-a'],
    ['2019-10-29T12:45:00.000Z', 'nul\u0000inside'],
    ['2019-10-29T12:45:00.000Z'],
    [null, 3],
  )
  .map((parts) => Buffer.from(JSON.stringify(parts)).toString('base64url'));

describe('malformed input to every route (fast-check)', () => {
  let amiflow: RunningAmiflow;
  let harness: LifecycleHarness;
  let operations: Operation[];
  const tokens = new Map<TestRole, string>();

  beforeAll(async () => {
    amiflow = await startAmiflow();
    harness = await LifecycleHarness.open();
    for (const role of ['admin', 'operator'] as const) tokens.set(role, await tokenFor(role));
    tokens.set('organisation', await tokenFor('organisation', { organisationId: organisationA }));
    await openCampaignWithDrafts(
      harness,
      new ApiClient(amiflow.apiUrl, tokens.get('operator')),
      campaignId,
      [organisationA],
    );
    operations = await documentedOperations(new ApiClient(amiflow.apiUrl));
  }, 120_000);

  afterAll(async () => {
    await amiflow?.stop();
    await harness?.close();
  });

  it('never answers 5xx, answers every 4xx with the error shape, and changes nothing', async () => {
    const before = await databaseFingerprint(harness);
    let requests = 0;
    for (const operation of operations) {
      // Each route as a caller it admits, so that the input reaches validation.
      const callers =
        operation.path.includes('/answers') || operation.path.includes('/submit')
          ? ['organisation', 'admin']
          : ['admin', 'organisation'];
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...callers),
          fc.array(segment, { minLength: 4, maxLength: 4 }),
          query(operation),
          body(operation),
          fc.boolean(),
          async (caller, segments, parameters, payload, realIds) => {
            requests++;
            const url =
              pathOf(operation, segments, realIds && operation.method === 'GET') +
              queryString(parameters);
            const response = await fetch(`${amiflow.apiUrl}${url}`, {
              method: operation.method,
              headers: {
                authorization: `Bearer ${tokens.get(caller as TestRole)}`,
                ...(operation.takesBody && { 'content-type': 'application/json' }),
              },
              body: operation.takesBody
                ? typeof payload === 'string'
                  ? payload
                  : JSON.stringify(payload)
                : undefined,
            });
            const text = await response.text();
            if (response.status >= 500) {
              throw new Error(`${operation.method} ${url} → ${response.status}: ${text}`);
            }
            if (response.status >= 400) {
              const error = JSON.parse(text) as Record<string, unknown>;
              expect(error).toEqual(
                expect.objectContaining({
                  statusCode: response.status,
                  code: expect.any(String),
                  message: expect.any(String),
                }),
              );
              // What an organisation reads is French, whatever it sent.
              if (caller === 'organisation') expect(englishIn(error)).toEqual([]);
            }
          },
        ),
        { numRuns: RUNS_PER_ROUTE },
      );
    }
    expect(requests).toBeGreaterThan(1000);
    expect(await databaseFingerprint(harness)).toEqual(before);
  }, 600_000);

  it('refuses a body nested deeper than the limit with 400 BODY_TOO_DEEP on every route, whatever the headers', async () => {
    const deepArrays = `{"profession":${'['.repeat(1500)}${']'.repeat(1500)}}`;
    const deepObjects = `${'{"a":'.repeat(1500)}1${'}'.repeat(1500)}`;
    const deepInAString = JSON.stringify({ profession: '['.repeat(1500) });
    const headerSets: Record<string, string>[] = [
      {},
      { 'idempotency-key': `deep-${run}`, 'x-correlation-id': `deep-${run}` },
    ];
    for (const operation of operations.filter((each) => each.takesBody)) {
      for (const payload of [deepArrays, deepObjects]) {
        for (const headers of headerSets) {
          const response = await send(operation, 'organisation', payload, {
            'content-type': 'application/json',
            ...headers,
          });
          expect({ route: `${operation.method} ${operation.path}`, ...response }).toEqual({
            route: `${operation.method} ${operation.path}`,
            status: 400,
            body: expect.objectContaining({
              statusCode: 400,
              code: 'BODY_TOO_DEEP',
              message: expect.stringMatching(/niveaux/),
            }),
          });
        }
      }
      // Brackets inside a string are text, not nesting: validation answers, not the depth limit.
      const inString = await send(operation, 'organisation', deepInAString, {
        'content-type': 'application/json',
      });
      expect((inString.body as { code?: string }).code).not.toBe('BODY_TOO_DEEP');
    }
  }, 120_000);

  it('answers 415 in French to a body that is not JSON, on every route that takes one', async () => {
    for (const operation of operations.filter((each) => each.takesBody)) {
      for (const [contentType, payload] of [
        ['text/plain', '{"organisationId":"x"}'],
        ['application/x-www-form-urlencoded', 'organisationId=x&organisationName=y'],
        ['application/xml', '<dossier/>'],
      ]) {
        const response = await send(operation, 'organisation', payload, {
          'content-type': contentType,
        });
        expect({
          route: `${operation.method} ${operation.path}`,
          contentType,
          ...response,
        }).toEqual({
          route: `${operation.method} ${operation.path}`,
          contentType,
          status: 415,
          body: expect.objectContaining({
            statusCode: 415,
            code: 'UNSUPPORTED_MEDIA_TYPE',
            message: expect.stringMatching(/application\/json/),
          }),
        });
        expect(englishIn(response.body)).toEqual([]);
      }
    }
  }, 120_000);

  it('speaks French to an organisation: malformed JSON, validation details, unknown fields, sizes, unknown routes', async () => {
    const draft = `/campaigns/${campaignId}/dossiers`;
    const cases: [string, string, string | undefined, number][] = [
      ['POST', draft, '{"organisationId": ', 400],
      ['POST', draft, '', 400],
      ['POST', draft, '{"__proto__": {"x": 1}}', 400],
      ['POST', draft, JSON.stringify({ organisationId: 3, organisationName: [], extra: 1 }), 400],
      [
        'POST',
        draft,
        JSON.stringify({ organisationId: organisationA, organisationName: 'x'.repeat(300_000) }),
        413,
      ],
      [
        'POST',
        draft,
        JSON.stringify({
          organisationId: organisationA,
          organisationName: 'CNP',
          organisationType: 'NOPE',
          profession: 'x'.repeat(500),
        }),
        400,
      ],
      [
        'PUT',
        `${draft}/${organisationA}/answers`,
        JSON.stringify({ answers: { ['A'.repeat(200)]: 3 } }),
        400,
      ],
      ['GET', `${draft}?limit=0&state=NOPE&cursor=%%%`, undefined, 400],
      ['GET', '/no/such/route', undefined, 404],
      ['GET', `/campaigns/${'a'.repeat(150)}/dossiers`, undefined, 414],
      ['GET', '/campaigns/%E0%A4%A/dossiers', undefined, 400],
    ];
    for (const [method, path, payload, status] of cases) {
      const response = await fetch(`${amiflow.apiUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${tokens.get('organisation')}`,
          ...(payload !== undefined && { 'content-type': 'application/json' }),
        },
        body: payload,
      });
      const body = (await response.json()) as Record<string, unknown>;
      expect({ method, path: path.slice(0, 80), status: response.status }).toEqual({
        method,
        path: path.slice(0, 80),
        status,
      });
      expect({ path: path.slice(0, 80), english: englishIn(body) }).toEqual({
        path: path.slice(0, 80),
        english: [],
      });
    }
  }, 120_000);

  it('refuses malformed tags and synthesis settings with 400, in French', async () => {
    const themes = `/campaigns/${campaignId}/dossiers/${organisationA}/themes`;
    const synthesis = `/campaigns/${campaignId}/synthesis`;
    const cases: [string, string, string | undefined][] = [
      [
        'POST',
        `${themes}/tags`,
        JSON.stringify({
          tagId: 'tag-1',
          sectionId: 'freins',
          start: '0',
          end: 3,
          themeIds: ['formation'],
        }),
      ],
      [
        'POST',
        `${themes}/tags`,
        JSON.stringify({ tagId: 'tag-1', sectionId: 'freins', start: 0, end: 3, themeIds: [] }),
      ],
      [
        'POST',
        `${themes}/tags`,
        JSON.stringify({
          tagId: 'tag-1',
          sectionId: 'freins',
          start: -1,
          end: 3,
          themeIds: ['formation'],
          extra: 1,
        }),
      ],
      [
        'POST',
        `${themes}/suggestions/accept`,
        JSON.stringify({
          tagId: 'tag-1',
          sectionId: 'freins',
          start: 0,
          end: 3,
          themeId: 'formation',
          score: 2,
        }),
      ],
      [
        'POST',
        `${themes}/suggestions/reject`,
        JSON.stringify({ sectionId: 'Freins!', themeId: 'formation' }),
      ],
      ['GET', `${synthesis}?commonThreshold=0`, undefined],
      ['GET', `${synthesis}/report.pdf?commonThreshold=deux`, undefined],
      ['GET', `${synthesis}/tables/inconnue`, undefined],
    ];
    for (const [method, path, payload] of cases) {
      const response = await fetch(`${amiflow.apiUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${tokens.get('operator')}`,
          ...(payload !== undefined && { 'content-type': 'application/json' }),
        },
        body: payload,
      });
      const body = (await response.json()) as Record<string, unknown>;
      expect({ path, payload, status: response.status }).toEqual({ path, payload, status: 400 });
      expect({ path, english: englishIn(body) }).toEqual({ path, english: [] });
    }
  }, 120_000);

  async function send(
    operation: Operation,
    caller: TestRole,
    payload: string,
    headers: Record<string, string>,
  ): Promise<{ status: number; body: unknown }> {
    const response = await fetch(
      `${amiflow.apiUrl}${pathOf(operation, ['x', 'y', 'z', 'w'], true)}`,
      {
        method: operation.method,
        headers: { authorization: `Bearer ${tokens.get(caller)}`, ...headers },
        body: payload,
      },
    );
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Left as text: the expectation shows it.
    }
    return { status: response.status, body };
  }

  /**
   * Real ids only for reads: a write that happened to be well-formed must reach nothing, so that
   * the database can be compared before and after.
   */
  function pathOf(operation: Operation, segments: string[], realIds: boolean): string {
    let index = 0;
    return operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const random = encodeURIComponent(segments[index++ % segments.length]);
      if (!realIds) return random;
      if (name === 'campaignId') return campaignId;
      if (name === 'organisationId') return organisationA;
      return random;
    });
  }
});

/**
 * English words in the texts of an error answer (message and details): what organisations read
 * must be French. Field names and codes are not words of either language, so they pass.
 */
function englishIn(body: unknown): string[] {
  const { message, details } = (body ?? {}) as { message?: unknown; details?: unknown };
  // A detail is `<field path> : <rule>`: the path is the caller's own words, the rule is ours.
  const rules = (Array.isArray(details) ? details : []).map((detail) =>
    String(detail).replace(/^.*? : /, ''),
  );
  // A field named in a sentence is quoted (« unexpected »): the caller's words, not ours.
  const ours = (text: string) => text.replace(/«[^»]*»/g, '');
  return [String(message), ...rules].filter((text) => ENGLISH.test(ours(text)));
}

const ENGLISH =
  /\b(must|should|be|is|are|the|not|property|exist|cannot|unexpected|body|each|value|than|characters|longer|shorter|empty|request|allowed|unsupported|too)\b/i;

function queryString(parameters: Record<string, string>): string {
  const entries = Object.entries(parameters);
  return entries.length === 0 ? '' : `?${new URLSearchParams(entries).toString()}`;
}

async function documentedOperations(client: ApiClient): Promise<Operation[]> {
  const document = (await client.call('GET', '/api/docs-json')).body as OpenApiDocument;
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const schemaRef = operation.requestBody?.content?.['application/json']?.schema?.$ref;
      const schema = schemaRef
        ? document.components.schemas[schemaRef.split('/').pop() ?? '']
        : undefined;
      operations.push({
        method: method.toUpperCase(),
        path,
        takesBody: operation.requestBody !== undefined,
        queryNames: (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        bodyNames: Object.keys(schema?.properties ?? {}),
      });
    }
  }
  return operations;
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { in: string; name: string }[];
        requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> };
      }
    >
  >;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
}

/**
 * What requests may write, reduced to hashes: the events people caused (the workflows keep
 * issuing their own reminders and phase changes meanwhile, as `system`), the directory and the
 * idempotency keys. The read models follow from the events.
 */
async function databaseFingerprint(harness: LifecycleHarness): Promise<Record<string, string>> {
  const queries = {
    events: `SELECT event_id, stream_id, type, data FROM events
              WHERE metadata->'actor'->>'role' <> 'system' ORDER BY global_position`,
    organisations: 'SELECT * FROM organisations ORDER BY organisation_id',
    idempotency_keys: 'SELECT * FROM idempotency_keys ORDER BY 1, 2',
  };
  const fingerprint: Record<string, string> = {};
  for (const [name, sql] of Object.entries(queries)) {
    const rows = await harness.dataSource.query<unknown[]>(sql);
    fingerprint[name] =
      `${rows.length} rows, ${createHash('sha256').update(JSON.stringify(rows)).digest('hex')}`;
  }
  return fingerprint;
}
