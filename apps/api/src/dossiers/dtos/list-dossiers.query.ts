import { DOSSIER_STATUSES, DOSSIER_TABS, ORGANISATION_TYPES } from '@amiflow/domain';
import { DOSSIER_SORT_KEYS } from '@amiflow/persistence';
import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsInstant } from '../../common/is-instant.validator';
import { PageQuery } from '../../common/page.query';

/** What narrows a campaign's dossiers: the list's filters, also those of its counts. */
export class DossierFilterQuery {
  @ApiPropertyOptional({ enum: DOSSIER_STATUSES })
  @IsOptional()
  @IsIn(DOSSIER_STATUSES)
  state?: string;

  @ApiPropertyOptional({ enum: ORGANISATION_TYPES })
  @IsOptional()
  @IsIn(ORGANISATION_TYPES)
  organisationType?: string;

  @ApiPropertyOptional({ example: 'radiologie', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  profession?: string;

  @ApiPropertyOptional({ description: "Words found in the organisation's name", maxLength: 200 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  text?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Only dossiers whose next item (nextDueAt) falls due strictly before this instant',
  })
  @IsOptional()
  @IsInstant()
  dueBefore?: string;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'true: only dossiers with an item due whose instant has passed',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  lateOnly?: 'true' | 'false';
}

export class ListDossiersQuery extends IntersectionType(PageQuery, DossierFilterQuery) {
  @ApiPropertyOptional({
    enum: DOSSIER_TABS,
    default: 'all',
    description:
      'Who must act: to-process (an operator), awaiting-organisation (its organisation), processed (final states and ineligibility), all',
  })
  @IsOptional()
  @IsIn(DOSSIER_TABS)
  tab?: (typeof DOSSIER_TABS)[number];

  @ApiPropertyOptional({ enum: DOSSIER_SORT_KEYS, default: 'updatedAt' })
  @IsOptional()
  @IsIn(DOSSIER_SORT_KEYS)
  sort?: (typeof DOSSIER_SORT_KEYS)[number];

  @ApiPropertyOptional({
    enum: ['asc', 'desc'],
    description: 'Default: desc for updatedAt, asc for every other sort',
  })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';
}
