/** A newly stored message, as push sees it. */
export interface NewMessage {
  readonly id: string;
  readonly channelId: string;
  readonly seq: number;
  /** null for a SYSTEM notice, which never notifies anyone. */
  readonly senderId: string | null;
  readonly senderName: string | null;
  readonly text: string;
}
