import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';

@Controller()
class BareController {
  @Get()
  live(): { status: 'up'; uptimeSeconds: number } {
    return { status: 'up', uptimeSeconds: Math.round(process.uptime()) };
  }
}

@Module({ controllers: [BareController] })
class BareModule {}

/**
 * The floor `npm run bench:api` measures amiflow against: NestJS on fastify with the versions
 * amiflow runs, one route answering what /health/live answers, and nothing else (no guard,
 * pipe, hook, logger or plugin). Listening on a free loopback port; the caller closes it.
 */
export async function startBareNestApp(): Promise<{ app: NestFastifyApplication; url: string }> {
  const app = await NestFactory.create<NestFastifyApplication>(BareModule, new FastifyAdapter(), {
    logger: false,
  });
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl() };
}
