import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { PageQuery } from '../../common/page.query';

export class DueQuery extends PageQuery {
  @ApiPropertyOptional({
    minimum: 0,
    maximum: 366,
    default: 7,
    description: 'How many days ahead (24 h each, from now); late items always come first',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(366)
  days?: number;
}
