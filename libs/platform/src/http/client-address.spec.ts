import { clientAddress } from './client-address';

describe('clientAddress', () => {
  it('is the peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress('10.0.0.5', '203.0.113.9', 0)).toBe('10.0.0.5');
    expect(clientAddress('10.0.0.5', undefined, 0)).toBe('10.0.0.5');
  });

  it('behind one trusted proxy, is the entry that proxy appended, not the ones the client wrote before it', () => {
    expect(clientAddress('10.0.0.2', '203.0.113.9', 1)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.2', '198.51.100.77, 203.0.113.9', 1)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.2', ['198.51.100.77', '203.0.113.9'], 1)).toBe('203.0.113.9');
  });

  it('walks as many hops as trusted, and stops at the furthest entry there is', () => {
    expect(clientAddress('10.0.0.2', '198.51.100.77, 203.0.113.9, 10.0.0.3', 2)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.2', '203.0.113.9', 5)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.2', undefined, 1)).toBe('10.0.0.2');
  });
});
