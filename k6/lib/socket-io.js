// A socket.io client for k6, written out on the wire: engine.io protocol 4 over a plain
// WebSocket (no polling upgrade) carrying socket.io protocol 5 packets, default namespace,
// text only. What the server sends and what this client answers:
//   0{"sid",…,"pingInterval"}   engine.io open     → 40{"token":…}  socket.io CONNECT with auth
//   40{"sid":…}                 CONNECT accepted   (44{"message":"unauthorized"}: refused)
//   2                           engine.io ping     → 3 pong
//   42["event",payload]         an event (message:new, presence, …)
//   42<id>["event",payload]     our event asking for an ack; the server answers 43<id>[ack]
// JSON.parse of every frame was a quarter of k6's CPU in the spike (pprof), enough to starve the
// server of its core: listeners registered with onRaw get the payload's JSON text unparsed, and an
// ok ack resolves as { ok: true } without parsing the message it carries (the scripts read no more).
import { WebSocket } from 'k6/websockets';
import { setTimeout, clearTimeout } from 'k6/timers';

/** Connects and resolves once the server accepted the CONNECT packet; rejects on refusal, close or timeout. */
export function connectSocketIo(baseUrl, token, timeoutMs) {
  const url = `${baseUrl.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`;
  return new Promise((resolve, reject) => {
    const client = new SocketIoClient(new WebSocket(url));
    const timer = setTimeout(() => fail(new SocketError('CONNECT_TIMEOUT', `no CONNECT answer within ${timeoutMs} ms`)), timeoutMs);
    function fail(error) {
      clearTimeout(timer);
      reject(error); // first: closing calls onClosedEarly, whose own reason would otherwise win
      client.close();
    }
    client.onOpen = () => client.sendRaw(`40${JSON.stringify({ token })}`);
    client.onConnected = () => {
      clearTimeout(timer);
      resolve(client);
    };
    client.onRefused = (data) => fail(new SocketError('CONNECT_REFUSED', (data && data.message) || 'refused'));
    client.onClosedEarly = () => fail(new SocketError('CONNECT_CLOSED', 'closed before CONNECT was answered'));
  });
}

export class SocketError extends Error {
  constructor(code, message) {
    super(`${code}: ${message}`);
    this.code = code;
  }
}

class SocketIoClient {
  constructor(ws) {
    this.ws = ws;
    this.connected = false;
    this.closed = false;
    this.nextAckId = 0;
    this.pendingAcks = new Map();
    this.listeners = new Map();
    ws.onmessage = (event) => this.onFrame(String(event.data));
    ws.onclose = () => this.onClose();
    ws.onerror = () => this.onClose();
  }

  /** Listens to one server event. */
  on(event, listener) {
    this.listeners.set(event, { listener, raw: false });
  }

  /** Listens to one server event, getting its payload as JSON text (see payloadField). */
  onRaw(event, listener) {
    this.listeners.set(event, { listener, raw: true });
  }

  /** Sends `42<id>[event,payload]` and resolves with the ack's first argument ({ ok: true } alone for an ok ack), or rejects (timeout, close). */
  emitWithAck(event, payload, timeoutMs) {
    const id = this.nextAckId++;
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(new SocketError('SOCKET_CLOSED', 'socket closed'));
      const timer = setTimeout(() => {
        this.pendingAcks.delete(id);
        reject(new SocketError('ACK_TIMEOUT', `no ack within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pendingAcks.set(id, { resolve, reject, timer });
      this.sendRaw(`42${id}${JSON.stringify([event, payload])}`);
    });
  }

  sendRaw(frame) {
    if (!this.closed && this.ws.readyState === 1) this.ws.send(frame);
  }

  close() {
    if (this.closed) return;
    this.sendRaw('41'); // socket.io DISCONNECT, so the server sees a clean leave
    this.ws.close();
    this.onClose();
  }

  onFrame(frame) {
    switch (frame[0]) {
      case '0':
        return this.onOpen && this.onOpen(JSON.parse(frame.slice(1)));
      case '2':
        return this.sendRaw('3');
      case '4':
        return this.onPacket(frame.slice(1));
      case '1':
        return this.onClose();
      default:
        return undefined; // 3 (pong) and 6 (noop) need nothing
    }
  }

  onPacket(packet) {
    const type = packet[0];
    const body = packet.slice(1);
    if (type === '0') {
      this.connected = true;
      return this.onConnected && this.onConnected();
    }
    if (type === '4') return this.onRefused && this.onRefused(JSON.parse(body));
    if (type === '1') return this.onClose();
    const idDigits = /^\d*/.exec(body)[0];
    const json = body.slice(idDigits.length);
    if (type === '2') {
      const named = /^\["((?:[^"\\])*)",?/.exec(json);
      const entry = named && this.listeners.get(named[1]);
      if (!entry) return undefined;
      // The payload's text: between the event name's comma and the closing bracket.
      if (entry.raw) entry.listener(json.slice(named[0].length, -1));
      else entry.listener(JSON.parse(json)[1]);
    } else if (type === '3') {
      const pending = this.pendingAcks.get(Number(idDigits));
      if (!pending) return undefined; // answered after its timeout
      this.pendingAcks.delete(Number(idDigits));
      clearTimeout(pending.timer);
      pending.resolve(json.startsWith('[{"ok":true') ? { ok: true } : JSON.parse(json)[0]);
    }
    return undefined;
  }

  onClose() {
    if (this.closed) return;
    this.closed = true;
    for (const pending of this.pendingAcks.values()) {
      clearTimeout(pending.timer);
      pending.reject(new SocketError('SOCKET_CLOSED', 'socket closed while waiting for an ack'));
    }
    this.pendingAcks.clear();
    if (!this.connected && this.onClosedEarly) this.onClosedEarly();
  }
}

/**
 * A top-level string field of an event's JSON text (from onRaw), without parsing the rest:
 * inside a JSON string every quote is escaped, so `"name":"` can only be a key. Undefined when
 * absent or not a plain string; falls back to JSON.parse for a value holding escapes.
 */
export function payloadField(json, name) {
  const key = `"${name}":"`;
  const start = json.indexOf(key);
  if (start < 0) return undefined;
  const from = start + key.length;
  const end = json.indexOf('"', from);
  if (end < 0) return undefined;
  const value = json.slice(from, end);
  return value.includes('\\') ? JSON.parse(json)[name] : value;
}
