import { BUSINESS_KEY_PATTERN } from '@amiflow/contracts';
import {
  EligibilityCondition,
  ORGANISATION_TYPES,
  OrganisationType,
  REMINDER_KINDS,
  ReminderAnchor,
  ReminderAudience,
  ReminderKind,
} from '@amiflow/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsTextMap } from '../../common/is-text-map.validator';
import { KEY_MESSAGE, LOCAL_DATE_TIME_MESSAGE } from '../../common/rule-messages';

// The shape of a campaign file (libs/domain campaign-file.ts), bounded everywhere: the domain
// then checks what the shape cannot say (dates in order, a zone that exists…), in French.

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;
const REMINDER_KIND_NAMES = Object.keys(REMINDER_KINDS) as ReminderKind[];
const ANCHORS = [...new Set(Object.values(REMINDER_KINDS).map((kind) => kind.anchor))];
const AUDIENCES = [...new Set(Object.values(REMINDER_KINDS).map((kind) => kind.audience))];
const CONDITIONS = [
  'PROFESSION_WITHOUT_CNP',
  'FEDERATES_CNPS',
] as const satisfies readonly EligibilityCondition[];

const isKey = () => Matches(BUSINESS_KEY_PATTERN, { message: KEY_MESSAGE });
const isLocalDateTime = () => Matches(LOCAL_DATE_TIME, { message: LOCAL_DATE_TIME_MESSAGE });

export class LocalCalendarInput {
  @ApiProperty({ example: '2019-10-09T00:00', description: 'Wall-clock time in the zone' })
  @isLocalDateTime()
  opensAt!: string;

  @ApiPropertyOptional({ example: '2019-10-29T13:45' })
  @IsOptional()
  @isLocalDateTime()
  meetingRegistrationDeadline?: string;

  @ApiPropertyOptional({ example: '2019-10-29T13:45' })
  @IsOptional()
  @isLocalDateTime()
  meetingStartsAt?: string;

  @ApiPropertyOptional({ example: '2019-10-29T16:00' })
  @IsOptional()
  @isLocalDateTime()
  meetingEndsAt?: string;

  @ApiProperty({
    example: '2019-11-15T00:00',
    description: 'Submissions are accepted strictly before it',
  })
  @isLocalDateTime()
  submissionDeadline!: string;

  @ApiProperty({ example: '2019-12-01T00:00' })
  @isLocalDateTime()
  consultationsStartAt!: string;
}

export class MeetingInput {
  @ApiProperty({ example: '20, avenue de Ségur, 75007 Paris', maxLength: 300 })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  place!: string;

  @ApiProperty({ example: 120, minimum: 1, maximum: 10000 })
  @IsInt()
  @Min(1)
  @Max(10_000)
  capacity!: number;
}

export class EligibleTypeInput {
  @ApiProperty({ enum: ORGANISATION_TYPES })
  @IsIn(ORGANISATION_TYPES)
  type!: OrganisationType;

  @ApiPropertyOptional({ enum: CONDITIONS })
  @IsOptional()
  @IsIn(CONDITIONS)
  condition?: EligibilityCondition;
}

export class EligibilityInput {
  @ApiProperty({ type: [EligibleTypeInput], maxItems: ORGANISATION_TYPES.length })
  @IsArray()
  @ArrayMaxSize(ORGANISATION_TYPES.length)
  @ValidateNested({ each: true })
  @Type(() => EligibleTypeInput)
  eligibleTypes!: EligibleTypeInput[];
}

export class SectionInput {
  @ApiProperty({ example: 'propositions' })
  @isKey()
  id!: string;

  @ApiProperty({ example: "Propositions d'actions", maxLength: 300 })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  title!: string;

  @ApiProperty()
  @IsBoolean()
  required!: boolean;
}

export class SupportFormInput {
  @ApiProperty({ example: 'bases-ouvertes' })
  @isKey()
  id!: string;

  @ApiProperty({ maxLength: 500 })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  label!: string;
}

const YEAR_OF_DAYS = 366;

export class OffsetInput {
  @ApiPropertyOptional({ example: -7, minimum: -YEAR_OF_DAYS, maximum: YEAR_OF_DAYS })
  @IsOptional()
  @IsInt()
  @Min(-YEAR_OF_DAYS)
  @Max(YEAR_OF_DAYS)
  days?: number;

  @ApiPropertyOptional({ minimum: -24 * YEAR_OF_DAYS, maximum: 24 * YEAR_OF_DAYS })
  @IsOptional()
  @IsInt()
  @Min(-24 * YEAR_OF_DAYS)
  @Max(24 * YEAR_OF_DAYS)
  hours?: number;

  @ApiPropertyOptional({ minimum: -1440 * YEAR_OF_DAYS, maximum: 1440 * YEAR_OF_DAYS })
  @IsOptional()
  @IsInt()
  @Min(-1440 * YEAR_OF_DAYS)
  @Max(1440 * YEAR_OF_DAYS)
  minutes?: number;

  @ApiPropertyOptional({ minimum: -86400 * YEAR_OF_DAYS, maximum: 86400 * YEAR_OF_DAYS })
  @IsOptional()
  @IsInt()
  @Min(-86400 * YEAR_OF_DAYS)
  @Max(86400 * YEAR_OF_DAYS)
  seconds?: number;
}

export class ReminderRuleInput {
  @ApiProperty({ example: 'depot-j-7' })
  @isKey()
  id!: string;

  @ApiProperty({ enum: REMINDER_KIND_NAMES })
  @IsIn(REMINDER_KIND_NAMES)
  kind!: ReminderKind;

  @ApiProperty({ enum: ANCHORS, description: "Must be the kind's own anchor" })
  @IsIn(ANCHORS)
  anchor!: ReminderAnchor;

