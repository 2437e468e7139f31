import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

// docs/architecture.md: the import rules are enforced by lint. These cases prove the rules bite, by
// linting small sources as if they sat in each project.
const workflowFile = 'workflows/src/dossier/dossier.workflow.ts';
const domainFile = 'libs/domain/src/dossier/dossier.decider.ts';
const apiFile = 'apps/api/src/dossiers/dossiers.service.ts';
const contractsFile = 'libs/contracts/src/dossier/dossier.messages.ts';
const analysisFile = 'libs/analysis/src/suggestions/theme-suggester.ts';
const consoleFile = 'apps/console/src/screens/campaigns.tsx';
const BOUNDARIES_RULE = '@nx/enforce-module-boundaries';
const BUILTINS_RULE = 'no-restricted-imports';

const importing = (line: string) =>
  `${line}\nexport const used = [${/\{ (\w+) \}/.exec(line)?.[1]}];\n`;

const cases = {
  workflowBuiltin: [importing("import { readFileSync } from 'fs';"), workflowFile],
  workflowNodeBuiltin: [importing("import { randomUUID } from 'node:crypto';"), workflowFile],
  workflowNest: [importing("import { Injectable } from '@nestjs/common';"), workflowFile],
  workflowTypeorm: [importing("import { DataSource } from 'typeorm';"), workflowFile],
  workflowClient: [importing("import { Client } from '@temporalio/client';"), workflowFile],
  workflowPersistence: [
    importing("import { EventStore } from '@amiflow/persistence';"),
    workflowFile,
  ],
  workflowAllowed: [
    [
      "import { decideDossier } from '@amiflow/domain';",
      "import { LIFECYCLE_TASK_QUEUE } from '@amiflow/contracts';",
      "import { sleep } from '@temporalio/workflow';",
      'export const used = [decideDossier, LIFECYCLE_TASK_QUEUE, sleep];',
      '',
    ].join('\n'),
    workflowFile,
  ],
  domainNest: [importing("import { Injectable } from '@nestjs/common';"), domainFile],
  domainTypeorm: [importing("import { DataSource } from 'typeorm';"), domainFile],
  domainTemporal: [importing("import { sleep } from '@temporalio/workflow';"), domainFile],
  domainBuiltin: [importing("import { readFileSync } from 'node:fs';"), domainFile],
  domainContracts: [
    importing("import { LIFECYCLE_TASK_QUEUE } from '@amiflow/contracts';"),
    domainFile,
  ],
  contractsMessages: [
    importing("import { defineUpdate } from '@temporalio/workflow';"),
    contractsFile,
  ],
  contractsClient: [importing("import { Client } from '@temporalio/client';"), contractsFile],
  domainAnalysis: [importing("import { suggestThemes } from '@amiflow/analysis';"), domainFile],
  analysisPersistence: [
    importing("import { EventStore } from '@amiflow/persistence';"),
    analysisFile,
  ],
  analysisBuiltin: [importing("import { readFileSync } from 'node:fs';"), analysisFile],
  analysisTypeorm: [importing("import { DataSource } from 'typeorm';"), analysisFile],
  analysisAllowed: [
    [
      "import { referenceThemeTaxonomy } from '@amiflow/domain';",
      "import { newStemmer } from 'snowball-stemmers';",
      "import { fra } from 'stopword';",
      'export const used = [referenceThemeTaxonomy, newStemmer, fra];',
      '',
    ].join('\n'),
    analysisFile,
  ],
  consoleContractsValue: [
    importing("import { LIFECYCLE_TASK_QUEUE } from '@amiflow/contracts';"),
    consoleFile,
  ],
  consoleAllowed: [
    [
      "import type { CampaignCalendarInput } from '@amiflow/contracts';",
      "import { DOSSIER_STATES } from '@amiflow/contracts/labels';",
      'export const used: [CampaignCalendarInput?, typeof DOSSIER_STATES] = [undefined, DOSSIER_STATES];',
      '',
    ].join('\n'),
    consoleFile,
  ],
  apiAnalysis: [importing("import { suggestThemes } from '@amiflow/analysis';"), apiFile],
  apiWorkflows: [importing("import { dossierLifecycle } from '@amiflow/workflows';"), apiFile],
  floatingPromise: [
    'async function work(): Promise<void> {}\nexport function caller(): void {\n  work();\n}\n',
    apiFile,
  ],
} as const;

