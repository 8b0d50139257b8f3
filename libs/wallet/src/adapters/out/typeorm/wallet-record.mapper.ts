import { PositionedEntry } from '../../../application/ports/wallet-store.port';
import { LedgerEntry } from '../../../domain/ledger-entry';
import { Participant, Wallet } from '../../../domain/wallet';
import { LedgerEntryRecord } from './ledger-entry.record';
import { WalletParticipantRecord } from './wallet-participant.record';
import { WalletRecord } from './wallet.record';

export function toWallet(record: WalletRecord): Wallet {
  return {
    id: record.id,
    kind: record.kind,
    ownerId: record.ownerId,
    channelId: record.channelId,
    name: record.name,
    description: record.description,
    passwordHash: record.passwordHash,
    balance: record.balance,
    createdAt: record.createdAt,
  };
}

export function toWalletRecord(wallet: Wallet): WalletRecord {
  return { ...wallet, lastEntrySeq: 0 };
}

export function toParticipant(record: WalletParticipantRecord): Participant {
  return { walletId: record.walletId, userId: record.userId, role: record.role, joinedAt: record.joinedAt };
}

export function toEntry(record: LedgerEntryRecord): PositionedEntry {
  return {
    id: record.id,
    walletId: record.walletId,
    seq: record.seq,
    type: record.type,
    amount: record.amount,
    balanceAfter: record.balanceAfter,
    transferId: record.transferId,
    actorId: record.actorId,
    createdAt: record.createdAt,
  };
}

export function toEntryRecord(entry: LedgerEntry, seq: number): LedgerEntryRecord {
  return { ...entry, seq };
}
