import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  Put,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { Principal } from '../auth/principal';
import { ErrorResponse } from '../errors/error-response';
import { SavedViewInput, SavedViewParams } from './dtos/saved-view.input';
import { SavedViewOutput, SavedViewsOutput } from './dtos/saved-view.output';
import { SavedViewsService } from './saved-views.service';

/** The caller's own saved views of the dossier list (nobody sees another's). */
@ApiTags('saved views')
@ApiBearerAuth()
@Controller('me/views')
export class SavedViewsController {
  constructor(@Inject(SavedViewsService) private readonly views: SavedViewsService) {}

  @Get()
  @Roles('operator', 'admin')
  @ApiOperation({ summary: 'My saved views of the dossier list' })
  @ApiOkResponse({ type: SavedViewsOutput })
  list(@CurrentPrincipal() principal: Principal): Promise<SavedViewsOutput> {
    return this.views.list(principal.subject);
  }

  @Put(':viewId')
  @Roles('operator', 'admin')
  @ApiOperation({ summary: 'Save (create or replace) one of my views' })
  @ApiOkResponse({ type: SavedViewOutput })
  @ApiConflictResponse({ type: ErrorResponse, description: 'Already 50 views' })
  put(
    @Param() { viewId }: SavedViewParams,
    @Body() input: SavedViewInput,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SavedViewOutput> {
    return this.views.put(principal.subject, viewId, input);
  }

  @Delete(':viewId')
  @Roles('operator', 'admin')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete one of my views' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponse })
  delete(
    @Param() { viewId }: SavedViewParams,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    return this.views.delete(principal.subject, viewId);
  }
}
