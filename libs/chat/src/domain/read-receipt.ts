/** A member's read mark moved to `seq` in a channel: members' clients relay it as `receipt`. */
export interface ReadReceipt {
  readonly channelId: string;
  readonly userId: string;
  readonly seq: number;
}
