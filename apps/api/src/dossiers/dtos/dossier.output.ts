import { DUE_KINDS, OPERATOR_COMMANDS } from '@amiflow/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class EligibilityReasonOutput {
  @ApiProperty({ description: 'Stable reason code', example: 'TYPE_NOT_ELIGIBLE' })
  code!: string;

  @ApiProperty({
    description: 'The reason, in French, as the organisation reads it',
    example:
      "Ce type d'organisation n'est pas éligible : l'appel est réservé aux organisations qu'il désigne.",
  })
  label!: string;
}

/** Why the dossier is ELIGIBLE, INELIGIBLE or NEEDS_REVIEW (issue 10, fault 11). */
export class EligibilityOutput {
  @ApiProperty({ enum: ['ELIGIBLE', 'INELIGIBLE', 'NEEDS_REVIEW'], example: 'INELIGIBLE' })
  decision!: 'ELIGIBLE' | 'INELIGIBLE' | 'NEEDS_REVIEW';

  @ApiProperty({
    type: [EligibilityReasonOutput],
    description:
      "The directory check's reasons, against the campaign's eligibility rules (kept when an operator overrides the decision)",
  })
  reasons!: EligibilityReasonOutput[];

  @ApiProperty({
    nullable: true,
    type: String,
    description: "The operator's reason when an operator decided (override), else null",
    example: null,
  })
  overrideReason!: string | null;
}

/** The consultation fixed for the dossier (the last one held, once consulted). */
export class ConsultationOutput {
  @ApiProperty({ example: 'audition-1', description: 'Same id to move it' })
  consultationId!: string;

  @ApiProperty({ format: 'date-time', description: 'UTC instant it begins' })
  startsAt!: string;

  @ApiProperty({ format: 'date-time', description: 'UTC instant it ends' })
  endsAt!: string;

  @ApiProperty({ example: 'Ministère, 14 avenue Duquesne, salle 2' })
  place!: string;

  @ApiProperty({ description: 'How many times it was fixed under this id, from 1', example: 1 })
  revision!: number;
}

/** What the consultation concluded. */
export class ConsultationOutcomeOutput {
  @ApiProperty({ example: 'Besoin d’un entrepôt d’images annotées.' })
  summary!: string;

  @ApiProperty({ type: [String], description: "The campaign's support forms retained (ids)" })
  supportFormIds!: string[];
}

export class FollowUpOutput {
  @ApiProperty({ example: 'suite-1' })
  followUpId!: string;

  @ApiProperty({ example: 'Préparer la convention' })
  title!: string;

  @ApiProperty({ description: 'Who must do it', example: 'Bureau de la e-santé' })
  owner!: string;

  @ApiProperty({ format: 'date-time', description: 'UTC instant it is due' })
  dueAt!: string;

  @ApiProperty({ format: 'date-time', description: 'UTC instant it was planned' })
  plannedAt!: string;

  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'UTC instant it was done; null while still to do',
  })
  completedAt!: string | null;
}

export class DossierOutput {
  @ApiProperty({ example: 'ami-sante-ia-2019' })
  campaignId!: string;

  @ApiProperty({ example: 'cnp-radiologie' })
  organisationId!: string;

  @ApiProperty({ example: 'Conseil national professionnel de radiologie' })
  organisationName!: string;

  @ApiProperty({ example: 'CNP' })
  organisationType!: string;

  @ApiProperty({ example: 'radiologie', nullable: true, type: String })
  profession!: string | null;

  @ApiProperty({ example: 'DRAFT' })
  state!: string;

  @ApiProperty({ description: 'Answered sections out of all, in percent', example: 40 })
  completenessPercent!: number;

  @ApiProperty({ type: [String], example: ['propositions'] })
  missingRequiredSections!: string[];

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'UTC instant' })
  nextDeadline!: string | null;

  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'UTC instant the first item still due on the dossier falls due (null: none)',
  })
  nextDueAt!: string | null;

  @ApiProperty({
    enum: DUE_KINDS,
    nullable: true,
    type: String,
    description: 'What falls due then',
  })
  nextDueKind!: string | null;

  @ApiProperty({ description: 'True when nextDueAt has passed and the item is still due' })
  late!: boolean;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'UTC instant' })
  submittedAt!: string | null;

  @ApiProperty({ description: 'Number of events in the dossier stream', example: 1 })
  version!: number;

  @ApiProperty({ format: 'date-time', description: 'UTC instant' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', description: 'UTC instant of the last change' })
  lastChangeAt!: string;

  @ApiPropertyOptional({
    type: EligibilityOutput,
    nullable: true,
    description:
      'Why the dossier is eligible, ineligible or awaiting review: null before the check. In the read of one dossier and the answers to its commands; lists leave it out.',
  })
  eligibility?: EligibilityOutput | null;

  @ApiPropertyOptional({
    enum: OPERATOR_COMMANDS,
    isArray: true,
    description:
      "What an operator may decide about the dossier now, by the domain's rule (its state, an open clarification, a consultation begun, follow-ups left); the command is still refused when its input is not acceptable. In the read of one dossier and the answers to its commands; lists leave it out.",
  })
  allowedOperatorCommands?: string[];

  @ApiPropertyOptional({
    type: ConsultationOutput,
    nullable: true,
    description: 'The consultation fixed (or held), null when none is. Read of one dossier only.',
  })
  consultation?: ConsultationOutput | null;

  @ApiPropertyOptional({
    type: ConsultationOutcomeOutput,
    nullable: true,
    description: 'What the consultation concluded, null before. Read of one dossier only.',
  })
  outcome?: ConsultationOutcomeOutput | null;

  @ApiPropertyOptional({
    type: [FollowUpOutput],
    description: 'The follow-up actions, in the order planned. Read of one dossier only.',
  })
  followUps?: FollowUpOutput[];
}
