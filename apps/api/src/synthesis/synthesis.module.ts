import { Module } from '@nestjs/common';
import { NoProposalScores, ProposalScores } from './best-proposals';
import { SynthesisController } from './synthesis.controller';
import { SynthesisService } from './synthesis.service';

@Module({
  controllers: [SynthesisController],
  // The reviews' scores replace NoProposalScores here once they are on main (best-proposals.ts).
  providers: [SynthesisService, { provide: ProposalScores, useClass: NoProposalScores }],
  exports: [SynthesisService],
})
export class SynthesisModule {}
