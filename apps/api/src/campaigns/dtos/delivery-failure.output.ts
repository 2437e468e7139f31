import { ApiProperty } from '@nestjs/swagger';

/**
 * A notification that did not go out: FAILED (Temporal keeps retrying it), or DROPPED (settled
 * without a mail: it no longer concerned its recipient when it would have gone out).
 */
export class DeliveryFailureOutput {
  @ApiProperty({ enum: ['FAILED', 'DROPPED'] })
  status!: 'FAILED' | 'DROPPED';

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Why a DROPPED notification did not go out (English); null when FAILED',
  })
  droppedReason!: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Null for campaign-wide notices' })
  organisationId!: string | null;

  @ApiProperty({ example: 'depot-j-7' })
  ruleId!: string;

  @ApiProperty({ example: 'DEADLINE_REMINDER' })
  kind!: string;

  @ApiProperty({ example: 'deadline' })
  occurrence!: string;

  @ApiProperty({ example: 'cnp-radiologie' })
  recipient!: string;

  @ApiProperty({ nullable: true, type: String })
  address!: string | null;

  @ApiProperty({ example: 3 })
  failedAttempts!: number;

  @ApiProperty({ nullable: true, type: String })
  lastError!: string | null;

  @ApiProperty({ format: 'date-time', description: 'UTC instant it was due' })
  dueAt!: string;

  @ApiProperty({
    format: 'date-time',
    description: 'UTC instant of the last attempt (DROPPED: when it was dropped)',
  })
  lastAttemptAt!: string;
}

export class DeliveryFailuresOutput {
  @ApiProperty({ type: [DeliveryFailureOutput], description: 'Earliest due first' })
  items!: DeliveryFailureOutput[];
}
