// The framework-free part of the platform: domain and application code may import this entry only.
export * from './domain-error';
export * from './clock';
export * from './id-generator';
export * from './password-hasher';
export * from './presence';
export * from './event-bus';
export * from './entity-id';
export * from './rate-limiter';
export * from './tokens-revoked';
