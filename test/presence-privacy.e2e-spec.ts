import type { Socket } from 'socket.io-client';
import { collect, connectChat, eventually } from './support/chat-client';
import { SignedInUser, signedInUser, startTestApp, TestApp } from './support/test-app';

type PresenceEvent = { userId: string; status: string };

// DESIGN §5 presence privacy: U's online state is shown to V only when they share a channel or U
// keeps V in U's own contacts; otherwise V sees `online: false` and hears no `presence` about U.
describe('presence privacy (socket.io and HTTP, SQLite)', () => {
  let t: TestApp;
  let sockets: Socket[] = [];
  const auth = (user: SignedInUser) => ({ authorization: `Bearer ${user.token}` });
  const connect = async (user: SignedInUser) => {
    const socket = await connectChat(t.url, user.token);
    sockets.push(socket);
    return socket;
  };
  const keep = async (owner: SignedInUser, contact: SignedInUser) =>
    (await t.http.post('/api/contacts').set(auth(owner)).send({ email: contact.email }).expect(201)).body as { id: string; online: boolean };
  const contactOnline = async (owner: SignedInUser, contact: SignedInUser) =>
    ((await t.http.get('/api/contacts').set(auth(owner)).expect(200)).body as Array<{ id: string; online: boolean }>).find((entry) => entry.id === contact.id)?.online;
  const membersOnline = async (viewer: SignedInUser, channelId: string) =>
    Object.fromEntries(
      ((await t.http.get(`/api/channels/${channelId}/members`).set(auth(viewer)).expect(200)).body as Array<{ id: string; online: boolean }>).map((member) => [member.id, member.online]),
    );
  /** A user who shares a channel with `user`: a witness that presence about them did go out. */
  const witnessOf = async (user: SignedInUser) => {
    const witness = await signedInUser(t.http, 'Witness');
    const channelId = (await t.http.post('/api/channels').set(auth(user)).send({ name: 'witnessed' }).expect(201)).body.id;
    await t.http.post(`/api/channels/${channelId}/join`).set(auth(witness)).send({}).expect(200);
    return collect<PresenceEvent>(await connect(witness), 'presence');
  };

  beforeAll(async () => {
    t = await startTestApp({}, { listen: true });
  });
  afterEach(() => {
    for (const socket of sockets) socket.close();
    sockets = [];
  });
  afterAll(() => t.close());

  it('V keeps U, U does not keep V, no shared channel: V sees U offline everywhere and hears no presence', async () => {
    const [u, v] = [await signedInUser(t.http, 'U'), await signedInUser(t.http, 'V')];
    expect((await keep(v, u)).online).toBe(false);
    const atV = collect<PresenceEvent>(await connect(v), 'presence');
    const atWitness = await witnessOf(u);

    const uSocket = await connect(u);
    await eventually(() => atWitness.length === 1, 'U online at the witness');
    expect(await contactOnline(v, u)).toBe(false);
    // Adding U while U is online does not show them either (another viewer who keeps U).
    const late = await signedInUser(t.http, 'Late');
    expect(await keep(late, u)).toMatchObject({ id: u.id, online: false });
    // A public channel of U's, read by V who is not in it.
    const uChannel = (await t.http.post('/api/channels').set(auth(u)).send({ name: 'u public' }).expect(201)).body.id;
    expect(await membersOnline(v, uChannel)).toEqual({ [u.id]: false });

    uSocket.close();
    await eventually(() => atWitness.length === 2, 'U offline at the witness');
    expect(atWitness).toEqual([
      { userId: u.id, status: 'online' },
      { userId: u.id, status: 'offline' },
    ]);
    expect(atV.filter((event) => event.userId === u.id)).toEqual([]);
  });

  it('U keeps V (V need not keep U): V sees U online and hears presence about U', async () => {
    const [u, v] = [await signedInUser(t.http, 'U'), await signedInUser(t.http, 'V')];
    await keep(u, v);
    await keep(v, u);
    const atV = collect<PresenceEvent>(await connect(v), 'presence');

    const uSocket = await connect(u);
    await eventually(() => atV.length === 1, 'U online at V');
    expect(atV).toEqual([{ userId: u.id, status: 'online' }]);
    expect(await contactOnline(v, u)).toBe(true);
    const uChannel = (await t.http.post('/api/channels').set(auth(u)).send({ name: 'u public' }).expect(201)).body.id;
    expect(await membersOnline(v, uChannel)).toEqual({ [u.id]: true });
    // Only U's own list counts: someone who keeps U, but whom U does not keep, sees U offline.
    const other = await signedInUser(t.http, 'Other');
    expect((await keep(other, u)).online).toBe(false);

    uSocket.close();
    await eventually(() => atV.length === 2, 'U offline at V');
    expect(atV[1]).toEqual({ userId: u.id, status: 'offline' });
    expect(await contactOnline(v, u)).toBe(false);
  });

  it('U and V share a channel (no contact of U): V sees U online and hears presence, until U leaves it', async () => {
    const [u, v] = [await signedInUser(t.http, 'U'), await signedInUser(t.http, 'V')];
    await keep(v, u);
    const channelId = (await t.http.post('/api/channels').set(auth(v)).send({ name: 'shared' }).expect(201)).body.id;
    await t.http.post(`/api/channels/${channelId}/join`).set(auth(u)).send({}).expect(200);
    const atV = collect<PresenceEvent>(await connect(v), 'presence');

    const uSocket = await connect(u);
    await eventually(() => atV.length === 1, 'U online at V');
    expect(atV).toEqual([{ userId: u.id, status: 'online' }]);
    expect(await contactOnline(v, u)).toBe(true);
    expect((await membersOnline(v, channelId))[u.id]).toBe(true);

    // No channel in common any more: U's online state is hidden from V again.
    await t.http.post(`/api/channels/${channelId}/leave`).set(auth(u)).expect(204);
    expect(await contactOnline(v, u)).toBe(false);
    const atWitness = await witnessOf(u);
    uSocket.close();
    await eventually(() => atWitness.length === 1, 'U offline at the witness');
    expect(atV.filter((event) => event.status === 'offline')).toEqual([]);
  });
});
