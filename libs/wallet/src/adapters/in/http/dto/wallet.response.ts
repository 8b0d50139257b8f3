import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PositionedEntry } from '../../../../application/ports/wallet-store.port';
import { WalletWithMove } from '../../../../application/wallet-move';
import { EntryType, LedgerEntry } from '../../../../domain/ledger-entry';
import { Transfer } from '../../../../domain/transfer';
import { Participant, Wallet, WalletKind, WalletRole } from '../../../../domain/wallet';

export class WalletResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['PERSONAL', 'GROUP'] }) kind!: WalletKind;
  @ApiProperty({ type: 'integer', description: 'Whole won' }) balance!: number;
  @ApiProperty({ type: String, nullable: true, description: 'The owner of a personal wallet; null for a group wallet' }) ownerId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The channel of a group wallet; null for a personal wallet' }) channelId!: string | null;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static of(wallet: Wallet): WalletResponse {
    return {
      id: wallet.id,
      kind: wallet.kind,
      balance: wallet.balance,
      ownerId: wallet.ownerId,
      channelId: wallet.channelId,
      name: wallet.name,
      description: wallet.description,
      createdAt: wallet.createdAt.toISOString(),
    };
  }
}

export class EntryResponse {
  @ApiProperty() id!: string;
  @ApiProperty() walletId!: string;
  @ApiProperty({ enum: ['DEPOSIT', 'WITHDRAWAL', 'TRANSFER_OUT', 'TRANSFER_IN'] }) type!: EntryType;
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Always positive; type gives the direction' }) amount!: number;
  @ApiProperty({ type: 'integer' }) balanceAfter!: number;
  @ApiProperty({ type: String, nullable: true }) transferId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static of(entry: LedgerEntry): EntryResponse {
    return {
      id: entry.id,
      walletId: entry.walletId,
      type: entry.type,
      amount: entry.amount,
      balanceAfter: entry.balanceAfter,
      transferId: entry.transferId,
      createdAt: entry.createdAt.toISOString(),
    };
  }
}

export class WalletMoveResponse {
  @ApiProperty({ type: WalletResponse }) wallet!: WalletResponse;
  @ApiProperty({ type: EntryResponse }) entry!: EntryResponse;

  static of(move: WalletWithMove): WalletMoveResponse {
    return { wallet: WalletResponse.of(move.wallet), entry: EntryResponse.of(move.entry) };
  }
}

export class EntryPageResponse {
  @ApiProperty({ type: [EntryResponse] }) items!: EntryResponse[];
  @ApiPropertyOptional({ description: 'Pass as cursor for older entries; absent on the last page' }) nextCursor?: string;

  static of(page: { items: PositionedEntry[]; nextCursor?: number }): EntryPageResponse {
    const items = page.items.map(EntryResponse.of);
    return page.nextCursor === undefined ? { items } : { items, nextCursor: String(page.nextCursor) };
  }
}

export class TransferResponse {
  @ApiProperty() id!: string;
  @ApiProperty() fromWalletId!: string;
  @ApiProperty() toWalletId!: string;
  @ApiProperty({ type: 'integer' }) amount!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static of(transfer: Transfer): TransferResponse {
    return {
      id: transfer.id,
      fromWalletId: transfer.fromWalletId,
      toWalletId: transfer.toWalletId,
      amount: transfer.amount,
      createdAt: transfer.createdAt.toISOString(),
    };
  }
}

export class ParticipantResponse {
  @ApiProperty() userId!: string;
  @ApiProperty({ enum: ['ADMIN', 'MEMBER'] }) role!: WalletRole;

  static of(participant: Participant): ParticipantResponse {
    return { userId: participant.userId, role: participant.role };
  }
}
