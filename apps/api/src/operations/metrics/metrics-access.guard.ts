import { AppConfig } from '@amiflow/config';
import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ALLOWED_ROLES } from '../../auth/access.decorators';
import { Role } from '../../auth/principal';
import { InvalidTokenError, TokenVerifier } from '../../auth/token-verifier';
import { constantTimeEquals } from './constant-time-equals';

const BEARER = /^Bearer (\S+)$/i;

/**
 * GET /metrics: the roles of `@Roles` with a verified token, as everywhere, or the static scrape
 * token of METRICS_TOKEN, which a Prometheus server sends and which is no JWT. The route is
 * `@Public()` to the global guard, which would refuse the scrape token; this guard decides.
 */
@Injectable()
export class MetricsAccessGuard implements CanActivate {
  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(ModuleRef) private readonly moduleRef: ModuleRef,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const header = context.switchToHttp().getRequest<FastifyRequest>().headers.authorization;
    const token = header === undefined ? undefined : BEARER.exec(header)?.[1];
    if (token === undefined) {
      throw new UnauthorizedException('Un jeton (Authorization: Bearer …) est requis.');
    }
    const scrapeToken = this.config.operations.metricsToken;
    if (scrapeToken !== undefined && constantTimeEquals(token, scrapeToken)) return true;

    // The verifier the global guard uses (AuthModule's), so tokens are checked the same way.
    const verifier = this.moduleRef.get(TokenVerifier, { strict: false });
    const principal = await verifier.verify(token).catch((error: unknown) => {
      if (error instanceof InvalidTokenError) throw new UnauthorizedException(error.message);
      throw error;
    });
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!roles?.includes(principal.role)) {
      throw new ForbiddenException("Votre rôle ne permet pas d'accéder à cette ressource.");
    }
    return true;
  }
}
