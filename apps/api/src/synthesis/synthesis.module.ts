import { Module } from '@nestjs/common';
import { NoProposalScores, ProposalScores } from './best-proposals';
import { SynthesisReportService } from './report/synthesis-report.service';
import { SynthesisController } from './synthesis.controller';
import { SynthesisService } from './synthesis.service';

@Module({
  controllers: [SynthesisController],
  // The reviews' scores replace NoProposalScores here once they are on main (best-proposals.ts).
  providers: [
    SynthesisService,
    SynthesisReportService,
    { provide: ProposalScores, useClass: NoProposalScores },
  ],
  exports: [SynthesisService],
})
export class SynthesisModule {}
