export type ScenarioName = 'steady' | 'fanout' | 'spike' | 'reconnect' | 'ceiling';
export const SCENARIOS: readonly ScenarioName[] = ['steady', 'fanout', 'spike', 'reconnect', 'ceiling'];

export interface BenchSettings {
  readonly scenario: ScenarioName;
  readonly users: number;
  readonly channels: number;
  readonly members: number;
  /** Sends per second (all clients together); the first step's rate for `ceiling`. */
  readonly rate: number;
  /** Seconds of sending (per step for `ceiling`). */
  readonly duration: number;
  /** Seconds over which the rate rises from 0 (inside the duration). */
  readonly ramp: number;
  /** spike: users per tier, each tier in channels of `members`. */
  readonly tiers: readonly number[];
  /** spike: messages each user sends, each after the previous ack. */
  readonly messagesPerUser: number;
  /** reconnect: clients dropped at once, and for how long (s). */
  readonly drop: number;
  readonly down: number;
  /** ceiling: each step's rate is the previous one's times this; at most `steps` steps; a step holds while p99 delivery stays under `p99Limit` ms. */
  readonly growth: number;
  readonly steps: number;
  readonly p99Limit: number;
  /** Seconds over which the clients connect (0: 1 s per 2,000 users; spike: 1 s per tier). */
  readonly connectOver: number;
}

/** The scenarios of issue 10, before any option overrides them. */
export const SCENARIO_DEFAULTS: Record<ScenarioName, Omit<BenchSettings, 'scenario'>> = {
  steady: { users: 2000, channels: 1000, members: 2, rate: 5000, duration: 60, ramp: 0, tiers: [], messagesPerUser: 0, drop: 0, down: 0, growth: 1, steps: 1, p99Limit: 0, connectOver: 0 },
  fanout: { users: 1000, channels: 1, members: 1000, rate: 20, duration: 30, ramp: 0, tiers: [], messagesPerUser: 0, drop: 0, down: 0, growth: 1, steps: 1, p99Limit: 0, connectOver: 0 },
  spike: { users: 0, channels: 0, members: 10, rate: 0, duration: 0, ramp: 0, tiers: [100, 500, 1000, 2000], messagesPerUser: 50, drop: 0, down: 0, growth: 1, steps: 1, p99Limit: 0, connectOver: 0 },
  reconnect: { users: 2000, channels: 1000, members: 2, rate: 1000, duration: 20, ramp: 0, tiers: [], messagesPerUser: 0, drop: 1000, down: 3, growth: 1, steps: 1, p99Limit: 0, connectOver: 0 },
  ceiling: { users: 2000, channels: 1000, members: 2, rate: 1000, duration: 10, ramp: 0, tiers: [], messagesPerUser: 0, drop: 0, down: 0, growth: 1.5, steps: 10, p99Limit: 200, connectOver: 0 },
};
