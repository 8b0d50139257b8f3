/** What the chat pipeline reports about itself (Prometheus in production); labels stay bounded. */
export abstract class ChatMetrics {
  /** A `message:send` arrived. */
  abstract received(): void;
  /** A send was answered with an error ack of this code. */
  abstract rejected(code: string): void;
  /** A send was acked `seconds` after it arrived. */
  abstract acked(seconds: number): void;
  /** The persist stage stored a batch of `size` drafts in `seconds`. */
  abstract batchStored(size: number, newMessages: number, seconds: number): void;
  /** This node put new messages in front of its sockets, each this many seconds after it was sent. */
  abstract delivered(secondsSinceSend: readonly number[]): void;
  abstract socketConnected(): void;
  abstract socketDisconnected(): void;
}
