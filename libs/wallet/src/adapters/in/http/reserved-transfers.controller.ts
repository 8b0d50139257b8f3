import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiAuthenticated, AuthenticatedUser, CurrentUser, EntityIdParam } from '@webchat/platform';
import { BookReservedTransfer } from '../../../application/book-reserved-transfer.use-case';
import { CancelReservedTransfer } from '../../../application/cancel-reserved-transfer.use-case';
import { ListReservedTransfers } from '../../../application/list-reserved-transfers.use-case';
import { ReservedTransferNotFoundError } from '../../../domain/wallet.errors';
import { BookReservedTransferDto } from './dto/book-reserved-transfer.dto';
import { ReservedTransferResponse } from './dto/reserved-transfer.response';

@ApiTags('wallets')
@ApiAuthenticated()
@Controller('reserved-transfers')
export class ReservedTransfersController {
  constructor(
    private readonly bookReservedTransfer: BookReservedTransfer,
    private readonly listReservedTransfers: ListReservedTransfers,
    private readonly cancelReservedTransfer: CancelReservedTransfer,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Book a transfer for later, once or DAILY/MONTHLY; funds are checked at each run, not now' })
  @ApiCreatedResponse({ type: ReservedTransferResponse })
  @ApiBadRequestResponse({ description: 'Invalid body, the same wallet twice, or executeAt not in the future' })
  @ApiNotFoundResponse({ description: 'Unknown wallet' })
  @ApiForbiddenResponse({ description: 'Not allowed to spend from the source wallet, or wrong password' })
  async book(@CurrentUser() user: AuthenticatedUser, @Body() body: BookReservedTransferDto): Promise<ReservedTransferResponse> {
    const booked = await this.bookReservedTransfer.execute({
      actorId: user.id,
      fromWalletId: body.fromWalletId,
      toWalletId: body.toWalletId,
      amount: body.amount,
      password: body.password,
      executeAt: new Date(body.executeAt),
      repeat: body.repeat ?? 'NONE',
    });
    return ReservedTransferResponse.of(booked);
  }

  @Get()
  @ApiOperation({ summary: 'The transfers I booked, newest first' })
  @ApiOkResponse({ type: [ReservedTransferResponse] })
  async mine(@CurrentUser() user: AuthenticatedUser): Promise<ReservedTransferResponse[]> {
    return (await this.listReservedTransfers.execute(user.id)).map(ReservedTransferResponse.of);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Cancel a SCHEDULED transfer I booked' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'No such reserved transfer of mine' })
  @ApiConflictResponse({ description: 'No longer SCHEDULED (it ran, failed or was cancelled)' })
  async cancel(@CurrentUser() user: AuthenticatedUser, @EntityIdParam('id', () => new ReservedTransferNotFoundError()) reservedId: string): Promise<void> {
    await this.cancelReservedTransfer.execute(user.id, reservedId);
  }
}
