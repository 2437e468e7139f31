import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { CampaignParams } from '../../common/key.params';
import { SYNTHESIS_TABLE_IDS, SynthesisTableId } from '../report/synthesis-tables';

export class SynthesisTableParams extends CampaignParams {
  @ApiProperty({ enum: SYNTHESIS_TABLE_IDS, example: 'themes-professions' })
  @IsIn(SYNTHESIS_TABLE_IDS)
  table!: SynthesisTableId;
}
