import { ApiProperty } from '@nestjs/swagger';

export class ThemeOutput {
  @ApiProperty({ example: 'formation' })
  themeId!: string;

  @ApiProperty({ example: 'Formation des professionnels' })
  label!: string;

  @ApiProperty()
  description!: string;
}

class ActorOutput {
  @ApiProperty({ example: 'operator-1' })
  id!: string;

  @ApiProperty({ example: 'operator' })
  role!: string;
}

export class ThemeTagOutput {
  @ApiProperty({ example: 'tag-1' })
  tagId!: string;

  @ApiProperty({ example: 'freins' })
  sectionId!: string;

  @ApiProperty({ description: 'Offset of the passage in the answer (UTF-16 code units)' })
  start!: number;

  @ApiProperty({ description: 'End of the passage, excluded' })
  end!: number;

  @ApiProperty({ description: 'The passage as it read when tagged' })
  quote!: string;

  @ApiProperty({ type: [String] })
  themeIds!: string[];

  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'The score of the suggestion accepted; null for a tag an operator placed',
  })
  suggestionScore!: number | null;

  @ApiProperty({ type: ActorOutput })
  by!: ActorOutput;

  @ApiProperty({ format: 'date-time' })
  taggedAt!: string;
}

class SuggestionWordOutput {
  @ApiProperty({ example: 'formation' })
  text!: string;

  @ApiProperty()
  start!: number;

  @ApiProperty()
  end!: number;
}

class SuggestedPassageOutput {
  @ApiProperty()
  start!: number;

  @ApiProperty()
  end!: number;

  @ApiProperty({ description: 'The sentence that scored best for the theme' })
  text!: string;
}

export class ThemeSuggestionOutput {
  @ApiProperty({ example: 'freins' })
  sectionId!: string;

  @ApiProperty({ example: 'formation' })
  themeId!: string;

  @ApiProperty({ example: 'Formation des professionnels' })
  label!: string;

  @ApiProperty({ minimum: 0, maximum: 1, description: 'Keyword and similarity evidence, 0 to 1' })
  score!: number;

  @ApiProperty({ type: SuggestedPassageOutput })
  passage!: SuggestedPassageOutput;

  @ApiProperty({ type: [SuggestionWordOutput], description: 'The words that led to it' })
  words!: SuggestionWordOutput[];
}

/** A dossier's demand themes: the campaign's taxonomy, the tags, the suggestions still open. */
export class DossierThemesOutput {
  @ApiProperty({ type: [ThemeOutput], description: "The campaign's taxonomy, in its order" })
  themes!: ThemeOutput[];

  @ApiProperty({ type: [ThemeTagOutput], description: 'What counts in the synthesis' })
  tags!: ThemeTagOutput[];

  @ApiProperty({
    type: [ThemeSuggestionOutput],
    description:
      'Suggested from the answers, best first, without those rejected for their answer nor those ' +
      'already tagged in it; a suggestion never counts until accepted',
  })
  suggestions!: ThemeSuggestionOutput[];
}
