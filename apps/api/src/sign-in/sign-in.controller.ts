import { AppConfig } from '@amiflow/config';
import { OrganisationDirectory } from '@amiflow/persistence';
import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { SignJWT } from 'jose';
import { Public } from '../auth/access.decorators';
import { ApiError } from '../errors/api-error';
import { ErrorResponse } from '../errors/error-response';
import {
  DevelopmentTokenInput,
  DevelopmentTokenOutput,
  SignInOptionsOutput,
} from './dtos/sign-in.dtos';

/** A development token lasts one hour: enough for a session at the console, short if it leaks. */
export const DEVELOPMENT_TOKEN_TTL_MS = 60 * 60 * 1000;

/** How many organisations the development sign-in page offers (the directory's first ones). */
const SIGN_IN_ORGANISATIONS = 500;

/**
 * What the console's sign-in page needs before anyone is signed in, hence public: how to sign in
 * (an OpenID Connect provider, development buttons) and, in development only, a token per role.
 * Development means the API checks tokens with the development signing secret
 * (`AUTH_JWT_SECRET`); with an identity provider's keys (`AUTH_JWKS_URL`, which configuration
 * refuses beside a secret) the development token route answers 404 as if it did not exist.
 */
@ApiTags('sign-in')
@Controller('auth')
export class SignInController {
  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(OrganisationDirectory) private readonly directory: OrganisationDirectory,
  ) {}

  @Get('sign-in-options')
  @Public()
  @ApiOperation({ summary: 'How the console signs in: OpenID Connect provider, development roles' })
  @ApiOkResponse({ type: SignInOptionsOutput })
  async options(): Promise<SignInOptionsOutput> {
    const { oidc } = this.config.auth;
    const development = this.development();
    const organisations = development
      ? (await this.directory.page({}, SIGN_IN_ORGANISATIONS)).items.map((entry) => ({
          organisationId: entry.organisationId,
          name: entry.name,
        }))
      : [];
    return {
      development,
      organisations,
      oidc: oidc ? { issuer: oidc.issuerUrl, clientId: oidc.clientId, scope: oidc.scope } : null,
    };
  }

  @Post('development-token')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'A one-hour development token for a role (only with the development signing secret)',
  })
  @ApiOkResponse({ type: DevelopmentTokenOutput })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'Not in development configuration' })
  async developmentToken(@Body() input: DevelopmentTokenInput): Promise<DevelopmentTokenOutput> {
    const secret = this.config.auth.jwtSecret;
    if (!this.development() || secret === undefined) {
      throw new NotFoundException('Ressource introuvable.');
    }
    if ((input.role === 'organisation') !== (input.organisationId !== undefined)) {
      throw new ApiError(
        400,
        'VALIDATION_FAILED',
        'organisationId est requis pour le rôle organisation, et pour lui seul.',
      );
    }
    const now = Date.now();
    const expiresAt = new Date(now + DEVELOPMENT_TOKEN_TTL_MS);
    // The claims of `npm run token` (infra/auth/mint-token.mjs), read by the token verifier.
    const token = await new SignJWT({
      role: input.role,
      ...(input.organisationId !== undefined && { organisation_id: input.organisationId }),
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(
        input.organisationId !== undefined ? `compte-${input.organisationId}` : `${input.role}-dev`,
      )
      .setIssuer(this.config.auth.issuer)
      .setAudience(this.config.auth.audience)
      .setIssuedAt(Math.floor(now / 1000))
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(new TextEncoder().encode(secret));
    return { token, expiresAt: expiresAt.toISOString() };
  }

  private development(): boolean {
    return this.config.auth.jwtSecret !== undefined && this.config.auth.jwksUrl === undefined;
  }
}
