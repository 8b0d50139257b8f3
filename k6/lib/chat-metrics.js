// The custom metrics both scenarios report, and the thresholds that fail a run.
import { Counter, Rate, Trend } from 'k6/metrics';

export const ackMs = new Trend('chat_ack_ms', true); // send → ok ack, per message
export const deliveryMs = new Trend('chat_delivery_ms', true); // send → message:new at another member of the channel
export const connectMs = new Trend('chat_connect_ms', true); // WebSocket open → socket.io CONNECT accepted
export const sent = new Counter('chat_sent');
export const acks = new Counter('chat_acks'); // ok acks
// tagged {code}: an error ack's code, or this client's: ACK_TIMEOUT, CONNECT_*, SOCKET_CLOSED, and
// DEADLINE for messages not sent because the scenario's time ran out first
export const errors = new Counter('chat_errors');
export const errorRate = new Rate('chat_error_rate'); // per send or connect: did it fail
export const deliveries = new Counter('chat_deliveries');
export const deliveriesMissing = new Counter('chat_deliveries_missing'); // acked messages some online member never got

// Every code the contract or this client can give. k6's summary shows a tagged submetric only when
// a threshold names it, so each code also counts in a metric of its own (chat_errors_<CODE>), which
// the summary lists as soon as it has a sample: no threshold that could never fail just for display.
const CODES = ['DEADLINE', 'VALIDATION', 'NOT_MEMBER', 'NOT_FOUND', 'FORBIDDEN', 'RATE_LIMITED', 'UNAVAILABLE', 'ACK_TIMEOUT', 'SOCKET_CLOSED', 'CONNECT_REFUSED', 'CONNECT_TIMEOUT', 'CONNECT_CLOSED', 'OTHER'];
const errorsByCode = Object.fromEntries(CODES.map((code) => [code, new Counter(`chat_errors_${code}`)]));

/** Thresholds from the environment: MAX_ERROR_RATE (default 0) and ACK_P99_MS, per scenario name too. */
export function chatThresholds(defaultP99Ms, scenarioNames, expectedAcks) {
  const maxErrorRate = Number(__ENV.MAX_ERROR_RATE || 0);
  const p99 = Number(__ENV.ACK_P99_MS || defaultP99Ms);
  const thresholds = {
    chat_error_rate: [`rate<=${maxErrorRate}`],
    chat_ack_ms: [`p(99)<${p99}`],
    chat_deliveries_missing: ['count==0'],
  };
  // Without it a run whose VUs died early would pass on the few sends it made.
  if (expectedAcks !== undefined) thresholds.chat_acks = [`count>=${Math.ceil(expectedAcks * (1 - maxErrorRate))}`];
  for (const name of scenarioNames) thresholds[`chat_ack_ms{scenario:${name}}`] = [`p(99)<${p99}`];
  return thresholds;
}

export function recordError(code) {
  countError(CODES.includes(code) ? code : 'OTHER', 1);
  errorRate.add(true);
}

function countError(code, count) {
  errors.add(count, { code });
  errorsByCode[code].add(count);
}

/** Messages a plan never sent (its time ran out, or its socket never connected). */
export function recordUnsent(count) {
  if (count <= 0) return;
  countError('DEADLINE', count);
  for (let i = 0; i < count; i += 1) errorRate.add(true);
}
