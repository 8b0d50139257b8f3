import { randomUUID } from 'node:crypto';
import { bearer } from './account-client';
import { storeMessages } from './chat-messages';
import { browserKeys } from './push-service';
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
 * a reserved transfer to member and has member as a contact; `open` holds two TEXT messages of owner;
 * owner's browser has a push subscription.
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
  /** A second TEXT message of owner in `open`, for cases that delete one (so `messageId` stays). */
  doomedMessageId: string;
  /** The endpoint of owner's browser push subscription. */
  pushEndpoint: string;
}

/** A browser's push subscription as pushManager.subscribe gives it, for an https push service elsewhere. */
export function browserSubscription(): { endpoint: string; keys: { p256dh: string; auth: string } } {
  return { endpoint: `https://push.example.com/${randomUUID()}`, keys: browserKeys().keys };
}

export const WORLD_BALANCE = 1000;

export async function buildWorld(t: TestApp): Promise<World> {
  const names: Record<SignedInRole, string> = { owner: 'Owner', member: 'Member', admin: 'Admin', participant: 'Participant', stranger: 'Stranger' };
  const roles = Object.keys(names) as SignedInRole[];
  // Independent steps run side by side: the authorization matrix builds a world per role of some rows.
  const users = Object.fromEntries(await Promise.all(roles.map(async (role) => [role, await signedInUser(t.http, names[role])] as const))) as Record<SignedInRole, SignedInUser>;
  const as = (role: SignedInRole) => ({
    post: (path: string, body: object = {}) => t.http.post(path).set(bearer(users[role].token)).send(body),
  });
  const [open, closed, direct] = await Promise.all([
    as('owner').post('/api/channels', { name: 'Open house' }).expect(201),
    as('owner').post('/api/channels', { name: 'Secret club', isPrivate: true, password: CHANNEL_PASSWORD }).expect(201),
    as('owner').post('/api/channels/direct', { userId: users.member.id }).expect(201),
  ]);
  const [openChannelId, closedChannelId, directChannelId] = [open.body.id as string, closed.body.id as string, direct.body.id as string];
  const walletOf = async (role: SignedInRole): Promise<readonly [SignedInRole, string]> => {
    const client = walletClient(t, users[role]);
    const id = await client.openWallet();
    await client.deposit(id, WORLD_BALANCE).expect(201);
    return [role, id];
  };
  const [wallets] = await Promise.all([
    Promise.all(roles.map(walletOf)).then((pairs) => Object.fromEntries(pairs) as Record<SignedInRole, string>),
    ...(['member', 'admin', 'participant'] as const).map((role) => as(role).post(`/api/channels/${openChannelId}/join`).expect(200)),
    as('member').post(`/api/channels/${closedChannelId}/join`, { password: CHANNEL_PASSWORD }).expect(200),
    as('owner').post('/api/contacts', { email: users.member.email }).expect(201),
  ]);
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
  const [message, doomed] = await storeMessages(t, openChannelId, users.owner, 'hello, world', 'soon deleted');
  const subscription = browserSubscription();
  await t.http.post('/api/push/subscriptions').set(bearer(users.owner.token)).send(subscription).expect(201);
  return {
    users,
    openChannelId,
    closedChannelId,
    directChannelId,
    wallets,
    groupWalletId,
    reservedTransferId,
    messageId: message.id,
    messageSeq: message.seq,
    doomedMessageId: doomed.id,
    pushEndpoint: subscription.endpoint,
  };
}

/** A fresh Idempotency-Key. */
export const freshKey = (): string => randomUUID();
