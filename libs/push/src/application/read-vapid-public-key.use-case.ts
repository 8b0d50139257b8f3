import { PushSender } from './ports/push-sender.port';

/** The key a browser passes to pushManager.subscribe as applicationServerKey. */
export class ReadVapidPublicKey {
  constructor(private readonly sender: PushSender) {}

  execute(): string {
    return this.sender.publicKey();
  }
}
