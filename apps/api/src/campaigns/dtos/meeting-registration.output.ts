import { ApiProperty } from '@nestjs/swagger';

export class MeetingRegistrationOutput {
  @ApiProperty({ example: 'ami-sante-ia-2019' })
  campaignId!: string;

  @ApiProperty({ example: 'cnp-radiologie' })
  organisationId!: string;

  @ApiProperty({ example: 'Conseil national professionnel de radiologie' })
  organisationName!: string;

  @ApiProperty({ enum: ['CONFIRMED', 'WAITLISTED'] })
  status!: string;

  @ApiProperty({ format: 'date-time', description: 'UTC instant' })
  registeredAt!: string;

  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Place on the waiting list, from 1; null when confirmed',
  })
  waitingListPosition!: number | null;
}

export class MeetingRegistrationsOutput {
  @ApiProperty({ example: 120 })
  capacity!: number;

  @ApiProperty({ type: [MeetingRegistrationOutput], description: 'In order of registration' })
  confirmed!: MeetingRegistrationOutput[];

  @ApiProperty({ type: [MeetingRegistrationOutput], description: 'First to move up first' })
  waitingList!: MeetingRegistrationOutput[];
}
