import { ApiProperty } from '@nestjs/swagger';

export class SavedViewOutput {
  @ApiProperty({ example: 'a-traiter-en-retard' })
  viewId!: string;

  @ApiProperty({ example: 'À traiter, en retard' })
  name!: string;

  @ApiProperty({ example: 'ami-sante-ia-2019' })
  campaignId!: string;

  @ApiProperty({ example: 'tab=to-process&lateOnly=true&sort=nextDueAt' })
  query!: string;

  @ApiProperty({
    type: [String],
    example: ['etat', 'echeance'],
    description: "The table's columns as the console names them; empty: its default",
  })
  columns!: string[];

  @ApiProperty({ format: 'date-time', description: 'UTC instant of the last save' })
  updatedAt!: string;
}

export class SavedViewsOutput {
  @ApiProperty({ type: [SavedViewOutput], description: 'By viewId' })
  items!: SavedViewOutput[];
}
