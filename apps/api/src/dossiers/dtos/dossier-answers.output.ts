import { ApiProperty } from '@nestjs/swagger';

/** One section of the campaign's questionnaire and the organisation's answer to it. */
export class SectionAnswerOutput {
  @ApiProperty({ example: 'freins' })
  sectionId!: string;

  @ApiProperty({ description: "The section's question, as the campaign asks it" })
  title!: string;

  @ApiProperty({ description: 'Whether the campaign expects an answer to it' })
  required!: boolean;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The text saved last; null when the section is unanswered',
  })
  answer!: string | null;
}

export class DossierAnswersOutput {
  @ApiProperty({
    type: [SectionAnswerOutput],
    description: "Every section of the campaign's questionnaire, in its order, answered or not",
  })
  sections!: SectionAnswerOutput[];
}
