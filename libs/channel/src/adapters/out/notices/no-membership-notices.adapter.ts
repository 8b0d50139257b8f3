import { MembershipNotices } from '../../../application/ports/membership-notices.port';

/** The channel library on its own (no chat module loaded): no history to write notices into. */
export class NoMembershipNotices extends MembershipNotices {
  async joined(): Promise<void> {}
  async left(): Promise<void> {}
  async invited(): Promise<void> {}
}
