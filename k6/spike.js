// The seed's spike (issue 10): tiers of 100 → 500 → 1,000 → 2,000 users, each tier's users
// joining at once (all its VUs start together), each user sending MESSAGES messages to its
// MEMBERS-member channel as fast as the acks come back. One k6 scenario per tier, one after
// the other; the users are made once in setup() for the largest tier and reused.
//
//   k6 run -e BASE_URL=http://127.0.0.1:3000 [-e TIERS=100,500,1000,2000] [-e MEMBERS=10]
//          [-e MESSAGES=50] [-e TIER_SECONDS=60] [-e ACK_P99_MS=1000] [-e MAX_ERROR_RATE=0] k6/spike.js
// (`npm run bench:k6 -- spike` sets these and starts a server.)
import exec from 'k6/execution';
import { runChatGroup } from './lib/chat-group.js';
import { chatOptions, setUpChat } from './lib/chat-scenario.js';

const BASE_URL = __ENV.BASE_URL || 'http://127.0.0.1:3000';
const TIERS = (__ENV.TIERS || '100,500,1000,2000').split(',').map(Number);
const MEMBERS = Number(__ENV.MEMBERS || 10);
const MESSAGES = Number(__ENV.MESSAGES || 50);
const TIER_SECONDS = Number(__ENV.TIER_SECONDS || 60);
const USERS = Math.max(...TIERS);
/** A tier's VUs finish this long before its slot ends, so k6 never has to interrupt them. */
const CLOSING_MS = 2000;

const scenarios = {};
TIERS.forEach((users, order) => {
  scenarios[`tier_${users}`] = {
    executor: 'per-vu-iterations',
    vus: Math.ceil(users / MEMBERS), // one VU per channel
    iterations: 1,
    startTime: `${order * TIER_SECONDS}s`,
    maxDuration: `${TIER_SECONDS}s`,
    gracefulStop: '0s', // the VUs end themselves before maxDuration (see runChatGroup); unsent messages are errors
    exec: 'tier',
    env: { TIER: String(users) },
  };
});

export const options = chatOptions(scenarios, 1000, TIERS.reduce((sum, users) => sum + users * MESSAGES, 0));

export function setup() {
  return setUpChat(BASE_URL, USERS, MEMBERS);
}

export async function tier(data) {
  const users = Number(__ENV.TIER);
  const first = exec.scenario.iterationInTest * MEMBERS;
  const indexes = [];
  for (let index = first; index < Math.min(users, first + MEMBERS); index += 1) indexes.push(index);
  const deadline = exec.scenario.startTime + TIER_SECONDS * 1000 - CLOSING_MS;
  await runChatGroup(BASE_URL, data, indexes, MEMBERS, `${data.runId}-t${users}`, MESSAGES, deadline, async (send) => {
    for (let n = 0; n < MESSAGES; n += 1) if (!(await send())) return;
  });
}
