import { Body, Controller, Post, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ApiAuthenticated, AuthenticatedUser, CurrentUser } from '@webchat/platform';
import type { FastifyReply } from 'fastify';
import { TransferMoney } from '../../../application/transfer-money.use-case';
import { Transfer } from '../../../domain/transfer';
import { TransferDto } from './dto/transfer.dto';
import { TransferResponse } from './dto/wallet.response';
import { ApiIdempotent, IdempotencyKey } from './idempotency-key.decorator';
import { IdempotentAnswers } from './idempotent-answers';

@ApiTags('wallets')
@ApiAuthenticated()
@Controller('transfers')
export class TransfersController {
  constructor(
    private readonly transferMoney: TransferMoney,
    private readonly idempotent: IdempotentAnswers,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Move money between wallets: from one I may spend from (with its password) into any wallet' })
  @ApiIdempotent('Insufficient funds (nothing written)')
  @ApiCreatedResponse({ type: TransferResponse })
  @ApiNotFoundResponse({ description: 'Unknown wallet, or a group wallet whose channel was deleted (also when the deletion won a race with this transfer)' })
  @ApiForbiddenResponse({ description: 'Not allowed to spend from the source wallet, or wrong password' })
  @ApiServiceUnavailableResponse({ description: 'The wallets stayed locked by others; nothing was written, retry with the same key' })
  transfer(
    @CurrentUser() user: AuthenticatedUser,
    @IdempotencyKey() key: string,
    @Body() body: TransferDto,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<unknown> {
    return this.idempotent.answer<Transfer>(
      { kind: 'transfer', userId: user.id, route: 'POST /api/transfers', key, fingerprintOf: body },
      response,
      (receipt) => this.transferMoney.execute({ actorId: user.id, ...body }, receipt),
      TransferResponse.of,
    );
  }
}
