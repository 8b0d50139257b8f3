import { randomUUID } from 'node:crypto';
import { browserSubscription, buildWorld, CHANNEL_PASSWORD, Role, ROLES, SignedInRole, World } from './support/api-world';
import { ask, connectChat } from './support/chat-client';
import { describeOnEachStore } from './support/each-store';
import { apiDocument, documentedRoutes, routesWithoutRow } from './support/openapi-routes';
import { ackProblem, SOCKET_EVENTS } from './support/socket-events';
import { TestApp } from './support/test-app';
import { WALLET_PASSWORD } from './support/wallet-client';

/**
 * Every documented route and every socket event, tried by each role of a real world (see
 * api-world.ts: a stranger, a channel member, a group-wallet participant and its ADMIN, the
 * channels' owner, and no one signed in). The outcomes are written down from the contract's
 * rules (DESIGN §5), not read from the server; a route or event without a row fails.
 */

type Expected = Record<Role, number>;
interface MatrixCase {
  /** What is tried, for the test's name. */
  target: string;
  request(world: World, role: Role): { method: string; path: string; body?: object; idempotent?: true };
  expect: Expected;
  /**
   * The request changes the world: `row` runs it in a world of its own, each role in turn (in
   * ROLES order: anonymous, stranger, member, participant, admin, owner, which the expectations
   * follow); `role` gives each role a world of its own, where one role's success would change
   * the next one's answer.
   */
  fresh?: 'row' | 'role';
}

const SIGNED_IN: SignedInRole[] = ['stranger', 'member', 'participant', 'admin', 'owner'];
/** Every signed-in role gets `status`, no one else gets in (401). */
const anyone = (status: number): Expected => ({ anonymous: 401, stranger: status, member: status, participant: status, admin: status, owner: status });
/** The roles listed get `allowed`, the other signed-in roles `refused`. */
const only = (roles: SignedInRole[], allowed: number, refused: number): Expected => ({
  anonymous: 401,
  ...(Object.fromEntries(SIGNED_IN.map((role) => [role, roles.includes(role) ? allowed : refused])) as Record<SignedInRole, number>),
});
const OPEN_MEMBERS: SignedInRole[] = ['member', 'participant', 'admin', 'owner'];
const CLOSED_MEMBERS: SignedInRole[] = ['member', 'owner'];
const DIRECT_MEMBERS: SignedInRole[] = ['member', 'owner'];
const GROUP_PARTICIPANTS: SignedInRole[] = ['participant', 'admin'];

const get = (path: string) => ({ method: 'GET', path });
const post = (path: string, body: object = {}) => ({ method: 'POST', path, body });
const money = (path: string, body: object) => ({ method: 'POST', path, body, idempotent: true as const });
/** The user a role acts on as "someone else" (never the role itself). */
const other = (world: World, role: Role) => world.users[role === 'owner' ? 'member' : 'owner'];
const own = (world: World, role: Role) => world.users[role === 'anonymous' ? 'stranger' : role];
const ownWallet = (world: World, role: Role) => world.wallets[role === 'anonymous' ? 'stranger' : role];
const later = () => new Date(Date.now() + 24 * 3600_000).toISOString();

