export type WalletKind = 'PERSONAL' | 'GROUP';
export type WalletRole = 'ADMIN' | 'MEMBER';

export const WALLET_NAME_MAX_LENGTH = 100;
export const WALLET_DESCRIPTION_MAX_LENGTH = 500;

/** A personal wallet has an owner; a group wallet belongs to a channel and has participants. */
export interface Wallet {
  readonly id: string;
  readonly kind: WalletKind;
  readonly ownerId: string | null;
  readonly channelId: string | null;
  readonly name: string | null;
  readonly description: string | null;
  readonly passwordHash: string;
  /** Whole won, never negative. */
  readonly balance: number;
  readonly createdAt: Date;
}

export interface Participant {
  readonly walletId: string;
  readonly userId: string;
  readonly role: WalletRole;
  readonly joinedAt: Date;
}

/** Withdrawals and transfers out: the owner of a personal wallet, the ADMIN of a group wallet. */
export function maySpend(wallet: Wallet, userId: string, role: WalletRole | undefined): boolean {
  return wallet.kind === 'PERSONAL' ? wallet.ownerId === userId : role === 'ADMIN';
}

/** Deposits, and reading entries and participants: the owner, or any participant. */
export function mayUse(wallet: Wallet, userId: string, role: WalletRole | undefined): boolean {
  return wallet.kind === 'PERSONAL' ? wallet.ownerId === userId : role !== undefined;
}
