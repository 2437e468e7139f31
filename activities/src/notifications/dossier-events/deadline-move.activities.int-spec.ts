import { DeadlineMovedNoticeData, DossierEventNotice } from '@amiflow/contracts';
import { isDossier } from '@amiflow/domain';
import { MockActivityEnvironment } from '@temporalio/testing';
import { mailsTo, openCampaignFixture, OpenCampaignFixture } from '../../testing';
import { createDossierNotificationActivities } from './dossier-notification.activities';

const DAY = 86_400_000;

/**
 * The announcement of a moved deadline as Temporal runs it: through the real SMTP server (the
 * mail catcher), recorded in the delivery ledger under the calendar update's event id, so that a
 * retried attempt sends nothing twice.
 */
describe('announcing a moved deadline to an organisation, in an activity context', () => {
  let fixture: OpenCampaignFixture;
  let notifyDossierEvent: (notice: DossierEventNotice) => Promise<number>;

  beforeEach(async () => {
    fixture = await openCampaignFixture('deadline-move');
    const activities = createDossierNotificationActivities(fixture.deps);
    notifyDossierEvent = (notice) => activities.notifyDossierEvent(notice);
  });

  afterEach(async () => {
    await fixture?.close();
  });

  /** The dossier's calendar moved by `days`, stored; its notice as the workflow sends it. */
  async function movedBy(days: number): Promise<DossierEventNotice> {
    const state = fixture.dossier.state;
    if (!isDossier(state)) throw new Error('no dossier');
    const previous = state.terms.submissionDeadline;
    const deadline = new Date(Date.parse(previous) + days * DAY).toISOString();
    const { consultationsStartAt } = state.terms;
    await fixture.dossier.run(
      { type: 'ApplyCampaignCalendar', submissionDeadline: deadline, consultationsStartAt },
      new Date(),
    );
    const [{ eventId, data }] = await fixture.dataSource.query<{ eventId: string; data: object }[]>(
      `SELECT event_id AS "eventId", data FROM events
        WHERE stream_id = $1 AND type = 'DossierCalendarUpdated' ORDER BY stream_version DESC LIMIT 1`,
      [fixture.dossier.streamId],
    );
    const notice: DeadlineMovedNoticeData = {
      ...(data as DeadlineMovedNoticeData),
      previousSubmissionDeadline: previous,
    };
    return {
      campaignId: fixture.campaignId,
      organisationId: fixture.organisationId,
      eventId,
      type: 'DossierCalendarUpdated',
      data: notice,
      correlationId: 'test',
    };
  }

  it('mails a draft its extended deadline on attempt 1, and nothing more on attempt 2', async () => {
    const notice = await movedBy(3);

    expect(await new MockActivityEnvironment({ attempt: 1 }).run(notifyDossierEvent, notice)).toBe(
      1,
    );
    expect(await new MockActivityEnvironment({ attempt: 2 }).run(notifyDossierEvent, notice)).toBe(
      0,
    );

    const mails = await mailsTo(fixture.address);
    expect(mails).toEqual([
      expect.objectContaining({ subject: expect.stringMatching(/^Date limite de dépôt reportée/) }),
    ]);
    expect(await fixture.deps.ledger.list(fixture.campaignId)).toEqual([
      expect.objectContaining({
        ruleId: 'event:DossierCalendarUpdated',
        occurrence: notice.eventId,
        recipient: fixture.organisationId,
        status: 'SENT',
        messageId: mails[0].messageId,
      }),
    ]);
  });

  it('mails a submitted dossier a deadline brought forward, as a second, separate mail after an extension', async () => {
    await fixture.dossier.run({ type: 'SubmitDossier' }, new Date());
    const extended = await movedBy(3);
    const shortened = await movedBy(-1);

    await new MockActivityEnvironment().run(notifyDossierEvent, extended);
    await new MockActivityEnvironment().run(notifyDossierEvent, shortened);

    expect((await mailsTo(fixture.address)).map((mail) => mail.subject)).toEqual([
      expect.stringMatching(/^Date limite de dépôt reportée/),
      expect.stringMatching(/^Date limite de dépôt avancée/),
    ]);
  });
});