/** From the contract's rules (DESIGN §5 Rules: validation, channels, history, read marks, wallets, reserved transfers). */
const MATRIX: Record<string, MatrixCase[]> = {
  'GET /health': [{ target: 'liveness', request: () => get('/health'), expect: { ...anyone(200), anonymous: 200 } }],
  'POST /api/auth/signup': [
    { target: 'a new account', request: () => post('/api/auth/signup', { email: `${randomUUID()}@example.com`, username: 'New', password: 'password-123' }), expect: { ...anyone(201), anonymous: 201 } },
  ],
  'POST /api/auth/login': [
    // Logging in needs no token: anyone with the credentials gets in (the stranger's, for the anonymous caller).
    { target: 'own credentials', request: (w, role) => post('/api/auth/login', { email: own(w, role).email, password: own(w, role).password }), expect: { ...anyone(200), anonymous: 200 } },
  ],
  'POST /api/auth/logout': [{ target: 'own token', request: () => post('/api/auth/logout'), expect: anyone(204), fresh: 'row' }],
  'GET /api/users/search': [{ target: 'users by name', request: () => get('/api/users/search?q=Own'), expect: anyone(200) }],
  'GET /api/users/me': [{ target: 'own account', request: () => get('/api/users/me'), expect: anyone(200) }],
  'PATCH /api/users/me': [{ target: 'own name', request: () => ({ method: 'PATCH', path: '/api/users/me', body: { username: 'Renamed' } }), expect: anyone(200), fresh: 'row' }],
  // Every role owns a personal wallet holding money, and the admin's group wallet holds money: 409 for all.
  'DELETE /api/users/me': [{ target: 'own account', request: (w, role) => ({ method: 'DELETE', path: '/api/users/me', body: { password: own(w, role).password } }), expect: anyone(409), fresh: 'row' }],
  'POST /api/channels': [{ target: 'a new channel', request: () => post('/api/channels', { name: 'Mine' }), expect: anyone(201) }],
  'GET /api/channels': [{ target: 'own channels', request: () => get('/api/channels'), expect: anyone(200) }],
  'GET /api/channels/search': [{ target: 'public channels', request: () => get('/api/channels/search?q=Open'), expect: anyone(200) }],
  'POST /api/channels/direct': [
    // Owner and member already share one (200); anyone else opens a new one with the owner (201).
    { target: 'with another user', request: (w, role) => post('/api/channels/direct', { userId: other(w, role).id }), expect: { ...anyone(201), member: 200, owner: 200 } },
  ],
  'GET /api/channels/{id}': [
    { target: 'the public channel', request: (w) => get(`/api/channels/${w.openChannelId}`), expect: anyone(200) },
    { target: 'the private channel', request: (w) => get(`/api/channels/${w.closedChannelId}`), expect: only(CLOSED_MEMBERS, 200, 404) },
    { target: 'the direct channel', request: (w) => get(`/api/channels/${w.directChannelId}`), expect: only(DIRECT_MEMBERS, 200, 404) },
  ],
  'POST /api/channels/{id}/join': [
    { target: 'the public channel', request: (w) => post(`/api/channels/${w.openChannelId}/join`), expect: anyone(200), fresh: 'row' },
    { target: 'the private channel with its password', request: (w) => post(`/api/channels/${w.closedChannelId}/join`, { password: CHANNEL_PASSWORD }), expect: anyone(200), fresh: 'row' },
    { target: 'the private channel with a wrong password', request: (w) => post(`/api/channels/${w.closedChannelId}/join`, { password: 'wrong-one' }), expect: only(CLOSED_MEMBERS, 200, 403), fresh: 'row' },
  ],
  'POST /api/channels/{id}/leave': [
    { target: 'the public channel', request: (w) => post(`/api/channels/${w.openChannelId}/leave`), expect: only(OPEN_MEMBERS, 204, 403), fresh: 'role' },
    { target: 'the private channel', request: (w) => post(`/api/channels/${w.closedChannelId}/leave`), expect: only(CLOSED_MEMBERS, 204, 404), fresh: 'row' },
    { target: 'the direct channel', request: (w) => post(`/api/channels/${w.directChannelId}/leave`), expect: only(DIRECT_MEMBERS, 400, 404), fresh: 'row' },
  ],
  'GET /api/channels/{id}/members': [
    { target: 'the public channel', request: (w) => get(`/api/channels/${w.openChannelId}/members`), expect: anyone(200) },
    { target: 'the private channel', request: (w) => get(`/api/channels/${w.closedChannelId}/members`), expect: only(CLOSED_MEMBERS, 200, 404) },
    { target: 'the direct channel', request: (w) => get(`/api/channels/${w.directChannelId}/members`), expect: only(DIRECT_MEMBERS, 200, 404) },
  ],
  'POST /api/channels/{id}/members': [
    // Members may invite; the stranger is the one invited (inviting themself, they are still no member).
    { target: 'the public channel', request: (w) => post(`/api/channels/${w.openChannelId}/members`, { userIds: [w.users.stranger.id] }), expect: only(OPEN_MEMBERS, 200, 403), fresh: 'row' },
    { target: 'the private channel', request: (w) => post(`/api/channels/${w.closedChannelId}/members`, { userIds: [w.users.stranger.id] }), expect: only(CLOSED_MEMBERS, 200, 404), fresh: 'row' },
    { target: 'the direct channel', request: (w) => post(`/api/channels/${w.directChannelId}/members`, { userIds: [w.users.stranger.id] }), expect: only(DIRECT_MEMBERS, 400, 404), fresh: 'row' },
  ],
  'GET /api/contacts': [{ target: 'own contacts', request: () => get('/api/contacts'), expect: anyone(200) }],
  'POST /api/contacts': [
    { target: 'another user', request: (w, role) => post('/api/contacts', { email: w.users[role === 'owner' ? 'admin' : 'owner'].email }), expect: anyone(201), fresh: 'row' },
  ],
  'DELETE /api/contacts/{userId}': [
    // Only the owner has the member as a contact: for anyone else that user is no contact of theirs.
    { target: "the owner's contact", request: (w) => ({ method: 'DELETE', path: `/api/contacts/${w.users.member.id}` }), expect: only(['owner'], 204, 404), fresh: 'row' },
  ],
  'GET /api/channels/{id}/messages': [
    { target: 'the public channel', request: (w) => get(`/api/channels/${w.openChannelId}/messages`), expect: only(OPEN_MEMBERS, 200, 403) },
    { target: 'the private channel', request: (w) => get(`/api/channels/${w.closedChannelId}/messages`), expect: only(CLOSED_MEMBERS, 200, 404) },
    { target: 'the direct channel', request: (w) => get(`/api/channels/${w.directChannelId}/messages`), expect: only(DIRECT_MEMBERS, 200, 404) },
  ],
  'GET /api/channels/{id}/messages/search': [
    { target: 'the public channel', request: (w) => get(`/api/channels/${w.openChannelId}/messages/search?q=hello`), expect: only(OPEN_MEMBERS, 200, 403) },
    { target: 'the private channel', request: (w) => get(`/api/channels/${w.closedChannelId}/messages/search?q=hello`), expect: only(CLOSED_MEMBERS, 200, 404) },
    { target: 'the direct channel', request: (w) => get(`/api/channels/${w.directChannelId}/messages/search?q=hello`), expect: only(DIRECT_MEMBERS, 200, 404) },
  ],
  'POST /api/channels/{id}/read': [
    { target: 'the public channel', request: (w) => post(`/api/channels/${w.openChannelId}/read`, { seq: w.messageSeq }), expect: only(OPEN_MEMBERS, 204, 403) },
    { target: 'the private channel', request: (w) => post(`/api/channels/${w.closedChannelId}/read`, { seq: 0 }), expect: only(CLOSED_MEMBERS, 204, 404) },
    { target: 'the direct channel', request: (w) => post(`/api/channels/${w.directChannelId}/read`, { seq: 0 }), expect: only(DIRECT_MEMBERS, 204, 404) },
  ],
  // Every role has its personal wallet already.
  'POST /api/wallets': [{ target: 'own personal wallet', request: () => post('/api/wallets', { password: WALLET_PASSWORD }), expect: anyone(409) }],
  'GET /api/wallets/me': [{ target: 'own personal wallet', request: () => get('/api/wallets/me'), expect: anyone(200) }],
  'POST /api/wallets/{id}/deposits': [
    { target: 'own personal wallet', request: (w, role) => money(`/api/wallets/${ownWallet(w, role)}/deposits`, { amount: 1 }), expect: anyone(201) },
    { target: "the owner's personal wallet", request: (w) => money(`/api/wallets/${w.wallets.owner}/deposits`, { amount: 1 }), expect: only(['owner'], 201, 403) },
    { target: 'the group wallet', request: (w) => money(`/api/wallets/${w.groupWalletId}/deposits`, { amount: 1 }), expect: only(GROUP_PARTICIPANTS, 201, 403) },
  ],
  'POST /api/wallets/{id}/withdrawals': [
    { target: "the owner's personal wallet", request: (w) => money(`/api/wallets/${w.wallets.owner}/withdrawals`, { amount: 1, password: WALLET_PASSWORD }), expect: only(['owner'], 201, 403) },
    { target: 'the group wallet', request: (w) => money(`/api/wallets/${w.groupWalletId}/withdrawals`, { amount: 1, password: WALLET_PASSWORD }), expect: only(['admin'], 201, 403) },
  ],
  'GET /api/wallets/{id}/entries': [
    { target: "the owner's personal wallet", request: (w) => get(`/api/wallets/${w.wallets.owner}/entries`), expect: only(['owner'], 200, 404) },
    { target: 'the group wallet', request: (w) => get(`/api/wallets/${w.groupWalletId}/entries`), expect: only(GROUP_PARTICIPANTS, 200, 404) },
  ],
  'POST /api/wallets/{id}/participants': [
    // Channel members may join (201 when they do, 200 when they already take part); anyone else is refused.
    { target: 'the group wallet', request: (w) => post(`/api/wallets/${w.groupWalletId}/participants`), expect: { ...only(OPEN_MEMBERS, 201, 403), participant: 200, admin: 200 }, fresh: 'row' },
  ],
  'GET /api/wallets/{id}/participants': [
    { target: "the owner's personal wallet", request: (w) => get(`/api/wallets/${w.wallets.owner}/participants`), expect: only(['owner'], 200, 404) },
    { target: 'the group wallet', request: (w) => get(`/api/wallets/${w.groupWalletId}/participants`), expect: only(GROUP_PARTICIPANTS, 200, 404) },
  ],
  'POST /api/transfers': [
    { target: "from the owner's personal wallet", request: (w) => money('/api/transfers', { fromWalletId: w.wallets.owner, toWalletId: w.wallets.member, amount: 1, password: WALLET_PASSWORD }), expect: only(['owner'], 201, 403) },
    { target: 'from the group wallet', request: (w) => money('/api/transfers', { fromWalletId: w.groupWalletId, toWalletId: w.wallets.member, amount: 1, password: WALLET_PASSWORD }), expect: only(['admin'], 201, 403) },
    // Anyone signed in may transfer into any existing wallet.
    { target: 'from own wallet into the group wallet', request: (w, role) => money('/api/transfers', { fromWalletId: ownWallet(w, role), toWalletId: w.groupWalletId, amount: 1, password: WALLET_PASSWORD }), expect: anyone(201) },
  ],
  'POST /api/channels/{id}/wallets': [
    { target: 'the public channel', request: (w) => post(`/api/channels/${w.openChannelId}/wallets`, { name: 'Trip', password: WALLET_PASSWORD }), expect: only(OPEN_MEMBERS, 201, 404) },
    { target: 'the private channel', request: (w) => post(`/api/channels/${w.closedChannelId}/wallets`, { name: 'Trip', password: WALLET_PASSWORD }), expect: only(CLOSED_MEMBERS, 201, 404) },
  ],
  'GET /api/channels/{id}/wallets': [
    { target: 'the public channel', request: (w) => get(`/api/channels/${w.openChannelId}/wallets`), expect: only(OPEN_MEMBERS, 200, 404) },
    { target: 'the private channel', request: (w) => get(`/api/channels/${w.closedChannelId}/wallets`), expect: only(CLOSED_MEMBERS, 200, 404) },
  ],
  'POST /api/reserved-transfers': [
    { target: "from the owner's personal wallet", request: (w) => post('/api/reserved-transfers', { fromWalletId: w.wallets.owner, toWalletId: w.wallets.member, amount: 1, password: WALLET_PASSWORD, executeAt: later() }), expect: only(['owner'], 201, 403) },
    { target: 'from the group wallet', request: (w) => post('/api/reserved-transfers', { fromWalletId: w.groupWalletId, toWalletId: w.wallets.member, amount: 1, password: WALLET_PASSWORD, executeAt: later() }), expect: only(['admin'], 201, 403) },
  ],
  'GET /api/reserved-transfers': [{ target: 'own bookings', request: () => get('/api/reserved-transfers'), expect: anyone(200) }],
  'DELETE /api/reserved-transfers/{id}': [
    { target: "the owner's booking", request: (w) => ({ method: 'DELETE', path: `/api/reserved-transfers/${w.reservedTransferId}` }), expect: only(['owner'], 204, 404), fresh: 'row' },
  ],
  // Push (README "Push notifications"): one's own subscriptions and settings, for anyone signed in;
  // muting is for the channel's members (403 to a public channel's non-members, 404 otherwise).
  'GET /api/push/vapid-public-key': [{ target: 'the key', request: () => get('/api/push/vapid-public-key'), expect: anyone(200) }],
  'POST /api/push/subscriptions': [{ target: 'own browser', request: () => post('/api/push/subscriptions', browserSubscription()), expect: anyone(201) }],
  'DELETE /api/push/subscriptions': [
    // One's own subscriptions only: another's endpoint is unknown to the caller (404).
    { target: "owner's browser", request: (w) => ({ method: 'DELETE', path: '/api/push/subscriptions', body: { endpoint: w.pushEndpoint } }), expect: only(['owner'], 204, 404), fresh: 'row' },
  ],
  'GET /api/push/settings': [{ target: 'own settings', request: () => get('/api/push/settings'), expect: anyone(200) }],
  'PUT /api/push/settings': [{ target: 'own settings', request: () => ({ method: 'PUT', path: '/api/push/settings', body: { showPrivateText: true } }), expect: anyone(200) }],
  'PUT /api/channels/{id}/mute': [
    { target: 'the public channel', request: (w) => ({ method: 'PUT', path: `/api/channels/${w.openChannelId}/mute` }), expect: only(OPEN_MEMBERS, 204, 403) },
    { target: 'the private channel', request: (w) => ({ method: 'PUT', path: `/api/channels/${w.closedChannelId}/mute` }), expect: only(CLOSED_MEMBERS, 204, 404) },
    { target: 'the direct channel', request: (w) => ({ method: 'PUT', path: `/api/channels/${w.directChannelId}/mute` }), expect: only(DIRECT_MEMBERS, 204, 404) },
  ],
  'DELETE /api/channels/{id}/mute': [
    { target: 'the public channel', request: (w) => ({ method: 'DELETE', path: `/api/channels/${w.openChannelId}/mute` }), expect: only(OPEN_MEMBERS, 204, 403) },
    { target: 'the private channel', request: (w) => ({ method: 'DELETE', path: `/api/channels/${w.closedChannelId}/mute` }), expect: only(CLOSED_MEMBERS, 204, 404) },
  ],
};

