import { AllowedOrigins } from './allowed-origins';

describe('AllowedOrigins', () => {
  const origins = new AllowedOrigins(['https://partner.example.com']);

  it('lists exact origins only', () => {
    expect(origins.isListed('https://partner.example.com')).toBe(true);
    expect(origins.isListed('http://partner.example.com')).toBe(false);
    expect(origins.isListed('https://partner.example.com:8443')).toBe(false);
    expect(origins.isListed(undefined)).toBe(false);
    expect(new AllowedOrigins([]).isListed('https://partner.example.com')).toBe(false);
  });

  it('lets a handshake from no Origin, our own host or a listed origin connect, and no other', () => {
    expect(origins.mayConnect(undefined, 'chat.example.com')).toBe(true);
    expect(origins.mayConnect('https://chat.example.com', 'chat.example.com')).toBe(true);
    expect(origins.mayConnect('http://localhost:3000', 'localhost:3000')).toBe(true);
    expect(origins.mayConnect('https://partner.example.com', 'chat.example.com')).toBe(true);
    expect(origins.mayConnect('https://evil.example.com', 'chat.example.com')).toBe(false);
    expect(origins.mayConnect('http://localhost:3001', 'localhost:3000')).toBe(false);
    expect(origins.mayConnect('null', 'chat.example.com')).toBe(false);
    expect(origins.mayConnect('https://chat.example.com', undefined)).toBe(false);
  });
});
