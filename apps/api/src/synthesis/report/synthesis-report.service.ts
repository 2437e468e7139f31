import { longFrenchDateTime, zoneName } from '@amiflow/domain';
import { CampaignSummaryQuery } from '@amiflow/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { campaignNotFound } from '../../campaigns/campaign-visibility';
import { SynthesisService } from '../synthesis.service';
import { synthesisPdf } from './synthesis-pdf';
import { SynthesisTableId, synthesisTables, tableCsv } from './synthesis-tables';
import { synthesisWorkbook } from './synthesis-workbook';

/** A file of the report: its bytes, its media type and the name it is saved under. */
export interface ReportFile {
  readonly body: Buffer | string;
  readonly contentType: string;
  readonly fileName: string;
}

/** The synthesis as files the ministry can circulate: the PDF report, the XLSX and CSV tables. */
@Injectable()
export class SynthesisReportService {
  constructor(
    @Inject(SynthesisService) private readonly synthesis: SynthesisService,
    @Inject(CampaignSummaryQuery) private readonly campaigns: CampaignSummaryQuery,
  ) {}

  async pdf(campaignId: string, commonThreshold?: number): Promise<ReportFile> {
    const { synthesis, title, generatedAt } = await this.read(campaignId, commonThreshold);
    return {
      body: await synthesisPdf(synthesis, { campaignTitle: title, generatedAt }),
      contentType: 'application/pdf',
      fileName: `synthese-${campaignId}.pdf`,
    };
  }

  async xlsx(campaignId: string, commonThreshold?: number): Promise<ReportFile> {
    const { synthesis, title } = await this.read(campaignId, commonThreshold);
    return {
      body: await synthesisWorkbook(title, synthesisTables(synthesis)),
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      fileName: `synthese-${campaignId}.xlsx`,
    };
  }

  async csv(
    campaignId: string,
    tableId: SynthesisTableId,
    commonThreshold?: number,
  ): Promise<ReportFile> {
    const { synthesis } = await this.read(campaignId, commonThreshold);
    const table = synthesisTables(synthesis).find((candidate) => candidate.id === tableId);
    if (!table) throw new Error(`No table ${tableId}`);
    return {
      body: tableCsv(table),
      contentType: 'text/csv; charset=utf-8',
      fileName: `synthese-${campaignId}-${tableId}.csv`,
    };
  }

  private async read(campaignId: string, commonThreshold?: number) {
    const campaign = await this.campaigns.state(campaignId);
    if (!campaign) throw campaignNotFound(campaignId);
    const synthesis = await this.synthesis.synthesis(campaignId, commonThreshold);
    // In the campaign's zone, named, as every date people read (« 30 novembre 2026 à 6 h 41
    // (heure de Paris) »).
    const zone = campaign.definition.timeZone;
    const generatedAt = `${longFrenchDateTime(new Date().toISOString(), zone)} (${zoneName(zone)})`;
    return { synthesis, title: campaign.definition.title, generatedAt };
  }
}
