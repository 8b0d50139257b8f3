import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { BenchSettings, SCENARIO_DEFAULTS, ScenarioName, SCENARIOS } from './settings';

export interface CliOptions {
  readonly settings: BenchSettings;
  readonly url?: string[];
  readonly nodes: number;
  readonly bus: 'memory' | 'kafka';
  readonly store: 'sqlite' | 'mysql';
  readonly workers: number;
  readonly baseline: boolean;
  readonly build: boolean;
  readonly label: string;
  readonly out?: string;
  readonly serverEnv: Record<string, string>;
}

const NUMBERS = ['users', 'channels', 'members', 'rate', 'duration', 'ramp', 'messages', 'drop', 'down', 'growth', 'steps', 'p99-limit', 'connect-over'] as const;

export function parseCli(argv: string[]): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      scenario: { type: 'string', default: 'steady' },
      url: { type: 'string' },
      nodes: { type: 'string', default: '1' },
      bus: { type: 'string', default: 'memory' },
      store: { type: 'string', default: 'sqlite' },
      workers: { type: 'string', default: String(cpus().length) },
      tiers: { type: 'string' },
      baseline: { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      label: { type: 'string', default: '' },
      out: { type: 'string' },
      'server-env': { type: 'string', multiple: true, default: [] },
      ...Object.fromEntries(NUMBERS.map((name) => [name, { type: 'string' as const }])),
    },
  });
  const scenario = values.scenario as ScenarioName;
  if (!SCENARIOS.includes(scenario)) throw new Error(`--scenario must be one of ${SCENARIOS.join(', ')}`);
  const number = (name: (typeof NUMBERS)[number], fallback: number) => {
    const raw = (values as unknown as Record<string, string | undefined>)[name];
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number ≥ 0, not "${raw}"`);
    return value;
  };
  const base = SCENARIO_DEFAULTS[scenario];
  const settings: BenchSettings = {
    scenario,
    users: number('users', base.users),
    channels: number('channels', base.channels),
    members: number('members', base.members),
    rate: number('rate', base.rate),
    duration: number('duration', base.duration),
    ramp: number('ramp', base.ramp),
    tiers: values.tiers ? values.tiers.split(',').map(Number) : base.tiers,
    messagesPerUser: number('messages', base.messagesPerUser),
    drop: number('drop', base.drop),
    down: number('down', base.down),
    growth: number('growth', base.growth),
    steps: number('steps', base.steps),
    p99Limit: number('p99-limit', base.p99Limit),
    connectOver: number('connect-over', base.connectOver),
  };
  if (settings.members > settings.users && scenario !== 'spike') throw new Error('--members cannot exceed --users');
  const serverEnv: Record<string, string> = {};
  for (const pair of values['server-env']) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new Error(`--server-env takes KEY=value, not "${pair}"`);
    serverEnv[pair.slice(0, at)] = pair.slice(at + 1);
  }
  const bus = values.bus as CliOptions['bus'];
  const store = values.store as CliOptions['store'];
  if (!['memory', 'kafka'].includes(bus)) throw new Error('--bus must be memory or kafka');
  if (!['sqlite', 'mysql'].includes(store)) throw new Error('--store must be sqlite or mysql');
  return {
    settings,
    url: values.url?.split(',').map((url) => url.replace(/\/$/, '')),
    nodes: Number(values.nodes),
    bus,
    store,
    workers: Math.max(1, Number(values.workers)),
    baseline: values.baseline,
    build: !values['no-build'],
    label: values.label,
    out: values.out,
    serverEnv,
  };
}
