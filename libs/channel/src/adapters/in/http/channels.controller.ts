import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiAuthenticated, ApiRateLimited, AuthenticatedUser, CurrentUser, EntityIdParam } from '@webchat/platform';
import type { FastifyReply } from 'fastify';
import { CreateChannel } from '../../../application/create-channel.use-case';
import { GetChannel } from '../../../application/get-channel.use-case';
import { InviteMembers } from '../../../application/invite-members.use-case';
import { JoinChannel } from '../../../application/join-channel.use-case';
import { LeaveChannel } from '../../../application/leave-channel.use-case';
import { ListMembers } from '../../../application/list-members.use-case';
import { ListMyChannels } from '../../../application/list-my-channels.use-case';
import { OpenDirectChannel } from '../../../application/open-direct-channel.use-case';
import { SearchChannels } from '../../../application/search-channels.use-case';
import { ChannelNotFoundError } from '../../../domain/channel.errors';
import { ChannelResponse, ChannelSearchResponse, MemberResponse, MyChannelResponse } from './dto/channel.response';
import { CreateChannelDto } from './dto/create-channel.dto';
import { InviteMembersDto } from './dto/invite-members.dto';
import { JoinChannelDto } from './dto/join-channel.dto';
import { OpenDirectChannelDto } from './dto/open-direct-channel.dto';
import { SearchChannelsQuery } from './dto/search-channels.query';

/** The `:id` of every channel route: an id in any other form is the same 404 as an unknown channel. */
const ChannelIdParam = () => EntityIdParam('id', () => new ChannelNotFoundError());

@ApiTags('channels')
@ApiAuthenticated()
@Controller('channels')
export class ChannelsController {
  constructor(
    private readonly createChannel: CreateChannel,
    private readonly getChannel: GetChannel,
    private readonly listMyChannels: ListMyChannels,
    private readonly searchChannels: SearchChannels,
    private readonly openDirectChannel: OpenDirectChannel,
    private readonly joinChannel: JoinChannel,
    private readonly leaveChannel: LeaveChannel,
    private readonly listMembers: ListMembers,
    private readonly inviteMembers: InviteMembers,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a group channel; I become its owner' })
  @ApiCreatedResponse({ type: ChannelResponse })
  async create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateChannelDto): Promise<ChannelResponse> {
    return ChannelResponse.of(await this.createChannel.execute({ userId: user.id, ...body }));
  }

  @Get()
  @ApiOperation({ summary: 'My channels, the most recently joined first, each with my unread count and its newest message' })
  @ApiOkResponse({ type: [MyChannelResponse] })
  async mine(@CurrentUser() user: AuthenticatedUser): Promise<MyChannelResponse[]> {
    const channels = await this.listMyChannels.execute(user.id);
    return channels.map(({ channel, unreadCount, lastMessage }) => ({ ...ChannelResponse.of(channel), unreadCount, lastMessage }));
  }

  @Get('search')
  @ApiOperation({ summary: 'Public group channels whose name contains q (any case)' })
  @ApiOkResponse({ type: ChannelSearchResponse })
  async search(@Query() query: SearchChannelsQuery): Promise<ChannelSearchResponse> {
    const found = await this.searchChannels.execute(query.q ?? '', query.limit);
    return { items: found.map(ChannelResponse.of) };
  }

  @Post('direct')
  @ApiOperation({ summary: 'The 1:1 channel with another user: 201 when created now, 200 when it existed' })
  @ApiCreatedResponse({ type: ChannelResponse, description: 'Created' })
  @ApiOkResponse({ type: ChannelResponse, description: 'Already existed' })
  @ApiNotFoundResponse({ description: 'Unknown user' })
  async direct(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: OpenDirectChannelDto,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<ChannelResponse> {
    const { channel, created } = await this.openDirectChannel.execute(user.id, body.userId);
    response.code(created ? HttpStatus.CREATED : HttpStatus.OK);
    return ChannelResponse.of(channel);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A channel: public ones for anyone signed in, others for members only (404)' })
  @ApiOkResponse({ type: ChannelResponse })
  @ApiNotFoundResponse()
  async get(@CurrentUser() user: AuthenticatedUser, @ChannelIdParam() channelId: string): Promise<ChannelResponse> {
    return ChannelResponse.of(await this.getChannel.execute(user.id, channelId));
  }

  @Post(':id/join')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Join a group channel (private ones with their password)' })
  @ApiOkResponse({ type: ChannelResponse })
  @ApiForbiddenResponse({ description: 'Wrong password' })
  @ApiNotFoundResponse({ description: 'No such channel, or a direct channel of others' })
  @ApiRateLimited("Too many wrong passwords for this channel, or over the user's REST request limit")
  async join(
    @CurrentUser() user: AuthenticatedUser,
    @ChannelIdParam() channelId: string,
    @Body() body: JoinChannelDto,
  ): Promise<ChannelResponse> {
    return ChannelResponse.of(await this.joinChannel.execute(user.id, channelId, body.password));
  }

  @Post(':id/leave')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Leave a group channel; ownership passes on, the last leave deletes it' })
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ description: 'Not a member of this public channel' })
  @ApiNotFoundResponse({ description: 'No such channel, or a private or direct channel of others' })
  @ApiConflictResponse({ description: 'The last member cannot leave while a group wallet of the channel holds money' })
  async leave(@CurrentUser() user: AuthenticatedUser, @ChannelIdParam() channelId: string): Promise<void> {
    await this.leaveChannel.execute(user.id, channelId);
  }

  @Get(':id/members')
  @ApiOperation({ summary: 'Members in joining order, with their online state' })
  @ApiOkResponse({ type: [MemberResponse] })
  @ApiNotFoundResponse({ description: 'No such channel, or a private or direct channel of others' })
  members(@CurrentUser() user: AuthenticatedUser, @ChannelIdParam() channelId: string): Promise<MemberResponse[]> {
    return this.listMembers.execute(user.id, channelId);
  }

  @Post(':id/members')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Invite users (members may invite; no password needed); answers the members' })
  @ApiOkResponse({ type: [MemberResponse] })
  @ApiForbiddenResponse({ description: 'Not a member of this public channel' })
  @ApiNotFoundResponse({ description: 'No such channel (or a private one of others), or a listed user does not exist (nobody is added)' })
  invite(
    @CurrentUser() user: AuthenticatedUser,
    @ChannelIdParam() channelId: string,
    @Body() body: InviteMembersDto,
  ): Promise<MemberResponse[]> {
    return this.inviteMembers.execute(user.id, channelId, body.userIds);
  }
}
