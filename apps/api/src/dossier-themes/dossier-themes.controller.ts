import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  Post,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators';
import { Caller } from '../common/caller.decorator';
import { DossierParams } from '../common/key.params';
import { ErrorResponse } from '../errors/error-response';
import { CommandContext } from '../lifecycle/lifecycle-commands.service';
import {
  AcceptThemeSuggestionInput,
  RejectThemeSuggestionInput,
  TagPassageInput,
  ThemeTagParams,
} from './dtos/dossier-themes.inputs';
import { DossierThemesOutput } from './dtos/dossier-themes.output';
import { DossierThemesService } from './dossier-themes.service';

/**
 * The demand themes of a dossier's answers, for the ministry's operators: each change is a
 * command of the dossier, recorded with the operator as its actor; every route answers the
 * dossier's themes as they now stand.
 */
@ApiTags('themes')
@ApiBearerAuth()
@Roles('operator', 'admin')
@Controller('campaigns/:campaignId/dossiers/:organisationId/themes')
export class DossierThemesController {
  constructor(@Inject(DossierThemesService) private readonly themes: DossierThemesService) {}

  @Get()
  @ApiOperation({ summary: "The campaign's themes, the dossier's tags and the open suggestions" })
  @ApiOkResponse({ type: DossierThemesOutput })
  @ApiNotFoundResponse({ type: ErrorResponse })
  read(@Param() { campaignId, organisationId }: DossierParams): Promise<DossierThemesOutput> {
    return this.themes.read(campaignId, organisationId);
  }

  @Post('tags')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Tag a passage of an answer with one or more themes' })
  @ApiOkResponse({ type: DossierThemesOutput })
  tag(
    @Param() { campaignId, organisationId }: DossierParams,
    @Body() { tagId, sectionId, start, end, themeIds }: TagPassageInput,
    @Caller() caller: CommandContext,
  ): Promise<DossierThemesOutput> {
    return this.themes.decide(campaignId, organisationId, themeIds, caller, (actor) => ({
      type: 'TagPassage',
      tagId,
      sectionId,
      start,
      end,
      themeIds,
      actor,
    }));
  }

  @Delete('tags/:tagId')
  @ApiOperation({ summary: 'Take a tag back: it no longer counts' })
  @ApiOkResponse({ type: DossierThemesOutput })
  untag(
    @Param() { campaignId, organisationId, tagId }: ThemeTagParams,
    @Caller() caller: CommandContext,
  ): Promise<DossierThemesOutput> {
    return this.themes.decide(campaignId, organisationId, [], caller, (actor) => ({
      type: 'RemoveThemeTag',
      tagId,
      actor,
    }));
  }

  @Post('suggestions/accept')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Accept a suggested theme for a passage: it becomes a tag' })
  @ApiOkResponse({ type: DossierThemesOutput })
  accept(
    @Param() { campaignId, organisationId }: DossierParams,
    @Body() { tagId, sectionId, start, end, themeId, score }: AcceptThemeSuggestionInput,
    @Caller() caller: CommandContext,
  ): Promise<DossierThemesOutput> {
    return this.themes.decide(campaignId, organisationId, [themeId], caller, (actor) => ({
      type: 'AcceptThemeSuggestion',
      tagId,
      sectionId,
      start,
      end,
      themeId,
      score,
      actor,
    }));
  }

  @Post('suggestions/reject')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Reject a suggested theme for an answer: not suggested there again' })
  @ApiOkResponse({ type: DossierThemesOutput })
  reject(
    @Param() { campaignId, organisationId }: DossierParams,
    @Body() { sectionId, themeId }: RejectThemeSuggestionInput,
    @Caller() caller: CommandContext,
  ): Promise<DossierThemesOutput> {
    return this.themes.decide(campaignId, organisationId, [themeId], caller, (actor) => ({
      type: 'RejectThemeSuggestion',
      sectionId,
      themeId,
      actor,
    }));
  }
}
