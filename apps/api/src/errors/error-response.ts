import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The one JSON shape of every 4xx and 5xx answer. */
export class ErrorResponse {
  @ApiProperty({ example: 404 })
  statusCode!: number;

  @ApiProperty({ description: 'Stable machine code', example: 'DOSSIER_NOT_FOUND' })
  code!: string;

  @ApiProperty({ description: 'Human message (French)', example: 'Dossier introuvable.' })
  message!: string;

  @ApiPropertyOptional({ type: [String], description: 'What exactly was wrong, field by field' })
  details?: string[];
}
