import type { Member, MyChannel } from '../api/types';
import type {
  EntryPage,
  Participant,
  RepeatRule,
  ReservedTransfer,
  TransferReceipt,
  Wallet,
  WalletMove,
} from './wallet-types';

/** One authenticated JSON request, its path under /api; rejects with an error that `describeError` and `isRetryable` understand. */
export type Send = <T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown, headers?: Record<string, string>) => Promise<T>;

export const ENTRIES_PAGE_SIZE = 20;

const idempotent = (key: string) => ({ 'Idempotency-Key': key });

export interface MoneyMove {
  amount: number;
  key: string;
}

export interface TransferOrder {
  fromWalletId: string;
  toWalletId: string;
  amount: number;
  password: string;
}

export interface ReservedOrder extends TransferOrder {
  executeAt: string;
  repeat: RepeatRule;
}

/** The wallet routes of DESIGN.md §5, one function each. */
export function walletApi(send: Send) {
  return {
    myWallet: () => send<Wallet>('GET', '/wallets/me'),
    openWallet: (password: string) => send<Wallet>('POST', '/wallets', { password }),
    deposit: (walletId: string, move: MoneyMove) =>
      send<WalletMove>('POST', `/wallets/${encodeURIComponent(walletId)}/deposits`, { amount: move.amount }, idempotent(move.key)),
    withdraw: (walletId: string, move: MoneyMove & { password: string }) =>
      send<WalletMove>(
        'POST',
        `/wallets/${encodeURIComponent(walletId)}/withdrawals`,
        { amount: move.amount, password: move.password },
        idempotent(move.key),
      ),
    transfer: (order: TransferOrder, key: string) => send<TransferReceipt>('POST', '/transfers', order, idempotent(key)),
    entries: (walletId: string, cursor?: string) => {
      const query = new URLSearchParams({ limit: String(ENTRIES_PAGE_SIZE) });
      if (cursor !== undefined) query.set('cursor', cursor);
      return send<EntryPage>('GET', `/wallets/${encodeURIComponent(walletId)}/entries?${query}`);
    },
    myChannels: () => send<MyChannel[]>('GET', '/channels'),
    channelMembers: (channelId: string) => send<Member[]>('GET', `/channels/${encodeURIComponent(channelId)}/members`),
    channelWallets: (channelId: string) => send<Wallet[]>('GET', `/channels/${encodeURIComponent(channelId)}/wallets`),
    createGroupWallet: (channelId: string, draft: { name: string; description?: string; password: string }) =>
      send<Wallet>('POST', `/channels/${encodeURIComponent(channelId)}/wallets`, draft),
    joinGroupWallet: (walletId: string) => send<Participant>('POST', `/wallets/${encodeURIComponent(walletId)}/participants`),
    participants: (walletId: string) => send<Participant[]>('GET', `/wallets/${encodeURIComponent(walletId)}/participants`),
    reservedTransfers: () => send<ReservedTransfer[]>('GET', '/reserved-transfers'),
    bookReservedTransfer: (order: ReservedOrder) => send<ReservedTransfer>('POST', '/reserved-transfers', order),
    cancelReservedTransfer: (id: string) => send<void>('DELETE', `/reserved-transfers/${encodeURIComponent(id)}`),
  };
}

export type WalletApi = ReturnType<typeof walletApi>;
