import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** The synthesis's settings, from the query string. */
export class SynthesisQuery {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: 100,
    default: 2,
    description:
      'Distinct professions a theme needs to be a common demand (issue 13: « au moins deux »)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  commonThreshold?: number;
}
