import { ChannelPeers } from '../../../application/ports/channel-peers.port';

/** Channels as plain lists of member ids, for use-case unit tests (the channel library is not loaded there). */
export class MemoryChannelPeers extends ChannelPeers {
  constructor(readonly channels: string[][] = []) {
    super();
  }

  async of(userId: string, among?: readonly string[]): Promise<Set<string>> {
    const peers = new Set(this.channels.filter((members) => members.includes(userId)).flat());
    peers.delete(userId);
    return among ? new Set(among.filter((id) => peers.has(id))) : peers;
  }
}
