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
            }
          },
        ),
        { numRuns: RUNS_PER_ROUTE },
      );
    }
    expect(requests).toBeGreaterThan(1000);
    expect(await databaseFingerprint(harness)).toEqual(before);
  }, 600_000);

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
