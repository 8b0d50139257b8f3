import { LedgerEntry } from '../../domain/ledger-entry';
import { Participant, Wallet } from '../../domain/wallet';

/** A ledger entry with its position in its wallet's ledger (1, 2, 3, …), the cursor of entry pages. */
export interface PositionedEntry extends LedgerEntry {
  readonly seq: number;
}

/** Wallets and participants, outside money moves (those go through WalletLedger). */
export abstract class WalletStore {
  /** Throws PersonalWalletExistsError when the owner has one already (unique owner, no check-then-insert). */
  abstract createPersonal(wallet: Wallet): Promise<void>;
  /** The wallet and its creator as ADMIN, in one transaction. */
  abstract createGroup(wallet: Wallet, admin: Participant): Promise<void>;
  abstract findById(walletId: string): Promise<Wallet | undefined>;
  abstract findPersonal(ownerId: string): Promise<Wallet | undefined>;
  /** Group wallets of a channel, oldest first. */
  abstract listOfChannel(channelId: string): Promise<Wallet[]>;
  abstract findParticipant(walletId: string, userId: string): Promise<Participant | undefined>;
  /** In joining order. */
  abstract listParticipants(walletId: string): Promise<Participant[]>;
  /** Adds the participant unless present; resolves the participation as stored and whether it is new. */
  abstract addParticipant(participant: Participant): Promise<{ participant: Participant; added: boolean }>;
  /** Entries of a wallet, newest first, those before position `beforeSeq` when given. */
  abstract pageEntries(walletId: string, beforeSeq: number | undefined, limit: number): Promise<PositionedEntry[]>;
  /**
   * In one transaction: the leaver's participations in the channel's group wallets go, and in
   * those where the leaver was ADMIN `heirId` becomes ADMIN (joining if needed). Resolves the
   * ids of the wallets whose ADMIN changed.
   */
  /** Whether the user is ADMIN of a group wallet that holds money (a plain read). */
  abstract isAdminOfFundedWallet(userId: string): Promise<boolean>;
  /**
   * For a deleted account, inside its transaction: the personal wallet's row locked; 'HOLDS_MONEY'
   * (nothing changed) when it holds money; otherwise it goes (deleted when it has no entries, else
   * closed: kept for the ledger, found by no one) and so do the user's remaining participations.
   */
  abstract closeOwnedBy(userId: string, at: Date): Promise<'CLOSED' | 'HOLDS_MONEY'>;
  abstract handOverAdmin(channelId: string, leaverId: string, heirId: string, at: Date): Promise<string[]>;
}
