import { ChannelStore, ReadMarkTarget } from './ports/channel-store.port';

/**
 * Moves the read marks of the senders of a stored batch to their newest message (a sender has
 * read their own message): one transaction for the whole batch, forward only, and no access
 * check, since each sender was a member when the message was accepted.
 */
export class AdvanceSendersReadMarks {
  constructor(private readonly channels: ChannelStore) {}

  execute(marks: readonly ReadMarkTarget[]): Promise<void> {
    return this.channels.advanceReadMarks(marks);
  }
}
