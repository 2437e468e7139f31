import { BUSINESS_KEY_PATTERN } from '@amiflow/contracts';
import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsNumber,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { EACH_KEY_MESSAGE, KEY_MESSAGE } from '../../common/rule-messages';

const KEY_RULE = 'lowercase letters, digits and inner dashes, at most 64 characters';
/** Answers are bounded well below this (see SaveAnswersInput): offsets beyond it are nonsense. */
const MAX_OFFSET = 1_000_000;

/** A passage of one answer: offsets in UTF-16 code units of the answer's text, end excluded. */
class PassageInput {
  @ApiProperty({ example: 'freins', description: `The answered section; ${KEY_RULE}` })
  @Matches(BUSINESS_KEY_PATTERN, { message: KEY_MESSAGE })
  sectionId!: string;

  @ApiProperty({ minimum: 0, example: 0 })
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET)
  start!: number;

  @ApiProperty({ minimum: 1, example: 64, description: 'Excluded' })
  @IsInt()
  @Min(1)
  @Max(MAX_OFFSET)
  end!: number;
}

export class TagPassageInput extends PassageInput {
  @ApiProperty({
    example: 'tag-1',
    description: `Chosen by the client, so a retry is harmless; ${KEY_RULE}`,
  })
  @Matches(BUSINESS_KEY_PATTERN, { message: KEY_MESSAGE })
  tagId!: string;

  @ApiProperty({ type: [String], example: ['formation'], minItems: 1, maxItems: 20 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Matches(BUSINESS_KEY_PATTERN, { each: true, message: EACH_KEY_MESSAGE })
  themeIds!: string[];
}

export class AcceptThemeSuggestionInput extends PassageInput {
  @ApiProperty({ example: 'tag-2', description: `The tag it becomes; ${KEY_RULE}` })
  @Matches(BUSINESS_KEY_PATTERN, { message: KEY_MESSAGE })
  tagId!: string;

  @ApiProperty({ example: 'formation' })
  @Matches(BUSINESS_KEY_PATTERN, { message: KEY_MESSAGE })
  themeId!: string;

  @ApiProperty({ minimum: 0, maximum: 1, example: 0.84, description: "The suggestion's score" })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  score!: number;
}

export class RejectThemeSuggestionInput {
  @ApiProperty({ example: 'freins' })
  @Matches(BUSINESS_KEY_PATTERN, { message: KEY_MESSAGE })
  sectionId!: string;

  @ApiProperty({ example: 'formation' })
  @Matches(BUSINESS_KEY_PATTERN, { message: KEY_MESSAGE })
  themeId!: string;
}

export class ThemeTagParams {
  @ApiProperty({ example: 'ami-sante-ia-2019', description: KEY_RULE })
  @Matches(BUSINESS_KEY_PATTERN, { message: KEY_MESSAGE })
  campaignId!: string;

  @ApiProperty({ example: 'cnp-radiologie', description: KEY_RULE })
  @Matches(BUSINESS_KEY_PATTERN, { message: KEY_MESSAGE })
  organisationId!: string;

  @ApiProperty({ example: 'tag-1', description: KEY_RULE })
  @Matches(BUSINESS_KEY_PATTERN, { message: KEY_MESSAGE })
  tagId!: string;
}
