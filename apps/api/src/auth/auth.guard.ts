import { refusals } from '@amiflow/domain';
import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  NotFoundException,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from './access.decorators';
import { Principal, Role } from './principal';
import { InvalidTokenError, KeysUnavailableError, TokenVerifier } from './token-verifier';

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };

// The scheme's name is case-insensitive (RFC 7235 §2.1).
const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/i;

/**
 * Every route: a valid bearer token whose role the route allows. An organisation only reaches
 * paths about itself (`:organisationId`); another organisation's answers 404, as if it did not
 * exist.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(TokenVerifier) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await this.authenticate(request);
    request.principal = principal;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (!roles?.includes(principal.role)) {
      throw new ForbiddenException("Votre rôle ne permet pas d'accéder à cette ressource.");
    }
    const params = request.params as Record<string, string | undefined>;
    if (
      principal.role === 'organisation' &&
      params.organisationId !== undefined &&
      params.organisationId !== principal.organisationId
    ) {
      // The answer a missing dossier gets, so that nobody learns which organisations applied.
      if (request.routeOptions.url?.includes('/dossiers/')) {
        throw refusals.dossierNotFound();
      }
      throw new NotFoundException('Ressource introuvable.');
    }
    return true;
  }

  private async authenticate(request: FastifyRequest): Promise<Principal> {
    const header = request.headers.authorization;
    if (!header) throw new UnauthorizedException('Un jeton (Authorization: Bearer …) est requis.');
    const match = BEARER.exec(header);
    if (!match)
      throw new UnauthorizedException("L'en-tête Authorization doit être « Bearer <jeton> ».");
    try {
      return await this.verifier.verify(match[1]);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw new UnauthorizedException(error.message);
      if (error instanceof KeysUnavailableError) {
        throw new ServiceUnavailableException(error.message);
      }
      throw error;
    }
  }
}
