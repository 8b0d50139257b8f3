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
  abstract handOverAdmin(channelId: string, leaverId: string, heirId: string, at: Date): Promise<string[]>;
}
