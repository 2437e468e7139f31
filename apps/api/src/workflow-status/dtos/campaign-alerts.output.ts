import { ApiProperty } from '@nestjs/swagger';

export class StuckWorkflowOutput {
  @ApiProperty({ example: 'dossier/ami-sante-ia-2019/cnp-radiologie' })
  workflowId!: string;

  @ApiProperty({ example: 'cnp-radiologie' })
  organisationId!: string;

  @ApiProperty({
    enum: ['FAILED', 'TERMINATED', 'TIMED_OUT', 'DEADLINE_PASSED'],
    description:
      'How it ended, or DEADLINE_PASSED: running while a date it acts on by itself passed minutes ago',
  })
  reason!: string;

  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'UTC instant it ended, or the date that passed',
  })
  since!: string | null;
}

export class CampaignAlertsOutput {
  @ApiProperty({ description: 'Notifications failing, being retried' })
  failedDeliveries!: number;

  @ApiProperty({ description: 'Dossiers in the « À traiter » tab' })
  waitingOnOperator!: number;

  @ApiProperty({ type: [StuckWorkflowOutput], description: 'At most 100' })
  stuckWorkflows!: StuckWorkflowOutput[];
}