type AckOutcome = 'ok' | string;
interface SocketCase {
  target: string;
  payload(world: World): Record<string, unknown>;
  /** `ok`, or the error code of the ack; the anonymous socket never connects (connect_error "unauthorized"). */
  expect: Record<SignedInRole, AckOutcome>;
}
/**
 * The members of a channel get `ok`; a non-member what the channel rules give over HTTP: NOT_MEMBER
 * (403) for a public channel, NOT_FOUND (404) for a private, direct or unknown one.
 */
const membersOnly = (members: SignedInRole[], refused: 'NOT_MEMBER' | 'NOT_FOUND'): Record<SignedInRole, AckOutcome> =>
  Object.fromEntries(SIGNED_IN.map((role) => [role, members.includes(role) ? 'ok' : refused])) as Record<SignedInRole, AckOutcome>;
const onEachChannel = (payload: (world: World, channelId: string) => Record<string, unknown>): SocketCase[] => [
  { target: 'the public channel', payload: (w) => payload(w, w.openChannelId), expect: membersOnly(OPEN_MEMBERS, 'NOT_MEMBER') },
  { target: 'the private channel', payload: (w) => payload(w, w.closedChannelId), expect: membersOnly(CLOSED_MEMBERS, 'NOT_FOUND') },
  { target: 'the direct channel', payload: (w) => payload(w, w.directChannelId), expect: membersOnly(DIRECT_MEMBERS, 'NOT_FOUND') },
  { target: 'an unknown channel', payload: (w) => payload(w, randomUUID()), expect: membersOnly([], 'NOT_FOUND') },
];

