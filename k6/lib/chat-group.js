// One VU drives a group of consecutive users (whole channels, so every member of a channel is
// in the same VU and send → delivery is measured on one clock): connects their sockets at
// once, lets each run its send plan, waits for the deliveries, and records everything.
// Everything ends by the VU's own deadline: k6 1.8 can leave a VU hanging for good when it
// interrupts an iteration that still holds open WebSockets (seen here), so it never has to.
import { setTimeout } from 'k6/timers';
import { connectSocketIo, payloadField } from './socket-io.js';
import { ackMs, acks, connectMs, deliveries, deliveriesMissing, deliveryMs, errorRate, recordError, recordUnsent, sent } from './chat-metrics.js';

const CONNECT_TIMEOUT_MS = 10000;
const ACK_TIMEOUT_MS = 10000; // longer than the server's MESSAGE_ACK_TIMEOUT_MS, so its UNAVAILABLE arrives first
const DELIVERY_GRACE_MS = 3000;

/**
 * Runs `plan(send, userIndex)` for each user of `userIndexes`: an async function that calls
 * `send()` `messagesPerUser` times as it likes and resolves when done. `send()` resolves when
 * the ack (or failure) is recorded, to false without sending once `deadline` (ms since the
 * epoch) is near; whatever a plan did not send by then counts as an error (DEADLINE). `tag`
 * prefixes the clientMsgIds so repeated runs over the same users differ.
 */
export async function runChatGroup(baseUrl, data, userIndexes, members, tag, messagesPerUser, deadline, plan) {
  const inFlight = new Map(); // clientMsgId → { sentAt, awaited, delivered, acked }
  const online = new Set();
  const sendUntil = deadline - DELIVERY_GRACE_MS;
  const sockets = await Promise.all(userIndexes.map((index) => connectUser(baseUrl, data, index, inFlight, Math.min(CONNECT_TIMEOUT_MS, sendUntil - Date.now()))));
  sockets.forEach((socket, n) => socket && online.add(userIndexes[n]));
  let sequence = 0;
  await Promise.all(
    sockets.map((socket, n) => {
      if (!socket) return undefined;
      const index = userIndexes[n];
      const channelId = data.channels[Math.floor(index / members)];
      let sendsLeft = messagesPerUser;
      const send = () => {
        if (Date.now() >= sendUntil || sendsLeft <= 0) return Promise.resolve(false);
        // A send made just before sendUntil still has DELIVERY_GRACE_MS for its ack.
        const ackTimeout = Math.min(ACK_TIMEOUT_MS, deadline - Date.now());
        sendsLeft -= 1;
        const clientMsgId = `${tag}-${index}-${sequence++}`;
        const entry = { sentAt: Date.now(), awaited: onlinePeers(index, members, online), delivered: 0, acked: false };
        inFlight.set(clientMsgId, entry);
        sent.add(1);
        return socket
          .emitWithAck('message:send', { channelId, clientMsgId, text: `k6 안녕하세요 hello ${clientMsgId}` }, ackTimeout)
          .then(
            (ack) => {
              if (ack && ack.ok) {
                ackMs.add(Date.now() - entry.sentAt);
                acks.add(1);
                errorRate.add(false);
                entry.acked = true;
              } else {
                recordError(ack && ack.error ? ack.error.code : 'OTHER');
              }
            },
            (error) => recordError(error.code),
          )
          .then(() => true);
      };
      return plan(send, index).then(() => recordUnsent(sendsLeft));
    }),
  );
  // Users whose socket never connected sent nothing of their plan.
  sockets.forEach((socket) => socket || recordUnsent(messagesPerUser));
  await deliveriesSettled(inFlight, deadline);
  let missing = 0;
  for (const entry of inFlight.values()) if (entry.acked) missing += Math.max(0, entry.awaited - entry.delivered);
  if (missing > 0) deliveriesMissing.add(missing);
  for (const socket of sockets) if (socket) socket.close();
}

async function connectUser(baseUrl, data, index, inFlight, timeoutMs) {
  const started = Date.now();
  try {
    const socket = await connectSocketIo(baseUrl, data.users[index].token, Math.max(1, timeoutMs));
    connectMs.add(Date.now() - started);
    const ownId = data.users[index].id;
    socket.onRaw('message:new', (json) => {
      const entry = payloadField(json, 'senderId') !== ownId && inFlight.get(payloadField(json, 'clientMsgId'));
      if (!entry) return;
      entry.delivered += 1;
      deliveries.add(1);
      deliveryMs.add(Date.now() - entry.sentAt);
    });
    return socket;
  } catch (error) {
    recordError(error.code);
    return null;
  }
}

/** The other members of the sender's channel with a socket in this group. */
function onlinePeers(index, members, online) {
  const first = Math.floor(index / members) * members;
  let peers = 0;
  for (let member = first; member < first + members; member += 1) if (member !== index && online.has(member)) peers += 1;
  return peers;
}

async function deliveriesSettled(inFlight, groupDeadline) {
  const deadline = Math.min(groupDeadline, Date.now() + DELIVERY_GRACE_MS);
  const pending = () => [...inFlight.values()].some((entry) => entry.acked && entry.delivered < entry.awaited);
  while (pending() && Date.now() < deadline) await sleep(50);
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