  @ApiProperty({ enum: AUDIENCES, description: "Must be the kind's own audience" })
  @IsIn(AUDIENCES)
  audience!: ReminderAudience;

  @ApiProperty({ type: OffsetInput })
  @IsObject()
  @ValidateNested()
  @Type(() => OffsetInput)
  offset!: OffsetInput;

  @ApiPropertyOptional({ example: '09:00', description: 'HH:mm in the campaign zone' })
  @IsOptional()
  @IsString()
  @MaxLength(5)
  atLocalTime?: string;
}

export class ConsultationSettingsInput {
  @ApiProperty({ example: [1, 2, 3, 4, 5], description: 'ISO weekdays, 1 = Monday' })
  @IsArray()
  @ArrayMaxSize(7)
  @IsInt({ each: true })
  workingDays!: number[];

  @ApiProperty({ example: ['09:00-12:00', '14:00-17:00'], maxItems: 12 })
  @IsArray()
  @ArrayMaxSize(12)
  @IsString({ each: true })
  @MaxLength(11, { each: true })
  hours!: string[];

  @ApiProperty({ example: 60 })
  @IsInt()
  durationMinutes!: number;

  @ApiProperty({ example: ['Ségur, salle 1'], maxItems: 50 })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  rooms!: string[];

  @ApiProperty({ example: ['2019-12-25'], maxItems: 400 })
  @IsArray()
  @ArrayMaxSize(400)
  @IsString({ each: true })
  @MaxLength(10, { each: true })
  daysOff!: string[];
}

export class ScaleInput {
  @ApiProperty({ example: 1, minimum: -1000, maximum: 1000 })
  @IsInt()
  @Min(-1000)
  @Max(1000)
  min!: number;

  @ApiProperty({ example: 5, minimum: -1000, maximum: 1000 })
  @IsInt()
  @Min(-1000)
  @Max(1000)
  max!: number;
}

export class EvaluationCriterionInput {
  @ApiProperty({ example: 'faisabilite' })
  @isKey()
  id!: string;

  @ApiProperty({ example: 'Faisabilité', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  label!: string;

  @ApiProperty({ maxLength: 1000 })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  description!: string;

  @ApiProperty({ example: 2, minimum: 1, maximum: 100, description: 'Relative to the others' })
  @IsInt()
  @Min(1)
  @Max(100)
  weight!: number;

  @ApiProperty({ type: ScaleInput, description: 'Integer scores from min to max inclusive' })
  @IsObject()
  @ValidateNested()
  @Type(() => ScaleInput)
  scale!: ScaleInput;
}

export class EvaluationGridInput {
  @ApiProperty({ type: [EvaluationCriterionInput], maxItems: 20 })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => EvaluationCriterionInput)
  criteria!: EvaluationCriterionInput[];

  @ApiPropertyOptional({
    example: 5,
    description: 'Spread of weighted scores (out of 20) above which a dossier is flagged; 5',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  disagreementThreshold?: number;

  @ApiPropertyOptional({
    example: 10,
    description: 'Weighted score (out of 20) from which the scores speak for shortlisting; 10',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  shortlistThreshold?: number;
}

/** A campaign as people write it down: the calendar in wall-clock time of its zone. */
export class CampaignFileInput {
  @ApiPropertyOptional({
    example: 'ami-sante-ia-2019',
    description: 'As in a campaign file; when present, it must be the campaignId of the request',
  })
  @IsOptional()
  @isKey()
  campaignId?: string;

  @ApiPropertyOptional({ maxLength: 1000, description: 'Where the campaign is announced' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  source?: string;

  @ApiProperty({ maxLength: 500 })
  @IsString()
  @MaxLength(500)
  title!: string;

  @ApiProperty({ type: [String], maxItems: 20 })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(300, { each: true })
  organisers!: string[];

  @ApiProperty({ example: 'Europe/Paris', description: 'IANA zone of the calendar' })
  @IsString()
  @MaxLength(64)
  timeZone!: string;

  @ApiProperty({ type: LocalCalendarInput })
  @IsObject()
  @ValidateNested()
  @Type(() => LocalCalendarInput)
  localCalendar!: LocalCalendarInput;

  @ApiPropertyOptional({
    description: 'How each unclear statement of the source was read (kept with the file, not used)',
    type: 'object',
    additionalProperties: { type: 'string' },
  })
  @IsOptional()
  @IsTextMap({ maxKeys: 50, keyPattern: /^[A-Za-z][A-Za-z0-9-]{0,63}$/, maxLength: 4000 })
  readings?: Record<string, string>;

  @ApiPropertyOptional({ type: MeetingInput })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => MeetingInput)
  meeting?: MeetingInput;

  @ApiProperty({ type: EligibilityInput })
  @IsObject()
  @ValidateNested()
  @Type(() => EligibilityInput)
  eligibility!: EligibilityInput;

  @ApiProperty({ type: [SectionInput], maxItems: 50 })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SectionInput)
  sections!: SectionInput[];

  @ApiProperty({ type: [SupportFormInput], maxItems: 30 })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => SupportFormInput)
  supportForms!: SupportFormInput[];

  @ApiProperty({ type: [ReminderRuleInput], maxItems: 50 })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ReminderRuleInput)
  reminders!: ReminderRuleInput[];

  @ApiPropertyOptional({ type: ConsultationSettingsInput })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ConsultationSettingsInput)
  consultations?: ConsultationSettingsInput;

  @ApiPropertyOptional({
    type: EvaluationGridInput,
    description: 'The criteria reviewers score dossiers on; without it, no reviews are offered',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => EvaluationGridInput)
  evaluationGrid?: EvaluationGridInput;
}
