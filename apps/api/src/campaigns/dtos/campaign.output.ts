import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const UTC = 'UTC instant';

/** The calendar in force, as UTC instants. */
export class CalendarOutput {
  @ApiProperty({ format: 'date-time', description: UTC, example: '2019-10-08T22:00:00.000Z' })
  opensAt!: string;

  @ApiPropertyOptional({ format: 'date-time', description: UTC })
  meetingRegistrationDeadline?: string;

  @ApiPropertyOptional({ format: 'date-time', description: UTC })
  meetingStartsAt?: string;

  @ApiPropertyOptional({ format: 'date-time', description: UTC })
  meetingEndsAt?: string;

  @ApiProperty({ format: 'date-time', description: `${UTC}; submissions strictly before it` })
  submissionDeadline!: string;

  @ApiProperty({ format: 'date-time', description: UTC })
  consultationsStartAt!: string;
}

/** The same dates as a French reader sees them in the campaign's zone. */
export class CalendarInZoneOutput {
  @ApiProperty({ example: '9 octobre 2019 à 0 h 00' })
  opensAt!: string;

  @ApiPropertyOptional({ example: '29 octobre 2019 à 13 h 45' })
  meetingRegistrationDeadline?: string;

  @ApiPropertyOptional({ example: '29 octobre 2019 à 13 h 45' })
  meetingStartsAt?: string;

  @ApiPropertyOptional({ example: '29 octobre 2019 à 16 h 00' })
  meetingEndsAt?: string;

  @ApiProperty({ example: '15 novembre 2019 à 0 h 00' })
  submissionDeadline!: string;

  @ApiProperty({ example: '1er décembre 2019 à 0 h 00' })
  consultationsStartAt!: string;
}

export class MeetingOutput {
  @ApiProperty({ example: '20, avenue de Ségur, 75007 Paris' })
  place!: string;

  @ApiProperty({ example: 120 })
  capacity!: number;

  @ApiProperty({ description: 'Confirmed registrations', example: 42 })
  registeredCount!: number;

  @ApiProperty({ description: 'Registrations on the waiting list', example: 0 })
  waitingListCount!: number;
}

export class SectionOutput {
  @ApiProperty({ example: 'propositions' })
  id!: string;

  @ApiProperty({ example: "Propositions d'actions" })
  title!: string;

  @ApiProperty()
  required!: boolean;
}

export class SupportFormOutput {
  @ApiProperty({ example: 'bases-ouvertes' })
  id!: string;

  @ApiProperty()
  label!: string;
}

/** What a list shows of a campaign. */
export class CampaignSummaryOutput {
  @ApiProperty({ example: 'ami-sante-ia-2019' })
  campaignId!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ example: 'OPEN' })
  phase!: string;

  @ApiProperty({ example: 'Europe/Paris', description: 'IANA zone the calendar is shown in' })
  timeZone!: string;

  @ApiProperty({ type: CalendarOutput })
  calendar!: CalendarOutput;

  @ApiProperty({ type: CalendarInZoneOutput })
  calendarInZone!: CalendarInZoneOutput;

  @ApiProperty({
    description:
      'Dossiers by state; states no dossier is in are absent. Empty for organisations: how the ' +
      'other applicants fare is not theirs to see',
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { DRAFT: 12, SUBMITTED: 3 },
  })
  dossierCounts!: Record<string, number>;

  @ApiProperty({ format: 'date-time', description: UTC })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', description: `${UTC} the campaign entered its phase` })
  phaseChangedAt!: string;
}

/** One campaign in full: what an organisation needs to answer, what an operator monitors. */
export class CampaignOutput extends CampaignSummaryOutput {
  @ApiProperty({ type: [String] })
  organisers!: string[];

  @ApiProperty({ type: MeetingOutput, nullable: true, description: 'Null without a meeting' })
  meeting!: MeetingOutput | null;

  @ApiProperty({ type: [SectionOutput] })
  sections!: SectionOutput[];

  @ApiProperty({ type: [SupportFormOutput] })
  supportForms!: SupportFormOutput[];

  @ApiProperty({ nullable: true, type: String, description: 'Why it was cancelled, if it was' })
  cancellationReason!: string | null;
}

export class CampaignPageOutput {
  @ApiProperty({ type: [CampaignSummaryOutput], description: 'Newest campaign first' })
  items!: CampaignSummaryOutput[];

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor!: string | null;
}
