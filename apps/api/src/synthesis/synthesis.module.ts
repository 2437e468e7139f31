import { Module } from '@nestjs/common';
import { ProposalScores } from './best-proposals';
import { SynthesisReportService } from './report/synthesis-report.service';
import { ReviewedProposalScores } from './reviewed-proposal-scores';
import { SynthesisController } from './synthesis.controller';
import { SynthesisService } from './synthesis.service';

@Module({
  controllers: [SynthesisController],
  // The best proposals are ranked on the reviews' weighted scores (reviewed-proposal-scores.ts).
  providers: [
    SynthesisService,
    SynthesisReportService,
    { provide: ProposalScores, useClass: ReviewedProposalScores },
  ],
  exports: [SynthesisService],
})
export class SynthesisModule {}
