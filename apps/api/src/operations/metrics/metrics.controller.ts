import { Controller, Get, Header, Inject, Res, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public, Roles } from '../../auth/access.decorators';
import { ErrorResponse } from '../../errors/error-response';
import { ApiMetrics } from './api-metrics';
import { MetricsAccessGuard } from './metrics-access.guard';

@ApiTags('operations')
@ApiBearerAuth()
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(ApiMetrics) private readonly metrics: ApiMetrics) {}

  @Get()
  // Public to the global guard only: MetricsAccessGuard checks the role, or the scrape token.
  @Public()
  @Roles('admin')
  @UseGuards(MetricsAccessGuard)
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary: 'Prometheus metrics (an admin token, or the METRICS_TOKEN scrape token)',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text exposition format' })
  @ApiUnauthorizedResponse({ type: ErrorResponse })
  @ApiForbiddenResponse({ type: ErrorResponse })
  async scrape(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    void reply.header('content-type', this.metrics.contentType);
    return this.metrics.render();
  }
}
