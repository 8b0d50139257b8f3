import { Body, Controller, Get, HttpStatus, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ApiAuthenticated, AuthenticatedUser, CurrentUser } from '@webchat/platform';
import type { FastifyReply } from 'fastify';
import { DepositMoney } from '../../../application/deposit-money.use-case';
import { GetMyWallet } from '../../../application/get-my-wallet.use-case';
import { JoinGroupWallet } from '../../../application/join-group-wallet.use-case';
import { ListEntries } from '../../../application/list-entries.use-case';
import { ListParticipants } from '../../../application/list-participants.use-case';
import { OpenPersonalWallet } from '../../../application/open-personal-wallet.use-case';
import { WalletWithMove } from '../../../application/wallet-move';
import { WithdrawMoney } from '../../../application/withdraw-money.use-case';
import { DepositDto } from './dto/deposit.dto';
import { ENTRIES_DEFAULT_LIMIT, EntriesQuery } from './dto/entries.query';
import { OpenWalletDto } from './dto/open-wallet.dto';
import { EntryPageResponse, ParticipantResponse, WalletMoveResponse, WalletResponse } from './dto/wallet.response';
import { WithdrawDto } from './dto/withdraw.dto';
import { ApiIdempotent, IdempotencyKey } from './idempotency-key.decorator';
import { IdempotentAnswers } from './idempotent-answers';
import { WalletIdParam } from './wallet-id-param';

@ApiTags('wallets')
@ApiAuthenticated()
@Controller('wallets')
export class WalletsController {
  constructor(
    private readonly openPersonalWallet: OpenPersonalWallet,
    private readonly getMyWallet: GetMyWallet,
    private readonly depositMoney: DepositMoney,
    private readonly withdrawMoney: WithdrawMoney,
    private readonly listEntries: ListEntries,
    private readonly joinGroupWallet: JoinGroupWallet,
    private readonly listParticipants: ListParticipants,
    private readonly idempotent: IdempotentAnswers,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Open my personal wallet (one per user), empty' })
  @ApiCreatedResponse({ type: WalletResponse })
  @ApiBadRequestResponse({ description: 'Password missing or not 4–72 characters' })
  @ApiConflictResponse({ description: 'I have a personal wallet already' })
  async open(@CurrentUser() user: AuthenticatedUser, @Body() body: OpenWalletDto): Promise<WalletResponse> {
    return WalletResponse.of(await this.openPersonalWallet.execute(user.id, body.password));
  }

  @Get('me')
  @ApiOperation({ summary: 'My personal wallet' })
  @ApiOkResponse({ type: WalletResponse })
  @ApiNotFoundResponse({ description: 'I have no personal wallet yet' })
  async mine(@CurrentUser() user: AuthenticatedUser): Promise<WalletResponse> {
    return WalletResponse.of(await this.getMyWallet.execute(user.id));
  }

  @Post(':id/deposits')
  @ApiOperation({ summary: 'Deposit: the owner of a personal wallet, any participant of a group wallet' })
  @ApiIdempotent()
  @ApiCreatedResponse({ type: WalletMoveResponse })
  @ApiNotFoundResponse({ description: 'No such wallet, or a group wallet whose channel was deleted (also when the deletion won a race with this move)' })
  @ApiForbiddenResponse({ description: 'Not the owner or a participant' })
  @ApiServiceUnavailableResponse({ description: 'The wallet stayed locked by others; nothing was written, retry with the same key' })
  deposit(
    @CurrentUser() user: AuthenticatedUser,
    @WalletIdParam() walletId: string,
    @IdempotencyKey() key: string,
    @Body() body: DepositDto,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<unknown> {
    return this.idempotent.answer<WalletWithMove>(
      { kind: 'deposit', userId: user.id, route: `POST /api/wallets/${walletId}/deposits`, key, fingerprintOf: body },
      response,
      (receipt) => this.depositMoney.execute({ actorId: user.id, walletId, amount: body.amount }, receipt),
      WalletMoveResponse.of,
    );
  }

  @Post(':id/withdrawals')
  @ApiOperation({ summary: 'Withdraw: the owner of a personal wallet, the ADMIN of a group wallet, with its password' })
  @ApiIdempotent('Insufficient funds (nothing written)')
  @ApiCreatedResponse({ type: WalletMoveResponse })
  @ApiNotFoundResponse({ description: 'No such wallet, or a group wallet whose channel was deleted (also when the deletion won a race with this move)' })
  @ApiForbiddenResponse({ description: 'Not allowed to spend from this wallet, or wrong password' })
  @ApiServiceUnavailableResponse({ description: 'The wallet stayed locked by others; nothing was written, retry with the same key' })
  withdraw(
    @CurrentUser() user: AuthenticatedUser,
    @WalletIdParam() walletId: string,
    @IdempotencyKey() key: string,
    @Body() body: WithdrawDto,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<unknown> {
    return this.idempotent.answer<WalletWithMove>(
      { kind: 'withdrawal', userId: user.id, route: `POST /api/wallets/${walletId}/withdrawals`, key, fingerprintOf: body },
      response,
      (receipt) => this.withdrawMoney.execute({ actorId: user.id, walletId, amount: body.amount, password: body.password }, receipt),
      WalletMoveResponse.of,
    );
  }

  @Get(':id/entries')
  @ApiOperation({ summary: 'Ledger entries, newest first' })
  @ApiOkResponse({ type: EntryPageResponse })
  @ApiBadRequestResponse({ description: 'limit not 1–100, or a cursor this API did not give' })
  @ApiNotFoundResponse({ description: 'No such wallet, or not my wallet and I take no part in it' })
  async entries(
    @CurrentUser() user: AuthenticatedUser,
    @WalletIdParam() walletId: string,
    @Query() query: EntriesQuery,
  ): Promise<EntryPageResponse> {
    const cursor = query.cursor === undefined ? undefined : Number(query.cursor);
    return EntryPageResponse.of(await this.listEntries.execute(user.id, walletId, cursor, query.limit ?? ENTRIES_DEFAULT_LIMIT));
  }

  @Post(':id/participants')
  @ApiOperation({ summary: "Join a group wallet as MEMBER (members of its channel only): 201 when joined now, 200 when already in" })
  @ApiCreatedResponse({ type: ParticipantResponse, description: 'Joined' })
  @ApiOkResponse({ type: ParticipantResponse, description: 'Already a participant' })
  @ApiNotFoundResponse({ description: 'No such wallet, or a group wallet whose channel was deleted' })
  @ApiForbiddenResponse({ description: "Not a member of the wallet's channel, or a personal wallet" })
  async join(
    @CurrentUser() user: AuthenticatedUser,
    @WalletIdParam() walletId: string,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<ParticipantResponse> {
    const { participant, added } = await this.joinGroupWallet.execute(user.id, walletId);
    response.status(added ? HttpStatus.CREATED : HttpStatus.OK);
    return ParticipantResponse.of(participant);
  }

  @Get(':id/participants')
  @ApiOperation({ summary: 'Participants and their roles (a personal wallet: its owner as ADMIN)' })
  @ApiOkResponse({ type: [ParticipantResponse] })
  @ApiNotFoundResponse({ description: 'No such wallet, or not my wallet and I take no part in it' })
  async participants(@CurrentUser() user: AuthenticatedUser, @WalletIdParam() walletId: string): Promise<ParticipantResponse[]> {
    return (await this.listParticipants.execute(user.id, walletId)).map(ParticipantResponse.of);
  }
}
