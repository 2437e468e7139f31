import { DomainErrorCode } from '../../errors/domain-error-code';
import { Actor } from '../../shared/actor';
import { specification } from '../../testing/decider-specification';
import { DossierStep, referenceDossierSteps } from '../../testing/reference-dossier';
import { DossierCommand } from '../dossier.commands';
import { dossierDecider } from '../dossier.decider';
import { DossierEvent } from '../dossier.events';
import { isDossier } from '../dossier.state';
import { themeTagsOf } from './themes';

// Demand themes on the CNP de radiologie's answers (reference campaign, 2019): tags by passage,
// suggestions accepted or rejected; only tags count.

const { given, recorded } = specification(dossierDecider);
const operator: Actor = { id: 'operator-1', role: 'operator' };
const colleague: Actor = { id: 'operator-2', role: 'operator' };
const { create, submit } = referenceDossierSteps;

const FREINS =
  'Les radiologues manquent de formation au traitement des données. Les bases ne sont pas ouvertes.';
const answered: DossierStep = [
  { type: 'SaveAnswers', answers: { organisation: 'Le CNP.', freins: FREINS } },
  '2019-10-20T08:00:00.000Z',
];
const AT = { at: '2019-11-20T08:00:00.000Z' };
const history = (...steps: DossierStep[]): DossierEvent[] =>
  recorded(...steps.map(([command, at]): [DossierCommand, { at: string }] => [command, { at }]));

const submitted = history(create, answered, submit);
const draft = history(create, answered);
const FIRST_SENTENCE = { sectionId: 'freins', start: 0, end: 64 };

const tag = (themeIds: string[], tagId = 'tag-1'): DossierCommand => ({
  type: 'TagPassage',
  tagId,
  ...FIRST_SENTENCE,
  themeIds,
  actor: operator,
});

const taggedEvent = (themeIds: string[], by = operator): DossierEvent => ({
  type: 'PassageTagged',
  data: {
    tagId: 'tag-1',
    ...FIRST_SENTENCE,
    quote: 'Les radiologues manquent de formation au traitement des données.',
    themeIds,
    by,
    taggedAt: AT.at,
  },
});

describe('an operator tags a passage of an answer with demand themes', () => {
  it('records the passage, its quote and its themes (one passage, several themes)', () => {
    given(submitted)
      .when(tag(['formation', 'acces-donnees']), AT)
      .then([taggedEvent(['formation', 'acces-donnees'])]);
  });

  it('counts a theme once when the operator names it twice', () => {
    given(submitted)
      .when(tag(['formation', 'formation']), AT)
      .then([taggedEvent(['formation'])]);
  });

  it('refuses a tag without a theme', () => {
    given(submitted).when(tag([]), AT).then(DomainErrorCode.INVALID_COMMAND);
  });

  it('refuses a passage outside the answer, or an empty one', () => {
    const outside = { ...tag(['formation']), end: FREINS.length + 1 } as DossierCommand;
    const empty = { ...tag(['formation']), start: 10, end: 10 } as DossierCommand;
    given(submitted).when(outside, AT).then(DomainErrorCode.INVALID_COMMAND);
    given(submitted).when(empty, AT).then(DomainErrorCode.INVALID_COMMAND);
  });

  it('refuses a passage of a section the dossier did not answer', () => {
    const unanswered = { ...tag(['formation']), sectionId: 'leviers' } as DossierCommand;
    given(submitted).when(unanswered, AT).then(DomainErrorCode.UNKNOWN_SECTION);
  });

  it('waits for the submission: a draft still changes', () => {
    given(draft)
      .when(tag(['formation']), AT)
      .then(DomainErrorCode.TRANSITION_NOT_ALLOWED);
  });

  it('changes nothing when the same tag comes again, and refuses another under its id', () => {
    const once = [...submitted, taggedEvent(['formation'])];
    given(once)
      .when(tag(['formation']), AT)
      .then([]);
    given(once)
      .when(tag(['financement']), AT)
      .then(DomainErrorCode.THEME_TAG_ALREADY_EXISTS);
  });

  it('lets a colleague take a tag back, after which it no longer counts', () => {
    const once = [...submitted, taggedEvent(['formation'])];
    const removal = given(once).when(
      { type: 'RemoveThemeTag', tagId: 'tag-1', actor: colleague },
      AT,
    );
    removal.then([
      { type: 'ThemeTagRemoved', data: { tagId: 'tag-1', by: colleague, removedAt: AT.at } },
    ]);
    const state = removal.state();
    expect(isDossier(state) && themeTagsOf(state)).toEqual([]);
  });

  it('refuses to take back a tag that does not exist', () => {
    given(submitted)
      .when({ type: 'RemoveThemeTag', tagId: 'tag-9', actor: operator }, AT)
      .then(DomainErrorCode.THEME_TAG_NOT_FOUND);
  });
});

describe('an operator accepts or rejects a suggested theme', () => {
  const accept: DossierCommand = {
    type: 'AcceptThemeSuggestion',
    tagId: 'tag-1',
    ...FIRST_SENTENCE,
    themeId: 'formation',
    score: 0.84,
    actor: operator,
  };
  const reject: DossierCommand = {
    type: 'RejectThemeSuggestion',
    sectionId: 'freins',
    themeId: 'formation',
    actor: operator,
  };
  const rejected: DossierEvent = {
    type: 'ThemeSuggestionRejected',
    data: { sectionId: 'freins', themeId: 'formation', by: operator, rejectedAt: AT.at },
  };

  it('makes an accepted suggestion a tag, which keeps its score', () => {
    const taggedWithScore = taggedEvent(['formation']);
    given(submitted)
      .when(accept, AT)
      .then([
        { ...taggedWithScore, data: { ...taggedWithScore.data, suggestionScore: 0.84 } },
      ] as DossierEvent[]);
  });

  it('refuses a score outside 0 to 1', () => {
    given(submitted)
      .when({ ...accept, score: 1.5 }, AT)
      .then(DomainErrorCode.INVALID_COMMAND);
  });

  it('records a rejection once, and the theme is no longer suggested for that answer', () => {
    const outcome = given(submitted).when(reject, AT);
    outcome.then([rejected]);
    const state = outcome.state();
    expect(isDossier(state) && state.rejectedSuggestions).toEqual([
      { sectionId: 'freins', themeId: 'formation' },
    ]);
    given([...submitted, rejected])
      .when(reject, AT)
      .then([]);
  });

  it('takes a theme out of the rejected ones when it is accepted after all', () => {
    const state = given([...submitted, rejected])
      .when(accept, AT)
      .state();
    expect(isDossier(state) && state.rejectedSuggestions).toEqual([]);
    expect(isDossier(state) && themeTagsOf(state).map((t) => t.themeIds)).toEqual([['formation']]);
  });

  it('refuses to reject a suggestion for a section the dossier did not answer', () => {
    given(submitted)
      .when({ ...reject, sectionId: 'leviers' }, AT)
      .then(DomainErrorCode.UNKNOWN_SECTION);
  });
});
