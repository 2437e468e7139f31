import { ApiProperty } from '@nestjs/swagger';

/** A notification that could not be sent yet: Temporal keeps retrying it. */
export class DeliveryFailureOutput {
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

  @ApiProperty({ format: 'date-time', description: 'UTC instant of the last attempt' })
  lastAttemptAt!: string;
}

export class DeliveryFailuresOutput {
  @ApiProperty({ type: [DeliveryFailureOutput], description: 'Earliest due first' })
  items!: DeliveryFailureOutput[];
}
