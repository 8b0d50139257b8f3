// One VU drives a group of consecutive users (whole channels, so every member of a channel is
// in the same VU and send → delivery is measured on one clock): connects their sockets at
// once, lets each run its send plan, waits for the deliveries, and records everything.
import { setTimeout } from 'k6/timers';
import { connectSocketIo } from './socket-io.js';
import { ackMs, acks, connectMs, deliveries, deliveriesMissing, deliveryMs, errorRate, recordError, sent } from './chat-metrics.js';

const CONNECT_TIMEOUT_MS = 10000;
const ACK_TIMEOUT_MS = 10000; // longer than the server's MESSAGE_ACK_TIMEOUT_MS, so its UNAVAILABLE arrives first
const DELIVERY_GRACE_MS = 3000;

/**
 * Runs `plan(send, userIndex)` for each user of `userIndexes` (an async function that calls
 * `send()` as it likes and resolves when done). `send()` resolves when the ack (or failure)
 * is recorded. `tag` prefixes the clientMsgIds so repeated runs over the same users differ.
 */
export async function runChatGroup(baseUrl, data, userIndexes, members, tag, plan) {
  const inFlight = new Map(); // clientMsgId → { sentAt, senderIndex, awaited, delivered, acked }
  const online = new Set();
  const sockets = await Promise.all(userIndexes.map((index) => connectUser(baseUrl, data, index, inFlight)));
  sockets.forEach((socket, n) => socket && online.add(userIndexes[n]));
  let sequence = 0;
  await Promise.all(
    sockets.map((socket, n) => {
      if (!socket) return undefined;
      const index = userIndexes[n];
      const channelId = data.channels[Math.floor(index / members)];
      const send = () => {
        const clientMsgId = `${tag}-${index}-${sequence++}`;
        const entry = { sentAt: Date.now(), awaited: onlinePeers(index, members, online), delivered: 0, acked: false };
        inFlight.set(clientMsgId, entry);
        sent.add(1);
        return socket
          .emitWithAck('message:send', { channelId, clientMsgId, text: `k6 안녕하세요 hello ${clientMsgId}` }, ACK_TIMEOUT_MS)
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
          );
      };
      return plan(send, index);
    }),
  );
  await deliveriesSettled(inFlight);
  let missing = 0;
  for (const entry of inFlight.values()) if (entry.acked) missing += Math.max(0, entry.awaited - entry.delivered);
  if (missing > 0) deliveriesMissing.add(missing);
  for (const socket of sockets) if (socket) socket.close();
}

async function connectUser(baseUrl, data, index, inFlight) {
  const started = Date.now();
  try {
    const socket = await connectSocketIo(baseUrl, data.users[index].token, CONNECT_TIMEOUT_MS);
    connectMs.add(Date.now() - started);
    const ownId = data.users[index].id;
    socket.on('message:new', (message) => {
      const entry = message.senderId !== ownId && inFlight.get(message.clientMsgId);
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

async function deliveriesSettled(inFlight) {
  const deadline = Date.now() + DELIVERY_GRACE_MS;
  const pending = () => [...inFlight.values()].some((entry) => entry.acked && entry.delivered < entry.awaited);
  while (pending() && Date.now() < deadline) await sleep(50);
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
