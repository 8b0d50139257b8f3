// What the spike and steady scripts share: their k6 options around their own scenarios, and setup().
import { chatThresholds } from './chat-metrics.js';
import { prepareUsersAndChannels } from './setup-users.js';

/** k6 options for `scenarios`, with the chat thresholds (p99 ack per scenario too) and the summary's columns. */
export function chatOptions(scenarios, defaultP99Ms, expectedAcks) {
  return {
    scenarios,
    thresholds: chatThresholds(defaultP99Ms, Object.keys(scenarios), expectedAcks),
    setupTimeout: '15m',
    batch: 50,
    batchPerHost: 50,
    summaryTrendStats: ['avg', 'med', 'p(95)', 'p(99)', 'max', 'count'],
  };
}

/** setup(): `users` users signed up and logged in, in channels of `members`, named after this run. */
export function setUpChat(baseUrl, users, members) {
  const runId = Date.now().toString(36);
  return { runId, ...prepareUsersAndChannels(baseUrl, runId, users, members) };
}