const SOCKET_MATRIX: Record<string, SocketCase[]> = {
  'message:send': onEachChannel((_, channelId) => ({ channelId, clientMsgId: randomUUID(), text: 'hello' })),
  'message:read': onEachChannel((_, channelId) => ({ channelId, seq: 0 })),
  typing: onEachChannel((_, channelId) => ({ channelId })),
  // Owner's message in the public channel: only its sender edits it; a member is FORBIDDEN, a
  // non-member NOT_MEMBER. In a private channel it is no message of that channel (NOT_FOUND), and
  // a non-member learns nothing more (NOT_FOUND).
  'message:edit': [
    { target: "owner's message", payload: (w) => ({ channelId: w.openChannelId, messageId: w.messageId, text: 'edited' }), expect: { stranger: 'NOT_MEMBER', member: 'FORBIDDEN', participant: 'FORBIDDEN', admin: 'FORBIDDEN', owner: 'ok' } },
    { target: 'a message of another channel', payload: (w) => ({ channelId: w.closedChannelId, messageId: w.messageId, text: 'edited' }), expect: membersOnly([], 'NOT_FOUND') },
  ],
  // The sender (here also the channel's owner, asked last) deletes; other members are FORBIDDEN.
  'message:delete': [
    { target: "owner's message", payload: (w) => ({ channelId: w.openChannelId, messageId: w.doomedMessageId }), expect: { stranger: 'NOT_MEMBER', member: 'FORBIDDEN', participant: 'FORBIDDEN', admin: 'FORBIDDEN', owner: 'ok' } },
    { target: 'a message of another channel', payload: (w) => ({ channelId: w.closedChannelId, messageId: w.messageId }), expect: membersOnly([], 'NOT_FOUND') },
  ],
};

