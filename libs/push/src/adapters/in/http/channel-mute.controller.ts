import { Controller, Delete, HttpCode, HttpStatus, Put } from '@nestjs/common';
import { ApiForbiddenResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ChannelNotFoundError } from '@webchat/channel';
import { ApiAuthenticated, AuthenticatedUser, CurrentUser, EntityIdParam } from '@webchat/platform';
import { MuteChannel } from '../../../application/mute-channel.use-case';
import { UnmuteChannel } from '../../../application/unmute-channel.use-case';

/** The `:id` of every route: an id in any other form is the same 404 as an unknown channel. */
const ChannelIdParam = () => EntityIdParam('id', () => new ChannelNotFoundError());

const NOT_MEMBER = 'Not a member of this public channel';
const NOT_FOUND = 'No such channel, or a private or direct channel of others';

/** Per-user mute of a channel's push notifications: members only. */
@ApiTags('push')
@ApiAuthenticated()
@Controller('channels')
export class ChannelMuteController {
  constructor(
    private readonly muteChannel: MuteChannel,
    private readonly unmuteChannel: UnmuteChannel,
  ) {}

  @Put(':id/mute')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Mute the channel: no push notifications from it (muting twice changes nothing)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse({ description: 'Muted' })
  @ApiForbiddenResponse({ description: NOT_MEMBER })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  mute(@CurrentUser() user: AuthenticatedUser, @ChannelIdParam() channelId: string): Promise<void> {
    return this.muteChannel.execute(user.id, channelId);
  }

  @Delete(':id/mute')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Unmute the channel (unmuting a channel that is not muted changes nothing)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse({ description: 'Not muted (any more)' })
  @ApiForbiddenResponse({ description: NOT_MEMBER })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  unmute(@CurrentUser() user: AuthenticatedUser, @ChannelIdParam() channelId: string): Promise<void> {
    return this.unmuteChannel.execute(user.id, channelId);
  }
}
