import { ArgumentMetadata, BadRequestException } from '@nestjs/common';
import { NullAllowed } from '../validation/null-allowed';
import { PlainInputPipe } from './plain-input.pipe';

class SomeDto {
  name?: string;
}

class ClearableDto {
  @NullAllowed() description?: string | null;
  name?: string;
}

class MoreClearableDto extends ClearableDto {
  @NullAllowed() topic?: string | null;
}

const pipe = new PlainInputPipe();
const body: ArgumentMetadata = { type: 'body', metatype: SomeDto };
const query: ArgumentMetadata = { type: 'query', metatype: SomeDto };
const param: ArgumentMetadata = { type: 'param', metatype: String, data: 'id' };

function refusal(value: unknown, metadata: ArgumentMetadata): string | undefined {
  try {
    pipe.transform(value, metadata);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    return (error as BadRequestException).message;
  }
}

describe('PlainInputPipe', () => {
  describe('well-formed Unicode', () => {
    it('passes well-formed input through unchanged, astral characters included', () => {
      const value = { name: '🐱 고양이', tags: ['a', { deep: 'ok' }] };
      expect(pipe.transform(value, body)).toBe(value);
      expect(pipe.transform('abc', param)).toBe('abc');
    });

    it('refuses a lone surrogate in a body string, a nested item and a key, naming where', () => {
      expect(refusal({ name: 'a\ud800' }, body)).toBe('name must be well-formed Unicode (no lone surrogates)');
      expect(refusal({ tags: ['ok', { deep: '\udc00' }] }, body)).toBe('tags.1.deep must be well-formed Unicode (no lone surrogates)');
      expect(refusal({ nested: { '\ud800x': 1 } }, body)).toBe('nested has a key that is not well-formed Unicode');
      expect(refusal(['\ud800'], body)).toBe('0 must be well-formed Unicode (no lone surrogates)');
    });

    it('refuses a lone surrogate in a query value, a query key and a path parameter', () => {
      expect(refusal({ q: 'x\udbff' }, query)).toBe('q must be well-formed Unicode (no lone surrogates)');
      expect(refusal({ '\udfff': 'x' }, query)).toBe('query has a key that is not well-formed Unicode');
      expect(refusal('\ud800', param)).toBe('id must be well-formed Unicode (no lone surrogates)');
    });

    it('leaves custom parameters (the signed-in user) alone', () => {
      const user = { id: '\ud800' };
      expect(pipe.transform(user, { type: 'custom' })).toBe(user);
    });
  });

  describe('null', () => {
    it('refuses null for a body field, an item and a nested field, naming where', () => {
      expect(refusal({ name: null }, body)).toBe('name must not be null');
      expect(refusal({ tags: ['a', null] }, body)).toBe('tags.1 must not be null');
      expect(refusal({ a: { b: null } }, body)).toBe('a.b must not be null');
    });

    it('lets null through for a body field marked @NullAllowed(), inherited ones too, and nowhere else', () => {
      const clearable: ArgumentMetadata = { type: 'body', metatype: ClearableDto };
      const more: ArgumentMetadata = { type: 'body', metatype: MoreClearableDto };
      expect(refusal({ description: null }, clearable)).toBeUndefined();
      expect(refusal({ name: null }, clearable)).toBe('name must not be null');
      expect(refusal({ description: null, topic: null }, more)).toBeUndefined();
      expect(refusal({ topic: null }, clearable)).toBe('topic must not be null');
      expect(refusal({ nested: { description: null } }, clearable)).toBe('nested.description must not be null');
      expect(refusal({ description: null }, { type: 'query', metatype: ClearableDto })).toBe('description must not be null');
    });
  });

  describe('keys that name object internals', () => {
    it.each(['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'])(
      'refuses %s as a key of a body, a nested object and a query, like any unknown field',
      (key) => {
        expect(refusal(JSON.parse(`{"${key}":1}`), body)).toBe(`property ${key} should not exist`);
        expect(refusal(JSON.parse(`{"a":[{"${key}":{}}]}`), body)).toBe(`property a.0.${key} should not exist`);
        expect(refusal({ [key]: 'x' }, query)).toBe(`property ${key} should not exist`);
      },
    );

    it('takes ordinary keys that merely look alike', () => {
      expect(refusal({ proto: 1, constructorName: 'x', toStringValue: 'y', Constructor: 'z' }, body)).toBeUndefined();
    });
  });
});
