// How long suggesting themes takes at the scale of a large campaign: 5,000 single answers, then
// 5,000 dossiers whose nine sections each hold three answers of the labelled set (about 1,500
// characters per section). Run: npx esbuild libs/analysis/scripts/time-suggestions.ts --bundle
// --platform=node --tsconfig=tsconfig.base.json --outfile=/tmp/time-suggestions.js && node
// /tmp/time-suggestions.js
import { referenceCampaign, referenceThemeTaxonomy } from '@amiflow/domain';
import { createThemeSuggester } from '../src/suggestions/theme-suggester';
import { labelledAnswers } from '../src/testing/labelled-answers';

const COUNT = 5000;
const texts = labelledAnswers.map(({ text }) => text);
const sections = referenceCampaign.definition.sections.map(({ id }) => id);

const suggester = createThemeSuggester(referenceThemeTaxonomy);
const answers = Array.from({ length: COUNT }, (_, index) => texts[index % texts.length] ?? '');
const dossiers = Array.from({ length: COUNT }, (_, dossier) =>
  Object.fromEntries(
    sections.map((sectionId, section) => {
      const at = (dossier * 7 + section * 3) % texts.length;
      return [sectionId, [0, 1, 2].map((k) => texts[(at + k) % texts.length]).join(' ')];
    }),
  ),
);

// Wall time and this process's CPU time: on a shared machine the second says what the work costs.
function timed(name: string, work: () => number): void {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const suggestions = work();
  const { user, system } = process.cpuUsage(cpu);
  const wallMs = Math.round(performance.now() - wall);
  console.log(
    `${name}_ms=${wallMs} cpu_ms=${Math.round((user + system) / 1000)} suggestions=${suggestions}`,
  );
}

timed('suggest_5k_answers', () =>
  answers.reduce((sum, text) => sum + suggester.suggest(text).length, 0),
);
timed('suggest_5k_dossiers_9_sections', () =>
  dossiers.reduce((sum, dossier) => sum + suggester.suggestForAnswers(dossier).length, 0),
);
