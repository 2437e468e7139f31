import type { IncomingHttpHeaders } from 'node:http';
import { AppConfig } from '@amiflow/config';
import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { addZodComponents } from './common/zod-components';
import { AppModule } from './app.module';
import type { FastifyInstance } from 'fastify';
import { MAX_BODY_BYTES, registerJsonBodyParser } from './common/json-body-parser';
import { RejectControlCharactersPipe } from './common/reject-control-characters.pipe';
import { correlationIdFor } from './common/correlation-id';
import { ApiExceptionFilter, answerRoutingError } from './errors/api-exception.filter';
import { validationException } from './errors/validation-details';
import { installOperations } from './operations/install-operations';
import { createAppLogger } from './operations/logging/app-logger';

const DOCS_PATH = '/api/docs';

/** The API application, configured but not listening: main.ts listens, tests may too. */
export async function createApiApp(config: AppConfig): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    new FastifyAdapter({
      bodyLimit: MAX_BODY_BYTES,
      // The request id is the correlation id: the caller's when sane, else a new UUID.
      genReqId: (request: { headers: IncomingHttpHeaders }) => correlationIdFor(request.headers),
      requestIdHeader: false,
      // Fastify answers a path it cannot route (a segment over 100 characters, a bad escape) by
      // itself, in English, before Nest's filter. The adapter pins its own copy of fastify: same
      // object at run time, only the types need bridging.
      frameworkErrors: answerRoutingError as never,
    }),
    // Nest's own body parsers (JSON, urlencoded) stay off: registerJsonBodyParser is the only one.
    { logger: createAppLogger(config), bodyParser: false },
  );
  registerJsonBodyParser(
    app.getHttpAdapter().getInstance() as unknown as FastifyInstance,
    MAX_BODY_BYTES,
  );
  app.useGlobalPipes(
    new RejectControlCharactersPipe(),
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      // The target lets validationException read each rule's arguments; it is never sent.
      validationError: { target: true },
      exceptionFactory: validationException,
    }),
  );
  app.useGlobalFilters(new ApiExceptionFilter());
  await installOperations(app, config, DOCS_PATH);

  const document = addZodComponents(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('amiflow')
        .setDescription(
          'Calls for expressions of interest: campaigns, dossiers, operators, integrators.',
        )
        .setVersion('0.1.0')
        .build(),
    ),
  );
  SwaggerModule.setup(DOCS_PATH.slice(1), app, document, {
    jsonDocumentUrl: `${DOCS_PATH.slice(1)}-json`,
  });
  return app;
}
