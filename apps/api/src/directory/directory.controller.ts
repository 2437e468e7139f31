import { Body, Controller, Get, Inject, Param, Put, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/access.decorators';
import { ErrorResponse } from '../errors/error-response';
import { DirectoryService } from './directory.service';
import { ListOrganisationsQuery } from './dtos/list-organisations.query';
import { OrganisationInput } from './dtos/organisation.input';
import { OrganisationOutput, OrganisationPageOutput } from './dtos/organisation.output';
import { OrganisationParams } from './dtos/organisation-params';

/** The directory of organisations: what eligibility is checked against, and where mails go. */
@ApiTags('directory')
@ApiBearerAuth()
@Controller('organisations')
export class DirectoryController {
  constructor(@Inject(DirectoryService) private readonly directory: DirectoryService) {}

  @Get()
  @Roles('admin', 'operator')
  @ApiOperation({ summary: 'List the directory in organisation id order, optionally of one type' })
  @ApiOkResponse({ type: OrganisationPageOutput })
  list(@Query() query: ListOrganisationsQuery): Promise<OrganisationPageOutput> {
    return this.directory.page(query);
  }

  @Get(':organisationId')
  @Roles('admin', 'operator', 'organisation')
  @ApiOperation({ summary: "Read an organisation's entry (an organisation: its own)" })
  @ApiOkResponse({ type: OrganisationOutput })
  @ApiNotFoundResponse({ type: ErrorResponse })
  findOne(@Param() { organisationId }: OrganisationParams): Promise<OrganisationOutput> {
    return this.directory.findOne(organisationId);
  }

  @Put(':organisationId')
  @Roles('admin')
  @ApiOperation({ summary: "Create or replace an organisation's entry" })
  @ApiOkResponse({ type: OrganisationOutput, description: 'Replaced' })
  @ApiCreatedResponse({ type: OrganisationOutput, description: 'Created' })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponse,
    description: 'The parent federation is not a listed federative structure',
  })
  async put(
    @Param() { organisationId }: OrganisationParams,
    @Body() input: OrganisationInput,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrganisationOutput> {
    const { created, organisation } = await this.directory.put(organisationId, input);
    void reply.status(created ? 201 : 200);
    return organisation;
  }
}
