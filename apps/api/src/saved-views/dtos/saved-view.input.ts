import { BUSINESS_KEY_PATTERN } from '@amiflow/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { EACH_KEY_MESSAGE, KEY_MESSAGE } from '../../common/rule-messages';

const KEY_RULE = 'lowercase letters, digits and inner dashes, at most 64 characters';

export class SavedViewParams {
  @ApiProperty({ example: 'a-traiter-en-retard', description: KEY_RULE })
  @Matches(BUSINESS_KEY_PATTERN, { message: KEY_MESSAGE })
  viewId!: string;
}

export class SavedViewInput {
  @ApiProperty({ example: 'À traiter, en retard', minLength: 1, maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ example: 'ami-sante-ia-2019', description: KEY_RULE })
  @Matches(BUSINESS_KEY_PATTERN, { message: KEY_MESSAGE })
  campaignId!: string;

  @ApiProperty({
    example: 'tab=to-process&lateOnly=true&sort=nextDueAt',
    maxLength: 2000,
    description:
      "The dossier list's query string (GET /campaigns/{campaignId}/dossiers), without cursor or limit; checked as the list checks it",
  })
  @IsString()
  @MaxLength(2000)
  query!: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: 20,
    example: ['etat', 'echeance'],
    description:
      "The table's columns, as the console names them, in order (each " +
      KEY_RULE +
      "); absent or empty: the console's default columns",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(BUSINESS_KEY_PATTERN, { each: true, message: EACH_KEY_MESSAGE })
  columns?: string[];
}
