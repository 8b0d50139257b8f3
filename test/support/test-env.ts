import { loadInfraEnv } from '../../libs/platform/src/testing';

// Every test process: the test servers from .infra/env, quiet logs and a cheap
// argon2 cost (the production default is kept in config).
loadInfraEnv();
process.env.LOG_LEVEL ??= 'silent';
process.env.ARGON2_MEMORY_KIB ??= '1024';
process.env.ARGON2_TIME_COST ??= '1';