type Case = keyof typeof cases;
let violations: Record<Case, string[]>;

beforeAll(() => {
  const names = Object.keys(cases) as Case[];
  const input = JSON.stringify(
    names.map((name) => ({ code: cases[name][0], file: cases[name][1] })),
  );
  const output = execFileSync(process.execPath, [join(__dirname, 'lint-texts.mjs')], {
    input,
    encoding: 'utf8',
  });
  const results = JSON.parse(output) as string[][];
  violations = Object.fromEntries(names.map((name, index) => [name, results[index]])) as Record<
    Case,
    string[]
  >;
}, 120_000);

describe('import rules enforced by lint', () => {
  it.each<[string, Case, string]>([
    ['a workflow that imports a Node built-in', 'workflowBuiltin', BUILTINS_RULE],
    ['a workflow that imports a node: built-in', 'workflowNodeBuiltin', BUILTINS_RULE],
    ['a workflow that imports NestJS', 'workflowNest', BOUNDARIES_RULE],
    ['a workflow that imports TypeORM', 'workflowTypeorm', BOUNDARIES_RULE],
    ['a workflow that imports the Temporal client', 'workflowClient', BOUNDARIES_RULE],
    ['a workflow that imports the persistence library', 'workflowPersistence', BOUNDARIES_RULE],
    ['the domain when it imports NestJS', 'domainNest', BOUNDARIES_RULE],
    ['the domain when it imports TypeORM', 'domainTypeorm', BOUNDARIES_RULE],
    ['the domain when it imports Temporal', 'domainTemporal', BOUNDARIES_RULE],
    ['the domain when it imports a Node built-in', 'domainBuiltin', BUILTINS_RULE],
    ['the domain when it imports another library', 'domainContracts', BOUNDARIES_RULE],
    ['the contracts when they import the Temporal client', 'contractsClient', BOUNDARIES_RULE],
    ['the domain when it imports the text analysis', 'domainAnalysis', BOUNDARIES_RULE],
    ['the text analysis when it imports persistence', 'analysisPersistence', BOUNDARIES_RULE],
    ['the text analysis when it imports a Node built-in', 'analysisBuiltin', BUILTINS_RULE],
    ['the text analysis when it imports another package', 'analysisTypeorm', BOUNDARIES_RULE],
  ])('fails %s', (_, name, rule) => {
    expect(violations[name]).toContain(rule);
  });

  it('accepts a workflow that imports the domain, the contracts and @temporalio/workflow', () => {
    expect(violations.workflowAllowed).toEqual([]);
  });

  it('accepts the contracts defining messages with @temporalio/workflow', () => {
    expect(violations.contractsMessages).toEqual([]);
  });

  it('accepts the text analysis importing the domain and its two French text libraries', () => {
    expect(violations.analysisAllowed).toEqual([]);
  });

  it('fails the console when it imports a value of the contracts (it would bundle Temporal)', () => {
    expect(violations.consoleContractsValue).toContain('@typescript-eslint/no-restricted-imports');
  });

  it("accepts the console importing the contracts' types and their French labels", () => {
    expect(violations.consoleAllowed).toEqual([]);
  });

  it('accepts the API importing the text analysis', () => {
    expect(violations.apiAnalysis).toEqual([]);
  });

  it('fails the API when it imports workflow code', () => {
    expect(violations.apiWorkflows).toContain(BOUNDARIES_RULE);
  });

  it('fails an un-awaited promise', () => {
    expect(violations.floatingPromise).toContain('@typescript-eslint/no-floating-promises');
  });
});
