import { DUE_KINDS } from '@amiflow/domain';
import { ApiProperty } from '@nestjs/swagger';

/** A date the workflow sleeps until (its pending timers, from the dossier's due rules). */
export class WaitingForOutput {
  @ApiProperty({ enum: DUE_KINDS })
  kind!: string;

  @ApiProperty({ format: 'date-time', description: 'UTC instant' })
  at!: string;

  @ApiProperty({ example: 'Date limite de dépôt' })
  label!: string;
}

/** An activity Temporal is running or retrying for the workflow. */
export class PendingActivityOutput {
  @ApiProperty({ example: 'deliverReminder' })
  activityType!: string;

  @ApiProperty({ description: 'Attempt under way, from 1', example: 3 })
  attempt!: number;

  @ApiProperty({ nullable: true, type: String, description: "The last attempt's failure" })
  lastFailure!: string | null;
}

export class DossierWorkflowOutput {
  @ApiProperty({ example: 'dossier/ami-sante-ia-2019/cnp-radiologie' })
  workflowId!: string;

  @ApiProperty({ nullable: true, type: String, description: 'Null when Temporal has no run' })
  runId!: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    example: 'RUNNING',
    description:
      "Temporal's status (RUNNING, COMPLETED, FAILED, TERMINATED, TIMED_OUT…); null when Temporal no longer keeps it",
  })
  status!: string | null;

  @ApiProperty({ type: [WaitingForOutput], description: 'Earliest first; empty unless running' })
  waitingFor!: WaitingForOutput[];

  @ApiProperty({ type: [PendingActivityOutput] })
  pendingActivities!: PendingActivityOutput[];

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'This run in the Temporal UI (null when TEMPORAL_UI_URL is not set)',
  })
  temporalUiUrl!: string | null;
}
