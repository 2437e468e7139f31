import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/access.decorators';
import { CampaignParams } from '../common/key.params';
import { ErrorResponse } from '../errors/error-response';
import { CampaignSynthesisOutput } from './dtos/synthesis.output';
import { SynthesisQuery } from './dtos/synthesis.query';
import { SynthesisTableParams } from './dtos/synthesis-table.params';
import { ReportFile, SynthesisReportService } from './report/synthesis-report.service';
import { SynthesisService } from './synthesis.service';

@ApiTags('synthesis')
@ApiBearerAuth()
@Roles('admin', 'operator')
@Controller('campaigns/:campaignId/synthesis')
export class SynthesisController {
  constructor(
    @Inject(SynthesisService) private readonly synthesis: SynthesisService,
    @Inject(SynthesisReportService) private readonly reports: SynthesisReportService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Dossiers by state, profession, organisation type, completeness and support form; the themes × professions matrix, the common demands with their quotes, support wished and retained, the best proposals',
  })
  @ApiOkResponse({ type: CampaignSynthesisOutput })
  @ApiNotFoundResponse({ type: ErrorResponse })
  read(
    @Param() { campaignId }: CampaignParams,
    @Query() { commonThreshold }: SynthesisQuery,
  ): Promise<CampaignSynthesisOutput> {
    return this.synthesis.synthesis(campaignId, commonThreshold);
  }

  @Get('report.pdf')
  @ApiOperation({ summary: 'The synthesis report, with its charts, as a PDF to circulate' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'An A4 PDF, saved as synthese-<campaign>.pdf' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async pdf(
    @Param() { campaignId }: CampaignParams,
    @Query() { commonThreshold }: SynthesisQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer | string> {
    return sent(reply, await this.reports.pdf(campaignId, commonThreshold));
  }

  @Get('report.xlsx')
  @ApiOperation({ summary: "The synthesis's tables as an XLSX workbook, a sheet per table" })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'Saved as synthese-<campaign>.xlsx' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async xlsx(
    @Param() { campaignId }: CampaignParams,
    @Query() { commonThreshold }: SynthesisQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer | string> {
    return sent(reply, await this.reports.xlsx(campaignId, commonThreshold));
  }

  @Get('tables/:table')
  @ApiOperation({ summary: 'One table of the synthesis as CSV (UTF-8 with BOM, RFC 4180)' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'Saved as synthese-<campaign>-<table>.csv' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  async csv(
    @Param() { campaignId, table }: SynthesisTableParams,
    @Query() { commonThreshold }: SynthesisQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer | string> {
    return sent(reply, await this.reports.csv(campaignId, table, commonThreshold));
  }
}

/** The file's type and name as headers; its bytes as the body. */
function sent(reply: FastifyReply, file: ReportFile): Buffer | string {
  void reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .header('cache-control', 'no-store');
  return file.body;
}
