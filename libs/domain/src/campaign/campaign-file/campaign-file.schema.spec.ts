import { referenceCampaignFile } from '../../reference-campaign/reference-campaign';
import file from '../../reference-campaign/ami-sante-ia-2019.campaign.json';
import { parseShape } from '../../shared/shape-problems';
import { CALENDAR_DATES } from '../campaign-definition';
import { CampaignFile, campaignFileSchema } from './campaign-file.schema';

const withChanges = (changes: Record<string, unknown>) => ({
  ...structuredClone(referenceCampaignFile),
  ...changes,
});

function problemsOf(input: unknown): string[] {
  const parsed = parseShape(campaignFileSchema, input);
  return parsed.ok ? [] : parsed.problems.map(({ path, message }) => `${path} : ${message}`);
}

describe('the shape of a campaign file', () => {
  it('holds the reference campaign as its announcement states it', () => {
    const parsed = parseShape(campaignFileSchema, file);
    expect(parsed).toEqual({ ok: true, value: file });
    // The type inferred from the schema is the type the domain reads the file as.
    const typed: CampaignFile = file as CampaignFile;
    expect(typed.localCalendar.opensAt).toBe('2019-10-09T00:00');
  });

  it('names the calendar dates in the order the phases run, from the wall-clock calendar', () => {
    expect(CALENDAR_DATES).toEqual([
      'opensAt',
      'meetingRegistrationDeadline',
      'meetingStartsAt',
      'meetingEndsAt',
      'submissionDeadline',
      'consultationsStartAt',
    ]);
  });

  it('refuses a field it does not know, at any depth, naming it', () => {
    expect(
      problemsOf(withChanges({ draft: true, meeting: { place: 'Ségur', capacity: 2, x: 1 } })),
    ).toEqual(["meeting.x : n'est pas un champ attendu", "draft : n'est pas un champ attendu"]);
  });

  it('says in French what each field must hold, with the bounds of its size', () => {
    const sections = Array.from({ length: 51 }, (_, index) => ({
      id: `s-${index}`,
      title: 'Section',
      required: false,
    }));
    expect(
      problemsOf(
        withChanges({
          campaignId: 'AMI 2019',
          title: 3,
          sections,
          localCalendar: { ...referenceCampaignFile.localCalendar, opensAt: '2030-01-01T10:00Z' },
          eligibility: { eligibleTypes: [{ type: 'MINISTRY' }] },
          reminders: [{ ...referenceCampaignFile.reminders[0], offset: { days: 1.5 } }],
        }),
      ),
    ).toEqual([
      'campaignId : doit être fait de lettres minuscules, de chiffres et de tirets intérieurs, 64 caractères au plus',
      'title : doit être un texte',
      'localCalendar.opensAt : doit être une date et une heure locales AAAA-MM-JJTHH:mm[:ss], sans décalage horaire',
      expect.stringMatching(
        /^eligibility\.eligibleTypes\.0\.type : doit valoir l'une de ces valeurs : /,
      ),
      'sections : doit compter au plus 50 éléments',
      'reminders.0.offset.days : doit être un nombre entier',
    ]);
  });

  it('asks for what a file cannot do without', () => {
    const { title: _title, localCalendar: _calendar, ...rest } = referenceCampaignFile;
    expect(problemsOf(rest)).toEqual([
      'title : est obligatoire',
      'localCalendar : est obligatoire',
    ]);
  });

  it('leaves to the rules what only the whole file can say (an empty questionnaire, a zone)', () => {
    expect(problemsOf(withChanges({ sections: [], timeZone: 'Mars/Olympus', title: '' }))).toEqual(
      [],
    );
  });
});
