import { BUSINESS_KEY_PATTERN } from '@amiflow/contracts';
import { ORGANISATION_TYPES, OrganisationType } from '@amiflow/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { CURSOR_MESSAGE } from '../../common/rule-messages';

export class ListOrganisationsQuery {
  @ApiPropertyOptional({ enum: ORGANISATION_TYPES })
  @IsOptional()
  @IsIn(ORGANISATION_TYPES)
  type?: OrganisationType;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOptional()
  @Matches(BUSINESS_KEY_PATTERN, { message: CURSOR_MESSAGE })
  cursor?: string;
}
