import { BUSINESS_KEY_PATTERN } from '@amiflow/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { ROLES, Role } from '../../auth/principal';
import { KEY_MESSAGE } from '../../common/rule-messages';

export class SignInOrganisationOutput {
  @ApiProperty({ example: 'cnp-radiologie' })
  organisationId!: string;

  @ApiProperty({ example: 'CNP de radiologie' })
  name!: string;
}

export class OidcSignInOutput {
  @ApiProperty({ description: "The provider's issuer URL (discovery under /.well-known)" })
  issuer!: string;

  @ApiProperty({ description: "The console's client id at the provider" })
  clientId!: string;

  @ApiProperty({ example: 'openid email' })
  scope!: string;
}

/** What the console's sign-in page offers: development buttons, an OpenID Connect provider, or both. */
export class SignInOptionsOutput {
  @ApiProperty({ description: 'True when the API runs with the development signing secret' })
  development!: boolean;

  @ApiProperty({
    type: [SignInOrganisationOutput],
    description: 'Organisations of the directory to sign in as (development only; else empty)',
  })
  organisations!: SignInOrganisationOutput[];

  @ApiProperty({ type: OidcSignInOutput, nullable: true })
  oidc!: OidcSignInOutput | null;
}

export class DevelopmentTokenInput {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({ description: 'Required for, and only for, the organisation role' })
  @IsOptional()
  @Matches(BUSINESS_KEY_PATTERN, { message: KEY_MESSAGE })
  organisationId?: string;
}

export class DevelopmentTokenOutput {
  @ApiProperty({ description: 'Bearer token (HS256 JWT), the claims of `npm run token`' })
  token!: string;

  @ApiProperty({
    description: 'UTC instant the token expires at',
    example: '2019-10-29T13:45:00.000Z',
  })
  expiresAt!: string;
}
