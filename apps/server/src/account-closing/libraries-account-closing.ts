import { LeaveAllChannels } from '@webchat/channel';
import { ForgetContactsOf } from '@webchat/contact';
import { ForgetPushOf } from '@webchat/push';
import { AccountClosing, AfterAccountClosed } from '@webchat/user';
import { CloseAccountWallets, DropReservedTransfersOf, RefuseFundedAdminship } from '@webchat/wallet';

/**
 * What each library lets go of a deleted account, inside the deletion's one transaction (their
 * stores join it). The order is the lock order every other writer keeps: reserved-transfer rows
 * (as a scheduled run claims them), then channels, then wallets; the personal wallet last, so a
 * deposit racing the deletion meets its lock once (409 or 404, never money in a deleted wallet).
 * The ADMIN check comes before the leaves, which would hand ADMIN over.
 */
export class LibrariesAccountClosing extends AccountClosing {
  constructor(
    private readonly dropReserved: DropReservedTransfersOf,
    private readonly refuseFundedAdminship: RefuseFundedAdminship,
    private readonly leaveAll: LeaveAllChannels,
    private readonly forgetContacts: ForgetContactsOf,
    private readonly closeWallets: CloseAccountWallets,
    private readonly forgetPush: ForgetPushOf,
  ) {
    super();
  }

  async close(userId: string): Promise<AfterAccountClosed> {
    await this.dropReserved.execute(userId);
    await this.refuseFundedAdminship.execute(userId);
    const announceLeaves = await this.leaveAll.execute(userId);
    await this.forgetContacts.execute(userId);
    await this.closeWallets.execute(userId);
    await this.forgetPush.execute(userId);
    return announceLeaves;
  }
}
