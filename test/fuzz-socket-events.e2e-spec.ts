import fc from 'fast-check';
import { io, Socket } from 'socket.io-client';
import { buildWorld, SignedInRole, World } from './support/api-world';
import { ask, connectChat } from './support/chat-client';
import { assertReplayable, FUZZ_RUNS, reportFuzzRun, seedOf } from './support/fuzz-settings';
import { hostileSocketValue, nestingDepth } from './support/hostile-input';
import { rawEmitWithAck } from './support/raw-socket-frames';
import { Ack, ackProblem, handledSocketEvents, SOCKET_EVENTS, socketArguments } from './support/socket-events';
import { LogLine, startTestApp, TestApp } from './support/test-app';

/** An ack that takes longer is a hung socket. */
const ACK_DEADLINE_MS = 5_000;
const CLIENT_ENCODABLE_DEPTH = 3_000;
/** The send limit off, so the fuzz reaches the use cases instead of RATE_LIMITED. */
const NO_SEND_LIMIT = { RATE_LIMIT_MESSAGE_PER_SECOND: '1000000', RATE_LIMIT_MESSAGE_BURST: '10000000' };
const CALLERS: SignedInRole[] = ['owner', 'member', 'stranger'];
/** An emit costs a tenth of a request with a world of its own: five times the cases for the same time. */
const RUNS = FUZZ_RUNS * 5;

/**
 * Every client → server event under random payloads, from sockets of real users (an owner, a
 * member, a stranger) of a real world: always an ack of the contract, never a hung socket (it
 * answers a valid event afterwards and stays connected), never an error logged.
 */
describe('every socket event under random payloads (socket.io, SQLite)', () => {
  let t: TestApp;
  let world: World;
  const sockets = new Map<SignedInRole, Socket>();
  let cases = 0;
  const pastValidation = new Map<string, number>();

  beforeAll(async () => {
    t = await startTestApp(NO_SEND_LIMIT, { captureLogs: true, listen: true });
    world = await buildWorld(t);
    for (const role of CALLERS) sockets.set(role, await connectChat(t.url, world.users[role].token));
  });
  afterAll(async () => {
    for (const socket of sockets.values()) socket.close();
    await t.close();
  });

  /** Through socket.io-client, or as a raw frame where its encoder overflows its stack on deep nesting. */
  async function emitWithAck(socket: Socket, event: string, args: unknown[]): Promise<Ack> {
    try {
      return (await socket.timeout(ACK_DEADLINE_MS).emitWithAck(event, ...args)) as Ack;
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      return (await rawEmitWithAck(socket, event, args, ACK_DEADLINE_MS)) as Ack;
    }
  }

  it('has a line in SOCKET_EVENTS for every event a gateway handles, and handles every line', () => {
    expect(Object.keys(SOCKET_EVENTS).sort()).toEqual(handledSocketEvents(t));
  });

  it.each(Object.keys(SOCKET_EVENTS))('%s always acks as the contract says and leaves the socket usable', async (event) => {
    const property = fc.asyncProperty(socketArguments(SOCKET_EVENTS[event], world), fc.constantFrom(...CALLERS), async (args, who) => {
      const socket = sockets.get(who)!;
      const ack = await emitWithAck(socket, event, args);
      cases += 1;
      const problem = ackProblem(ack);
      if (problem) throw new Error(`${event} acked ${problem}`);
      if (ack.ok || ack.error.code !== 'VALIDATION') pastValidation.set(event, (pastValidation.get(event) ?? 0) + 1);
      // Still alive: a valid event gets its answer.
      const after = await ask(socket, 'typing', { channelId: world.openChannelId });
      if (ackProblem(after) || !socket.connected) throw new Error(`the socket of ${who} no longer answers after ${event}`);
    });
    await assertReplayable(event, () => fc.assert(property, { seed: seedOf(event), numRuns: RUNS }));
    // A fuzz that never gets past the payload check tests only the payload check.
    expect(pastValidation.get(event) ?? 0).toBeGreaterThan(0);
  }, 60_000);

  it('refuses any handshake token that is not a valid one with connect_error "unauthorized"', async () => {
    // socket.io-client encodes the handshake recursively: thousands of levels never leave it.
    const sendable = hostileSocketValue.filter((value) => nestingDepth(value) < CLIENT_ENCODABLE_DEPTH);
    const property = fc.asyncProperty(fc.oneof(sendable, fc.constant(`${world.users.owner.token}x`)), async (token) => {
      cases += 1;
      const socket = io(t.url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
      try {
        const outcome = await new Promise<string>((resolve) => {
          const timer = setTimeout(() => resolve('no answer (a hung handshake)'), ACK_DEADLINE_MS);
          const answer = (what: string) => {
            clearTimeout(timer);
            resolve(what);
          };
          socket.once('connect', () => answer('connected'));
          socket.once('connect_error', (error) => answer(error.message));
        });
        expect(outcome).toBe('unauthorized');
      } finally {
        socket.close();
      }
    });
    await assertReplayable('handshake', () => fc.assert(property, { seed: seedOf('handshake'), numRuns: RUNS }));
  }, 60_000);

  it('logged no error, and ran every case', () => {
    reportFuzzRun(`socket fuzz over ${Object.keys(SOCKET_EVENTS).length} events and the handshake`, cases);
    expect(cases).toBeGreaterThanOrEqual((Object.keys(SOCKET_EVENTS).length + 1) * RUNS);
    expect(t.logs.filter((line: LogLine) => line.level >= 50)).toEqual([]);
  });
});
