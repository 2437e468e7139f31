import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/access.decorators';
import { HealthReport, HealthService, LivenessReport } from './health.service';

/**
 * Probes for an orchestrator. Liveness says the process answers (restart it if not); readiness
 * says it can serve, its database and Temporal answering (send it no traffic if not).
 */
@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(@Inject(HealthService) private readonly health: HealthService) {}

  @Get()
  @ApiOperation({
    summary: 'Readiness, as /health/ready: whether the database and Temporal answer',
  })
  @ApiResponse({ status: 200, description: 'Both dependencies are up' })
  @ApiResponse({ status: 503, description: 'At least one dependency is down' })
  check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReport> {
    return this.ready(reply);
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: whether the database and Temporal answer' })
  @ApiResponse({ status: 200, description: 'Both dependencies are up' })
  @ApiResponse({ status: 503, description: 'At least one dependency is down' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReport> {
    const report = await this.health.check();
    void reply.status(report.status === 'up' ? 200 : 503);
    return report;
  }

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers (no dependency is asked)' })
  @ApiResponse({ status: 200, description: 'The process is up' })
  live(): LivenessReport {
    return this.health.live();
  }
}
