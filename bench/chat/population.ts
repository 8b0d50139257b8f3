import { randomUUID } from 'node:crypto';
import type { ClientSpec } from './protocol';

/** Who is in which channel: `channels[c]` lists the user indexes of channel c's members. */
export interface Layout {
  readonly users: number;
  readonly channels: ReadonlyArray<readonly number[]>;
}

/** The users and channels of a layout, made on one target: every user's socket client and each channel's id. */
export interface Population {
  readonly clients: readonly ClientSpec[];
  readonly channelIds: readonly string[];
  readonly layout: Layout;
  /** A member's token per channel, to read its history (WebChat only). */
  readonly readers?: ReadonlyMap<string, string>;
}

/** `channels` channels of `members` consecutive users each, wrapping round the `users` users. */
export function groupLayout(users: number, channels: number, members: number, firstUser = 0): number[][] {
  return Array.from({ length: channels }, (_, c) => Array.from({ length: members }, (_, k) => firstUser + ((c * members + k) % users)));
}

export function clientsFor(layout: Layout, channelIds: readonly string[], client: (user: number, channels: string[]) => ClientSpec): ClientSpec[] {
  const channelsOf: string[][] = Array.from({ length: layout.users }, () => []);
  layout.channels.forEach((members, c) => {
    for (const user of members) channelsOf[user].push(channelIds[c]);
  });
  return channelsOf.map((channels, user) => client(user, channels));
}

/** The bare relay has no accounts: made-up ids, and each client names its channels in the handshake. */
export function relayPopulation(url: string, layout: Layout): Population {
  const channelIds = layout.channels.map(() => randomUUID());
  const clients = clientsFor(layout, channelIds, (user, channels) => ({
    userIndex: user,
    url,
    auth: { userId: randomUUID(), name: `user ${user}`, channels },
    channels: channels.map((id) => ({ id })),
  }));
  return { clients, channelIds, layout };
}
