/** The wallet shapes of the public contract (DESIGN.md §5). Money is whole won, ids are strings. */
export type WalletKind = 'PERSONAL' | 'GROUP';
export type WalletRole = 'ADMIN' | 'MEMBER';
export type EntryType = 'DEPOSIT' | 'WITHDRAWAL' | 'TRANSFER_OUT' | 'TRANSFER_IN';
export type RepeatRule = 'NONE' | 'DAILY' | 'MONTHLY';
export type ReservedStatus = 'SCHEDULED' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

export interface Wallet {
  id: string;
  kind: WalletKind;
  balance: number;
  ownerId: string | null;
  channelId: string | null;
  name: string | null;
  description: string | null;
  createdAt: string;
}

export interface LedgerEntry {
  id: string;
  walletId: string;
  type: EntryType;
  amount: number;
  balanceAfter: number;
  transferId: string | null;
  createdAt: string;
}

export interface EntryPage {
  items: LedgerEntry[];
  nextCursor?: string;
}

export interface WalletMove {
  wallet: Wallet;
  entry: LedgerEntry;
}

export interface TransferReceipt {
  id: string;
  fromWalletId: string;
  toWalletId: string;
  amount: number;
  createdAt: string;
}

export interface Participant {
  userId: string;
  role: WalletRole;
}

export interface ReservedTransfer {
  id: string;
  fromWalletId: string;
  toWalletId: string;
  amount: number;
  executeAt: string;
  repeat: RepeatRule;
  status: ReservedStatus;
  failureReason: string | null;
  lastRunAt: string | null;
  lastResult: string | null;
  createdAt: string;
}
