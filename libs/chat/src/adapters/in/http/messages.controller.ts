import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ChannelNotFoundError } from '@webchat/channel';
import { ApiAuthenticated, AuthenticatedUser, CurrentUser, EntityIdParam } from '@webchat/platform';
import { MarkRead } from '../../../application/mark-read.use-case';
import { ReadHistory } from '../../../application/read-history.use-case';
import { SearchMessages } from '../../../application/search-messages.use-case';
import { MessageViews } from '../message-views';
import { HistoryQuery } from './dto/history.query';
import { MarkReadDto } from './dto/mark-read.dto';
import { MessageListResponse } from './dto/message.response';
import { SearchMessagesQuery } from './dto/search-messages.query';

/** The `:id` of every route: an id in any other form is the same 404 as an unknown channel. */
const ChannelIdParam = () => EntityIdParam('id', () => new ChannelNotFoundError());

const NOT_MEMBER = 'Not a member of this public channel';
const NOT_FOUND = 'No such channel, or a private or direct channel of others';

/** A channel's history, search and my read mark in it: members only. */
@ApiTags('messages')
@ApiAuthenticated()
@Controller('channels')
export class MessagesController {
  constructor(
    private readonly readHistory: ReadHistory,
    private readonly searchMessages: SearchMessages,
    private readonly markRead: MarkRead,
    private readonly views: MessageViews,
  ) {}

  @Get(':id/messages')
  @ApiOperation({ summary: 'A page of history in ascending seq: the newest with no cursor, before beforeSeq, or after afterSeq' })
  @ApiOkResponse({ type: MessageListResponse })
  @ApiBadRequestResponse({ description: 'Both cursors, a cursor that is not an integer ≥ 0, or limit outside 1–100' })
  @ApiForbiddenResponse({ description: NOT_MEMBER })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  async history(@CurrentUser() user: AuthenticatedUser, @ChannelIdParam() channelId: string, @Query() query: HistoryQuery): Promise<MessageListResponse> {
    const messages = await this.readHistory.execute(user.id, channelId, query);
    return { items: await this.views.counted(messages) };
  }

  @Get(':id/messages/search')
  @ApiOperation({ summary: 'TEXT messages containing q (any case, Korean included), newest first' })
  @ApiOkResponse({ type: MessageListResponse })
  @ApiBadRequestResponse({ description: 'q missing, blank or over 100 characters, or limit outside 1–50' })
  @ApiForbiddenResponse({ description: NOT_MEMBER })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  async search(
    @CurrentUser() user: AuthenticatedUser,
    @ChannelIdParam() channelId: string,
    @Query() query: SearchMessagesQuery,
  ): Promise<MessageListResponse> {
    const messages = await this.searchMessages.execute(user.id, channelId, query.q, query.limit);
    return { items: await this.views.counted(messages) };
  }

  @Post(':id/read')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Move my read mark up to seq (never back; at most the last message); members get a receipt when it moves' })
  @ApiNoContentResponse({ description: 'The mark is at least seq, or at the last message' })
  @ApiBadRequestResponse({ description: 'seq missing or not an integer ≥ 0' })
  @ApiForbiddenResponse({ description: NOT_MEMBER })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  async read(@CurrentUser() user: AuthenticatedUser, @ChannelIdParam() channelId: string, @Body() body: MarkReadDto): Promise<void> {
    await this.markRead.execute(user.id, channelId, body.seq);
  }
}
