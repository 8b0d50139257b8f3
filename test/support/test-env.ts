// Every test process: quiet logs and a cheap argon2 cost (the production default is kept in config).
process.env.LOG_LEVEL ??= 'silent';
process.env.ARGON2_MEMORY_KIB ??= '1024';
process.env.ARGON2_TIME_COST ??= '1';
