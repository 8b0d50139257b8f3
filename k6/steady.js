// A fixed send rate (issue 10's `steady`: 5,000 sends/s from 2,000 users in 1,000 two-member
// channels for 60 s): each user sends every USERS / RATE seconds, not waiting for acks, from a
// random offset so the sends spread evenly. Each VU drives USERS_PER_VU users (whole channels).
//
//   k6 run -e BASE_URL=http://127.0.0.1:3000 [-e USERS=2000] [-e MEMBERS=2] [-e RATE=5000]
//          [-e DURATION=60] [-e USERS_PER_VU=20] [-e ACK_P99_MS=250] [-e MAX_ERROR_RATE=0] k6/steady.js
import exec from 'k6/execution';
import { setTimeout } from 'k6/timers';
import { runChatGroup } from './lib/chat-group.js';
import { chatOptions, setUpChat } from './lib/chat-scenario.js';

const BASE_URL = __ENV.BASE_URL || 'http://127.0.0.1:3000';
const USERS = Number(__ENV.USERS || 2000);
const MEMBERS = Number(__ENV.MEMBERS || 2);
const RATE = Number(__ENV.RATE || 5000);
const DURATION = Number(__ENV.DURATION || 60);
const USERS_PER_VU = Math.max(MEMBERS, Math.floor(Number(__ENV.USERS_PER_VU || 20) / MEMBERS) * MEMBERS);
const INTERVAL_MS = (1000 * USERS) / RATE;
const SENDS_PER_USER = Math.max(1, Math.round((DURATION * RATE) / USERS));
/** Time after the sending for the last acks and deliveries; the VUs end CLOSING_MS before it ends (see runChatGroup). */
const DRAIN_SECONDS = 30;
const CLOSING_MS = 2000;

const scenarios = {
  steady: {
    executor: 'per-vu-iterations',
    vus: Math.ceil(USERS / USERS_PER_VU),
    iterations: 1,
    maxDuration: `${DURATION + DRAIN_SECONDS}s`,
    exec: 'steady',
  },
};

export const options = chatOptions(scenarios, 250, SENDS_PER_USER * USERS);

export function setup() {
  return setUpChat(BASE_URL, USERS, MEMBERS);
}

export async function steady(data) {
  const first = exec.scenario.iterationInTest * USERS_PER_VU;
  const indexes = [];
  for (let index = first; index < Math.min(USERS, first + USERS_PER_VU); index += 1) indexes.push(index);
  const deadline = exec.scenario.startTime + (DURATION + DRAIN_SECONDS) * 1000 - CLOSING_MS;
  await runChatGroup(BASE_URL, data, indexes, MEMBERS, `${data.runId}-s`, SENDS_PER_USER, deadline, async (send) => {
    await sleep(Math.random() * INTERVAL_MS);
    const answers = [];
    const started = Date.now();
    for (let n = 0; n < SENDS_PER_USER; n += 1) {
      answers.push(send());
      // Aim at the schedule, not the last send, so a slow tick does not stretch the run.
      await sleep(Math.max(0, started + (n + 1) * INTERVAL_MS - Date.now()));
    }
    await Promise.all(answers);
  });
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
