import { randomUUID } from 'node:crypto';
import { bearer } from './account-client';
import { storeMessages } from './chat-messages';
import { SignedInUser, signedInUser, TestApp } from './test-app';
import { WALLET_PASSWORD, walletClient } from './wallet-client';

/** The password of the world's private channel. */
export const CHANNEL_PASSWORD = 'sesame';

/** Who tries a request, by relation to the world's resources (DESIGN §5 Rules). */
export type Role = 'anonymous' | 'stranger' | 'member' | 'participant' | 'admin' | 'owner';
export const ROLES: readonly Role[] = ['anonymous', 'stranger', 'member', 'participant', 'admin', 'owner'];
export type SignedInRole = Exclude<Role, 'anonymous'>;

/**
 * Real users with every relation the contract's rules speak of, built through the public API:
 * - owner: owns the public channel `open` and the private channel `closed`, and a direct channel with member;
 * - member: a member of both channels, nothing more;
 * - admin: a member of `open` who opened the group wallet `group` there (its ADMIN);
 * - participant: a member of `open` who joined `group` (a MEMBER participant);
 * - stranger: signed in, related to no one.
 * Each has a personal wallet holding 1,000 won (the group wallet holds 500); owner has booked
 * a reserved transfer to member and has member as a contact; `open` holds one TEXT message.
 */
export interface World {
  users: Record<SignedInRole, SignedInUser>;
  openChannelId: string;
  closedChannelId: string;
  directChannelId: string;
  /** Personal wallet of each role. */
  wallets: Record<SignedInRole, string>;
  groupWalletId: string;
  /** Owner's SCHEDULED reserved transfer from owner's wallet to member's. */
  reservedTransferId: string;
  /** The TEXT message owner wrote in `open`. */
  messageId: string;
  messageSeq: number;
}

export const WORLD_BALANCE = 1000;

export async function buildWorld(t: TestApp): Promise<World> {
  const names: Record<SignedInRole, string> = { owner: 'Owner', member: 'Member', admin: 'Admin', participant: 'Participant', stranger: 'Stranger' };
  const users = {} as Record<SignedInRole, SignedInUser>;
  for (const role of Object.keys(names) as SignedInRole[]) users[role] = await signedInUser(t.http, names[role]);
  const as = (role: SignedInRole) => ({
    post: (path: string, body: object = {}) => t.http.post(path).set(bearer(users[role].token)).send(body),
  });
  const openChannelId = (await as('owner').post('/api/channels', { name: 'Open house' }).expect(201)).body.id;
  const closedChannelId = (await as('owner').post('/api/channels', { name: 'Secret club', isPrivate: true, password: CHANNEL_PASSWORD }).expect(201)).body.id;
  const directChannelId = (await as('owner').post('/api/channels/direct', { userId: users.member.id }).expect(201)).body.id;
  for (const role of ['member', 'admin', 'participant'] as const) await as(role).post(`/api/channels/${openChannelId}/join`).expect(200);
  await as('member').post(`/api/channels/${closedChannelId}/join`, { password: CHANNEL_PASSWORD }).expect(200);
  await as('owner').post('/api/contacts', { email: users.member.email }).expect(201);

  const wallets = {} as Record<SignedInRole, string>;
  for (const role of Object.keys(names) as SignedInRole[]) {
    const client = walletClient(t, users[role]);
    wallets[role] = await client.openWallet();
    await client.deposit(wallets[role], WORLD_BALANCE).expect(201);
  }
  const groupWalletId = (await as('admin').post(`/api/channels/${openChannelId}/wallets`, { name: 'Dues', password: WALLET_PASSWORD }).expect(201)).body.id;
  await as('participant').post(`/api/wallets/${groupWalletId}/participants`).expect(201);
  await walletClient(t, users.admin).deposit(groupWalletId, 500).expect(201);
  const reservedTransferId = (
    await as('owner')
      .post('/api/reserved-transfers', {
        fromWalletId: wallets.owner,
        toWalletId: wallets.member,
        amount: 10,
        password: WALLET_PASSWORD,
        executeAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
        repeat: 'NONE',
      })
      .expect(201)
  ).body.id;
  const [message] = await storeMessages(t, openChannelId, users.owner, 'hello, world');
  return { users, openChannelId, closedChannelId, directChannelId, wallets, groupWalletId, reservedTransferId, messageId: message.id, messageSeq: message.seq };
}

/** A fresh Idempotency-Key. */
export const freshKey = (): string => randomUUID();
