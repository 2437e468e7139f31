import { ApiProperty } from '@nestjs/swagger';

/** One notification about a dossier, to one recipient, as the ledger keeps it. */
export class DossierDeliveryOutput {
  @ApiProperty({ description: 'The ledger key: campaign, dossier, rule, occurrence, recipient' })
  deliveryKey!: string;

  @ApiProperty({ example: 'DEADLINE_REMINDER' })
  kind!: string;

  @ApiProperty({
    example: 'cnp-radiologie',
    description: 'Who it is for: an organisation id of the directory, or the operators',
  })
  recipient!: string;

  @ApiProperty({
    example: 'contact@cnp-radiologie.fr',
    nullable: true,
    type: String,
    description:
      'The address the ledger records it was sent (or is being tried) to, as the directory gave ' +
      'it at the last attempt; null when the recipient had none (NO_ADDRESS)',
  })
  address!: string | null;

  @ApiProperty({
    example: 'SENT',
    description: 'SENT, NO_ADDRESS (nowhere to send it), FAILED (being retried), or any later one',
  })
  status!: string;

  @ApiProperty({ description: 'Attempts so far: failed ones, plus the one that settled it' })
  attempts!: number;

  @ApiProperty({ nullable: true, type: String })
  lastError!: string | null;

  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'UTC instant the SMTP server accepted it (null unless SENT)',
  })
  sentAt!: string | null;

  @ApiProperty({ format: 'date-time', description: 'UTC instant it was due' })
  dueAt!: string;
}

export class DossierDeliveriesOutput {
  @ApiProperty({ type: [DossierDeliveryOutput], description: 'Earliest due first' })
  items!: DossierDeliveryOutput[];
}
