import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The one JSON shape of every 4xx and 5xx answer. */
export class ErrorResponse {
  @ApiProperty({ example: 404 })
  statusCode!: number;

  @ApiProperty({ description: 'Stable machine code', example: 'DOSSIER_NOT_FOUND' })
  code!: string;

  @ApiProperty({ description: 'Human message (French)', example: "Ce dossier n'existe pas." })
  message!: string;

  @ApiPropertyOptional({
    type: [String],
    description:
      'What exactly was wrong, one line per problem, `<path> : <rule>` in French: every broken ' +
      'input rule (VALIDATION_FAILED), every problem of a campaign file or calendar ' +
      '(INVALID_CAMPAIGN_DEFINITION), the parent federation refused (INVALID_PARENT_FEDERATION)',
    example: ["calendar.submissionDeadline : La date limite de dépôt doit suivre l'ouverture."],
  })
  details?: string[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      "A business rule's refusal in machine-readable form, as the domain gives it (the same " +
      'whether the API or the workflow refused): e.g. `{ phase }` for TRANSITION_NOT_ALLOWED, ' +
      '`{ date, at }` for TOO_EARLY, `{ date }` for CALENDAR_DATE_PASSED, `{ problems: [{ path, ' +
      'message }] }` for INVALID_CAMPAIGN_DEFINITION. Absent when the rule has nothing to add.',
    example: { date: 'submissionDeadline' },
  })
  context?: Record<string, unknown>;
}