function authorizationCases(start: () => Promise<TestApp>) {
  let t: TestApp;
  let shared: World;

  beforeAll(async () => {
    t = await start();
    shared = await buildWorld(t);
  });
  afterAll(() => t.close());

  it('has a row for every route of /docs-json and every socket event', async () => {
    const routes = documentedRoutes(await apiDocument(t));
    expect(routesWithoutRow(routes, MATRIX)).toEqual([]);
    expect(Object.keys(MATRIX).filter((key) => !routes.some((route) => route.key === key))).toEqual([]);
    expect(Object.keys(SOCKET_MATRIX).sort()).toEqual(Object.keys(SOCKET_EVENTS).sort());
  });

  async function answer(world: World, role: Role, matrixCase: MatrixCase): Promise<number> {
    const { method, path, body, idempotent } = matrixCase.request(world, role);
    let call = t.http[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](path);
    if (role !== 'anonymous') call = call.set('authorization', `Bearer ${world.users[role].token}`);
    if (idempotent) call = call.set('idempotency-key', randomUUID());
    return (body === undefined ? await call : await call.send(body)).status;
  }

  const httpCases = Object.entries(MATRIX).flatMap(([key, cases]) => cases.map((matrixCase) => [`${key} on ${matrixCase.target}`, matrixCase] as const));
  it.each(httpCases)('%s: only the allowed roles succeed', async (_, matrixCase) => {
    const rowWorld = matrixCase.fresh === 'row' ? await buildWorld(t) : shared;
    const worlds = matrixCase.fresh === 'role' ? await Promise.all(ROLES.map(() => buildWorld(t))) : ROLES.map(() => rowWorld);
    const seen = {} as Expected;
    for (const [index, role] of ROLES.entries()) seen[role] = await answer(worlds[index], role, matrixCase);
    expect(seen).toEqual(matrixCase.expect);
  }, 60_000);

  const socketCases = Object.entries(SOCKET_MATRIX).flatMap(([event, cases]) => cases.map((socketCase) => [`${event} on ${socketCase.target}`, event, socketCase] as const));
  it.each(socketCases)('%s: only the allowed roles succeed', async (_, event, socketCase) => {
    const seen = {} as Record<SignedInRole, AckOutcome>;
    for (const role of SIGNED_IN) {
      const socket = await connectChat(t.url, shared.users[role].token);
      try {
        const ack = await ask(socket, event, socketCase.payload(shared));
        expect(ackProblem(ack)).toBeNull();
        seen[role] = ack.ok ? 'ok' : (ack as unknown as { error: { code: string } }).error.code;
      } finally {
        socket.close();
      }
    }
    expect(seen).toEqual(socketCase.expect);
    await expect(connectChat(t.url, undefined)).rejects.toThrow('unauthorized');
  });
}

describeOnEachStore('authorization matrix: every route and socket event by every role', authorizationCases);
