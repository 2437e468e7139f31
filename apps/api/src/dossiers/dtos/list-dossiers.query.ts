import { DOSSIER_STATUSES, ORGANISATION_TYPES } from '@amiflow/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '../../common/page.query';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class ListDossiersQuery extends PageQuery {
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
}
