import { ApiProperty } from '@nestjs/swagger';

export class OrganisationOutput {
  @ApiProperty({ example: 'cnp-radiologie' })
  organisationId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ example: 'CNP' })
  type!: string;

  @ApiProperty({ nullable: true, type: String, example: 'radiologie' })
  profession!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: {} })
  identifiers!: Record<string, string>;

  @ApiProperty({ nullable: true, type: String, example: 'fsm' })
  parentFederationId!: string | null;

  @ApiProperty({ nullable: true, type: Boolean })
  professionHasCnp!: boolean | null;

  @ApiProperty({ nullable: true, type: String })
  email!: string | null;

  @ApiProperty({ format: 'date-time', description: 'UTC instant of the last change' })
  updatedAt!: string;
}

export class OrganisationPageOutput {
  @ApiProperty({ type: [OrganisationOutput], description: 'In organisation id order' })
  items!: OrganisationOutput[];

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor!: string | null;
}
