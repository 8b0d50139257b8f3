import { bearerToken } from './bearer-token';

describe('bearerToken', () => {
  it.each([
    ['Bearer abc.def.ghi', 'abc.def.ghi'],
    ['bearer abc.def.ghi', 'abc.def.ghi'],
    ['BEARER  a-b_c.d~e+f/g==', 'a-b_c.d~e+f/g=='],
  ])('takes the token of %p', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });

  it.each([undefined, '', 'Bearer', 'Bearer ', 'Basic abc', 'Bearer a b', 'Bearerabc', ' Bearer abc', 'Bearer abc\n'])('finds none in %p', (header) => {
    expect(bearerToken(header)).toBeUndefined();
  });
});
